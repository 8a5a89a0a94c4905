"""Reporters: one module per output format, each with ``render(result, **options) -> str``.

The table below is the only place formats are named; the CLI offers exactly these.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import InputError
from . import html, json_report, junit, markdown, sarif, terminal

FORMATS = {
    "text": terminal,
    "json": json_report,
    "sarif": sarif,
    "junit": junit,
    "markdown": markdown,
    "html": html,
}


def render(result, fmt: str, **options) -> str:
    return FORMATS[fmt].render(result, **options)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename: never half a report."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise InputError(f"{target}: cannot write report: {exc.strerror or exc}") from None
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
