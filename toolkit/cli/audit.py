"""``mtqa audit``: check article folders or batches and report."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import InputError, UsageError
from ..nlp import SPLITTERS
from ..runner import ENGINES


Engine = Enum("Engine", {name: name for name in ENGINES}, type=str)  # the engines' table
Splitter = Enum("Splitter", {name: name for name in SPLITTERS}, type=str)  # the sentence splitters


class Format(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    markdown = "markdown"
    html = "html"
    github = "github"


def audit(
    paths: List[Path] = typer.Argument(..., help="Article folders (source.<lang>.txt + mt.<lang>.txt), "
                                       "batch folders of such folders, or bilingual files (.xlf, .tmx, .po)."),
    fmt: Optional[Format] = typer.Option(None, "--format", "-f", help="Output format (default text; "
                                         "github: annotations for GitHub Actions)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here (atomically) "
                                          "instead of standard output."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="Exit 1 when a finding has this severity or "
                                          "higher: minor, major (default), critical."),
    fail_under: Optional[float] = typer.Option(None, "--fail-under", help="Exit 1 when the MQM quality of an "
                                               "article or of the batch is below this (e.g. 90)."),
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
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report and fail only on findings that "
                                            "are not in this baseline file."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record the current findings "
                                                  "in this baseline file (then exit 0)."),
    suppressions: Optional[Path] = typer.Option(None, "--suppressions", help="TOML/JSON file of accepted "
                                                "findings (fingerprint or rule+text, with a reason)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Read settings from this file instead of the "
                                          "nearest mtqa.toml / pyproject.toml [tool.mtqa]."),
    isolated: bool = typer.Option(False, "--isolated", help="Ignore every configuration file."),
    splitter: Optional[Splitter] = typer.Option(None, "--splitter", help="Sentence splitter: rules (default; "
                                                "rule-based, fast) or spacy (the French model's senter; slower). "
                                                "Default also from MTQA_SPLITTER."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text report "
                                         "(default: when writing to a terminal)."),
    # -- scale-out: how the articles of a batch are run, and the progress display --
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=0, help="Articles audited in parallel: "
                                       "local worker processes, or Dask workers of the local cluster (0 = all "
                                       "cores; capped by the memory available, with a note; default 1)."),
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
    from ..baseline import Gate, apply_gate, baseline_json, load_baseline, load_suppressions
    from ..config import Config, load_config
    from ..engine import Selection
    from ..model import Severity
    from ..paths import guard_outputs
    from ..reporters import render_chunks, write_atomic, write_stdout
    from ..scoring import with_fail_under

    cfg = Config() if isolated else load_config(config)
    fmt = fmt or Format(cfg.get("format", "text"))
    fail_on = fail_on if fail_on is not None else cfg.get("fail-on", "major")
    fail_under = fail_under if fail_under is not None else cfg.get("fail-under")
    select = select if select is not None else cfg.get("select")
    ignore = ignore if ignore is not None else cfg.get("ignore")
    severity = severity or cfg.get("severity", [])
    glossary = glossary if glossary is not None else cfg.get("glossary")
    baseline = baseline if baseline is not None else cfg.get("baseline")
    suppressions = suppressions if suppressions is not None else cfg.get("suppressions")
    jobs = jobs if jobs is not None else cfg.get("jobs", 1)
    splitter_name = splitter.value if splitter is not None else cfg.get("splitter")
    try:
        threshold = Severity.parse(fail_on)
    except ValueError:
        raise UsageError(f"--fail-on: unknown severity {fail_on!r} (expected one of: minor, major, critical)") \
            from None
    if threshold == Severity.NEUTRAL:
        raise UsageError("--fail-on neutral would fail on review hints; use minor, major or critical")
    if fail_under is not None and not -1e9 < fail_under <= 100:
        raise UsageError(f"--fail-under: {fail_under:g} is not an MQM quality (at most 100)")
    if baseline is not None and write_baseline is not None:
        raise UsageError("--baseline and --write-baseline do not go together: write the baseline first")
    selection = Selection.parse(select, ignore, severity)
    # before anything is read at length or written: no report may replace an input
    read = [p for p in (baseline, suppressions, cfg.path) if p is not None]
    guard_outputs({"--output": output, "--write-baseline": write_baseline},
                  api.input_files(paths, glossary) + [Path(p) for p in read])
    gate = Gate(load_baseline(baseline) if baseline is not None else None,
                load_suppressions(suppressions) if suppressions is not None else ())
    if scheduler and engine not in (None, Engine["dask"]):
        raise UsageError(f"--scheduler is a Dask scheduler address; it needs --engine dask, not {engine.value}")
    engine_name = engine.value if engine else None
    with _progress(quiet, engine_name == "dask" or bool(scheduler)) as progress:
        result = api.audit([str(p) for p in paths], selection=selection, glossary=glossary,
                           fail_on=threshold, jobs=jobs, progress=progress, engine=engine_name,
                           scheduler=scheduler, notify=_note, splitter=splitter_name)
    if result.errors and not result.articles:  # nothing could be read: nothing to report
        more = f" (and {len(result.errors) - 1} more unreadable document(s))" if len(result.errors) > 1 else ""
        raise InputError(result.errors[0].message + more)
    result = with_fail_under(apply_gate(result, gate), fail_under)
    if write_baseline is not None:
        write_atomic(write_baseline, baseline_json(result))
        sys.stderr.write(f"mtqa: wrote baseline {write_baseline} ({len(result.findings)} findings)\n")
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    width = _width() if output is None else 100
    report = render_chunks(result, fmt.value, color=use_color and fmt == Format.text, width=width)
    if output is not None:
        write_atomic(output, report)
    else:
        write_stdout(report)
    if fmt == Format.github:
        _step_summary(result)
    if result.errors:  # the rest was audited and reported; the batch still is not clean
        for error in result.errors:
            sys.stderr.write(f"mtqa: error: {error.message}\n")
        raise typer.Exit(2)
    if result.failed() and not no_exit and write_baseline is None:
        raise typer.Exit(1)


def _step_summary(result) -> None:
    """In GitHub Actions, the Markdown report also goes to the job summary page."""
    import os

    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    from ..reporters import render

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(render(result, "markdown"))
    except OSError as exc:
        sys.stderr.write(f"mtqa: warning: cannot write the job summary {path}: {exc.strerror or exc}\n")


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
