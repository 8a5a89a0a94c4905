"""Dictionary anchors between Chinese text and a Latin-script translation.

CC-CEDICT (:mod:`toolkit.knowledge.cedict`) gives English glosses for Chinese words.
For sentence alignment a gloss is reduced to *stems*: folded content words cut to a
short prefix (``friendship`` → ``frien``), so an English target matches whatever
inflection it uses, and a French or German target matches English glosses through
shared loanwords and cognates (``technology`` / ``technologie`` → ``techn``). Words in
the most frequent few hundred of a language (function words) carry no stem.

:class:`DocumentLexicon` segments the Chinese sentences of one document by longest
match and remembers every lookup, so a word repeated through a document costs one
dictionary query.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Sequence

from .cedict import HAN_RE, Cedict

__all__ = ["STEM_LEN", "stem", "stop_words", "text_stems", "gloss_stems", "DocumentLexicon"]

STEM_LEN = 5          # letters kept of a content word
MIN_WORD = 3          # shorter words are not content words
STOP_TOP = 250        # this many most frequent words of a language are function words
MAX_RENDERINGS = 12   # glosses of one word looked at (the first are the usual senses)
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_COMBINING_RE = re.compile(r"[\u0300-\u036f]")
_DICT_NOTES = frozenset({"sb", "sth", "one's", "oneself", "etc", "fig", "lit", "esp", "abbr",
                         "also", "used", "classifier", "variant"})


def _fold(word: str) -> str:
    word = word.lower()
    if word.isascii():
        return word
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", word.replace("œ", "oe")))


def stem(word: str) -> str:
    """Folded prefix of a word (no possessive ``'s``); ``''`` for a short word."""
    w = _fold(word)
    for tail in ("'s", "’s"):
        if w.endswith(tail):
            w = w[:-2]
    w = w.replace("’", "'").split("'")[-1]   # French elision: l'amitié → amitié
    return w[:STEM_LEN] if len(w) >= MIN_WORD else ""


@functools.lru_cache(maxsize=16)
def stop_words(lang: str) -> frozenset[str]:
    """The most frequent words of ``lang`` (wordfreq), folded; English ones always too,
    as glosses are English."""
    from wordfreq import top_n_list

    words: set[str] = set(_DICT_NOTES)
    for code in {"en", (lang or "en").split("-")[0].lower()}:
        try:
            words.update(_fold(w) for w in top_n_list(code, STOP_TOP))
        except (LookupError, ValueError):
            continue
    return frozenset(words)


def _word_stem(word: str, stops: frozenset[str]) -> str:
    f = _fold(word)
    if f in stops:
        return ""
    s = stem(f)
    return "" if s in stops else s


def text_stems(text: str, stops: frozenset[str], memo: dict[str, str] | None = None) -> set[str]:
    """Stems of the content words of a Latin-script sentence (``memo``: word → stem,
    kept by the caller across the sentences of a document)."""
    if memo is None:
        memo = {}
    out = set()
    for w in _WORD_RE.findall(text):
        s = memo.get(w)
        if s is None:
            s = memo[w] = _word_stem(w, stops)
        if s:
            out.add(s)
    return out


def gloss_stems(renderings: Iterable[str], stops: frozenset[str]) -> frozenset[str]:
    """Stems of the content words of a word's English renderings."""
    out: set[str] = set()
    for k, gloss in enumerate(renderings):
        if k >= MAX_RENDERINGS:
            break
        out |= text_stems(gloss, stops)
    return frozenset(out)


# gloss stems per (dictionary, stop list): shared by the documents of a process
_STEM_CACHE: dict[tuple[int, frozenset[str]], dict[str, frozenset[str]]] = {}


class DocumentLexicon:
    """Longest-match words of Chinese sentences and their gloss stems, memoised."""

    def __init__(self, dictionary: Cedict, stops: frozenset[str]):
        self.dict = dictionary
        self.stops = stops
        self._known = dictionary.headwords()
        self._stems = _STEM_CACHE.setdefault((id(dictionary), stops), {})
        self._longest: dict[str, int] = {}

    def _max_len(self, ch: str) -> int:
        n = self._longest.get(ch)
        if n is None:
            n = self._longest[ch] = self.dict.max_word_length(ch)
        return n

    def words(self, text: str) -> list[str]:
        """Dictionary words of the Han runs of ``text`` (forward longest match; a
        character unknown to the dictionary is skipped)."""
        out = []
        known = self._known
        for run in HAN_RE.finditer(text):
            i, end = run.start(), run.end()
            while i < end:
                step = 1
                for n in range(min(self._max_len(text[i]), end - i), 0, -1):
                    if text[i:i + n] in known:
                        out.append(text[i:i + n])
                        step = n
                        break
                i += step
        return out

    def stems(self, word: str) -> frozenset[str]:
        s = self._stems.get(word)
        if s is None:
            s = self._stems[word] = gloss_stems(self.dict.renderings(word), self.stops)
        return s

    def sentence_words(self, sentences: Sequence[str]) -> list[list[str]]:
        """Words with at least one gloss stem, per sentence."""
        return [[w for w in self.words(text) if self.stems(w)] for text in sentences]
