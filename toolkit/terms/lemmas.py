"""Which lemmas a word can get, from lookup tables, without a statistical pipeline.

:class:`Lookup` (the default lemmatiser) reads simplemma's word → lemma tables. They
have no part of speech, so a word gets every lemma the tables lead to, for the word and
its lower-cased form: its lemma, and the verb of that lemma when it is a past participle
the tables lead to a verb (*entraînées* → *entraîné* → *entraîner*: the adjective and
the verb readings). A glossary form matches a word under any of them. Measured against
the spaCy lemmatiser: the same WMT21 term adherence, the same findings on the evaluation
corpora but for one negation placed on its verb instead of its whole clause.

The rest of this module serves the ``spacy`` lemmatiser (see :func:`toolkit.nlp.lemmatizer`).
A rule lemmatiser (spaCy's ``lemmatizer`` in ``rule`` mode, e.g. French) picks a word's
lemma from its tables given the part of speech the morphologizer predicts: the lower-cased
word when the POS index has it, else the POS exceptions, else the POS suffix rules, else
the lookup table, else the word (and the lookup table for the POS that have no rules).
Taking every POS at once gives, from the word alone, a superset of the lemmas the
pipeline can give it in any context.

:func:`needs_analysis` uses this to skip the pipeline for a text none of whose words can
get a lemma among the keys a set of glossary forms is matched under: its matches are
the same with or without lemmas. When the analyser is not of that kind (another
lemmatiser mode, a component that sets lemmas itself), every text is analysed.
"""
from __future__ import annotations

import functools
from typing import Callable, Iterable

from ..textutil import fold

UPOS = ("adj", "adp", "adv", "aux", "cconj", "det", "intj", "noun", "num", "part", "pron",
        "propn", "punct", "sconj", "sym", "verb", "x")
# Components that do not set lemmas (the lemmatiser does not overwrite lemmas set before it).
NO_LEMMA = frozenset({"tok2vec", "morphologizer", "tagger", "senter", "parser", "ner"})


AUXILIARIES = frozenset({"être", "avoir"})
# Articles contracted with a preposition: they match the preposition (du → de), as spaCy's
# lemmas do; simplemma leaves them as they are.
CONTRACTIONS = {"fr": {"du": ("de",), "des": ("de",), "au": ("à",), "aux": ("à",)}}


class Lookup:
    """POS-free lemmas of one language from simplemma's tables (loaded once, cached per word)."""

    def __init__(self, lang: str):
        import simplemma

        self.lang = lang
        self._simplemma = simplemma
        self._lemma = functools.lru_cache(maxsize=200_000)(self._lemma_of)
        self._lemma(lang)  # load the language's table now (before worker processes fork)
        self.candidates = functools.lru_cache(maxsize=200_000)(self._candidates)

    def _lemma_of(self, word: str) -> str:
        """simplemma's lemma; for a word its tables do not know, its greedy affix rules
        (*immunodéprimées* → *immunodéprimé*), as spaCy's suffix rules would."""
        lemma = self._simplemma.lemmatize(word, self.lang)
        if lemma == word and not self._simplemma.is_known(word, self.lang):
            lemma = self._simplemma.lemmatize(word, self.lang, greedy=True)
        return lemma

    def _candidates(self, word: str) -> tuple[str, ...]:
        """The lemmas of ``word`` (empty for a word the tables leave as it is), most likely first."""
        out: list[str] = list(CONTRACTIONS.get(self.lang, {}).get(word.lower(), ()))
        if not any(c.isalpha() for c in word):
            return ()
        for form in dict.fromkeys((word, word.lower())):
            lemma = self._lemma(form)
            if lemma != form:
                out.append(lemma)
            if lemma != form and lemma[-1:] in ("é", "i"):
                # an inflected past participle's verb, when the tables give it for the
                # participle itself: entraînées → entraîné → entraîner (but marchés →
                # marché, not marcher: the tables keep the noun)
                verb = self._lemma(lemma)
                if verb == lemma[:-1] + ("er" if lemma[-1] == "é" else "ir"):
                    out.append(verb)
        return tuple(dict.fromkeys(out))

    def lemma(self, word: str) -> str:
        """The word's first lemma (the word itself when the tables leave it as it is)."""
        got = self.candidates(word)
        return got[0] if got else word

    def pos(self, word: str) -> str:
        """A coarse part of speech from the tables alone: ``AUX`` for a form of *être* or
        *avoir*, ``VERB`` for an inflected verb form (its first lemma another word, a verb's
        infinitive), else ``""`` (unknown: a noun, adjective, name or function word, and a
        past participle in *-é*, which is as often an adjective or a noun: *marché*)."""
        got = self.candidates(word)
        if not got or word[:1].isupper():
            return ""
        if got[0] in AUXILIARIES:
            return "AUX"
        if word.lower().rstrip("s").endswith(("é", "ée")):
            return ""
        return "VERB" if got[0] != word.lower() and self.is_verb(got[0]) else ""

    def is_verb(self, infinitive: str) -> bool:
        """True when ``infinitive`` (a lower-case French word) is a verb's infinitive: its
        second person plural form leads back to it (*former* ← *formez*; *rocher* ↚ *rochez*)."""
        if self.lang != "fr" or len(infinitive) < 4 or " " in infinitive:
            return False
        for end, forms in (("er", ("ez",)), ("ir", ("issez", "ez")), ("oir", ("ez",)), ("re", ("ez", "tes"))):
            if infinitive.endswith(end):
                stem = infinitive[:-len(end)]
                if any(self._lemma(stem + f) == infinitive for f in forms):
                    return True
        return False


