"""Per-sentence anchor keys: things a sentence and its translation tend to share.

Each key is a string whose first character is its class:

``N`` number (normalised value, read by :mod:`toolkit.numbers`), ``W`` word written
the same on both sides (names, acronyms, codes, URLs, Latin tokens inside Chinese
text), ``P`` cognate prefix for
Latin-script pairs, ``K`` consonant skeleton (cognates whose vowels differ), ``Y``
toneless pinyin of Chinese text vs romanised names, ``Q`` punctuation (question and
exclamation marks, quotes, brackets), ``G`` glossary pair, ``L`` word pair learned from
a first alignment of the same document, ``D`` Chinese word and the target words that
match its CC-CEDICT glosses (``dictionary.py``).

Nothing here decides whether a key is informative: the lexical model weighs each key
by how often it occurs on each side of the document.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable, Sequence

from ..numbers import number_values
from ..textutil import HAN_RE, HAN_RUN_RE, is_cjk_lang

__all__ = ["fold", "is_cjk_lang", "is_cjk_text", "sentence_lengths", "SideFeatures",
           "extract_keys", "glossary_keys", "content_units"]

_LATIN_TOKEN_RE = re.compile(
    r"(?:https?://|www\.)\S+|[0-9A-Za-z\u00c0-\u024f]+(?:[.\-_'’/][0-9A-Za-z\u00c0-\u024f]+)*")
_WORD_RE = re.compile(r"\w+")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+")
_CAP_RE = re.compile(r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'’-]*")
_SPECIAL_FOLD = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ł": "l",
                               "þ": "th", "ð": "d", "ı": "i", "’": "'"})

_QUESTION = set("?？¿")
_EXCLAIM = set("!！¡")
_QUOTES = set("\"“”„«»‹›「」『』")
_BRACKETS = set("()（）[]【】")


_COMBINING_RE = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case, accent-free form used for matching (Émile → emile, Straße → strasse)."""
    if text.isascii():
        return text.lower()
    text = text.casefold().translate(_SPECIAL_FOLD)
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


_NON_LETTER_RE = re.compile(r"[\W\d_]+")


def is_cjk_text(sentences: Sequence[str]) -> bool:
    """True when Han characters make up a large share of the letters."""
    text = "".join(sentences[:400])
    han = len(HAN_RE.findall(text))
    return han > 0 and han / max(1, len(_NON_LETTER_RE.sub("", text))) > 0.3


def sentence_lengths(sentences: Sequence[str]) -> list[int]:
    """Length in characters, whitespace runs counted once."""
    return [len(" ".join(s.split())) for s in sentences]


class SideFeatures:
    """Keys of every sentence of one side, plus what the lexicon learner needs."""

    def __init__(self, keys: list[set[str]], units: list[set[str]]):
        self.keys = keys
        self.units = units


def _pinyin_table():
    from pypinyin.constants import PINYIN_DICT  # lazy: only Chinese needs it
    return PINYIN_DICT


_PINYIN_CACHE: dict[str, str] = {}


def _pinyin(ch: str) -> str:
    syl = _PINYIN_CACHE.get(ch)
    if syl is None:
        reading = _pinyin_table().get(ord(ch), "")
        syl = fold(reading.split(",")[0]) if reading else ""
        _PINYIN_CACHE[ch] = syl
    return syl


def _pinyin_keys(text: str, out: set[str]) -> None:
    for run in HAN_RUN_RE.findall(text):
        syls = [_pinyin(c) for c in run]
        n = len(syls)
        for i in range(n):
            joined = ""
            for k in range(i, min(n, i + 3)):
                if not syls[k]:
                    break
                joined += syls[k]
                if len(joined) >= 4:
                    out.add("Y" + joined)


def _romanised_keys(text: str, out: set[str]) -> None:
    """Capitalised words and runs of them, as pinyin would spell them (Li Hua → lihua)."""
    caps = [(m.start(), m.end(), fold(m.group(0)).replace("-", "").replace("'", ""))
            for m in _CAP_RE.finditer(text)]
    for i, (_s, _e, w) in enumerate(caps):
        if len(w) >= 4:
            out.add("Y" + w)
        joined, end = w, caps[i][1]
        for k in range(i + 1, min(len(caps), i + 3)):
            if text[end:caps[k][0]].strip():
                break
            joined += caps[k][2]
            end = caps[k][1]
            out.add("Y" + joined)


_PUNCT_KEY = {**{c: "Q?" for c in _QUESTION}, **{c: "Q!" for c in _EXCLAIM},
              **{c: "Q\"" for c in _QUOTES}, **{c: "Q(" for c in _BRACKETS}}
_PUNCT_RE = re.compile("[" + re.escape("".join(_PUNCT_KEY)) + "]")


def _punct_keys(text: str, out: set[str]) -> None:
    for ch in set(_PUNCT_RE.findall(text)):
        out.add(_PUNCT_KEY[ch])


_CONSONANT_RE = re.compile(r"[^\W\d_aeiouy]")


def _analyse(words, latin_pair: bool, cache: dict) -> None:
    """``cache[word] = (keys, content unit or None)`` for each word: ``W`` the folded
    word; for Latin-script pairs and words of 5+ letters also ``P`` its first four
    letters and ``K`` its consonant skeleton (first letter + next three consonants)."""
    findall = _CONSONANT_RE.findall
    for w in words:
        f = w.lower() if w.isascii() else fold(w)
        n = len(f)
        if n < 2 or f.isdigit():
            cache[w] = ((), None)
            continue
        if latin_pair and n >= 5:
            cons = findall(f, 1)
            wk = (("W" + f, "P" + f[:4], "K" + f[0] + "".join(cons[:3])) if len(cons) >= 3
                  else ("W" + f, "P" + f[:4]))
        else:
            wk = ("W" + f,)
        cache[w] = (wk, f if n >= 3 else None)


