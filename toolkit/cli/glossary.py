"""``mtqa glossary report``: how each term was rendered across a batch."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..errors import MtqaError

app = typer.Typer(help="Glossary reports: term adherence, consistency, forbidden hits and "
                       "candidate new terms.", no_args_is_help=True)


@app.callback()
def _group() -> None:
    """Glossary reports: term adherence, consistency, forbidden hits and candidate terms."""


@app.command("report")
def report(
    paths: List[Path] = typer.Argument(..., help="Article folders, batch folders or bilingual files."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g",
                                            help="Glossary (CSV, TSV or TBX) for every article; "
                                                 "default: each folder's glossary.*"),
    html: Optional[Path] = typer.Option(None, "--html", help="Write the HTML report here."),
    md: Optional[Path] = typer.Option(None, "--md", help="Write a Markdown report here."),
    csv_out: Optional[Path] = typer.Option(None, "--csv", help="Write candidate new terms as glossary CSV."),
    tbx: Optional[Path] = typer.Option(None, "--tbx", help="Write candidate new terms as TBX."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the report data as JSON."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stdout."),
) -> None:
    """For each term: renderings with counts and places, adherence, consistency, forbidden hits."""
    try:
        from ..api import input_files
        from ..paths import guard_outputs
        from ..reporters import write_atomic
        from ..terms.report import build_report, summary_lines

        guard_outputs({"--html": html, "--md": md, "--csv": csv_out, "--tbx": tbx, "--json": json_out},
                      input_files(paths, glossary))
        result = build_report(paths, glossary)
        if result.errors and not result.documents:  # nothing could be read: nothing to report
            more = (f" (and {len(result.errors) - 1} more unreadable document(s))"
                    if len(result.errors) > 1 else "")
            raise MtqaError(result.errors[0]["message"] + more)
        if html:
            from ..reporters.glossary_html import render as render_html

            write_atomic(html, render_html(result))
        if md:
            from ..reporters.glossary_md import render as render_md

            write_atomic(md, render_md(result))
        if csv_out or tbx:
            from ..reporters.glossary_csv import render_csv, render_tbx

            if csv_out:
                write_atomic(csv_out, render_csv(result))
            if tbx:
                write_atomic(tbx, render_tbx(result))
        if json_out:
            import json

            write_atomic(json_out, json.dumps(result.to_json(), ensure_ascii=False, indent=2) + "\n")
    except (MtqaError, OSError) as exc:  # one line; with --debug the traceback first
        from . import show_traceback

        show_traceback()
        typer.echo(f"mtqa: error: {_one_line(exc)}", err=True)
        raise typer.Exit(2)
    if not quiet:
        for line in summary_lines(result):
            typer.echo(line)
        for label, path in (("html", html), ("markdown", md), ("csv", csv_out), ("tbx", tbx),
                            ("json", json_out)):
            if path:
                typer.echo(f"wrote {label}: {path}")
    if result.errors:  # the rest was read and reported; the batch still is not clean
        for error in result.errors:
            typer.echo(f"mtqa: error: {_one_line(MtqaError(error['message']))}", err=True)
        raise typer.Exit(2)


def _one_line(exc: BaseException) -> str:
    from ..paths import os_problem, printable, short

    text = printable(str(exc)) if not isinstance(exc, OSError) or not exc.filename else \
        f"{short(exc.filename)}: {os_problem(exc)}"
    return " ".join(text.split())


# -- glossary extract: candidate entries from aligned articles, no glossary needed ---------

@app.command("extract")
def extract(
    paths: List[Path] = typer.Argument(..., help="Article folders, batch folders or bilingual files."),
    fmt: str = typer.Option("csv", "--format", "-f", help="csv (glossary CSV), tbx or json."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (default: stdout)."),
    min_count: int = typer.Option(2, "--min-count", help="Keep renderings seen at least this often "
                                                          "(names of the name layer: once)."),
    min_confidence: float = typer.Option(0.5, "--min-confidence",
                                         help="Keep pairs at least this sure (0–1)."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an error."),
) -> None:
    """Candidate glossary entries learnt from the aligned sentences: source term, its usual
    rendering, how often, in how many documents, with a confidence and other renderings."""
    fmt = fmt.lower()
    try:
        if fmt not in ("csv", "tbx", "json"):
            raise MtqaError(f"--format must be csv, tbx or json, got {fmt!r}")
        if not 0.0 <= min_confidence <= 1.0 or min_count < 1:
            raise MtqaError("--min-confidence must be within 0–1 and --min-count at least 1")
        from ..reporters import write_atomic
        from ..terms.harvest import harvest, render_csv, render_json, render_tbx

        rows, src_lang, tgt_lang = harvest(paths, min_count, min_confidence)
        text = (render_csv(rows) if fmt == "csv" else render_json(rows) if fmt == "json"
                else render_tbx(rows, src_lang, tgt_lang))
        if output:
            write_atomic(output, text)
    except (MtqaError, OSError) as exc:
        if debug:
            raise
        typer.echo(f"mtqa: error: {_one_line(exc)}", err=True)
        raise typer.Exit(2)
    if output:
        typer.echo(f"wrote {len(rows)} candidate entries ({fmt}): {output}")
    else:
        typer.echo(text, nl=False)
