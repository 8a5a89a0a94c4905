"""OMIT — omissions and additions seen through the sentence alignment.

OMIT001/OMIT002 read the null beads of the aligner (1-0: a source sentence with no
translation; 0-1: target text with no source). OMIT003/OMIT004 compare each 1-1, 1-2
and 2-1 bead's length ratio with the document's own ratio (median and MAD of the log
ratio), so a zh→fr article and an en→de article are each judged on their own scale.

All four are conservative: a null bead is not reported when the neighbouring bead's
lengths (or numbers) show the sentence was merged into it, when the aligner is unsure
(that is a REVIEW hint), or when the sentence is short (a title, a byline) and the
aligner is not very sure.
"""
from __future__ import annotations

import math
import re
import statistics
from dataclasses import dataclass
from typing import Iterable

from ..model import Bead, Segment
from ..readers.base import base_lang
from ..textutil import CJK_LANGS
from .base import Context, Hit, rule

MIN_CONFIDENCE = 0.5  # below this a null bead is a review hint, not a finding
SURE = 0.9  # a short sentence is reported only when the aligner is this sure
_NUM = re.compile(r"\d+(?:[.,]\d+)?")


_WIDE_ALNUM = re.compile(r"[^\W\x00-\x7f]+")  # \w is str.isalnum() plus "_"
_ASCII_OTHER = bytes(b for b in range(256) if not (b < 128 and chr(b).isalnum()))


def size(text: str) -> int:
    """Length used for ratios: letters and digits (a CJK character counts one)."""
    n = len(text.encode("ascii", "ignore").translate(None, _ASCII_OTHER))
    return n if text.isascii() else n + sum(map(len, _WIDE_ALNUM.findall(text)))


def _sized_pairs(ctx: Context) -> list[tuple[Bead, list[Segment], list[Segment], int, int]]:
    """``ctx.pairs()`` with the size of each side."""
    return ctx.memo("omit-sizes", lambda: [(bead, src, tgt, size(_text(src)), size(_text(tgt)))
                                           for bead, src, tgt in ctx.pairs()])


def _substantial(text: str, lang: str) -> bool:
    return size(text) >= (10 if base_lang(lang) in CJK_LANGS else 25)


@dataclass(frozen=True)
class RatioModel:
    """Per-document length ratio: target size ≈ exp(median) × source size."""

    median: float
    sigma: float
    n: int

    def expected(self, src_size: int) -> float:
        return math.exp(self.median) * src_size


def _prior(src_lang: str, tgt_lang: str) -> float:
    src_cjk, tgt_cjk = base_lang(src_lang) in CJK_LANGS, base_lang(tgt_lang) in CJK_LANGS
    if src_cjk and not tgt_cjk:
        return math.log(3.0)
    if tgt_cjk and not src_cjk:
        return math.log(1 / 3.0)
    return math.log(1.1)


def ratio_model(ctx: Context) -> RatioModel:
    def build() -> RatioModel:
        logs = []
        for bead, src, tgt, s, t in _sized_pairs(ctx):
            if bead.src and bead.tgt and s >= 3 and t >= 3 and not ctx.in_chrome(*_range(tgt)):
                logs.append(math.log(t / s))
        if len(logs) < 6:
            return RatioModel(_prior(ctx.source.lang, ctx.target.lang), 0.35, len(logs))
        med = statistics.median(logs)
        mad = statistics.median(abs(x - med) for x in logs) * 1.4826
        return RatioModel(med, max(mad, 0.15), len(logs))

    return ctx.memo("omit-ratio", build)


def _text(segs: list[Segment]) -> str:
    return " ".join(s.text for s in segs)


def _range(segs: list[Segment]) -> tuple[int, int]:
    return segs[0].start, segs[-1].end


def _numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUM.findall(text)}


def _neighbours(pairs: list, k: int) -> list[tuple[Bead, list[Segment], list[Segment]]]:
    out = []
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(pairs) and not (pairs[j][1] and pairs[j][2]):
            j += step
        if 0 <= j < len(pairs):
            out.append(pairs[j])
    return out


