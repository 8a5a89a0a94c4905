"""Tokens and comparison keys for term matching.

A text is cut into tokens with exact offsets (French elisions *l’*, *d’*, *qu’* are
tokens of their own, hyphenated words stay whole, punctuation marks are tokens that
break multi-word matches). Each token carries *keys*: the forms under which it can
match a glossary token (folded surface, folded lemma, singular), so that *puces*
matches *puce* and *entraînées* matches *entraîner*.

French lemmas come, by default, from lookup tables (:class:`.lemmas.Lookup`: every
reading of a word, no part of speech, no spaCy import); with ``MTQA_LEMMATIZER=spacy``
(:func:`toolkit.nlp.lemmatizer`) from the statistical pipeline of
:func:`toolkit.nlp.analyser`, which also tags each token's part of speech. For other
languages the keys are the folded surface and a light rule-based singular (English gets
a light suffix stripper).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Sequence

from ..nlp import lemmatizer
from ..textutil import fold
from .agreement import masculine

APOSTROPHES = "’‘ʼ`´"
_ELISION = r"(?:jusqu|lorsqu|puisqu|quoiqu|qu|[ldjmnstc])['’ʼ]"
TOKEN_RE = re.compile(rf"(?i:{_ELISION})(?=[^\W_]|\s)|[^\W_]+(?:[-‐'’ʼ·.](?=[^\W_])[^\W_]+)*|\S")
# Inflected forms and derived nouns of a regular French -er verb (stem + ending).
ER_ENDINGS = ("er", "e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ais", "ait", "aient",
              "ant", "ai", "a", "as", "ions", "iez", "era", "eras", "erons", "erez", "eront",
              "erai", "erait", "eraient", "erions", "eriez", "èrent", "ât",
              "ement", "ements", "age", "ages", "ation", "ations", "eur", "eurs")


def apos(text: str) -> str:
    """Unify typographic and straight apostrophes (for case-sensitive comparisons)."""
    for ch in APOSTROPHES:
        text = text.replace(ch, "'")
    return text


def vkey(text: str) -> str:
    """Variant key: folded, with spaces, hyphens and apostrophes removed (VELMORA ≈ Velmora)."""
    return "".join(c for c in fold(text) if c.isalnum())


def singular(folded: str) -> str:
    """A light plural stripper for folded Latin-script words (puces → puce, lois → loi)."""
    if len(folded) >= 4 and folded[-1] == "s" and folded[-2] not in "su":
        return folded[:-1]
    if len(folded) >= 5 and folded.endswith(("aux", "eux")):
        return folded[:-1]
    return folded


def en_stem(folded: str) -> str:
    """A light English suffix stripper, applied to both sides of a comparison."""
    w = folded
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 4 and w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    return w




@dataclass(frozen=True)
class Token:
    start: int  # offset into the document (or string) the token was cut from
    end: int
    text: str
    keys: frozenset  # folded forms this token can match under
    lemma: str = ""
    pos: str = ""

    @property
    def is_word(self) -> bool:
        return any(c.isalnum() for c in self.text)


def split(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, text) of each token of ``text``; offsets shifted by ``offset``."""
    return [(m.start() + offset, m.end() + offset, m.group()) for m in TOKEN_RE.finditer(text)]


def keys_for(surface: str, lemma: str | Sequence[str], lang: str) -> frozenset:
    """The keys of a word: folded surface, singular (or English stem), and each lemma given."""
    f = fold(surface)
    keys = {f}
    if not any(c.isalpha() for c in f):
        return frozenset(keys)
    if lang == "en":
        keys.add(en_stem(f))
    else:
        keys.add(singular(f))
        if lang == "fr":
            keys |= masculine(f)
    for lem in ((lemma,) if isinstance(lemma, str) else lemma):
        if lem:
            keys.add(fold(lem))
    return frozenset(keys)


def tokenize(texts: Sequence[tuple[str, int]], lang: str, lemmas: bool = True,
             relevant=None) -> list[list[Token]]:
    """Tokens of several texts (each with its document offset), lemmatised in one batch.

    With the default lookup lemmatiser every word gets its lemmas (a cached table look-up)
    and no part of speech. With the spaCy one and ``relevant`` (a :class:`.lemmas.Relevance`
    of the forms to match), a text is analysed only when a lemma of one of its words may
    change a match of those forms; the other texts get tokens without lemma, which match
    those forms exactly as they would with it (but carry no lemma for other uses).
    """
    base = lang.split("-")[0].lower()
    pieces = [split(text, offset) for text, offset in texts]
    mode = lemmatizer() if lemmas else None
    table = lookup(base) if mode == "lookup" else None
    if table is not None:
        surface = _surface_keys(base)
        return [[_looked_up(table, surface, s, e, t) for s, e, t in toks] for toks in pieces]
    analysed: list[list[tuple[str, str]]] = [[("", "")] * len(p) for p in pieces]
    nlp = _analyser(base) if mode == "spacy" else None
    if nlp is not None:
        from spacy.tokens import Doc

        todo = range(len(pieces))
        if relevant is not None:
            from .lemmas import needs_analysis

            tables, surface = _tables(base), _surface_keys(base)
            todo = [i for i, toks in enumerate(pieces)
                    if needs_analysis((t for _, _, t in toks), relevant, tables, surface)]
        docs = []
        for i in todo:
            toks = pieces[i]
            words = [t for _, _, t in toks]
            spaces = [bool(k + 1 < len(toks) and toks[k + 1][0] > toks[k][1]) for k in range(len(toks))]
            docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
        for i, doc in zip(todo, nlp.pipe(docs, batch_size=64)):
            analysed[i] = [(t.lemma_, t.pos_) for t in doc]
    out = []
    for toks, ana in zip(pieces, analysed):
        out.append([Token(s, e, t, keys_for(t, lem if _plausible(t, lem) else "", base), lem, pos)
                    for (s, e, t), (lem, pos) in zip(toks, ana)])
    return out


