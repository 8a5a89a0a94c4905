"""Unknown target words, classified for the WORD rules (WORD001 non-words, WORD004
misspellings): invented English compounds, source names made into common nouns, coinages
of the source copied as they are, near misses of a common word.

:func:`unknown_words` computes the classification once per article (``ctx.memo``); the
rules in :mod:`toolkit.rules.word` only phrase the findings.
"""
from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass
from typing import Iterable

from ..lexicon import (best_zipf, fold_word, frequency_dict, is_acronym, is_camel, is_known_word,
                       name_forms, tokens, words, zipf)
from ..model import Severity
from ..readers.base import base_lang
from ..textutil import CJK_LANGS, fold
from .base import Context

COMPOUND_PART_ZIPF = 3.5   # each half of an invented English compound is a common English word
SPELLING_ZIPF = 3.0        # the word a misspelling is one edit away from is this common
MIN_LEN = 4
RARE_LISTED = 2.0     # a listed word rarer than this may be a misspelling wordfreq picked up
NEAR_MISS_GAP = 2.5   # … when a word one edit away is this much more frequent (Zipf: ~300×)
ALPHABET = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"


@dataclass(frozen=True)
class Unknown:
    start: int
    end: int
    text: str
    kind: str  # "source-name" | "compound" | "misspelling" | "unknown"
    detail: str = ""
    severity: Severity | None = None


@functools.lru_cache(maxsize=16_384)
def _english_compound(word: str) -> tuple[str, str] | None:
    """``cloudbucket`` → (cloud, bucket): two common English words and more English than French."""
    best = None
    for i in range(3, len(word) - 2):
        a, b = word[:i], word[i:]
        ea, eb = zipf(a, "en"), zipf(b, "en")
        if ea >= COMPOUND_PART_ZIPF and eb >= COMPOUND_PART_ZIPF and \
                ea + eb > zipf(a, "fr") + zipf(b, "fr"):
            score = min(ea, eb)
            if best is None or score > best[0]:
                best = (score, a, b)
    return (best[1], best[2]) if best else None


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in ALPHABET}
    out |= {a + c + b for a, b in splits for c in ALPHABET}
    return out


@functools.lru_cache(maxsize=4096)
def spelling_suggestion(word: str, lang: str = "fr") -> str | None:
    """Up to three frequent words of ``lang`` one edit away from ``word`` (Zipf ≥ 3), ``|``-separated."""
    freqs = frequency_dict(lang)
    floor = 10 ** (SPELLING_ZIPF - 9)
    found = sorted(((freqs.get(c, 0.0), c) for c in _edits1(word.lower())), reverse=True)
    return " | ".join(c for f, c in found[:3] if f >= floor) or None


def _article_words(ctx: Context) -> tuple[set[str], set[str], list[tuple[str, str]]]:
    src_words = words(ctx.source.text) if ctx.source else []
    src = {fold_word(w) for w in src_words}
    src_names = [(fold_word(w), w) for w in src_words if len(w) >= MIN_LEN and not w.islower()]
    gloss = set()
    for e in ctx.glossary or ():
        for term in (e.source, *e.targets, *e.forbidden):
            gloss |= {fold_word(t.text) for t in tokens(term)}
    return src | gloss | {fold(n) for n in name_forms(ctx.target.text)}, gloss, src_names


def _source_coinages(ctx: Context, langs: tuple[str, ...]) -> set[str]:
    """Lower-case words of a Latin-script source that no lexicon knows (a coined word such
    as an invented *bikeathon*): copied into the target they are left untranslated."""
    if ctx.source is None or base_lang(ctx.source.lang) in CJK_LANGS:
        return set()
    in_target = {fold_word(w) for w in words(ctx.target.text) if w.islower()}
    out = set()
    for w in set(words(ctx.source.text)):
        if not w.islower():
            continue
        for form in {w, w.replace("-", "")}:  # "bike-a-thon" is copied as "bikeathon"
            key = fold_word(form)
            if key in in_target and len(form) >= 5 and "-" not in form and \
                    not is_known_word(form, langs + ("en",)) and _english_made(key):
                out.add(key)
    return out


ENGLISH_PART = 0.4  # an English word that makes up this share of a coinage, at one end


@functools.lru_cache(maxsize=16_384)
def _english_made(word: str) -> bool:
    """A coinage built from English words (*bike-a-thon*, *swim-a-thon*, *speedlane*): left
    untranslated when copied. A word of no English make-up (a drug name such as an
    invented *torvalimab*, a species epithet, a brand) is a name: copying it is right."""
    if _english_compound(word):
        return True
    least = max(4, int(len(word) * ENGLISH_PART + 0.999))
    for part in {word[:i] for i in range(least, len(word) - 1)} | {word[i:] for i in range(2, len(word) - least + 1)}:
        if zipf(part, "en") >= COMPOUND_PART_ZIPF and zipf(part, "en") > zipf(part, "fr"):
            return True
    return False


@functools.lru_cache(maxsize=65536)
def _rare_near_miss(word: str, lang: str, langs: tuple[str, ...]) -> str | None:
    """A word that lexicons list only rarely (web misspellings are listed too) and that is
    one edit from a far more frequent word (see NEAR_MISS_GAP): a likely misspelling."""
    if zipf(word, lang) >= RARE_LISTED:  # quick no for the common case
        return None
    found = best_zipf(word, langs)
    if found >= RARE_LISTED:
        return None
    fix = spelling_suggestion(word.lower(), lang)
    if not fix:
        return None
    best = fix.split(" | ")[0]
    return best if zipf(best, lang) >= found + NEAR_MISS_GAP else None


