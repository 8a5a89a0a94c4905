"""OMIT — a source sentence merged into a bead whose translation renders none of it.

The second module of the OMIT family (:mod:`toolkit.rules.omit` reads null beads and
length ratios). When the aligner pairs two or three source sentences with one target
text, a sentence the translation dropped hides inside the bead: its length is small
next to the others, and it has no bead of its own. OMIT005 looks at its content
instead: the English glosses of its Chinese words (CC-CEDICT) or its own English words,
matched with the target's words as cognates (*parasite* ~ *parasites*, *infection*),
plus its numbers. A sentence with several such words and none in the target, while its
bead-mates have some, is sent to review.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..lexicon import zipf
from ..numbers import number_values
from ..readers.base import base_lang
from ..textutil import fold
from .base import Context, Hit, rule

MIN_WORDS = 4      # content words a sentence needs before its silence means something
PREFIX = 5         # cognates share their first letters (4 for words of 4 letters)
COMMON_EN = 5.5    # glosses more frequent than this (have, make, time) say little


@functools.lru_cache(maxsize=4096)
def _gloss_words(word: str) -> frozenset[str]:
    from ..knowledge import cedict

    out = set()
    for gloss in cedict.load().renderings(word)[:4]:
        for w in re.findall(r"[a-z]{4,}", gloss.lower()):
            if zipf(w, "en") < COMMON_EN:
                out.add(w)
    return frozenset(out)


def _content(text: str, lang: str) -> list[frozenset[str]]:
    """Content units of a source sentence, each a set of English forms that may show up
    as a cognate in the translation."""
    if lang == "zh":
        from ..knowledge import cedict

        return [g for _, _, w in cedict.load().words(text) if (g := _gloss_words(w))]
    return [frozenset({w}) for w in re.findall(r"[a-z]{4,}", fold(text)) if zipf(w, "en") < COMMON_EN]


def _hit(unit: frozenset[str], target_keys: set[str]) -> bool:
    return any(w[:PREFIX] in target_keys for w in unit)


@rule(id="OMIT005", name="merged-sentence-unrendered", category="Accuracy/Omission", severity="neutral",
      needs=("source", "alignment"))
def merged_sentence_unrendered(ctx: Context) -> Iterable[Hit]:
    """A source sentence merged into a bead seems absent from its translation (review hint).

    ## What it does
    For each bead of two or three source sentences and one or two target sentences,
    collects the content of each source sentence: the English glosses of its Chinese
    dictionary words (CC-CEDICT), or its own less common English words, and its numbers.
    A sentence with at least four such words of which none appears in the target as a
    cognate (same first five letters) and none of its numbers either, while the other
    sentences of the bead have a cognate or a number in the target, is reported on the
    target text as a possible omission. It is a `neutral` hint.

    ## Why is this bad?
    A dropped sentence that the aligner folded into its neighbour's bead escapes the
    null-bead and length checks: the target still looks like a translation of the bead.

    ## Example
    ```text
    source (en): The museum reopened on Monday after its renovation. Insurers estimate the damage to stored paintings at several million euros.
    beads: [0, 1]:[0] 0.8
    bad (fr): Le musée a rouvert lundi après sa rénovation.
    good (fr): Le musée a rouvert lundi après sa rénovation ; les assureurs estiment les dégâts subis par les peintures entreposées à plusieurs millions d’euros.
    ```

    ## Options
    None.

    ## Known problems
    Cognates are rare between Chinese glosses and French: a sentence translated with
    no shared word stem is reported. That is why it is only a hint.
    """
    lang = base_lang(ctx.source.lang)
    if lang not in ("zh", "en") or base_lang(ctx.target.lang) not in ("fr", "en"):
        return
    for bead, src, tgt in ctx.pairs():
        if not (2 <= len(src) <= 3 and 1 <= len(tgt) <= 2) or bead.confidence < 0.5:
            continue
        target = " ".join(t.text for t in tgt)
        keys = {w[:PREFIX] for w in re.findall(r"[a-z]{4,}", fold(target))}
        t_values = set(number_values(target, ctx.target.lang))
        seen = []
        for seg in src:
            units = _content(seg.text, lang)
            values = set(number_values(seg.text, lang))
            seen.append((seg, len(units), any(_hit(u, keys) for u in units) or bool(values & t_values)))
        silent = [seg for seg, n, found in seen if n >= MIN_WORDS and not found]
        if len(silent) == 1 and any(found for _, _, found in seen):
            seg = silent[0]
            yield Hit(tgt[0].start, tgt[-1].end, "A source sentence of this bead seems untranslated: none of "
                      f"its words or numbers appear in the target (“{seg.text[:60]}”).",
                      "Check the source sentence and translate it if it is missing.",
                      source=(seg.start, seg.end), bead=bead.id)


RULES = (merged_sentence_unrendered,)