def extract_keys(sentences: Sequence[str], lang: str, cjk: bool, other_cjk: bool) -> SideFeatures:
    """Anchor keys for each sentence of one side.

    ``cjk`` says this side is Chinese/Japanese text, ``other_cjk`` the other side: Latin
    cognate keys only make sense when both sides are written in Latin script, pinyin
    keys only when exactly one side is Chinese.
    """
    latin_pair = not cjk and not other_cjk
    cache: dict[str, tuple[tuple[str, ...], str | None]] = {}
    all_keys: list[set[str]] = []
    all_units: list[set[str]] = []
    for text in sentences:
        keys: set[str] = set()
        for value in number_values(text, lang):
            keys.add(f"N{value:.12g}")
        _punct_keys(text, keys)
        for url in _URL_RE.findall(text):
            keys.add("W" + fold(url).rstrip(".,;:)"))
        units: set[str] = set()
        if cjk:
            for tok in _LATIN_TOKEN_RE.findall(text):
                f = fold(tok)
                if len(f) >= 2 and not f.isdigit():
                    keys.add("W" + f)
            if not other_cjk:
                _pinyin_keys(text, keys)
            for run in HAN_RUN_RE.findall(text):
                units.update(run[i:i + 2] for i in range(len(run) - 1))
        else:
            if not text.isascii() and not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)  # accents joined to their letters
            words = set(_WORD_RE.findall(text))
            new = words.difference(cache)
            if new:                              # each distinct word is analysed once
                _analyse(new, latin_pair, cache)
            if words:
                found = [cache[w] for w in words]
                keys.update(*[wk for wk, _u in found])
                units = {u for _wk, u in found if u}
            if other_cjk:
                _romanised_keys(text, keys)
        all_keys.append(keys)
        all_units.append(units)
    return SideFeatures(all_keys, all_units)


def content_units(features: SideFeatures) -> list[set[str]]:
    return features.units


def _term_pattern(term: str, cjk: bool) -> re.Pattern[str] | None:
    t = fold(term.strip())
    if not t:
        return None
    if cjk or HAN_RE.search(t):
        return re.compile(re.escape(t))
    return re.compile(r"(?<!\w)" + re.escape(t) + r"\w{0,3}(?!\w)")


def _probe_index(probes: Sequence[str]):
    """An Aho–Corasick automaton over the distinct non-empty ``probes``: one pass over a
    text reports every probe it contains (overlapping and nested ones included)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for probe in set(probes):
        if probe:
            automaton.add_word(probe, probe)
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _occurrences(automaton, texts: Sequence[str]) -> dict[str, dict[int, list[int]]]:
    """``probe -> {index of a text holding it: end offsets of its occurrences}``."""
    found: dict[str, dict[int, list[int]]] = {}
    if automaton is None:
        return found
    for i, text in enumerate(texts):
        for end, probe in automaton.iter(text):
            found.setdefault(probe, {}).setdefault(i, []).append(end + 1)
    return found


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what ``\w`` matches in a str pattern


def _term_found(text: str, probe: str, ends: list[int], literal: bool) -> bool:
    """What ``_term_pattern(term).search(text)`` says, given where ``probe`` (the folded
    term) occurs: anywhere for a literal pattern; else one occurrence not preceded by a
    word character and followed by at most three of them."""
    if literal:
        return True
    size = len(probe)
    for end in ends:
        start = end - size
        if start and _is_word(text[start - 1]):
            continue
        k = end
        while k < len(text) and k - end <= 3 and _is_word(text[k]):
            k += 1
        if k - end <= 3:
            return True
    return False


def glossary_keys(lexicon: Iterable[tuple[str, str]], src: Sequence[str], tgt: Sequence[str],
                  src_feat: SideFeatures, tgt_feat: SideFeatures,
                  src_cjk: bool, tgt_cjk: bool) -> None:
    """Add ``G`` keys for each lexicon pair found on the two sides (in place).

    A few trailing letters are allowed after a Latin term, so inflected forms match.
    Where each folded term occurs is found in one pass over each side (Aho–Corasick);
    only those occurrences are then checked against the term's pattern.
    """
    pairs = [(s, t) for s, t in lexicon if s and t and s.strip() and t.strip()]
    if not pairs:
        return
    probes = [(fold(s.strip()), fold(t.strip())) for s, t in pairs]
    src_f = [fold(s) for s in src]
    tgt_f = [fold(t) for t in tgt]
    src_occ = _occurrences(_probe_index([s for s, _t in probes]), src_f)
    tgt_occ = _occurrences(_probe_index([t for _s, t in probes]), tgt_f)
    for n, ((s_term, t_term), (s_probe, t_probe)) in enumerate(zip(pairs, probes)):
        if not s_probe or not t_probe:
            continue  # a term that folds to nothing has no pattern
        s_hits, t_hits = src_occ.get(s_probe, {}), tgt_occ.get(t_probe, {})
        if not s_hits and not t_hits:
            continue
        s_lit, t_lit = src_cjk or bool(HAN_RE.search(s_probe)), tgt_cjk or bool(HAN_RE.search(t_probe))
        key = f"G{n}"
        for i, ends in s_hits.items():
            if _term_found(src_f[i], s_probe, ends, s_lit):
                src_feat.keys[i].add(key)
        for j, ends in t_hits.items():
            if _term_found(tgt_f[j], t_probe, ends, t_lit):
                tgt_feat.keys[j].add(key)
