"""The cue lists of :mod:`toolkit.meaning` and how their matches are found quickly.

Each class of cues of a language is one regular expression (an ordered alternation,
longest cue first). Run over a whole sentence, such an alternation tries every cue at
every character, and it was the largest cost of a bilingual unit. Every match of a cue
begins with the cue's first word, except for a cue written with a leading ``*`` (it
matches any word it ends); so one Aho–Corasick pass per sentence over the first words of
all the cues of its language gives every place where a match can begin, and the
expression is tried there alone (``pattern.match(text, pos)``, which sees the text
before ``pos`` for its look-behind). Matches are the same as ``pattern.finditer``: the
leftmost place first, the first cue in order at that place, the next search from the
end of the match.

The first words are looked for in the lower-cased text, which has the same offsets
only when lower-casing keeps the length, and which case-insensitive matching agrees
with except for the few characters that have several case variants (``ſ`` for ``s``):
texts with those, and a class whose leading-``*`` cue may occur, take the whole
expression.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterable, Iterator

DATA = Path(__file__).parent / "data"
# The classes whose matches :class:`Scan` finds (the others are word lists read otherwise).
SCANNED = frozenset({"neg", "neg-lex", "up", "down", "more", "less", "approx", "may", "must", "not-neg"})


def base(lang: str) -> str:
    return (lang or "").split("-")[0].lower()


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    table: dict[tuple[str, str], list[str]] = {}
    for line in (DATA / "meaning_cues.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, cls, cue = line.split("\t")
        table.setdefault((lang, cls), []).append(cue.replace("’", "'").lower())
    return {k: tuple(v) for k, v in table.items()}


def cue_words(lang: str, cls: str) -> tuple[str, ...]:
    """The cues of one class for one language, as written in the data file."""
    return _table().get((base(lang), cls), ())


@functools.lru_cache(maxsize=1)
def languages() -> frozenset[str]:
    return frozenset(lang for lang, _ in _table())


def _latin_alternative(cue: str) -> str:
    body = cue.strip("*")
    head = r"\w*" if cue.startswith("*") else r"(?<![\w-])" if body[:1].isalnum() else ""
    tail = r"\w*" if cue.endswith("*") else r"(?![\w-])" if body[-1:].isalnum() else ""
    return head + r"\s+".join(re.escape(w) for w in body.split()) + tail


@functools.lru_cache(maxsize=None)
def pattern(lang: str, cls: str) -> re.Pattern | None:
    words = cue_words(lang, cls)
    if not words:
        return None
    ordered = sorted(words, key=lambda w: (-len(w), w))
    if lang in ("zh", "ja"):
        return re.compile("|".join(re.escape(w) for w in ordered))
    return re.compile("|".join(_latin_alternative(w) for w in ordered), re.I)


@functools.lru_cache(maxsize=None)
def _literals(lang: str, cls: str):
    """An Aho–Corasick automaton over a text every match of :func:`pattern` contains: each
    cue's first word, wildcards removed, in lower case (the cues are stored lower-cased and
    matched case-insensitively). None when a cue has no such word."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for cue in cue_words(lang, cls):
        words = cue.strip("*").split()
        if not words:
            return None
        automaton.add_word(words[0], None)
    automaton.make_automaton()
    return automaton


def may_match(lang: str, cls: str, lowered: str) -> bool:
    """False only when the class's pattern cannot match ``lowered`` (a quick pre-check)."""
    automaton = _literals(lang, cls)
    return automaton is None or len(automaton) == 0 or next(automaton.iter(lowered), None) is not None


@functools.lru_cache(maxsize=1)
def _several_cases() -> re.Pattern | None:
    """Non-ASCII characters that case-insensitive matching pairs with a letter other than
    their lower case (``ſ`` with ``s``, ``ı`` with ``i``); None when this Python does not
    say which (then every text takes the whole expressions)."""
    try:
        from re._casefix import _EXTRA_CASES
    except ImportError:  # pragma: no cover - older or other Pythons
        return None
    chars = {chr(c) for k, v in _EXTRA_CASES.items() for c in (k, *v) if c > 127}
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@functools.lru_cache(maxsize=None)
def _first_words(lang: str):
    """(automaton, classes with a cue without a first word): the automaton maps the first
    word of every cue of ``lang`` to (its length, ((class, leading ``*``), …))."""
    import ahocorasick

    firsts: dict[str, set[tuple[str, bool]]] = {}
    anywhere: set[str] = set()
    for (lang_, cls), cues in _table().items():
        if lang_ != lang or cls not in SCANNED:
            continue
        for cue in cues:
            words = cue.strip("*").split()
            if words:
                firsts.setdefault(words[0], set()).add((cls, cue.startswith("*")))
            else:
                anywhere.add(cls)
    automaton = ahocorasick.Automaton()
    for word, classes in firsts.items():
        automaton.add_word(word, (len(word), tuple(sorted(classes))))
    if firsts:
        automaton.make_automaton()
    return (automaton if firsts else None), frozenset(anywhere)


class Scan:
    """The places where a cue of each class may begin in one normalised text of ``lang``."""

    def __init__(self, norm: str, lang: str):
        self.lang = lang
        self.lowered = lowered = norm.lower()
        automaton, self.anywhere = _first_words(lang)
        starts: dict[str, set[int]] = {}
        self.starred: set[str] = set()  # classes whose leading-* cue may occur
        if automaton is not None:
            for end, (size, classes) in automaton.iter(lowered):
                for cls, star in classes:
                    starts.setdefault(cls, set()).add(end - size + 1)
                    if star:
                        self.starred.add(cls)
        self.starts = starts
        several = _several_cases()
        self.exact = several is not None and len(lowered) == len(norm) and not several.search(norm)

    def may_match(self, cls: str) -> bool:
        """As :func:`may_match` for this text: a first word of the class occurs."""
        if cls not in SCANNED:
            return may_match(self.lang, cls, self.lowered)
        return cls in self.anywhere or cls in self.starts

    def finditer(self, cls: str, text: str) -> Iterable[re.Match]:
        """``pattern(lang, cls).finditer(text)`` for ``text`` the scanned one or a copy of
        the same length whose changed characters are not letters (masked)."""
        pat = pattern(self.lang, cls)
        if pat is None or not self.may_match(cls):
            return ()
        if cls not in SCANNED or cls in self.anywhere or cls in self.starred or not self.exact:
            return pat.finditer(text)
        return _at(pat, text, sorted(self.starts[cls]))


    def has(self, word: str) -> bool:
        """False only when no match of a pattern that holds ``word`` (lower case, matched
        case-insensitively) can be in the text."""
        return not self.exact or word in self.lowered

    def finditer_from(self, pat: re.Pattern, text: str, *firsts: str) -> Iterable[re.Match]:
        """``pat.finditer(text)`` for a case-insensitive pattern whose every match begins
        with one of ``firsts`` (lower case)."""
        if not self.exact:
            return pat.finditer(text)
        starts = set()
        for word in firsts:
            k = self.lowered.find(word)
            while k >= 0:
                starts.add(k)
                k = self.lowered.find(word, k + 1)
        return _at(pat, text, sorted(starts))


def _at(pat: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    end = 0
    for pos in starts:
        if pos >= end:
            m = pat.match(text, pos)
            if m is not None:
                yield m
                end = m.end()
