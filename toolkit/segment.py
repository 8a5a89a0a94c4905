"""Sentence segmentation per language, keeping exact offsets into the document text.

Plain-text lines inside a block are hard boundaries (scraped articles put one item per
line); Markdown blocks are joined (soft wraps). French uses ``fr_core_news_sm``'s
``senter``; Chinese and Japanese are split on their sentence punctuation with closing
quotes kept; other languages use spaCy's rule-based sentencizer.
"""
from __future__ import annotations

import re
from typing import Iterator

from . import nlp
from .errors import InputError
from .model import Document, Segment
from .readers.base import base_lang
from .textutil import CJK_LANGS

# Split on CJK sentence punctuation (Korean is written with spaces and Western stops).
PUNCT_SPLIT_LANGS = CJK_LANGS - {"ko"}
_CJK_SENT = re.compile(r".*?(?:[。！？!?]+|…{1,2}|\.{3})[”’」』）)】\"'》]*|.+?$", re.S)
_CLOSERS = "»”’)]}」』）】"
_LINE = re.compile(r"[^\r\n]+")


def segment(doc: Document, markdown: bool | None = None) -> Document:
    """Return ``doc`` with its segments filled in (idempotent for bilingual units)."""
    if doc.segments:
        return doc
    md = doc.path.lower().endswith((".md", ".markdown")) if markdown is None else markdown
    pieces: list[tuple[int, int, int, str]] = []  # start, end, block, kind
    for block in doc.blocks:
        for start, end in _lines(doc.text, block.start, block.end, md):
            pieces.append((start, end, block.index, block.kind))
    try:
        spans = list(split_spans(doc.text, [(s, e) for s, e, _, _ in pieces], base_lang(doc.lang)))
    except ValueError as exc:  # spaCy refuses a text longer than its max_length (E088)
        if "E088" not in str(exc):
            raise
        start, end, _, _ = max(pieces, key=lambda p: p[1] - p[0])
        line = doc.line_col(start)[0]
        raise InputError(f"{doc.path}:{line}: a line of {end - start:,} characters is longer than the "
                         f"sentence splitter accepts ({nlp.sentences(base_lang(doc.lang)).max_length:,}); "
                         "break it into paragraphs (one per line or separated by blank lines)") from None
    segments = []
    for (start, end), (_, _, block, kind) in zip(spans, _owners(spans, pieces)):
        segments.append(Segment(len(segments), start, end, doc.text[start:end], block, kind))
    return doc.with_segments(tuple(segments))


def _lines(text: str, start: int, end: int, markdown: bool) -> Iterator[tuple[int, int]]:
    chunk = text[start:end]
    if markdown and not re.search(r"^\s*(?:[-*+•]|\d+[.)]|#)\s", chunk, re.M):
        yield start, end
        return
    for m in _LINE.finditer(chunk):
        s, e = _strip(text, start + m.start(), start + m.end())
        if e > s:
            yield s, e


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _owners(spans, pieces):
    i = 0
    for s, _ in spans:
        while i + 1 < len(pieces) and s >= pieces[i + 1][0]:
            i += 1
        yield pieces[i]


def split_spans(text: str, ranges: list[tuple[int, int]], lang: str) -> Iterator[tuple[int, int]]:
    """Sentence spans (absolute offsets) for each ``(start, end)`` range of ``text``."""
    if lang in PUNCT_SPLIT_LANGS:
        for start, end in ranges:
            for m in _CJK_SENT.finditer(text, start, end):
                s, e = _strip(text, m.start(), m.end())
                if e > s:
                    yield s, e
        return
    pipeline = nlp.sentences(lang)
    texts = (text[s:e] for s, e in ranges)
    for (start, _), doc in zip(ranges, pipeline.pipe(texts, batch_size=64)):
        sents = [(start + sent.start_char, start + sent.end_char) for sent in doc.sents]
        yield from _quotes_open_sentences(text, list(_split_after_units(text, list(_repair(text, sents)))))


def _repair(text: str, sents: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Merge pieces a statistical splitter cuts off: after a non-final mark, or a piece that
    starts with a closing quote, a lower-case letter or no word at all."""
    merged: list[list[int]] = []
    for s, e in sents:
        s, e = _strip(text, s, e)
        if e <= s:
            continue
        piece = text[s:e]
        if merged and (not _ends_sentence(text[merged[-1][0]:merged[-1][1]]) or piece[0] in _CLOSERS
                       or piece[0].islower() or not any(c.isalnum() for c in piece)):
            merged[-1][1] = e
        else:
            merged.append([s, e])
    for s, e in merged:
        yield s, e


# "rents would exceed £40m. It expects…": a number with a unit letter ends a sentence the
# statistical splitter took for an abbreviation (a capitalised word follows)
_UNIT_END = re.compile(r"(?<![\w.])[£$€¥]?\d[\d.,]*[A-Za-z]{1,3}\.(\s+)(?=[A-Z][a-z]+\s)")


def _split_after_units(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for s, e in spans:
        cut = s
        for m in _UNIT_END.finditer(text, s, e):
            if m.end() < e:
                yield cut, m.start(1)
                cut = m.end(1)
        yield cut, e


_OPENING_QUOTE_AT_END = re.compile(r"\s+([\"“«])$")
_SPLIT_BEFORE_QUOTE = re.compile(r"(?<=[.!?…])\s+(?=[\"“«][\s\u00a0\u202f]?[^\W\d_])")


def _quotes_open_sentences(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """An opening quote belongs to the sentence it opens, in every language alike:
    ``habits. "You need…`` and ``habitudes. « Il faut…`` both split before the quote."""
    spans = [list(x) for x in spans]
    for k in range(len(spans) - 1):  # 'habits. "' + 'You need…' → 'habits.' + '"You need…'
        s, e = spans[k]
        m = _OPENING_QUOTE_AT_END.search(text, s, e)
        if m and m.start() > s and spans[k + 1][0] >= e:
            spans[k][1], spans[k + 1][0] = m.start(), m.start(1)
    for s, e in spans:
        cut = s
        for m in _SPLIT_BEFORE_QUOTE.finditer(text, s, e):
            quote = m.end()
            if text[quote] == '"' and text.count('"', cut, m.start()) % 2:
                continue  # a straight quote that closes a quotation opened in this piece
            yield cut, m.start()
            cut = quote
        yield cut, e


def _ends_sentence(piece: str) -> bool:
    return piece.rstrip(_CLOSERS + "\"' *").endswith((".", "!", "?", "…", ":", ";"))

