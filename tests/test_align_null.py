"""Deletions: sentences without words have their own probability of having no
counterpart, and the banded DP (Viterbi and forward–backward) prices insertions per
sentence exactly.

All texts are invented for these tests.
"""
from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.align import align_sentences
from toolkit.align.aligner import _pair_band
from toolkit.align.band import full_band
from toolkit.align.dp import TYPES, Lattice, posteriors, viterbi
from toolkit.align.features import extract_keys, sentence_lengths
from toolkit.align.lexical import KeyTable, LexicalModel
from toolkit.align.scoring import (
    DEFAULT_JUNK_NULL, BeadScorer, initial_params, junk_flags, reestimate_junk,
)
from test_align import check_valid, filler, pairs


def test_junk_flags():
    got = junk_flags(["12", "V", "", ".-^ !", "Ok.", "我", "A b c", "page 3", "ii",
                      "4-7 ) .", "( 4 )"])
    assert got.tolist() == [True, True, True, True, False, False, True, False, False,
                            False, True]


def test_deletion_probability_of_junk_is_estimated_from_the_alignment():
    src_junk = np.array([False, True, False, True])
    tgt_junk = np.array([False, False, True])
    params = initial_params([10, 2, 10, 2], [10, 10, 2])
    # junk source 1 and target 2 left unaligned, junk source 3 aligned
    beads = [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((), (2,)), ((3,), ())]
    est = reestimate_junk(params, beads, src_junk, tgt_junk).junk_null
    assert est == pytest.approx((3 + 4 * DEFAULT_JUNK_NULL) / (3 + 4))
    beads = [((0,), (0,)), ((1, 2), (1, 2)), ((3,), ())]
    lower = reestimate_junk(params, beads, src_junk, tgt_junk).junk_null
    assert lower == pytest.approx((1 + 4 * DEFAULT_JUNK_NULL) / (3 + 4))


def test_page_numbers_and_scraps_are_left_unaligned():
    src, tgt = filler(12)
    tgt = tgt[:4] + ["17"] + tgt[4:9] + ["V ."] + tgt[9:]
    src = src[:7] + ["– 3 –"] + src[7:]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    check_valid(beads, len(src), len(tgt))
    got = pairs(beads)
    assert ((), (4,)) in got and ((), (10,)) in got and ((7,), ()) in got
    assert ((3,), (3,)) in got and ((4,), (5,)) in got and ((8,), (8,)) in got
    assert ((12,), (13,)) in got


def test_a_short_reply_with_words_stays_in_its_bead():
    src = ["Will you come tomorrow to the harbour to see the new boats of Oskarsson?",
           "Yes, and my brother Trandafir will come too."]
    tgt = ["Viendras-tu demain au port voir les nouveaux bateaux d'Oskarsson ?",
           "Oui.", "Et mon frère Trandafir viendra aussi."]
    s1, t1 = filler(5)
    beads = align_sentences(s1 + src, t1 + tgt, src_lang="en", tgt_lang="fr")
    assert ((6,), (6, 7)) in pairs(beads)


# -- the DP against brute force ------------------------------------------------------

def _lattice(src, tgt, src_junk, tgt_junk):
    fs = extract_keys(src, "en", False, False)
    ft = extract_keys(tgt, "fr", False, False)
    lex = LexicalModel(KeyTable.from_keys(fs.keys, ft.keys))
    ls, lt = sentence_lengths(src), sentence_lengths(tgt)
    params = initial_params(ls, lt)
    band = full_band(len(src), len(tgt))
    sc = BeadScorer(params, ls, lt, lex, lex.pairs(*_pair_band(band, len(src))), None, None,
                    src_junk, tgt_junk)
    return Lattice(sc, band)


def _all_paths(lat):
    """Every bead sequence with its score: ((start i, start j, a, b), ...), score."""
    lay, n, m = lat.layout, lat.n, lat.m
    out = []

    def walk(i, j, after_ins, beads, score):
        if (i, j) == (n, m):
            out.append((tuple(beads), score))
            return
        for t, (a, b) in enumerate(TYPES):
            if i + a <= n and j + b <= m:
                s = lat.raw[t, int(lay.index(i + a, j + b))]
                walk(i + a, j + b, False, beads + [(i, j, a, b)], score + s)
        if j < m:
            s = (lat.del_cont if after_ins else lat.del_start) + lat.ins_adj[j + 1]
            walk(i, j + 1, True, beads + [(i, j, 0, 1)], score + s)

    walk(0, 0, False, [], 0.0)
    return out


def test_viterbi_and_posteriors_match_brute_force_with_per_sentence_insertions():
    src = ["Ingrid found 21 shells at Kalmar.", "Teodoro found 34 stones.", "Annelie left."]
    tgt = ["Ingrid a trouvé 21 coquillages à Kalmar.", "12", "Teodoro a trouvé 34 pierres.",
           "V", "Annelie est partie."]
    lat = _lattice(src, tgt, junk_flags(src), junk_flags(tgt))
    assert lat.ins_adj[2] > 0 and lat.ins_adj[4] > 0 and lat.ins_adj[1] == 0
    paths = _all_paths(lat)
    scores = np.array([s for _p, s in paths])
    best_path, best = paths[int(scores.argmax())]
    beads = viterbi(lat)
    as_cells, i, j = [], 0, 0
    for s, t in beads:
        as_cells.append((i, j, len(s), len(t)))
        i, j = i + len(s), j + len(t)
    assert tuple(as_cells) == best_path
    z = np.logaddexp.reduce(scores)
    probs = posteriors(lat, beads)
    for cell, p in zip(as_cells, probs):
        marginal = sum(math.exp(s - z) for path, s in paths if cell in path)
        assert p == pytest.approx(marginal, rel=1e-6, abs=1e-9)


# -- any text: valid, deterministic beads ----------------------------------------------

_PIECES = st.sampled_from(["苹果", "火车站", "医院", "12", "3,5", "V", "(", ")", "»", "!",
                           "Trandafir", "harbour", "the", "été", " ", "。", "\u200b", ""])
_SENTENCE = st.lists(_PIECES, max_size=8).map("".join) | st.text(max_size=30)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_SENTENCE, max_size=12), st.lists(_SENTENCE, max_size=12),
       st.sampled_from([("zh", "en"), ("en", "zh"), ("zh", "fr"), ("de", "fr")]))
def test_any_text_gives_valid_deterministic_beads(src, tgt, langs):
    sl, tl = langs
    first = align_sentences(src, tgt, src_lang=sl, tgt_lang=tl)
    check_valid(first, len(src), len(tgt))
    again = align_sentences(src, tgt, src_lang=sl, tgt_lang=tl, src_blocks=[0] * len(src),
                            tgt_blocks=[0] * len(tgt))
    check_valid(again, len(src), len(tgt))
    assert pairs(align_sentences(src, tgt, src_lang=sl, tgt_lang=tl)) == pairs(first)
