"""UNTR (fragments) — a few English words left inside a translated sentence.

UNTR002 and LANG001 judge whole sentences; a phrase of three or four English words in
the middle of a French sentence is too short for them. This rule reads the word
frequencies of wordfreq: a word much more frequent in English than in the target
language is English-marked, and a run of such words with English grammar in it is an
untranslated fragment.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..lexicon import data_rows, tokens, zipf
from ..readers.base import base_lang
from .base import Context, Hit, rule
from .typo import protected_regions

# wordfreq Zipf values: a word is English-marked when it is common in English (≥ 3, about
# once per million words) and at least 1.5 (a factor of about 30) more frequent there than
# in the target language; it may sit inside a run when it is common in English and not
# much more frequent in the target language (*in*, *full*, names).
EN_ZIPF = 3.0
MARGIN = 1.5
MIN_MARKED = 2
MIN_WORDS = 3
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_GAP_RE = re.compile(r"[ \u00a0-]+")
# three words of unaccented Latin letters in a row: a quick test before reading the words
_THREE_RE = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?:[ \u00a0-]+[A-Za-z]+(?![^\W\d_])){2}")
_OPEN_QUOTES = "«“\"‘'"
_CLOSE_QUOTES = "»”\"’'"


@functools.lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(row[0].lower() for row in data_rows("untr_english_function_words.txt"))


@functools.lru_cache(maxsize=65_536)
def _mark(word: str, tgt_lang: str) -> str | None:
    """``E`` for an English-marked word, ``A`` for one that may be English or not, None
    for a word of the target language (or no word at all)."""
    if not _WORD_RE.fullmatch(word):
        return None
    low = word.lower()
    en, tgt = zipf(low, "en"), zipf(low, tgt_lang)
    if en < EN_ZIPF:
        return None
    if en - tgt >= MARGIN:
        return "E"
    return "A" if tgt < en + 0.5 else None


def english_runs(text: str, tgt_lang: str, base: int = 0) -> list[tuple[int, int]]:
    """Spans (offsets + ``base``) of runs of English words in ``text``: at least three
    words in a row, two of them English-marked and one an English function word, not all
    capitalised (a name or a title)."""
    if not _THREE_RE.search(text):
        return []
    out: list[tuple[int, int]] = []
    run: list[tuple[object, str]] = []

    def flush() -> None:
        if len(run) < MIN_WORDS or sum(1 for _, m in run if m == "E") < MIN_MARKED:
            return
        words = [t.text for t, _ in run]
        if not any(w.lower() in function_words() for w in words):
            return
        if all(w[:1].isupper() for w in words if w.lower() not in function_words() and len(w) > 3):
            return  # The Lord of the Rings, Crown Estate: a name or a title
        out.append((run[0][0].start, run[-1][0].end))

    for tok in tokens(text, base, split_elision=True):
        mark = _mark(tok.text, tgt_lang)
        joined = run and _GAP_RE.fullmatch(text[run[-1][0].end - base:tok.start - base] or "x")
        if mark and (not run or joined):
            run.append((tok, mark))
        else:
            flush()
            run = [(tok, mark)] if mark else []
    flush()
    return out


def _quoted(text: str, start: int, end: int) -> bool:
    """The run is all that stands between two quotes: a cited expression."""
    before, after = text[max(0, start - 2):start].rstrip(" \u00a0\u202f"), text[end:end + 2].lstrip(" \u00a0\u202f")
    return before[-1:] in _OPEN_QUOTES and after[:1] in _CLOSE_QUOTES


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


@rule(id="UNTR004", name="english-fragment", category="Accuracy/Untranslated", severity="major")
def english_fragment(ctx: Context) -> Iterable[Hit]:
    """A phrase of English words left untranslated inside a French sentence.

    ## What it does
    Reads each target sentence word by word with wordfreq: a word at least moderately
    common in English (Zipf ≥ 3) and about thirty times more frequent in English than in
    the target language is English-marked. A run of at least three words in a row, two
    of them English-marked and one an English function word (*the*, *of*, *as*, *before*,
    *with*… from a data file), is reported. With an English source the run must be copied
    from the source (the engine left it); with a source in another language it must not
    be in the source (a name or title written in Latin letters there). Runs of
    capitalised words (names, titles), runs between quotes (a cited expression) and code
    or URLs are left alone.

    ## Why is this bad?
    The reader of the translation meets a piece of the source language in mid-sentence:
    that part of the meaning is not translated. Engines do it with idioms and phrases
    they could not place.

    ## Example
    ```text
    source (en): The ferry timetable will change once the bridge is finished.
    bad (fr): Les horaires du ferry changeront once the bridge is finished.
    good (fr): Les horaires du ferry changeront une fois le pont terminé.
    ```
    ```text
    source (zh): 这家面包店每天早上六点开门。
    bad (fr): Cette boulangerie ouvre every morning at six.
    good (fr): Cette boulangerie ouvre tous les jours à six heures.
    good (fr): Le roman « The Old Man and the Sea » est au programme.
    ```

    ## Options
    None. Only a French target is read (the frequency margin is set for it).

    ## Known problems
    An English phrase kept on purpose without quotes (a motto, a slogan in lower case) is
    reported; a one- or two-word fragment (*the deadline*) is not, nor a fragment made
    only of words common in both languages.
    """
    tgt_lang = base_lang(ctx.target.lang)
    if tgt_lang != "fr":
        return
    src_lang = base_lang(ctx.source.lang) if ctx.source is not None else ""
    if src_lang == tgt_lang:
        return
    source = ctx.memo("untr-folded-source", lambda: _folded(ctx.source.text) if ctx.source is not None else "")
    text = ctx.target.text
    protected = None
    for seg in ctx.article_segments():
        for start, end in english_runs(seg.text, tgt_lang, seg.start):
            if _quoted(text, start, end):
                continue
            if protected is None:
                protected = ctx.memo("protected-regions", lambda: protected_regions(text))
            if protected.overlaps(start, end):
                continue
            copied = f" {_folded(text[start:end])} " in f" {source} "
            if copied != (src_lang == "en"):
                continue
            bead = ctx.bead_of_target(seg.index)
            what = "copied from the English source" if copied else "in English"
            yield Hit(start, end, f"'{text[start:end]}' is {what}, left untranslated",
                      "translate the phrase", bead=bead.id if bead else None)


RULES = (english_fragment,)
