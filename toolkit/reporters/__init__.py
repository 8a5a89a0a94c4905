"""Reporters: one module per output format, each with ``render(result, **options) -> str``.

The table below is the only place formats are named; the CLI offers exactly these.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from ..paths import os_problem, printable, short

# format → its module, imported when that format is asked for (the terminal one brings rich)
FORMATS = {
    "text": "terminal",
    "json": "json_report",
    "sarif": "sarif",
    "junit": "junit",
    "markdown": "markdown",
    "html": "html",
    "github": "github",
}


def reporter(fmt: str):
    """The module that renders ``fmt`` (a name of :data:`FORMATS`)."""
    import importlib

    return importlib.import_module(f".{FORMATS[fmt]}", __name__)


def render(result, fmt: str, **options) -> str:
    return reporter(fmt).render(result, **options)


def render_chunks(result, fmt: str, **options) -> Iterator[str]:
    """The report as pieces of about 64 KB, streamed where the format allows (JSON, SARIF):
    a large batch is then never held as one string next to its findings."""
    module = reporter(fmt)
    pieces = module.chunks(result, **options) if hasattr(module, "chunks") else iter([module.render(result, **options)])
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= 1 << 16:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)


def write_atomic(path: str | Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (UTF-8; a string or pieces of one, see :func:`render_chunks`) to
    ``path`` through a temporary file and a rename, so a reader never sees half a report;
    missing parent folders are created. Undecodable bytes of file names in ``text`` are
    written as ``\\xNN``. Callers check first with :func:`toolkit.paths.guard_outputs`
    that ``path`` is none of their inputs."""
    target = Path(path)
    if target.is_symlink():  # write through a link (the link itself stays)
        target = Path(os.path.realpath(target))
    pieces = [text] if isinstance(text, str) else text
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"{short(target)}: cannot write report: {os_problem(exc)}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for piece in pieces:
                handle.write(printable(piece))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{short(target)}: cannot write report: {os_problem(exc)}") from None
        raise


def write_stdout(text: str | Iterable[str]) -> None:
    """Write a report (a string or pieces of one) to standard output and flush it; a
    failure (a full disk, a closed pipe) becomes one InputError and standard output is
    detached so that nothing more fails when the process exits."""
    try:
        for piece in [text] if isinstance(text, str) else text:
            sys.stdout.write(printable(piece))
        sys.stdout.flush()
    except BrokenPipeError:
        detach_stdout()
        raise
    except OSError as exc:
        detach_stdout()
        raise InputError(f"standard output: cannot write the report: {os_problem(exc)}") from None


def detach_stdout() -> None:
    """Point file descriptor 1 at the null device so that the interpreter's final flush of
    unwritten output cannot fail a second time."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
