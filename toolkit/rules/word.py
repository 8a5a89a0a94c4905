"""WORD — lexical problems: non-words and calques, false friends, repeated words, misspellings."""
from __future__ import annotations

import bisect

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from ..lexicon import (case_key, data_rows, doublings, find_word, first_word_key, fold_word,
                       frequency_dict, is_acronym, is_camel, is_known_word, name_forms, tokens,
                       best_zipf, words, zipf)
from ..model import Severity
from ..readers.base import base_lang
from ..textutil import CJK_LANGS, fold
from .base import Context, Hit, rule

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
                    not is_known_word(form, langs + ("en",)):
                out.add(key)
    return out


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
    for seg in ctx.article_segments():
        for tok in tokens(seg.text, seg.start):
            w = tok.text
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


@rule(id="WORD001", name="non-word", category="Accuracy/Mistranslation", severity="major")
def non_word(ctx: Context) -> Iterable[Hit]:
    """A target word exists in no lexicon: an invented compound, a mangled name, a calque.

    ## What it does
    Looks up every target word in the wordfreq lexicons of the target language and of
    English (with plural and feminine endings stripped, elisions split, hyphenated
    compounds checked by parts, productive prefixes and suffixes accepted). A word known
    to neither, to the glossary, or to the source, that is not a name (capitalised inside a
    sentence, camel-case, an acronym, a code, a URL) is reported:
    - **major** when it is glued from two common English words (*cloudbucket*), or when
      it is a product name of the source made into a French common noun (*SkyPods* →
      *skypodes*);
    - **minor** when a lower-case word that no lexicon knows is copied from a Latin-script
      source (a coinage such as *bikeathon* left untranslated);
    - **neutral** (a hint to review) when nothing explains it, or when the glued word opens
      a sentence (it may be a company name). Pinyin spellings of the source are XLIT001's
      and near misses of a common word are WORD004's.
    The category is *Accuracy/Mistranslation*: a non-word carries no meaning.

    ## Why is this bad?
    A reader cannot understand a word that does not exist; MT engines invent such words
    when they meet a term they cannot translate.

    ## Example
    ```text
    source (en): The photos are stored in a cloud bucket.
    bad (fr): Les photos sont stockées dans un cloudbucket.
    good (fr): Les photos sont stockées dans un compartiment de stockage en ligne.
    ```
    ```text
    source (zh): 这家公司推出了新款SkyPods耳机。
    bad (fr): Cette entreprise a lancé de nouveaux écouteurs skypodes.
    good (fr): Cette entreprise a lancé de nouveaux écouteurs SkyPods.
    ```
    ```text
    source (en): The town hosts a bikeathon every spring.
    bad (fr): La ville organise un bikeathon chaque printemps.
    good (fr): La ville organise un marathon cycliste chaque printemps.
    ```
    ```text
    good (fr): La néobanque a lancé une application de covoiturage à Bordeaux.
    ```

    ## Options
    None.

    ## Known problems
    A recent loanword or neologism absent from wordfreq may be reported (as a neutral
    hint unless it is an English compound); add it to the glossary to silence it. A
    lower-case brand of the source copied as is (rare) is reported as a coinage.
    """
    for u in unknown_words(ctx):
        if u.kind == "source-name":
            msg = f"'{u.text}' is not a word: the source name '{u.detail}' made into a common noun"
            fix = f"keep the name '{u.detail}'"
        elif u.kind == "compound":
            msg = f"'{u.text}' is not a French word: an invented compound of English words ({u.detail})"
            fix = "translate the idea with French words"
        elif u.kind == "coinage":
            msg = f"'{u.text}' is a coined word of the source copied as is: French has no such word"
            fix = "translate what it means"
        elif u.kind == "unknown":
            msg = f"'{u.text}' is in no lexicon; check it is a word"
            fix = None
        else:
            continue
        yield Hit(u.start, u.end, msg, fix, severity=u.severity)


@rule(id="WORD004", name="misspelling", category="Linguistic conventions/Spelling", severity="minor")
def misspelling(ctx: Context) -> Iterable[Hit]:
    """A target word is unknown but one letter away from a common word.

    ## What it does
    For a target word that no lexicon knows (see WORD001) and that is not a name, looks
    for a common word (wordfreq Zipf ≥ 3) one edit away (a letter deleted, inserted,
    replaced, or two letters swapped) and suggests it. Lexicons built from the web also
    list frequent misspellings, so a lower-case word listed only rarely (Zipf < 2) is
    reported too when a word one edit away is some three hundred times more frequent.

    ## Why is this bad?
    Spelling errors make a translation look careless and can hide a wrong word.

    ## Example
    ```text
    bad (fr): Le gouvernemment a présenté son budget mardi.
    bad (fr): La protection de l’environement progresse lentement.
    good (fr): Le gouvernement a présenté son budget mardi.
    ```

    ## Options
    None.

    ## Known problems
    Accents are letters here: a missing accent that wordfreq also lists (common on the
    web) is not reported. A rare correct word one letter from a common one is reported
    (a word in quotes is not: it is a mention, often a brand).
    """
    for u in unknown_words(ctx):
        if u.kind == "misspelling":
            options = u.detail.split(" | ")
            yield Hit(u.start, u.end, f"'{u.text}' is not a word; did you mean "
                      + " or ".join(f"'{o}'" for o in options) + "?", options[0])


