"""Plain-text and Markdown articles: paragraphs (blank-line separated) and headings.

Offsets are kept exact: a block's ``start``/``end`` index the decoded file text, so
``text[block.start:block.end]`` is the paragraph as written (CRLF kept).
"""
from __future__ import annotations

import re

from ..model import Block

_BLANK_SPLIT = re.compile(r"(?:\r?\n[ \t\u00a0\u3000]*){2,}")
_MD_HEADING = re.compile(r"^#{1,6}\s")
_END_PUNCT = tuple(".!?…:;。！？；：»\"”')）")


def blocks_of(text: str, markdown: bool = False) -> tuple[Block, ...]:
    """Split ``text`` into blocks at blank lines; trailing whitespace is left out of a block."""
    blocks = []
    pos = 0
    pieces = []
    for m in _BLANK_SPLIT.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    for start, end in pieces:
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        start += lead
        end = start + len(chunk.strip())
        if end <= start:
            continue
        blocks.append(Block(len(blocks), start, end, _kind(text[start:end], markdown)))
    return tuple(blocks)


def _kind(chunk: str, markdown: bool) -> str:
    first = chunk.lstrip()
    if _MD_HEADING.match(first):
        return "heading"
    if re.match(r"^\s*(?:[-*+•]|\d+[.)])\s", first) and markdown:
        return "list"
    if "\n" not in chunk and len(chunk) <= 90 and not chunk.rstrip().endswith(_END_PUNCT[:9]):
        return "heading"
    return "paragraph"
