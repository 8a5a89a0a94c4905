"""Sentence alignment: banded DP passes with per-document estimation.

Pass 1 aligns the whole matrix (small documents) or a band around a chain of anchors,
with parameters taken from the document totals. From each alignment the length ratio
and its spread, the bead-type and insertion-run priors and the match rate of each
kind of lexical key are re-estimated, and word pairs that keep falling in the same
beads are added as anchors; the next pass aligns again inside a narrow band around
the previous path. The last pass yields a posterior probability per bead (its
confidence).
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from ..model import Bead
from .band import (FULL_CELLS, anchor_band, anchor_chain, edge_rows, full_band, path_band,
                   touches_edge, widen)
from .dp import MAX_GROUP, Band, posteriors, viterbi
from .features import extract_keys, glossary_keys, is_cjk_lang, is_cjk_text, sentence_lengths
from .learn import estimate_p1, learn_pairs
from .lexical import LexicalModel
from .scoring import BeadScorer, initial_params, reestimate_params

__all__ = ["align_sentences"]

REFINE_PASSES = 2  # alignments after the first, each re-estimating from the previous


def _pair_band(band: Band, n: int):
    """Target columns a source sentence r can meet in beads ending in rows r+1 … r+G."""
    r = np.arange(n)
    lo = band.lo[r + 1] - MAX_GROUP
    hi = band.hi[np.minimum(r + MAX_GROUP, n)]
    return lo, hi


def _run(params, ls, lt, lexical, band, blocks, keep_raw=False):
    scorer = BeadScorer(params, ls, lt, lexical, lexical.pairs(*_pair_band(band, len(ls))),
                        *blocks)
    beads, raws = viterbi(scorer, band, keep_raw)
    return beads, scorer, raws


def _with_learned(fs, ft, learned):
    """Sentence keys plus one ``L`` key per learned word pair found in the sentence."""
    src_keys = [set(k) for k in fs.keys]
    tgt_keys = [set(k) for k in ft.keys]
    by_s: dict[str, list[str]] = {}
    by_t: dict[str, list[str]] = {}
    for u, v in learned:
        key = f"L{u}|{v}"
        by_s.setdefault(u, []).append(key)
        by_t.setdefault(v, []).append(key)
    if by_s:
        for i, units in enumerate(fs.units):
            for u in units & by_s.keys():
                src_keys[i].update(by_s[u])
        for j, units in enumerate(ft.units):
            for v in units & by_t.keys():
                tgt_keys[j].update(by_t[v])
    return src_keys, tgt_keys


def _trivial(n: int, m: int) -> list[Bead]:
    beads = [Bead(k, (k,), (), 1.0) for k in range(n)]
    beads += [Bead(n + k, (), (k,), 1.0) for k in range(m)]
    return beads


def align_sentences(src: Sequence[str], tgt: Sequence[str], *, src_lang: str, tgt_lang: str,
                    src_blocks: Sequence[int] | None = None,
                    tgt_blocks: Sequence[int] | None = None,
                    lexicon: Iterable[tuple[str, str]] = ()) -> list[Bead]:
    """Align source and target sentences into monotone beads with confidences.

    ``src_blocks[i]`` / ``tgt_blocks[j]`` are optional paragraph indices; a bead that
    spans a paragraph boundary, or opens a paragraph on one side only, is penalised.
    ``lexicon`` holds optional (source term, target term) pairs used as anchors.
    """
    src, tgt = list(src), list(tgt)
    n, m = len(src), len(tgt)
    if n == 0 or m == 0:
        return _trivial(n, m)
    if src_blocks is not None and len(src_blocks) != n:
        raise ValueError("src_blocks must have one entry per source sentence")
    if tgt_blocks is not None and len(tgt_blocks) != m:
        raise ValueError("tgt_blocks must have one entry per target sentence")
    blocks = (src_blocks, tgt_blocks) if src_blocks is not None and tgt_blocks is not None \
        else (None, None)
    src_cjk = is_cjk_lang(src_lang) or is_cjk_text(src)
    tgt_cjk = is_cjk_lang(tgt_lang) or is_cjk_text(tgt)
    fs = extract_keys(src, src_lang, src_cjk, tgt_cjk)
    ft = extract_keys(tgt, tgt_lang, tgt_cjk, src_cjk)
    glossary_keys(lexicon, src, tgt, fs, ft, src_cjk, tgt_cjk)
    ls, lt = sentence_lengths(src), sentence_lengths(tgt)

    # Pass 1: parameters from the document totals.
    params = initial_params(ls, lt)
    lexical = LexicalModel(fs.keys, ft.keys)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        beads, _, _ = _run(params, ls, lt, lexical, full_band(n, m), blocks)
    else:
        pts, weights = lexical.hapax_pairs()
        anchors = pts[anchor_chain(pts, weights)]
        band = anchor_band(n, m, anchors, 30.0)
        extra = 30
        while True:
            beads, _, _ = _run(params, ls, lt, lexical, band, blocks)
            rows = edge_rows(beads, band, m)
            if not rows or band.cells >= (n + 1) * (m + 1):
                break
            band = widen(band, rows, extra, m)  # only where the path hit the edge
            extra *= 2

    # Re-estimate from the previous pass, learn word pairs, align again in a band
    # around the previous path.
    cache: dict = {}
    for _ in range(REFINE_PASSES):
        params = reestimate_params(params, beads, ls, lt)
        p1_s, p1_t = estimate_p1(beads, lexical)
        learned = learn_pairs(beads, fs.units, ft.units, cache=cache)
        lexical = LexicalModel(*_with_learned(fs, ft, learned), p1_s, p1_t)
        half2 = 12
        while True:
            band = path_band(beads, n, m, half2)
            new_beads, scorer, raws = _run(params, ls, lt, lexical, band, blocks, True)
            if half2 >= max(n, m) or not touches_edge(new_beads, band, m):
                break
            half2 *= 2
        beads = new_beads
    probs = posteriors(scorer, band, beads, raws)
    return [Bead(k, tuple(s), tuple(t), min(1.0, max(0.0, float(p))))
            for k, ((s, t), p) in enumerate(zip(beads, probs))]