def _fits_neighbour(model: RatioModel, extra_src: int, extra_tgt: int, neighbours: list) -> bool:
    """True when adding the null bead's text to a neighbour explains its lengths better."""
    for _, src, tgt in neighbours:
        s, t = size(_text(src)), size(_text(tgt))
        if not s or not t:
            continue
        alone = abs(math.log(t / model.expected(s)))
        merged = abs(math.log((t + extra_tgt) / model.expected(s + extra_src)))
        if merged + math.log(1.25) < alone:
            return True
    return False


def _null_beads(ctx: Context, want_src: bool):
    pairs = list(ctx.pairs())
    for k, (bead, src, tgt) in enumerate(pairs):
        if bool(src) == want_src and bool(tgt) != want_src and bead.confidence >= MIN_CONFIDENCE:
            yield k, pairs, bead, src, tgt


@rule(id="OMIT001", name="source-sentence-omitted", category="Accuracy/Omission",
      severity="major", needs=("source", "alignment"))
def source_sentence_omitted(ctx: Context) -> Iterable[Hit]:
    """A source sentence has no translation in the target.

    ## What it does
    Reports each 1-0 bead of the sentence alignment: a source sentence that the aligner
    could not match with any target text. The finding carries the omitted sentence as
    its source text. Its target span marks where the translation is missing: the first
    character of the target sentence that follows the omission, or, when the omission
    ends a paragraph that it does not begin (or ends the document), the last character
    of the target sentence that precedes it. A reviewer sees the missing sentence next to the place to insert it.

    ## Why is this bad?
    An omitted sentence loses information silently: the target reads well, so nobody
    notices unless source and target are compared sentence by sentence.

    ## Example
    ```text
    source (en): The museum opens at nine. Adult tickets cost twelve euros, and children under ten visit for free on weekdays. The café closes at five.
    beads: [0]:[0] 0.9; [1]:[] 0.8; [2]:[1] 0.9
    bad (fr): Le musée ouvre à neuf heures. Le café ferme à dix-sept heures.
    ```
    ```text
    source (en): The museum opens at nine. Adult tickets cost twelve euros, and children under ten visit for free on weekdays. The café closes at five.
    beads: [0]:[0] 0.9; [1]:[1] 0.8; [2]:[2] 0.9
    good (fr): Le musée ouvre à neuf heures. Le billet adulte coûte douze euros et les enfants de moins de dix ans entrent gratuitement en semaine. Le café ferme à dix-sept heures.
    ```
    (A `beads:` line fixes the alignment of an example, as the aligner would give it.)

    ## Options
    None. A 1-0 bead whose confidence is below 0.5 is left to REVIEW001; a short
    sentence (under 25 letters, 10 CJK characters) is reported only when the aligner is
    at least 0.9 sure; a sentence whose length (or numbers) fits a neighbouring bead
    better is taken as merged into it and not reported.

    ## Known problems
    Depends on the alignment: a sentence translated by a loose paraphrase spread over
    two target sentences can look omitted. A sentence translated into page chrome is
    not seen.
    """
    model = ratio_model(ctx)
    tgt_segs = ctx.target.segments
    for k, pairs, bead, src, _ in _null_beads(ctx, want_src=True):
        text = _text(src)
        if not _substantial(text, ctx.source.lang) and bead.confidence < SURE:
            continue
        neighbours = _neighbours(pairs, k)
        if _fits_neighbour(model, size(text), 0, neighbours):
            continue
        nums = _numbers(text)
        if nums and nums <= set().union(*(_numbers(_text(t)) - _numbers(_text(s)) for _, s, t in neighbours)):
            continue
        where = _insertion_point(ctx, bead, pairs, k, tgt_segs)
        if where is None:
            continue
        yield Hit(*where, f"Source sentence not translated: “{_clip(text)}”.",
                  "Translate the missing sentence and insert it here.",
                  source=_range(src), bead=bead.id)


def _insertion_point(ctx: Context, bead: Bead, pairs: list, k: int,
                     tgt_segs: tuple[Segment, ...]) -> tuple[int, int] | None:
    src_segs = ctx.source.segments
    last_src = src_segs[bead.src[-1]]
    nxt = next((p for p in pairs[k + 1:] if p[2]), None)
    prv = next((p for p in reversed(pairs[:k]) if p[2]), None)
    first_src = src_segs[bead.src[0]]
    ends_block = last_src.index + 1 >= len(src_segs) or src_segs[last_src.index + 1].block != last_src.block
    starts_block = first_src.index == 0 or src_segs[first_src.index - 1].block != first_src.block
    if nxt and not ctx.in_chrome(nxt[2][0].start) and not (ends_block and not starts_block and prv):
        return nxt[2][0].start, nxt[2][0].start + 1
    if prv:
        end = prv[2][-1].end
        return end - 1, end
    return None


