"""Reporters: one module per output format, each with ``render(result, **options) -> str``.

The table below is the only place formats are named; the CLI offers exactly these.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import InputError
from . import github, html, json_report, junit, markdown, sarif, terminal

FORMATS = {
    "text": terminal,
    "json": json_report,
    "sarif": sarif,
    "junit": junit,
    "markdown": markdown,
    "html": html,
    "github": github,
}


def render(result, fmt: str, **options) -> str:
    return FORMATS[fmt].render(result, **options)


def render_chunks(result, fmt: str, **options) -> Iterator[str]:
    """The report as pieces of about 64 KB, streamed where the format allows (JSON, SARIF):
    a large batch is then never held as one string next to its findings."""
    module = FORMATS[fmt]
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
    """Write ``text`` (UTF-8; a string or pieces of one) to ``path`` through a temporary
    file and a rename, so a reader never sees half a report; missing parent folders are
    created."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"{target}: cannot write report: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
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
            raise InputError(f"{target}: cannot write report: {exc.strerror or exc}") from None
        raise