@functools.lru_cache(maxsize=None)
def false_friends() -> tuple[tuple[tuple[str, ...], tuple[str, ...], str, str], ...]:
    rows = []
    for row in data_rows("false_friends_en_fr.tsv"):
        en, fr, good, note = (row + ["", ""])[:4]
        rows.append((tuple(en.split("|")), tuple(fr.split("|")), good.replace("|", ", "), note))
    return tuple(rows)


@rule(id="WORD002", name="false-friend", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def false_friend(ctx: Context) -> Iterable[Hit]:
    """An English word was rendered by its French false friend.

    ## What it does
    For English sources and French targets, looks in each aligned pair for an English
    word of the false-friends list (``toolkit/data/false_friends_en_fr.tsv``:
    *actually*, *eventually*, *library*, *achieve*, *to support*…) in the source and its
    look-alike (*actuellement*, *éventuellement*, *librairie*, *achever*, *supporter*…)
    in the aligned target, and suggests the usual correct renderings.

    ## Why is this bad?
    A false friend changes the meaning (*actuellement* means "currently", not "actually")
    while looking like a faithful translation, so readers do not notice.

    ## Example
    ```text
    source (en): The new library will eventually open on Sundays.
    bad (fr): La nouvelle librairie ouvrira à terme le dimanche.
    bad (fr): La nouvelle bibliothèque ouvrira éventuellement le dimanche.
    good (fr): La nouvelle bibliothèque ouvrira à terme le dimanche.
    ```

    ## Options
    None.

    ## Known problems
    Only the aligned pair is searched, so both words must be in it; a false friend that
    is right in its context (a bookshop in the source too) is reported.
    """
    if ctx.source is None or base_lang(ctx.source.lang) != "en" or base_lang(ctx.target.lang) != "fr":
        return
    table = false_friends()
    by_chunk = _false_friend_index()
    for bead, src, tgt in ctx.pairs():
        if not src or not tgt:
            continue
        key = case_key(" ".join(seg.text for seg in tgt))
        rows = sorted({n for word, ns in by_chunk.items() if word in key for n in ns})
        if not rows:
            continue  # no French look-alike in the target: nothing to report
        s_text = " ".join(s.text for s in src)
        for en_forms, fr_forms, good, note in (table[n] for n in rows):
            en = next((f for f in en_forms if any(True for _ in find_word(f, s_text))), None)
            if not en:
                continue
            for seg in tgt:
                for form in fr_forms:
                    for m in find_word(form, seg.text):
                        yield Hit(seg.start + m.start(), seg.start + m.end(),
                                  f"false friend: '{m.group()}' for English '{en}' ({note})", good,
                                  bead=bead.id)


@functools.lru_cache(maxsize=None)
def _false_friend_index() -> dict[str, tuple[int, ...]]:
    """First word of each French form (see ``lexicon.may_contain``) → rows of the list holding it."""
    index: dict[str, set[int]] = {}
    for n, (_, fr_forms, _, _) in enumerate(false_friends()):
        for form in fr_forms:
            index.setdefault(first_word_key(form), set()).add(n)
    return {k: tuple(sorted(v)) for k, v in index.items()}


REPEAT_RE = re.compile(r"(?<![\w’'-])([^\W\d_]+)(\s+)(\1)(?![\w’'-])", re.I)


@rule(id="WORD003", name="repeated-word", category="Linguistic conventions/Grammar", severity="minor",
      needs_translation=False)
def repeated_word(ctx: Context) -> Iterable[Hit]:
    """The same word is written twice in a row.

    ## What it does
    Finds a word immediately repeated (*le le*, *de de*), ignoring case. Legitimate
    doublings are kept: French reflexive *nous nous*, *vous vous*, *faire faire*,
    reduplicated interjections (*oui oui*), and capitalised pairs (place names such as
    *Bora Bora*). The list is ``toolkit/data/lexicon_doublings.tsv``.

    ## Why is this bad?
    A doubled word is a visible slip that makes the sentence ungrammatical.

    ## Example
    ```text
    bad (fr): Le chef a ajouté le le sel en fin de cuisson.
    good (fr): Le chef a ajouté le sel en fin de cuisson.
    good (fr): Nous nous retrouverons à Bora Bora en juillet.
    ```

    ## Options
    None.

    ## Known problems
    A repetition across a line break inside a paragraph is found; one across two
    segments is not.
    """
    lang = base_lang(ctx.target.lang)
    allowed = doublings()
    text = ctx.target.text
    for seg in ctx.article_segments():
        for m in REPEAT_RE.finditer(text, seg.start, seg.end):
            word = m.group(1)
            if (lang, word.lower()) in allowed or m.group(3)[0].isupper() or "\n\n" in m.group(2):
                continue
            yield Hit(m.start(1), m.end(3), f"'{word}' is repeated", word)


RULES = (non_word, false_friend, repeated_word, misspelling)
