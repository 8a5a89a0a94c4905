"""Sentence alignment: banded DP passes with per-document estimation.

Pass 1 aligns the whole matrix (small documents) or a band around a chain of anchors,
with parameters taken from the document totals. From its alignment the length ratio
and its spread, the bead-type and insertion-run priors and the match rate of each
kind of lexical key are re-estimated, and word pairs that keep falling in the same
beads are added as anchors; the next passes align again inside a narrow band around
the previous path. The last pass yields a posterior probability per bead (its
confidence). Time and memory grow with the number of band cells, i.e. linearly with
the length of the document.
"""
from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from ..model import Bead
from .band import (
    FULL_CELLS,
    anchor_band,
    anchor_chain,
    edge_rows,
    full_band,
    mutual_best,
    path_band,
    source_window,
    widen,
)
from .dictionary import dictionary_keys, uses_cedict
from .dp import MAX_GROUP, Band, Lattice, posteriors, viterbi
from .features import (
    extract_keys,
    glossary_keys,
    is_cjk_lang,
    is_cjk_text,
    sentence_lengths,
)
from .learn import UnitIndex, estimate_p1, learn_pairs
from .lexical import KeyTable, LexicalModel
from .scoring import BeadScorer, initial_params, junk_flags, reestimate_junk, reestimate_params

__all__ = ["align_sentences"]

REFINE_PASSES = 2      # alignments after the first, each re-estimating from the previous
PATH_HALF = 8         # half-width of the band around the previous path
ANCHOR_WINDOW = 40     # half-width of the search for local anchors around global ones
BAND_HALF, BAND_MAX = 30, 120  # first-pass band: half-width at an anchor, at most


def _pair_band(band: Band, n: int):
    """Target columns a source sentence r can meet in beads ending in rows r+1 … r+G."""
    r = np.arange(n)
    lo = band.lo[r + 1] - MAX_GROUP
    hi = band.hi[np.minimum(r + MAX_GROUP, n)]
    return lo, hi


def _run(params, ls, lt, lexical, band, blocks, junk):
    scorer = BeadScorer(params, ls, lt, lexical, lexical.pairs(*_pair_band(band, len(ls))),
                        *blocks, *junk)
    lattice = Lattice(scorer, band)
    return viterbi(lattice), lattice


def _fit(params, ls, lt, lexical, band, blocks, junk, extra):
    """Align in a band, widened only around rows where the path ran along its edge."""
    n, m = len(ls), len(lt)
    while True:
        beads, lattice = _run(params, ls, lt, lexical, band, blocks, junk)
        rows = edge_rows(beads, band, m)
        if not rows or band.cells >= (n + 1) * (m + 1):
            return beads, lattice
        band = widen(band, rows, extra, m)
        extra *= 2


def _anchor_band(lexical: LexicalModel, n: int, m: int) -> Band:
    """First-pass band: a chain of keys found once on each side of the document, then
    a chain of sentence pairs that are each other's best match near that line."""
    pts, weights = lexical.hapax_pairs()
    chain = anchor_chain(pts, weights)
    window = anchor_band(n, m, pts[chain], ANCHOR_WINDOW, ANCHOR_WINDOW)
    (pi, pj, gain, _cnt), _dup = lexical.pairs(*source_window(window))
    best = mutual_best(pi, pj, gain)
    pts = np.concatenate((pts[chain], np.stack((pi[best], pj[best]), axis=1)))
    weights = np.concatenate((weights[chain], gain[best]))
    anchors = pts[anchor_chain(pts, weights)]
    return anchor_band(n, m, anchors, BAND_HALF, BAND_MAX)


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
    ``lexicon`` holds optional (source term, target term) pairs used as anchors. When
    one side is Chinese, CC-CEDICT glosses link its words to the other side's words.
    A sentence without words (a page number, an OCR scrap) is left unaligned with a
    probability of its own, estimated per document.
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
    if src_cjk != tgt_cjk:
        if uses_cedict(src_lang, src_cjk) and src_cjk:
            dictionary_keys(src, tgt, fs, ft, tgt_lang)
        elif uses_cedict(tgt_lang, tgt_cjk) and tgt_cjk:
            dictionary_keys(tgt, src, ft, fs, src_lang)
    ls, lt = sentence_lengths(src), sentence_lengths(tgt)
    junk = (junk_flags(src), junk_flags(tgt))

    # Pass 1: parameters from the document totals.
    params = initial_params(ls, lt)
    table = KeyTable.from_keys(fs.keys, ft.keys)
    units = UnitIndex(fs.units, ft.units)
    del fs, ft  # the integer tables hold all that is needed from here on
    lexical = LexicalModel(table)
    if (n + 1) * (m + 1) <= FULL_CELLS:
        beads = _run(params, ls, lt, lexical, full_band(n, m), blocks, junk)[0]
    else:
        beads = _fit(params, ls, lt, lexical, _anchor_band(lexical, n, m), blocks, junk, 30)[0]

    # Re-estimate from the previous pass, learn word pairs, align again in a band
    # around the previous path.
    for k in range(REFINE_PASSES):
        params = reestimate_junk(reestimate_params(params, beads, ls, lt, 20.0, *junk),
                                 beads, *junk)
        p1_s, p1_t = estimate_p1(beads, lexical)
        # one ``L`` key per word pair learned from the first alignment, found where
        # its words are (learning again from the second changes next to nothing)
        if k == 0:
            learned = units.occurrences(*learn_pairs(beads, units))
        lexical = LexicalModel(table.extended(*learned, "L"), p1_s, p1_t)
        band = path_band(beads, n, m, PATH_HALF)
        lattice = None  # freed before the next one is built
        beads, lattice = _fit(params, ls, lt, lexical, band, blocks, junk, PATH_HALF)
    probs = posteriors(lattice, beads)
    return [Bead(k, tuple(s), tuple(t), min(1.0, max(0.0, float(p))))
            for k, ((s, t), p) in enumerate(zip(beads, probs))]