class LemmaTables:
    """The tables of a rule lemmatiser, and the lemma keys each word can get."""

    def __init__(self, lookup, index: dict, exceptions: dict, rules: dict):
        self.lookup, self.index, self.exceptions, self.rules = lookup, index, exceptions, rules
        self.keys = functools.lru_cache(maxsize=200_000)(self._keys)

    @classmethod
    def of(cls, nlp) -> "LemmaTables | None":
        """The tables of ``nlp``'s lemmatiser, or None when its lemmas cannot be predicted
        from them (then every text must be analysed)."""
        if nlp is None or "lemmatizer" not in nlp.pipe_names:
            return None
        lem = nlp.get_pipe("lemmatizer")
        if getattr(lem, "mode", None) != "rule" or getattr(lem, "overwrite", True):
            return None
        for name, pipe in nlp.pipeline:
            if name == "lemmatizer":
                break
            if name == "attribute_ruler":
                if any("LEMMA" in p.get("attrs", {}) for p in pipe.patterns):
                    return None
            elif name not in NO_LEMMA:
                return None
        tables = lem.lookups
        get = lambda t: tables.get_table(t, {}) if tables.has_table(t) else {}  # noqa: E731
        index, exc, rules = get("lemma_index"), get("lemma_exc"), get("lemma_rules")
        return cls(get("lemma_lookup"), {p: index.get(p, {}) for p in UPOS},
                   {p: exc.get(p, {}) for p in UPOS}, {p: rules.get(p, []) for p in UPOS})

    def possible(self, word: str) -> set[str]:
        """Every lemma the lemmatiser can give ``word``, whatever its POS (a superset)."""
        lower = word.lower()
        out = {word, lower}
        for key in (word, lower):
            out.update(_values(self.lookup.get(key)))
        for pos in UPOS:
            out.update(_values(self.exceptions[pos].get(lower)))
            for old, new in self.rules[pos]:
                if lower.endswith(old):
                    form = lower[:len(lower) - len(old)] + new
                    if form:
                        out.add(form)
        return out

    def _keys(self, word: str) -> frozenset:
        return frozenset(fold(lemma) for lemma in self.possible(word))


def _values(value) -> Iterable[str]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value, value[:1])
    return [v for v in value if isinstance(v, str)]


class Relevance:
    """What a set of glossary forms needs from lemmas. Each form is given as (content
    keys, all keys): a match of the form (full or partial) must meet one of its content
    keys (``None``: assume it always may), and a lemma can only change a match of the
    form through one of all its keys."""

    def __init__(self, forms: Iterable[tuple[frozenset | None, frozenset]]):
        self.always: set[int] = set()
        self.content: dict[str, set[int]] = {}
        self.every: dict[str, set[int]] = {}
        for n, (content, every) in enumerate(forms):
            if content is None:
                self.always.add(n)
            else:
                for k in content:
                    self.content.setdefault(k, set()).add(n)
            for k in every:
                self.every.setdefault(k, set()).add(n)
        self._words: dict[str, tuple[frozenset, frozenset]] = {}

    def of_word(self, word: str, tables: LemmaTables, surface_keys) -> tuple[frozenset, frozenset]:
        """(forms ``word`` may meet a content key of, forms a lemma of ``word`` may change)."""
        got = self._words.get(word)
        if got is None:
            surface = surface_keys(word)
            possible = tables.keys(word) if any(c.isalpha() for c in word) else frozenset()
            meet = set().union(*(self.content.get(k, ()) for k in surface | possible))
            change = set().union(*(self.every.get(k, ()) for k in possible - surface))
            got = self._words[word] = (frozenset(meet), frozenset(change))
        return got


def needs_analysis(words: Iterable[str], relevance: Relevance, tables: LemmaTables | None,
                   surface_keys: Callable[[str], frozenset]) -> bool:
    """True when a lemma of some word of a text may change a match of some form in it: the
    form may match there (one of its content keys is met by a word, through its surface or
    a possible lemma) and some word may get a lemma among the form's keys that it does not
    have anyway (``surface_keys``). Always true when lemmas cannot be predicted."""
    if tables is None:
        return True
    meet, change = set(relevance.always), set()
    for w in words:
        m, c = relevance.of_word(w, tables, surface_keys)
        meet |= m
        change |= c
    return not meet.isdisjoint(change)
