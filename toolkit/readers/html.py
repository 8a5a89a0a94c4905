"""HTML articles: extract the article text (headings, paragraphs, list items, quotes).

``read_html(path)`` returns the extracted plain text and its blocks: one block per
``h1``–``h6`` (kind ``heading``), ``p``, ``blockquote``, ``pre``, ``figcaption``,
``dd``/``dt`` (``paragraph``) and ``li`` (``list``), separated by a blank line, in
document order. Whitespace inside a block is collapsed to single spaces; ``<br>``
becomes a line break. Page furniture is skipped: ``script``, ``style``, ``nav``,
``header``, ``footer``, ``aside``, ``form`` and the like, and everything in ``<head>``.

Offsets of an HTML document index the *extracted text*; ``read_html_origin`` also
returns the :class:`~toolkit.model.Origin` that maps them back to the page (file
offsets, line and column; how a fix is escaped), and ``read_html_lines`` the HTML
source line of each block.

Parsing uses lxml.html with network access off; HTML has no entity declarations, and
named character references are decoded by the parser.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Block, Origin, Piece, line_starts
from .base import read_text
from .locate import _TAG, align_markup

BLOCK_TAGS = {**{f"h{i}": "heading" for i in range(1, 7)}, "p": "paragraph", "li": "list",
              "blockquote": "paragraph", "pre": "paragraph", "figcaption": "paragraph",
              "dd": "paragraph", "dt": "paragraph"}
SKIP_TAGS = {"script", "style", "nav", "footer", "aside", "header", "form", "noscript", "template",
             "svg", "button", "select", "iframe", "head", "object", "canvas", "menu", "dialog"}
_SKIP = frozenset(SKIP_TAGS)
_SPACES = re.compile(r"[ \t\r\n\f\v\u200b]+")


def read_html(path: str | Path) -> tuple[str, tuple[Block, ...]]:
    """Extracted article text and its blocks (offsets index the extracted text)."""
    text, blocks, _ = read_html_lines(path)
    return text, blocks


def read_html_lines(path: str | Path) -> tuple[str, tuple[Block, ...], tuple[int | None, ...]]:
    """Like :func:`read_html`, plus the HTML source line where each block starts."""
    text, blocks, lines, _ = _read(path)
    return text, blocks, lines


def read_html_origin(path: str | Path) -> tuple[str, tuple[Block, ...], Origin]:
    """Like :func:`read_html`, plus the Origin mapping the extracted text to the page."""
    text, blocks, _, origin = _read(path)
    return text, blocks, origin


def _read(path: str | Path):
    source = read_text(path, "HTML file")
    found = _extract(source, str(path))
    pieces = [(kind, body, line) for kind, body, line, _ in found]
    if not pieces:
        raise InputError(f"{path}: no article text found (no headings, paragraphs or list items "
                         "outside navigation, header and footer)")
    out, blocks, lines, pos = [], [], [], 0
    for kind, body, line in pieces:
        if out:
            out.append("\n\n")
            pos += 2
        blocks.append(Block(len(blocks), pos, pos + len(body), kind))
        lines.append(line)
        out.append(body)
        pos += len(body)
    return "".join(out), tuple(blocks), tuple(lines), _origin(source, blocks, found)


def _origin(source: str, blocks, found) -> Origin:
    """Find each block's text in the page, from its element's line on (a block whose text
    cannot be followed through the markup is located at its element, with no fix)."""
    starts = line_starts(source)
    pieces: list[Piece] = []
    after = 0
    for block, (_, body, line, tag) in zip(blocks, found):
        pos = max(starts[min(line or 1, len(starts)) - 1], after)
        aligned = align_markup(body, source, pos, block.start, "html", skip=_SKIP)
        if aligned is None:  # text before the block's own tag on that line: start after the tag
            m = re.compile(rf"<{tag}\b", re.I).search(source, pos)
            t = _TAG.match(source, m.start()) if m else None
            aligned = align_markup(body, source, t.end(), block.start, "html", skip=_SKIP) if t else None
            if aligned is None:
                at = m.start() if m else pos
                pieces.append(Piece(block.start, block.end, at, at, False, None))
                continue
        pieces.extend(aligned[0])
        after = aligned[1]
    return Origin(source, tuple(pieces))


def extract(html: str, name: str = "<html>") -> list[tuple[str, str, int | None]]:
    """(kind, text, source line) of each article block of an HTML string."""
    return [(kind, body, line) for kind, body, line, _ in _extract(html, name)]


def _extract(html: str, name: str) -> list[tuple[str, str, int | None, str]]:
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"{name}: cannot read as HTML: {exc}") from None
    pieces: list[tuple[str, str, int | None]] = []
    _walk(root, pieces, None)
    return pieces


def _walk(el, pieces: list, block: dict | None) -> None:
    """Collect text into the open block; a nested block closes the text before it."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in SKIP_TAGS or not tag:
        return
    if tag in BLOCK_TAGS:
        _flush(block, pieces)
        block = {"kind": BLOCK_TAGS[tag], "buf": [], "line": el.sourceline, "tag": tag}
        own = block
    else:
        own = None
    if block is not None:
        if tag == "br":
            block["buf"].append("\n")
        if el.text:
            block["buf"].append(el.text)
    for child in el:
        _walk(child, pieces, block)
        if block is not None and child.tail:
            block["buf"].append(child.tail)
    if own is not None:
        _flush(own, pieces)


def _flush(block: dict | None, pieces: list) -> None:
    if block is None:
        return
    body = _clean("".join(block["buf"]))
    if body:
        pieces.append((block["kind"], body, block["line"], block["tag"]))
    block["buf"].clear()


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
