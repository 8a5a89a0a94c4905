"""Sentence segmentation per language, keeping exact offsets into the document text.

Plain-text lines inside a block are hard boundaries (scraped articles put one item per
line); Markdown blocks are joined (soft wraps). Chinese and Japanese are split on their
sentence punctuation with closing quotes kept. Other languages go through the splitter
chosen (:func:`toolkit.nlp.splitter_name`): by default ``rules``, the Moses rule-based
splitter with each language's non-breaking prefixes (no spaCy; a language it has no data
for falls back to spaCy's sentencizer); ``spacy`` is ``fr_core_news_sm``'s ``senter`` for
French and spaCy's rule-based sentencizer elsewhere. Both get the same repairs afterwards.
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
MAX_LINE = 1_000_000  # characters of one line (or Markdown paragraph) a splitter is given


def segment(doc: Document, markdown: bool | None = None, splitter: str | None = None) -> Document:
    """Return ``doc`` with its segments filled in (idempotent for bilingual units);
    ``splitter``: ``rules`` or ``spacy`` (default: :func:`toolkit.nlp.splitter_name`)."""
    if doc.segments:
        return doc
    md = doc.path.lower().endswith((".md", ".markdown")) if markdown is None else markdown
    pieces: list[tuple[int, int, int, str]] = []  # start, end, block, kind
    for block in doc.blocks:
        for start, end in _lines(doc.text, block.start, block.end, md):
            pieces.append((start, end, block.index, block.kind))
    longest = max(pieces, key=lambda p: p[1] - p[0], default=None)
    if longest is not None and longest[1] - longest[0] > MAX_LINE:  # spaCy's own limit (E088) too
        start, end = longest[:2]
        raise InputError(f"{doc.path}:{doc.line_col(start)[0]}: a line of {end - start:,} characters is longer "
                         f"than the sentence splitter accepts ({MAX_LINE:,}); "
                         "break it into paragraphs (one per line or separated by blank lines)")
    spans = list(split_spans(doc.text, [(s, e) for s, e, _, _ in pieces], base_lang(doc.lang), splitter))
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


def split_spans(text: str, ranges: list[tuple[int, int]], lang: str,
                splitter: str | None = None) -> Iterator[tuple[int, int]]:
    """Sentence spans (absolute offsets) for each ``(start, end)`` range of ``text``."""
    if lang in PUNCT_SPLIT_LANGS:
        for start, end in ranges:
            for m in _CJK_SENT.finditer(text, start, end):
                s, e = _strip(text, m.start(), m.end())
                if e > s:
                    yield s, e
        return
    rules = nlp.rule_splitter(lang) if nlp.splitter_name(splitter) == "rules" else None
    if rules is not None:
        for start, end in ranges:
            sents = list(_rule_fixes(text, list(_rule_spans(rules, text, start, end))))
            yield from _quotes_open_sentences(text, list(_split_after_units(text, list(_repair(text, sents)))))
        return
    pipeline = nlp.sentences(lang)
    texts = (text[s:e] for s, e in ranges)
    for (start, _), doc in zip(ranges, pipeline.pipe(texts, batch_size=64)):
        sents = [(start + sent.start_char, start + sent.end_char) for sent in doc.sents]
        yield from _quotes_open_sentences(text, list(_split_after_units(text, list(_repair(text, sents)))))


# What the rule splitter reads: every space character as a plain space (it breaks only at
# plain spaces, and a no-break space before « ; » or after « is typography, not a word),
# and "…" as "." (it knows "..." only); the same length, so offsets carry over.
_VIEW = {c: " " for c in range(0x3001) if chr(c).isspace()} | {ord("…"): "."}
_WINDOW = 20_000  # characters given to it at once: its time grows with the square of the text


def _rule_spans(splitter, text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` by the rule splitter, read window by window
    (its decisions look at two words at a time, so a window cut at a space changes
    nothing before its last sentence, which the next window starts with)."""
    pos, size = start, _WINDOW
    while pos < end:
        chunk = text[pos:min(end, pos + size)].translate(_VIEW)
        if pos + len(chunk) < end:
            cut = chunk.rstrip(" ").rfind(" ")
            if cut <= 0:  # one word longer than the window
                size *= 2
                continue
            chunk = chunk[:cut]
        spans = _offsets(chunk, splitter.split(chunk), pos)
        if pos + len(chunk) >= end:
            yield from spans
            return
        if len(spans) < 2:  # no sentence ends inside the window yet
            size *= 2
            continue
        yield from spans[:-1]
        pos, size = spans[-1][0], _WINDOW


def _offsets(chunk: str, pieces: list[str], base: int) -> list[tuple[int, int]]:
    """Spans of the splitter's sentences in ``chunk``: it only removes and adds spaces, so
    the n-th sentence is the next run of as many non-space characters as it has."""
    marks = [i for i, c in enumerate(chunk) if c != " "]
    sizes = [len(p) - p.count(" ") for p in pieces]
    if sum(sizes) != len(marks):  # pragma: no cover - the splitter changed a character
        return [(base + marks[0], base + marks[-1] + 1)] if marks else []  # keep the chunk whole
    out, k = [], 0
    for n in filter(None, sizes):
        out.append((base + marks[k], base + marks[k + n - 1] + 1))
        k += n
    return out


# Boundaries the rule splitter's heuristics miss (a statistical splitter finds them): a
# sentence opened by Markdown emphasis or a dialogue dash ("…mois. **Le chantier…",
# "…dit-il. — Non…"); "etc." before a capitalised word; a number with a one-letter unit
# ("…à 9 h. Le train…": to the splitter a single letter is an initial).
_MORE_ENDS = re.compile(r"(?<=[.!?])(\s+)(?=(?:\*\*?|__?|--?|[—–]) ?([^\W\d_]))"
                        r"|(?<![\w.])(?:etc|\d[\d.,]*[ \u00a0\u202f][a-z])\.(\s+)(?=([^\W\d_]))")
# …and one it makes: a one-letter abbreviation before a number ("(p. 12)", "n. 4")
_INITIAL_END = re.compile(r"(?<![^\W\d_])[a-z]\.$")


def _rule_fixes(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    joined: list[list[int]] = []
    for s, e in spans:
        if joined and text[s].isdigit() and _INITIAL_END.search(text, joined[-1][0], joined[-1][1]):
            joined[-1][1] = e
        else:
            joined.append([s, e])
    for s, e in joined:
        cut = s
        for m in _MORE_ENDS.finditer(text, s, e):
            if (m.group(2) or m.group(4)).isupper():
                gap = 1 if m.group(1) else 3
                yield cut, m.start(gap)
                cut = m.end(gap)
        yield cut, e


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
    """The piece ends with a final mark, maybe followed by closing quotes or emphasis and the
    (no-break) spaces French typography puts inside ``»``."""
    return piece.rstrip(_CLOSERS + "\"' *\u00a0\u202f\u2009").endswith((".", "!", "?", "…", ":", ";"))

