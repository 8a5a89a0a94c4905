"""``mtqa audit``: check article folders or batches and report."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import UsageError
from ..runner import ENGINES


Engine = Enum("Engine", {name: name for name in ENGINES}, type=str)  # the engines' table


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"
    html = "html"


def audit(
    paths: List[Path] = typer.Argument(..., help="Article folders (source.<lang>.txt + mt.<lang>.txt), "
                                       "batch folders of such folders, or bilingual files (.xlf, .tmx, .po)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here (atomically) "
                                          "instead of standard output."),
    fail_on: str = typer.Option("major", "--fail-on", help="Exit 1 when a finding has this severity or "
                                "higher: minor, major, critical."),
    no_exit: bool = typer.Option(False, "--no-exit", help="Always exit 0 after a report (findings do not "
                                 "fail the command; input errors still exit 2)."),
    select: Optional[str] = typer.Option(None, "--select", help="Only rules whose id starts with one of "
                                         "these comma-separated prefixes (e.g. TERM,NUM)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Skip rules whose id starts with one of these "
                                         "prefixes (e.g. TYPO002)."),
    severity: List[str] = typer.Option([], "--severity", help="Override a severity: PREFIX=LEVEL, e.g. "
                                       "TYPO=neutral. Repeatable."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary (CSV/TSV/TBX) for every "
                                            "article; default: glossary.csv in each article folder."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text report "
                                         "(default: when writing to a terminal)."),
    # -- scale-out: how the articles of a batch are run, and the progress display --
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, help="Articles audited in parallel: local worker "
                             "processes, or Dask workers of the local cluster (0 = all cores; capped by "
                             "the memory available, with a note)."),
    engine: Optional[Engine] = typer.Option(None, "--engine", help="serial, process (local processes) or "
                                            "dask (Dask distributed). Default: serial for --jobs 1, process "
                                            "for more, dask with --scheduler."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler "
                                            "(tcp://host:8786); default with --engine dask: a local cluster "
                                            "of --jobs workers on 127.0.0.1."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display (there is none either "
                               "when stderr is not a terminal or CI is set)."),
) -> None:
    """Audit machine-translated articles and report findings, scores and a verdict."""
    from .. import api
    from ..engine import Selection
    from ..model import Severity
    from ..reporters import render_chunks, write_atomic

    try:
        threshold = Severity.parse(fail_on)
    except ValueError as exc:
        raise UsageError(f"--fail-on: {exc}") from None
    if threshold == Severity.NEUTRAL:
        raise UsageError("--fail-on neutral would fail on review hints; use minor, major or critical")
    selection = Selection.parse(select, ignore, severity)
    if scheduler and engine not in (None, Engine["dask"]):
        raise UsageError(f"--scheduler is a Dask scheduler address; it needs --engine dask, not {engine.value}")
    engine_name = engine.value if engine else None
    with _progress(quiet, engine_name == "dask" or bool(scheduler)) as progress:
        result = api.audit([str(p) for p in paths], selection=selection, glossary=glossary,
                           fail_on=threshold, jobs=jobs, progress=progress, engine=engine_name,
                           scheduler=scheduler, notify=_note)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    width = _width() if output is None else 100
    report = render_chunks(result, fmt.value, color=use_color and fmt == Format.text, width=width)
    if output is not None:
        write_atomic(output, report)
    else:
        for piece in report:
            sys.stdout.write(piece)
        sys.stdout.flush()
    if result.failed() and not no_exit:
        raise typer.Exit(1)


def _width() -> int:
    import shutil

    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 140))


def _progress(quiet: bool, dask: bool):
    """The progress display of a batch (a no-op context when none is wanted)."""
    import contextlib

    from .progress import BatchProgress, DaskProgress, wanted

    if not wanted(quiet):
        return contextlib.nullcontext(None)
    return DaskProgress() if dask else BatchProgress()


def _note(message: str) -> None:
    sys.stderr.write(f"mtqa: note: {message}\n")
    sys.stderr.flush()