def _looked_up(table, surface_keys, start: int, end: int, text: str) -> Token:
    """A token with every plausible lemma among its keys (the first as its lemma; a word the
    tables leave as it is is its own lemma, as spaCy gives it) and a coarse part of speech."""
    lemmas = [lem for lem in table.candidates(text) if _plausible(text, lem)]
    keys = surface_keys(text)
    if not lemmas:
        return Token(start, end, text, keys, text if text.isalpha() else "", table.pos(text))
    return Token(start, end, text, keys | {fold(lem) for lem in lemmas}, lemmas[0], table.pos(text))


LOOKUP_LANGS = frozenset({"fr"})  # languages lemmatised by default (as with spaCy: nlp.MODELS)


@functools.lru_cache(maxsize=8)
def lookup(lang: str):
    """The lookup lemmatiser of ``lang`` (loaded once), or None for a language not lemmatised."""
    from .lemmas import Lookup

    return Lookup(lang) if lang in LOOKUP_LANGS else None


@functools.lru_cache(maxsize=8)
def _tables(lang: str):
    from .lemmas import LemmaTables

    return LemmaTables.of(_analyser(lang))


@functools.lru_cache(maxsize=8)
def _surface_keys(lang: str):
    """Keys a word has without its lemma (cached per word)."""
    return functools.lru_cache(maxsize=200_000)(lambda word: keys_for(word, "", lang))


def _plausible(surface: str, lemma: str) -> bool:
    """Drop lemmas that are not words (a statistical lemmatiser sometimes cuts a stem)."""
    if not lemma or lemma == surface:
        return bool(lemma)
    return lemma[:1].isalpha() and len(lemma) >= min(len(surface) - 3, 3)


@functools.lru_cache(maxsize=8)
def _analyser(lang: str):
    from ..nlp import analyser

    try:
        return analyser(lang)
    except Exception:  # model not installed: fall back to rule-based keys
        return None


_ER_VERBS: dict[str, dict[str, bool]] = {"lookup": {}, "spacy": {}}  # lemmatiser -> word -> verdict


def _er_shape(word: str, lang: str) -> bool:
    return lang == "fr" and " " not in word and len(word) >= 5 and word.endswith("er") and word.islower()


def is_er_verb(word: str, lang: str) -> bool:
    """True for a single French word that is a regular -er verb in its infinitive."""
    if not _er_shape(word, lang):
        return False
    seen = _ER_VERBS[lemmatizer()]
    if word not in seen:
        er_verbs([word], lang)
    return seen[word]


def er_verbs(words, lang: str) -> set[str]:
    """The words of ``words`` that are regular -er verbs (see :func:`is_er_verb`): by the
    lookup tables (a second person plural that leads back to the word: *formez* → *former*,
    not *rochez* → *rocher*) or, with the spaCy lemmatiser, by the part of speech it tags,
    run once over all the words it has not seen yet."""
    mode = lemmatizer()
    seen = _ER_VERBS[mode]
    todo = list(dict.fromkeys(w for w in words if _er_shape(w, lang) and w not in seen))
    if todo:
        if mode == "lookup":
            table = lookup("fr")
            seen.update((w, table.is_verb(w)) for w in todo)
        else:
            nlp = _analyser("fr")
            if nlp is None:
                seen.update((w, True) for w in todo)
            else:
                for w, doc in zip(todo, nlp.pipe(todo, batch_size=256)):
                    seen[w] = len(doc) == 1 and doc[0].pos_ in ("VERB", "AUX")
    return {w for w in words if _er_shape(w, lang) and seen[w]}


def verb_family(word: str) -> frozenset:
    """Folded inflections of a regular -er verb and its derived nouns (entraîner → entraînement)."""
    stem = fold(word)[:-2]
    return frozenset(fold(stem + ending) for ending in ER_ENDINGS)



def display_key(text: str) -> str:
    """How two renderings are compared for consistency: case and apostrophes unified."""
    return " ".join(apos(text).split())
