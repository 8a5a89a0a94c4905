"""Language tools, loaded lazily, once per process, with only what is needed.

``rule_splitter(lang)`` is the default sentence splitter of Latin-script text (and of every
language it has data for): Koehn and Schroeder's rule-based splitter (the Moses one, from
the ``sentence-splitter`` package) with its non-breaking prefixes (``M.``, ``Dr.``, ``p.``…)
per language; it needs no spaCy. ``sentences(lang)`` is the spaCy path, asked for
explicitly (``--splitter spacy``) or used for a language the rule splitter has no data for
(French: ``fr_core_news_sm`` with its ``senter`` only; other languages: a blank pipeline
with the rule-based sentencizer).
``analyser(lang)`` adds what lemmas need (French: tok2vec, morphologizer,
attribute_ruler, lemmatizer), still without parser and NER. It is used only when the
environment variable ``MTQA_LEMMATIZER`` is ``spacy`` (:func:`lemmatizer`); by default
lemmas come from lookup tables (:mod:`toolkit.terms.lemmas`), without spaCy.
"""
from __future__ import annotations

import functools
import os

from .errors import MtqaError, UsageError

MODELS = {"fr": "fr_core_news_sm"}
SPLITTERS = ("rules", "spacy")  # the first is the default
SPLITTER_ENV = "MTQA_SPLITTER"


def splitter_name(name: str | None = None) -> str:
    """The sentence splitter to use: ``name``, else ``$MTQA_SPLITTER``, else ``rules``."""
    chosen = name or os.environ.get(SPLITTER_ENV, "").strip() or SPLITTERS[0]
    if chosen not in SPLITTERS:
        where = "sentence splitter" if name else SPLITTER_ENV
        raise UsageError(f"{where}: unknown splitter {chosen!r} (expected one of: {', '.join(SPLITTERS)})")
    return chosen


@functools.lru_cache(maxsize=None)
def rule_splitter(lang: str):
    """The rule-based splitter for ``lang`` (a primary subtag), or None when the package
    has no non-breaking prefixes for it."""
    from sentence_splitter import SentenceSplitter, SentenceSplitterException

    try:
        return SentenceSplitter(lang)
    except SentenceSplitterException:  # no prefix file for this language (or not a 2-letter code)
        return None


LEMMATIZER_ENV = "MTQA_LEMMATIZER"
LEMMATIZERS = ("lookup", "spacy")  # the first is the default


def lemmatizer() -> str:
    """Where lemmas come from: ``lookup`` (default: simplemma's tables, every reading of a
    word, no part of speech, no spaCy import) or ``spacy`` (the statistical pipeline of
    :func:`analyser`: one lemma and a part of speech per token, about 4 s to load), as
    set by the environment variable ``MTQA_LEMMATIZER``."""
    raw = os.environ.get(LEMMATIZER_ENV, "").strip().lower()
    if not raw:
        return LEMMATIZERS[0]
    if raw not in LEMMATIZERS:
        raise UsageError(f"{LEMMATIZER_ENV}={raw!r}: expected one of {', '.join(LEMMATIZERS)}")
    return raw


@functools.lru_cache(maxsize=None)
def sentences(lang: str):
    import spacy

    model = MODELS.get(lang)
    if model:
        nlp = _load(model, keep={"senter"})
        nlp.enable_pipe("senter")
        return nlp
    try:
        nlp = spacy.blank(lang)
    except Exception:  # spaCy has no tokenizer rules for this language code
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


@functools.lru_cache(maxsize=None)
def analyser(lang: str):
    """Tokens with lemmas; None when no model for ``lang`` is installed."""
    model = MODELS.get(lang)
    if not model:
        return None
    return _load(model, keep={"tok2vec", "morphologizer", "attribute_ruler", "lemmatizer"})


@functools.lru_cache(maxsize=None)
def tokenizer(lang: str):
    """A bare tokenizer (no statistical components) for ``lang``."""
    import spacy

    try:
        return spacy.blank(lang).tokenizer
    except Exception:
        return spacy.blank("xx").tokenizer


def _load(model: str, keep: set[str]):
    import spacy

    all_pipes = ["tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"]
    try:
        return spacy.load(model, exclude=[p for p in all_pipes if p not in keep])
    except OSError:
        raise MtqaError(f"spaCy model {model!r} is not installed; run 'make install' "
                        f"(it comes from the package index as {model.replace('_', '-')})") from None


def preload(langs: tuple[str, ...] = ("fr", "en"), splitter: str | None = None) -> None:
    """Load, once, what auditing ``langs`` needs (the sentence splitter ``splitter`` would
    use, French lemmatiser, word-frequency lists), so that worker processes forked
    afterwards share it instead of each loading its own copy."""
    from .lexicon import frequency_dict

    name = splitter_name(splitter)
    for lang in langs:
        if name == "spacy" or rule_splitter(lang) is None:
            sentences(lang)
        if lang in MODELS:
            if lemmatizer() == "spacy":
                analyser(lang)
            else:
                from .terms.text import lookup

                lookup(lang)
        frequency_dict(lang)
