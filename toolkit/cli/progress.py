"""Progress of a batch on stderr: a rich bar with ETA, or Dask's own bar on ``--engine dask``.

Shown only when stderr is a terminal, outside CI (``CI`` set in the environment) and
without ``--quiet``; otherwise nothing is written.
"""
from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO


def wanted(quiet: bool, stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if quiet or os.environ.get("CI", "").lower() not in ("", "0", "false"):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class BatchProgress:
    """``progress(name, done, total)`` for :func:`toolkit.api.audit`, drawn with rich.

    A batch of one article draws nothing. Use as a context manager: the bar is removed
    (and the terminal restored) on exit, also on errors.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self._bar = None
        self._task = None

    def __enter__(self) -> "BatchProgress":
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __call__(self, name: str, done: int, total: int) -> None:
        if total <= 1:
            return
        if self._bar is None:
            self._start(total)
        short = name if len(name) <= 40 else "…" + name[-39:]
        self._bar.update(self._task, completed=done, item=short)

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        console = Console(file=self.stream, stderr=self.stream is sys.stderr)
        self._bar = Progress(TextColumn("auditing"), BarColumn(), MofNCompleteColumn(),
                             TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                             TextColumn("{task.fields[item]}", style="dim"),
                             console=console, transient=False)
        self._task = self._bar.add_task("audit", total=total, item="")
        self._bar.start()



class DaskProgress:
    """Dask's own progress bar, drawn on stderr: :class:`toolkit.runner.DaskEngine` calls
    ``watch_dask(futures)`` (in a thread) instead of reporting article by article."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr

    def __enter__(self) -> "DaskProgress":
        return self

    def __exit__(self, *exc) -> None:
        pass

    def __call__(self, name: str, done: int, total: int) -> None:
        pass

    def watch_dask(self, futures) -> None:
        from distributed.diagnostics.progressbar import TextProgressBar

        stream = self.stream

        class StderrBar(TextProgressBar):  # Dask draws on stdout, where the report goes
            def _draw_bar(self, **kwargs):
                with contextlib.redirect_stdout(stream):
                    super()._draw_bar(**kwargs)

            def _draw_stop(self, **kwargs):
                with contextlib.redirect_stdout(stream):
                    super()._draw_stop(**kwargs)

        StderrBar(futures, complete=True)
