"""Word-level helpers shared by the lexical rules: tokens with offsets, "is this a word?",
"does this look like a name?", and the small data lists of ``toolkit/data``.

Lexicons are wordfreq's frequency lists (no download at run time). A word is *known*
when wordfreq lists it (or a simple inflection of it) in one of the languages asked
for, when it is a hyphenated compound of known parts, or a productive derivation
(known prefix + known word, known stem + known suffix).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .textutil import CJK_RE, script_of

DATA = Path(__file__).parent / "data"

# A word: letters and digits with inner hyphens or apostrophes ("peut-être", "aujourd’hui").
TOKEN_RE = re.compile(r"[^\W_](?:[\w’'\-]*[^\W_])?")
URL_RE = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|fr|cn|io|gov|edu|de|uk|ru)\b",
                    re.I)
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
        return any(c.isdigit() for c in self.text)


def tokens(text: str, base: int = 0, split_elision: bool = True) -> list[Token]:
    """Word tokens of ``text`` with absolute offsets (``base`` + index).

    French elisions are split off (``l’entreprise`` → ``entreprise``), tokens inside
    URLs and e-mail addresses are left out, and ``initial`` marks sentence-initial words.
    CJK characters are not tokens: ``特斯拉ExaPOD`` gives ``ExaPOD``.
    """
    if CJK_RE.search(text):  # CJK characters are not words here; blank them, offsets kept
        text = CJK_RE.sub(" ", text)
    skip = [(m.start(), m.end()) for m in URL_RE.finditer(text)]
    out: list[Token] = []
    for m in TOKEN_RE.finditer(text):
        s, e = m.start(), m.end()
        if any(a <= s < b for a, b in skip):
            continue
        word = m.group()
        if split_elision:
            while True:
                cut = _elision_cut(word)
                if not cut:
                    break
                s += cut
                word = word[cut:]
            if len(word) > 2 and word[-2] in APOSTROPHES and word[-1] in "sS":
                word, e = word[:-2], e - 2
        if not word:
            continue
        out.append(Token(base + s, base + e, word, _is_initial(text, m.start())))
    return out


def _elision_cut(word: str) -> int:
    for i, ch in enumerate(word[:8]):
        if ch in APOSTROPHES:
            if word[:i].lower() in ELISIONS and i + 1 < len(word):
                return i + 1
            return 0
    return 0


def _is_initial(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and not text[i].isalpha() and text[i] not in ".!?:;…\n":
        i -= 1  # spaces, quotes, dashes, numbering ("01", "1°", "•")
    return i < 0 or not text[i].isalpha()


# -- frequencies ------------------------------------------------------------------------

@functools.lru_cache(maxsize=200_000)
def zipf(word: str, lang: str) -> float:
    """wordfreq Zipf frequency of ``word`` in ``lang`` (0.0 when unknown or unsupported)."""
    from wordfreq import zipf_frequency

    try:
        return zipf_frequency(word.replace("’", "'"), lang)
    except Exception:  # a language wordfreq cannot tokenise without extra packages
        return 0.0


@functools.lru_cache(maxsize=8)
def frequency_dict(lang: str) -> dict[str, float]:
    """The whole wordfreq list of ``lang`` (word → frequency), loaded once."""
    from wordfreq import get_frequency_dict

    try:
        return get_frequency_dict(lang)
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
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_camel(word: str) -> bool:
    """Inner capitals (``iPhone``, ``YouTube``, ``McDonald``): a brand or name form."""
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
    return {t.text.lower() for t in tokens(text) if t.text[:1].isupper() and not t.initial}


# -- scripts -------------------------------------------------------------------------------

def letter_scripts(text: str) -> dict[str, int]:
    """How many letters of each script ``text`` has (``latin``, ``han``, ``cyrillic``…)."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            s = script_of(ch)
            counts[s] = counts.get(s, 0) + 1
    return counts


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
    flags = 0 if case_sensitive else re.I
    body = "".join("['’]" if c in APOSTROPHES else r"\s+" if c.isspace() else re.escape(c)
                   for c in needle)
    return re.finditer(r"(?<![\w])" + body + r"(?![\w])", haystack, flags)


__all__ = ["Token", "tokens", "zipf", "best_zipf", "is_known_word", "is_acronym", "is_camel",
           "looks_like_name", "name_forms", "letter_scripts", "dominant_script", "data_rows",
           "frequency_dict", "find_word", "variants", "KNOWN_ZIPF"]
