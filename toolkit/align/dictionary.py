"""Dictionary anchor keys between Chinese and a Latin-script language (``D`` keys).

A Chinese word found by CC-CEDICT becomes the key ``D<word>`` of its sentence; a
sentence of the other side holds that key when one of its content-word stems is a stem
of the word's English glosses (see :mod:`toolkit.knowledge.anchors`). Only the words of
the document are indexed, so the cost is linear in its length. How much a match weighs
is left to the lexical model (document frequencies, per-document match rate).
"""
from __future__ import annotations

from typing import Sequence

from ..knowledge import anchors
from .features import SideFeatures

__all__ = ["dictionary_keys", "uses_cedict"]

_ZH_LANGS = frozenset({"zh", "cmn", "yue", "wuu", "lzh", "gan", "hak", "nan"})
_NOT_ZH = frozenset({"ja", "ko"})


def uses_cedict(lang: str, cjk: bool) -> bool:
    """Chinese by its language code, or Han text under an unknown code."""
    base = (lang or "").split("-")[0].split("_")[0].lower()
    return base in _ZH_LANGS or (cjk and base not in _NOT_ZH and len(base) != 2)


def dictionary_keys(zh: Sequence[str], other: Sequence[str], zh_feat: SideFeatures,
                    other_feat: SideFeatures, other_lang: str, dictionary=None) -> None:
    """Add ``D`` keys to both sides (in place)."""
    if dictionary is None:
        from ..knowledge import cedict
        dictionary = cedict.load()
    if not len(dictionary):
        return
    stops = anchors.stop_words(other_lang)
    lex = anchors.DocumentLexicon(dictionary, stops)
    by_stem: dict[str, set[str]] = {}
    for i, words in enumerate(lex.sentence_words(zh)):
        keys = zh_feat.keys[i]
        for w in words:
            if "D" + w not in keys:
                keys.add("D" + w)
                for s in lex.stems(w):
                    by_stem.setdefault(s, set()).add(w)
    cache: dict[str, tuple[str, ...]] = {}
    memo: dict[str, str] = {}
    for j, text in enumerate(other):
        keys = other_feat.keys[j]
        for s in anchors.text_stems(text, stops, memo):
            found = cache.get(s)
            if found is None:
                found = cache[s] = tuple("D" + w for w in by_stem.get(s, ()))
            keys.update(found)
