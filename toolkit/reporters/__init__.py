"""Reporters: one module per output format, each with ``render(result, **options) -> str``.

The table below is the only place formats are named; the CLI offers exactly these.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

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


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename, so a
    reader never sees half a report; missing parent folders are created."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise InputError(f"{target}: cannot write report: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
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
