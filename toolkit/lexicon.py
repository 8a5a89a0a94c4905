"""Word-level helpers shared by the lexical rules: tokens with offsets, "is this a word?",
"does this look like a name?", and the small data lists of ``toolkit/data``.

Lexicons are wordfreq's frequency lists (no download at run time). A word is *known*
when wordfreq lists it (or a simple inflection of it) in one of the languages asked
for, when it is a hyphenated compound of known parts, or a productive derivation
(known prefix + known word, known stem + known suffix).
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .textutil import CJK_RE, fold, script_of

DATA = Path(__file__).parent / "data"

# A word: letters and digits with inner hyphens or apostrophes ("peut-être", "aujourd’hui").
TOKEN_RE = re.compile(r"[^\W_](?:[\w’'\-]*[^\W_])?")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|fr|cn|io|gov|edu|de|uk|ru)\b",
                    re.I)
# What every URL_RE match holds: texts without it (most sentences) skip URL_RE.
URL_HINT_RE = re.compile(r"://|www\.|@|\.(?:com|org|net|fr|cn|io|gov|edu|de|uk|ru)\b", re.I)
APOSTROPHES = "’'"
# French elided words (l’, d’, qu’…) and the English possessive.
ELISIONS = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"}
KNOWN_ZIPF = 1.0  # wordfreq Zipf value from which a form counts as a word (1.0 = listed at all)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str
    initial: bool = False  # first word of its sentence (after quotes, dashes, numbering)

    @property
    def has_digit(self) -> bool:
        return not self.text.isalpha() and any(c.isdigit() for c in self.text)


SHORT_TEXT = 2000  # tokens of texts up to this length (segments, terms) are cached


def tokens(text: str, base: int = 0, split_elision: bool = True) -> list[Token]:
    """Word tokens of ``text`` with absolute offsets (``base`` + index).

    French elisions are split off (``l’entreprise`` → ``entreprise``), tokens inside
    URLs and e-mail addresses are left out, and ``initial`` marks sentence-initial words.
    CJK characters are not tokens: ``维尔莫拉X5Pro`` gives ``X5Pro``.
    """
    if len(text) <= SHORT_TEXT:
        return list(_cached_tokens(text, base, split_elision))
    return list(_cached_document_tokens(text, base, split_elision))


@functools.lru_cache(maxsize=16_384)
def _cached_tokens(text: str, base: int, split_elision: bool) -> tuple[Token, ...]:
    return tuple(_tokens(text, base, split_elision))


@functools.lru_cache(maxsize=8)  # whole documents, asked for by several rules
def _cached_document_tokens(text: str, base: int, split_elision: bool) -> tuple[Token, ...]:
    return tuple(_tokens(text, base, split_elision))


def _tokens(text: str, base: int, split_elision: bool) -> list[Token]:
    text, spans = _spans(text, split_elision)
    return [Token(base + s, base + e, word, initial)
            for (s, e, word, _), initial in zip(spans, _initials(text, spans))]


def _initials(text: str, spans) -> Iterator[bool]:
    """:func:`_is_initial` of each span's start; each walk stops where the previous began
    (a long blanked CJK run is walked once, not once per later token)."""
    floor, at_floor = 0, True
    for _, _, _, pos in spans:
        at_floor = _is_initial(text, pos, floor, at_floor)
        floor = pos
        yield at_floor


def _spans(text: str, split_elision: bool) -> tuple[str, list[tuple[int, int, str, int]]]:
    """:func:`_word_spans`, read once per whole document (words, tokens and name forms of
    a document are asked for by several rules)."""
    if len(text) <= SHORT_TEXT:
        return _word_spans(text, split_elision)
    return _document_spans(text, split_elision)


@functools.lru_cache(maxsize=4)
def _document_spans(text: str, split_elision: bool) -> tuple[str, list[tuple[int, int, str, int]]]:
    return _word_spans(text, split_elision)


def words(text: str, split_elision: bool = True) -> list[str]:
    """The texts of :func:`tokens` (no offsets, no sentence-initial flags): quicker."""
    if len(text) <= SHORT_TEXT:
        return [t.text for t in _cached_tokens(text, 0, split_elision)]
    return list(_document_words(text, split_elision))


@functools.lru_cache(maxsize=8)
def _document_words(text: str, split_elision: bool) -> tuple[str, ...]:
    return tuple(word for _, _, word, _ in _spans(text, split_elision)[1])


def _word_spans(text: str, split_elision: bool) -> tuple[str, list[tuple[int, int, str, int]]]:
    """``text`` with CJK blanked, and (start, end, word, start of the whole match) of each token."""
    if CJK_RE.search(text):  # CJK characters are not words here; blank them, offsets kept
        text = CJK_RE.sub(" ", text)
    # URL spans, in order and disjoint: one pointer walks them alongside the tokens
    skip = _urls(text)
    k, n_skip = 0, len(skip)
    out = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        while k < n_skip and skip[k][1] <= s:
            k += 1
        if k < n_skip and skip[k][0] <= s:
            continue
        word = m.group()
        if split_elision and ("'" in word or "’" in word):
            while True:
                cut = _elision_cut(word)
                if not cut:
                    break
                s += cut
                word = word[cut:]
            if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] in "sS":
                word, e = word[:-2], e - 2
        if word:
            out.append((s, e, word, m.start()))
    return text, out


def _urls(text: str) -> list[tuple[int, int]]:
    """The spans of URL_RE in ``text``. No match holds white space and each holds a match
    of URL_HINT_RE, so only the runs of non-space characters around a hint are searched
    (the same matches as over the whole text, where most words would be tried)."""
    out: list[tuple[int, int]] = []
    done = 0  # end of the last run searched
    for hint in URL_HINT_RE.finditer(text):
        if hint.start() < done:
            continue
        start = hint.start()
        while start > 0 and not text[start - 1].isspace():  # str.isspace is the regex \s
            start -= 1
        end = _SPACE.search(text, hint.end())
        end = end.start() if end else len(text)
        out += [(m.start(), m.end()) for m in URL_RE.finditer(text, start, end)]
        done = end
    return out


_SPACE = re.compile(r"\s")


def _elision_cut(word: str) -> int:
    for i, ch in enumerate(word[:8]):
        if ch in APOSTROPHES:
            if word[:i].lower() in ELISIONS and i + 1 < len(word):
                return i + 1
            return 0
    return 0


def _is_initial(text: str, pos: int, floor: int = 0, at_floor: bool = True) -> bool:
    """Whether the word at ``pos`` opens a sentence (``at_floor``: the answer at ``floor``)."""
    i = pos - 1
    while i >= floor:  # skip spaces, quotes, dashes, numbering ("01", "1°", "•")
        c = text[i]
        if c.isalpha():
            return False
        if c in SENTENCE_STOPS:
            return True
        i -= 1
    return at_floor


SENTENCE_STOPS = frozenset(".!?:;…\n")


# -- frequencies ------------------------------------------------------------------------

# Languages whose wordfreq tokenizer keeps a run of lower-case letters as one token,
# unchanged: for such a word the frequency list is read directly (wordfreq's own
# tokenisation per call is what makes its lookups slow).
DIRECT_LANGS = {"fr", "en"}
PLAIN_WORD_RE = re.compile(r"[a-zàâäçéèêëîïôöùûüÿœæ]+")


@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """wordfreq Zipf frequency of ``word`` in ``lang`` (0.0 when unknown or unsupported)."""
    if lang in DIRECT_LANGS and PLAIN_WORD_RE.fullmatch(word):
        return _direct_zipf(word, lang)
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word.replace("’", "'"), lang)
    except Exception:  # a language wordfreq cannot tokenise without extra packages
        return 0.0


def _direct_zipf(word: str, lang: str) -> float:
    """What ``wordfreq.zipf_frequency`` returns for a one-token word, computed the same way."""
    from wordfreq import freq_to_zipf, zipf_to_freq

    minimum = zipf_to_freq(0.0)
    freq = frequency_dict(lang).get(word)
    if freq is None:
        freq = minimum
    else:
        freq = max(1.0 / (1.0 / freq), minimum)  # wordfreq combines tokens as 1/f = Σ 1/fᵢ
        freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # 3 significant digits
    return round(freq_to_zipf(freq), 2)


@functools.lru_cache(maxsize=8)
def frequency_dict(lang: str) -> dict[str, float]:
    """The whole wordfreq list of ``lang`` (word → frequency), loaded once."""
    from wordfreq import get_frequency_dict

    try:
        return get_frequency_dict(lang, "best")  # as wordfreq asks for it: one copy in memory
    except Exception:
        return {}


def variants(word: str) -> list[str]:
    """The word, lower-cased, and simple inflection-stripped forms (plural, feminine)."""
    w = word.replace("’", "'").lower()
    out = [w]
    if "œ" in w:
        out.append(w.replace("œ", "oe"))
    if len(w) > 4:
        if w.endswith("eaux"):
            out.append(w[:-1])
        elif w.endswith("aux"):
            out.append(w[:-3] + "al")
        if w.endswith(("s", "x")):
            out.append(w[:-1])
        if w.endswith("es"):
            out.append(w[:-2])
        if w.endswith("e"):
            out.append(w[:-1])
    return out


def best_zipf(word: str, langs: Iterable[str] = ("fr", "en")) -> float:
    """Highest Zipf frequency of ``word`` or one of its :func:`variants` in ``langs``."""
    return max((zipf(v, lang) for v in variants(word) for lang in langs), default=0.0)


@functools.lru_cache(maxsize=50_000)
def _known(word: str, langs: tuple[str, ...], threshold: float, depth: int = 0) -> bool:
    if best_zipf(word, langs) >= threshold:
        return True
    w = word.replace("’", "'").lower()
    parts = [p for p in re.split(r"[-']", w) if p]
    if len(parts) > 1:
        return all(len(p) < 2 or _known(p, langs, threshold, depth + 1) for p in parts)
    if "fr" in langs and _verb_form(w):
        return True
    if depth < 2 and len(w) >= (7 if depth == 0 else 5):
        prefixes, suffixes = affixes()
        if depth == 0:
            for p in prefixes:
                rest = w[len(p):].lstrip("-")
                if w.startswith(p) and len(rest) >= 4 and _known(rest, langs, max(threshold, 2.5), depth + 1):
                    return True
        w = w.replace("ï", "i")
        for s in suffixes:
            stem = w[:-len(s)]
            if w.endswith(s) and len(stem) >= 4 and any(
                    best_zipf(x, langs) >= max(threshold, 3.0) for x in (stem, stem + "e")):
                return True
    return False


def _verb_form(word: str) -> bool:
    """``suivît`` → suivre, ``mangeât`` → manger: a rare form of a known French verb."""
    for ending, infinitives in verb_endings():
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            for inf in infinitives:
                cands = [stem + inf] + ([stem + "r"] if stem.endswith("e") and inf == "er" else [])
                # "-ç-" and "-ge-" spellings keep the sound before a, o: plaçait, mangeait
                cands += [c.replace("ç", "c") for c in cands if "ç" in c]
                if any(zipf(c, "fr") >= 2.0 for c in cands):
                    return True
    return False


def is_known_word(word: str, langs: Iterable[str] = ("fr", "en"), threshold: float = KNOWN_ZIPF) -> bool:
    """True when ``word`` is a word of one of ``langs``: listed, inflected, compound or derived."""
    return _known(word, tuple(langs), threshold)


# -- names, acronyms, codes ---------------------------------------------------------------

def is_acronym(word: str) -> bool:
    """``IA``, ``PDG``, ``GPT-4``, ``R&D``: two or more capitals, no lower-case letter."""
    if not word.isupper():  # quick no: some cased letter is not a capital
        return False
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_camel(word: str) -> bool:
    """Inner capitals (``iPhone``, ``YouTube``, ``McDonald``): a brand or name form."""
    if word[1:].islower():  # quick no: no capital after the first letter
        return False
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


def looks_like_name(token: Token | str, initial: bool | None = None) -> bool:
    """Capitalised not at sentence start, camel-case, acronym, or containing a digit."""
    text = token.text if isinstance(token, Token) else token
    if initial is None:
        initial = token.initial if isinstance(token, Token) else False
    if not text or any(c.isdigit() for c in text) or is_acronym(text) or is_camel(text):
        return True
    return text[0].isupper() and not initial


def name_forms(text: str) -> set[str]:
    """Lower-cased tokens written capitalised somewhere not at sentence start in ``text``."""
    blanked, spans = _spans(text, True)  # as tokens(text), without building tokens
    return {word.lower() for (_, _, word, _), initial in zip(spans, _initials(blanked, spans))
            if word[:1].isupper() and not initial}


# -- scripts -------------------------------------------------------------------------------

def letter_scripts(text: str) -> dict[str, int]:
    """How many letters of each script ``text`` has (``latin``, ``han``, ``cyrillic``…)."""
    counts: dict[str, int] = {}
    for ch, n in Counter(text).items():  # distinct characters, in order of first use
        if ch.isalpha():
            s = _script(ch)
            counts[s] = counts.get(s, 0) + n
    return counts


_script = functools.lru_cache(maxsize=8192)(script_of)
# ``textutil.fold`` of a word, cached: rules fold every token of every segment.
fold_word = functools.lru_cache(maxsize=200_000)(fold)


def dominant_script(text: str) -> str | None:
    counts = letter_scripts(text)
    return max(counts, key=counts.get) if counts else None


# -- data files -----------------------------------------------------------------------------

def data_rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file of ``toolkit/data`` (``#`` comments skipped)."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append([c.strip() for c in line.split("\t")])
    return rows


@functools.lru_cache(maxsize=None)
def affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    rows = data_rows("lexicon_affixes_fr.tsv")
    prefixes = tuple(sorted((a for k, a in rows if k == "prefix"), key=len, reverse=True))
    suffixes = tuple(sorted((a for k, a in rows if k == "suffix"), key=len, reverse=True))
    return prefixes, suffixes


@functools.lru_cache(maxsize=None)
def verb_endings() -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = data_rows("lexicon_verb_endings_fr.tsv")
    out = [(r[0], tuple("" if x == "-" else x for x in r[1].split("|"))) for r in rows]
    return tuple(sorted(out, key=lambda r: len(r[0]), reverse=True))


@functools.lru_cache(maxsize=None)
def doublings() -> frozenset[tuple[str, str]]:
    return frozenset((lang, word) for lang, word in data_rows("lexicon_doublings.tsv"))


@functools.lru_cache(maxsize=None)
def surnames_zh() -> frozenset[str]:
    return frozenset(r[0] for r in data_rows("surnames_zh.txt"))


@functools.lru_cache(maxsize=None)
def acronyms_en_fr() -> dict[str, tuple[str, ...]]:
    return {r[0]: tuple(x.strip() for x in r[1].split("|")) for r in data_rows("lexicon_acronyms_en_fr.tsv")}


def find_word(needle: str, haystack: str, case_sensitive: bool = False) -> Iterator[re.Match]:
    """Whole-word occurrences of ``needle`` (a word or phrase) in ``haystack``."""
    return word_pattern(needle, case_sensitive).finditer(haystack)


def case_key(text: str) -> str:
    """Lower case as case-insensitive regular expressions compare letters (simple case
    mapping; dotless i and long s equal i and s), one character for one."""
    return text.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")


def may_contain(needle: str, key: str) -> bool:
    """False only when :func:`find_word` cannot find ``needle`` (any case) in the text
    whose :func:`case_key` is ``key``: the first word of the needle is not in it."""
    return first_word_key(needle) in key


@functools.lru_cache(maxsize=16_384)
def first_word_key(needle: str) -> str:
    return re.match(r"\w*", case_key(needle)).group()  # "" (in every text) for "«…"


@functools.lru_cache(maxsize=16_384)
def word_pattern(needle: str, case_sensitive: bool = False) -> re.Pattern:
    """The compiled pattern :func:`find_word` searches with."""
    body = "".join("['’]" if c in APOSTROPHES else r"\s+" if c.isspace() else re.escape(c)
                   for c in needle)
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", 0 if case_sensitive else re.I)


__all__ = ["Token", "tokens", "words", "zipf", "best_zipf", "is_known_word", "is_acronym", "is_camel",
           "looks_like_name", "name_forms", "letter_scripts", "dominant_script", "data_rows",
           "frequency_dict", "find_word", "word_pattern", "case_key", "may_contain", "first_word_key",
           "fold_word", "variants", "KNOWN_ZIPF"]