def _inflected(word: str, name: str) -> bool:
    """``skypodes`` is ``SkyPods`` (folded) with a French plural or feminine ending."""
    stem = name[:-1] if name.endswith("s") else name
    return len(stem) >= 4 and word != name and word.startswith(stem) and \
        word[len(stem):] in INFLECTIONS


INFLECTIONS = ("", "s", "es", "e", "x")


def _name_index(src_names: list[tuple[str, str]]) -> dict[str, tuple[int, str]]:
    """Folded source name → (rank of its first occurrence, the name as written there)."""
    index: dict[str, tuple[int, str]] = {}
    for n, (key, orig) in enumerate(src_names):
        index.setdefault(key, (n, orig))
    return index


def _source_name(word: str, index: dict[str, tuple[int, str]]) -> str | None:
    """The first source name of which ``word`` is an :func:`_inflected` form.

    Such a name is the word less an ending of ``INFLECTIONS``, with or without a final
    ``s``: only those few keys are looked up."""
    best = None
    for ending in INFLECTIONS:
        if not word.endswith(ending):
            continue
        stem = word[:len(word) - len(ending)]
        for name in (stem, stem + "s"):
            found = index.get(name)
            if found and (best is None or found[0] < best[0]) and _inflected(word, name):
                best = found
    return best[1] if best else None


def _quoted(text: str, tok) -> bool:
    """« dralon »: a word set in quotes is a mention (a brand, a term), not a typo."""
    before = text[max(0, tok.start - 2):tok.start].rstrip()
    after = text[tok.end:tok.end + 2].lstrip()
    return before.endswith(("«", "“", '"')) and after.startswith(("»", "”", '"'))


def unknown_words(ctx: Context) -> list[Unknown]:
    """Target words no lexicon knows, classified (shared by WORD001 and WORD004)."""
    return ctx.memo("word-unknowns", lambda: list(_classify(ctx)))


class _Cover:
    """Is ``[start, end)`` inside one of the given spans? (log time, for long articles)"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]  # spans sorted by start
        self.reach, best = [], -1
        for _, e in spans:
            best = max(best, e)
            self.reach.append(best)  # the furthest end among spans starting at or before

    def __call__(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.starts, start)
        return k > 0 and self.reach[k - 1] >= end


def _passed_by_text(w: str, known_here: set[str], coinages: set[str], lang: str,
                    langs: tuple[str, ...]) -> bool:
    """True when :func:`_classify` passes over a token of text ``w`` wherever it stands:
    it is not looked at (short, a code, an acronym), or it is not a coinage and it is a
    word of the article or a known word with no likely misspelling."""
    if len(w) < MIN_LEN or not w.isalpha() and any(c.isdigit() for c in w) or is_acronym(w) or is_camel(w):
        return True
    low = fold_word(w)
    if low in coinages and w.islower() and not is_known_word(w, langs):
        return False
    if low in known_here:
        return True
    if is_known_word(w, langs):
        return not (_rare_near_miss(w, lang, langs) if len(w) >= 6 and w.islower() else None)
    return False


def _classify(ctx: Context) -> Iterable[Unknown]:
    lang = base_lang(ctx.target.lang)
    langs = (lang, "en") if lang != "en" else ("en",)
    known_here, _, src_names = _article_words(ctx)
    coinages = _source_coinages(ctx, langs)
    names = _name_index(src_names)
    pinyin: list[tuple[int, int]] = []
    if ctx.source is not None:
        from .xlit import matches

        pinyin = sorted({(m.start, m.end) for m in matches(ctx)})
    inside_pinyin = _Cover(pinyin)
    # Most tokens are words whose fate their text alone decides (too short, a known word
    # with no likely misspelling, a word of the source…): decided once per distinct text.
    passed: dict[str, bool] = {}
    for seg in ctx.article_segments():
        for tok in tokens(seg.text, seg.start):
            w = tok.text
            skip = passed.get(w)
            if skip is None:
                skip = passed[w] = _passed_by_text(w, known_here, coinages, lang, langs)
            if skip:
                continue
            if len(w) < MIN_LEN or tok.has_digit or is_acronym(w) or is_camel(w):
                continue
            if w[0].isupper() and not tok.initial:
                continue  # a name
            low = fold_word(w)
            if inside_pinyin(tok.start, tok.end):
                continue
            if low in coinages and w.islower() and not is_known_word(w, langs):
                yield Unknown(tok.start, tok.end, w, "coinage", "", Severity.MINOR)
                continue
            if low in known_here:
                continue
            if is_known_word(w, langs):
                near = _rare_near_miss(w, lang, langs) if len(w) >= 6 and w.islower() else None
                if near:
                    yield Unknown(tok.start, tok.end, w, "misspelling", near)
                continue
            named = _source_name(low, names)
            if named:
                yield Unknown(tok.start, tok.end, w, "source-name", named, Severity.MAJOR)
                continue
            pair = _english_compound(w.lower())
            if pair:
                sev = Severity.NEUTRAL if w[0].isupper() else Severity.MAJOR
                yield Unknown(tok.start, tok.end, w, "compound", " + ".join(pair), sev)
                continue
            if len(w) >= 5 and (w.islower() or tok.initial) and not _quoted(ctx.target.text, tok):
                fix = spelling_suggestion(w.lower(), lang)
                if fix:
                    if w[0].isupper():
                        fix = " | ".join(f[0].upper() + f[1:] for f in fix.split(" | "))
                    yield Unknown(tok.start, tok.end, w, "misspelling", fix)
                    continue
            yield Unknown(tok.start, tok.end, w, "unknown", "", Severity.NEUTRAL)
