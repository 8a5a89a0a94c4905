"""Reading pre-segmented text and writing alignments (beads, TSV, JSON)."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Sequence

from ..errors import InputError
from ..model import Bead
from ..paths import display

__all__ = ["read_presegmented", "parse_presegmented", "render", "FORMATS"]

FORMATS = ("beads", "tsv", "json")
_INDEX_PREFIX = re.compile(r"^\d+\t")


def parse_presegmented(text: str) -> list[str]:
    """One sentence per line. Line numbers are sentence ids, so empty lines are kept.

    A leading BOM and the final newline are dropped. When every non-empty line starts
    with digits and a TAB (the ParIce layout ``index<TAB>sentence``), the prefix is
    stripped.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]
    non_empty = [line for line in lines if line.strip()]
    if non_empty and all(_INDEX_PREFIX.match(line) for line in non_empty):
        lines = [_INDEX_PREFIX.sub("", line, count=1) for line in lines]
    return lines


def read_presegmented(path: str | Path, what: str = "file") -> list[str]:
    """Sentences of a UTF-8 file with one sentence per line (see ``parse_presegmented``).

    The file is read like any input (a regular file, size limit, UTF-8 checked); one
    without any non-blank line is an InputError."""
    from ..readers.base import read_text

    sentences = parse_presegmented(read_text(path, f"{what} (one sentence per line)"))
    if not any(s.strip() for s in sentences):
        raise InputError(f"{display(path)}: {what} has no sentence (every line is blank)")
    return sentences


def _side_text(ids: Sequence[int], sents: Sequence[str]) -> str:
    return " ".join(sents[k] for k in ids)


def _tsv_cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def render(beads: Sequence[Bead], src: Sequence[str], tgt: Sequence[str], fmt: str) -> str:
    """Text of an alignment in ``beads``, ``tsv`` or ``json`` format.

    * ``beads``: one ``[src ids]:[tgt ids]`` line per bead (``Bead.to_text``);
    * ``tsv``: ``type<TAB>confidence<TAB>source text<TAB>target text`` per bead;
    * ``json``: a list of ``{"id", "src", "tgt", "type", "confidence", "src_text",
      "tgt_text"}``.
    """
    if fmt == "beads":
        return "".join(b.to_text() + "\n" for b in beads)
    if fmt == "tsv":
        lines = [f"{b.kind}\t{b.confidence:.3f}\t{_tsv_cell(_side_text(b.src, src))}\t"
                 f"{_tsv_cell(_side_text(b.tgt, tgt))}" for b in beads]
        return "".join(line + "\n" for line in lines)
    if fmt == "json":
        items = [{"id": b.id, "src": list(b.src), "tgt": list(b.tgt), "type": b.kind,
                  "confidence": round(b.confidence, 4),
                  "src_text": _side_text(b.src, src), "tgt_text": _side_text(b.tgt, tgt)}
                 for b in beads]
        return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
    raise ValueError(f"unknown alignment format {fmt!r} (expected one of: {', '.join(FORMATS)})")
