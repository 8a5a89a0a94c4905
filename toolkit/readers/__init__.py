"""Readers: one module per format; each returns Documents that keep exact offsets.

``read_document(path)`` picks the reader from the file ending. Bilingual formats
(XLIFF, TMX, PO, CSV/TSV) carry both sides and are read with ``read_bilingual``.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Document
from ..paths import display
from .base import base_lang, detect_lang, lang_from_name, read_text
from .text import blocks_of

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
BILINGUAL_SUFFIXES = {".xlf", ".xliff", ".sdlxliff", ".tmx", ".po", ".pot"}
# Read as bilingual only when named on the command line (a folder's glossary.csv is no article).
TABLE_SUFFIXES = {".csv", ".tsv"}


def read_document(path: str | Path, lang: str | None = None, what: str = "file") -> Document:
    """Read one monolingual article (plain text, Markdown or HTML)."""
    p = Path(path)
    suffix = p.suffix.lower()
    origin = None
    if suffix in HTML_SUFFIXES:
        from .html import read_html_origin

        text, blocks, origin = read_html_origin(p)
    elif suffix in TEXT_SUFFIXES or suffix == "":
        text = read_text(p, what)
        blocks = blocks_of(text, markdown=suffix in {".md", ".markdown"})
    else:
        raise InputError(f"{p}: unsupported file type {suffix!r} (expected .txt, .md, .html, "
                         ".xlf, .tmx, .po)")
    return from_text(text, path=display(p), lang=lang, blocks=blocks, origin=origin)


def from_text(text: str, path: str = "<string>", lang: str | None = None, blocks=None,
              markdown: bool = False, origin=None) -> Document:
    """A Document from a string (used by readers, tests and documentation examples);
    ``origin`` maps ``text`` back to its file when it is not the file's own text."""
    lang_source = "option"
    if not lang:
        lang = lang_from_name(path)
        lang_source = "filename"
    if not lang:
        lang = detect_lang(text)
        lang_source = "detected"
    if blocks is None:
        blocks = blocks_of(text, markdown=markdown)
    return Document(path, text, lang, tuple(blocks), (), lang_source, {}, origin)


__all__ = ["read_document", "from_text", "lang_from_name", "detect_lang", "base_lang",
           "read_text", "InputError"]