def _clip(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


@rule(id="OMIT002", name="target-sentence-added", category="Accuracy/Addition",
      severity="major", needs=("source", "alignment"))
def target_sentence_added(ctx: Context) -> Iterable[Hit]:
    """A target sentence has no counterpart in the source.

    ## What it does
    Reports each 0-1 bead of the sentence alignment: target text that the aligner could
    not match with any source sentence. The span is the added sentence. Page chrome
    found by PAGE001 is left out, so text scraped after the article is reported once,
    as chrome.

    ## Why is this bad?
    Added content (a hallucinated sentence, a note of the MT system, a repeated
    sentence) says something the author never wrote.

    ## Example
    ```text
    source (en): The bridge will close for repairs in March. Traffic will be diverted through the north tunnel.
    beads: [0]:[0] 0.9; []:[1] 0.8; [1]:[2] 0.9
    bad (fr): Le pont fermera pour travaux en mars. Le maire a promis une indemnisation généreuse à tous les commerçants du quartier. La circulation sera déviée par le tunnel nord.
    ```
    ```text
    source (en): The bridge will close for repairs in March. Traffic will be diverted through the north tunnel.
    beads: [0]:[0] 0.9; [1]:[1] 0.9
    good (fr): Le pont fermera pour travaux en mars. La circulation sera déviée par le tunnel nord.
    ```

    ## Options
    None. The thresholds are those of OMIT001 (confidence 0.5, short sentences need 0.9,
    merged sentences are not reported).

    ## Known problems
    A translator's legitimate explicitation split into its own sentence is reported;
    dismiss it in review.
    """
    model = ratio_model(ctx)
    for k, pairs, bead, _, tgt in _null_beads(ctx, want_src=False):
        text = _text(tgt)
        if ctx.in_chrome(*_range(tgt)) or not any(ch.isalpha() for ch in text):
            continue
        if not _substantial(text, ctx.target.lang) and bead.confidence < SURE:
            continue
        if _fits_neighbour(model, 0, size(text), _neighbours(pairs, k)):
            continue
        yield Hit(*_range(tgt), f"Target sentence with no source: “{_clip(text)}”.",
                  "Delete it, or check the source for a sentence it translates.", bead=bead.id)


def _outliers(ctx: Context, shorter: bool) -> Iterable[Hit]:
    model = ratio_model(ctx)
    if model.n < 6:
        return
    threshold = max(4 * model.sigma, math.log(2.5))
    for bead, src, tgt, s, t in _sized_pairs(ctx):
        if not (src and tgt) or len(src) > 2 or len(tgt) > 2 or bead.confidence < MIN_CONFIDENCE:
            continue
        if not s or not t:
            continue
        expected = model.expected(s)
        dev = math.log(t / expected)
        if shorter and dev < -threshold and expected >= 40 and expected - t >= 30:
            yield Hit(*_range(tgt), f"Target is much shorter than its source ({t} vs about "
                      f"{round(expected)} letters expected, {bead.kind} bead): part may be missing.",
                      "Compare with the source and translate what is missing.",
                      source=_range(src), bead=bead.id)
        elif not shorter and dev > threshold and t >= 40 and t - expected >= 30:
            yield Hit(*_range(tgt), f"Target is much longer than its source ({t} vs about "
                      f"{round(expected)} letters expected, {bead.kind} bead): text may be added.",
                      "Compare with the source and remove what it does not say.",
                      source=_range(src), bead=bead.id)


@rule(id="OMIT003", name="target-much-shorter", category="Accuracy/Omission",
      severity="minor", needs=("source", "alignment"))
def target_much_shorter(ctx: Context) -> Iterable[Hit]:
    """A translated sentence is much shorter than its source predicts.

    ## What it does
    For each 1-1, 1-2 or 2-1 bead, compares the target length (letters and digits) with
    the length the source predicts under the document's own ratio: the median log ratio
    of its beads, with the median absolute deviation as spread. A bead far below (more
    than four spreads and 2.5 times shorter, and at least 30 letters missing) is
    reported: part of the sentence was probably dropped.

    ## Why is this bad?
    A partial omission (a clause, a list item, a qualifier) keeps the sentence
    grammatical, so it escapes a reader of the target alone.

    ## Example
    ```text
    source (en): The ferry leaves at eight. The bakery opens at seven. Buses run every ten minutes. The library closes at six. The pool is heated in winter. The museum is closed on Mondays, on public holidays, during the whole of August and on the first Tuesday of every month for cleaning.
    beads: [0]:[0]; [1]:[1]; [2]:[2]; [3]:[3]; [4]:[4]; [5]:[5]
    bad (fr): Le ferry part à huit heures. La boulangerie ouvre à sept heures. Les bus passent toutes les dix minutes. La bibliothèque ferme à dix-huit heures. La piscine est chauffée en hiver. Le musée est fermé.
    ```
    ```text
    source (en): The ferry leaves at eight. The bakery opens at seven. Buses run every ten minutes. The library closes at six. The pool is heated in winter. The museum is closed on Mondays, on public holidays, during the whole of August and on the first Tuesday of every month for cleaning.
    beads: [0]:[0]; [1]:[1]; [2]:[2]; [3]:[3]; [4]:[4]; [5]:[5]
    good (fr): Le ferry part à huit heures. La boulangerie ouvre à sept heures. Les bus passent toutes les dix minutes. La bibliothèque ferme à dix-huit heures. La piscine est chauffée en hiver. Le musée est fermé le lundi, les jours fériés, tout le mois d’août et le premier mardi de chaque mois pour le nettoyage.
    ```

    ## Options
    None. Needs at least six aligned beads to estimate the ratio.

    ## Known problems
    A concise but complete translation of a wordy source can be reported; the severity
    is minor for that reason.
    """
    return _outliers(ctx, shorter=True)


@rule(id="OMIT004", name="target-much-longer", category="Accuracy/Addition",
      severity="minor", needs=("source", "alignment"))
def target_much_longer(ctx: Context) -> Iterable[Hit]:
    """A translated sentence is much longer than its source predicts.

    ## What it does
    The mirror of OMIT003: a 1-1, 1-2 or 2-1 bead whose target is more than four spreads
    and 2.5 times longer than the document's ratio predicts, with at least 30 extra
    letters, is reported: text was probably added (a repetition, an invented clause).

    ## Why is this bad?
    Additions put words in the author's mouth and often come from MT hallucinations.

    ## Example
    ```text
    source (en): The ferry leaves at eight. The bakery opens at seven. Buses run every ten minutes. The library closes at six. The pool is heated in winter. The museum is closed.
    beads: [0]:[0]; [1]:[1]; [2]:[2]; [3]:[3]; [4]:[4]; [5]:[5]
    bad (fr): Le ferry part à huit heures. La boulangerie ouvre à sept heures. Les bus passent toutes les dix minutes. La bibliothèque ferme à dix-huit heures. La piscine est chauffée en hiver. Le musée est fermé le lundi, les jours fériés, tout le mois d’août et le premier mardi de chaque mois pour le grand nettoyage.
    ```
    ```text
    source (en): The ferry leaves at eight. The bakery opens at seven. Buses run every ten minutes. The library closes at six. The pool is heated in winter. The museum is closed.
    beads: [0]:[0]; [1]:[1]; [2]:[2]; [3]:[3]; [4]:[4]; [5]:[5]
    good (fr): Le ferry part à huit heures. La boulangerie ouvre à sept heures. Les bus passent toutes les dix minutes. La bibliothèque ferme à dix-huit heures. La piscine est chauffée en hiver. Le musée est fermé.
    ```

    ## Options
    None. Needs at least six aligned beads to estimate the ratio.

    ## Known problems
    Explicitations that a translator adds on purpose (a unit, a gloss of a name) make a
    target longer; the severity is minor for that reason.
    """
    return _outliers(ctx, shorter=False)


RULES = (source_sentence_omitted, target_sentence_added, target_much_shorter, target_much_longer)
