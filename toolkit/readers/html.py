"""HTML articles: extract the article text (headings, paragraphs, list items, quotes).

``read_html(path)`` returns the extracted plain text and its blocks: one block per
``h1``–``h6`` (kind ``heading``), ``p``, ``blockquote``, ``pre``, ``figcaption``,
``dd``/``dt`` (``paragraph``) and ``li`` (``list``), separated by a blank line, in
document order. Whitespace inside a block is collapsed to single spaces; ``<br>``
becomes a line break. Page furniture is skipped: ``script``, ``style``, ``nav``,
``header``, ``footer``, ``aside``, ``form`` and the like, and everything in ``<head>``.

Offsets of an HTML document index the *extracted text*, not the HTML file;
``read_html_lines`` also gives the HTML source line of each block, so a reporter can
point back into the page.

Parsing uses lxml.html with network access off; HTML has no entity declarations, and
named character references are decoded by the parser.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..model import Block
from .base import read_text

BLOCK_TAGS = {**{f"h{i}": "heading" for i in range(1, 7)}, "p": "paragraph", "li": "list",
              "blockquote": "paragraph", "pre": "paragraph", "figcaption": "paragraph",
              "dd": "paragraph", "dt": "paragraph"}
SKIP_TAGS = {"script", "style", "nav", "footer", "aside", "header", "form", "noscript", "template",
             "svg", "button", "select", "iframe", "head", "object", "canvas", "menu", "dialog"}
_SPACES = re.compile(r"[ \t\r\n\f\v\u200b]+")


def read_html(path: str | Path) -> tuple[str, tuple[Block, ...]]:
    """Extracted article text and its blocks (offsets index the extracted text)."""
    text, blocks, _ = read_html_lines(path)
    return text, blocks


def read_html_lines(path: str | Path) -> tuple[str, tuple[Block, ...], tuple[int | None, ...]]:
    """Like :func:`read_html`, plus the HTML source line where each block starts."""
    source = read_text(path, "HTML file")
    pieces = extract(source, str(path))
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
    return "".join(out), tuple(blocks), tuple(lines)


def extract(html: str, name: str = "<html>") -> list[tuple[str, str, int | None]]:
    """(kind, text, source line) of each article block of an HTML string."""
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
        block = {"kind": BLOCK_TAGS[tag], "buf": [], "line": el.sourceline}
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
        pieces.append((block["kind"], body, block["line"]))
    block["buf"].clear()


def _clean(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)
