"""What a first alignment of a document teaches about the same document.

* ``estimate_p1``: how often each class of key (numbers, shared words, cognates …)
  really is found in the aligned group, per direction;
* ``learn_pairs``: word pairs that keep falling in the same beads (a small bilingual
  lexicon of this document, found by competitive linking on Dice scores).
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .lexical import CLASSES, DEFAULT_P1, LexicalModel

__all__ = ["estimate_p1", "learn_pairs"]

Beads = Sequence[tuple[Sequence[int], Sequence[int]]]


def _bead_index(beads: Beads, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Bead number of each source and target sentence (-1 in 1-0 / 0-1 beads)."""
    sb = np.full(n, -1, dtype=np.int64)
    tb = np.full(m, -1, dtype=np.int64)
    for k, (s, t) in enumerate(beads):
        if s and t:
            sb[list(s)] = k
            tb[list(t)] = k
    return sb, tb


def _bead_sets(bead_of: np.ndarray, sent: np.ndarray, item: np.ndarray, width: int):
    """Unique (bead, item) codes of the occurrences that fall in a two-sided bead."""
    b = bead_of[sent]
    ok = b >= 0
    return np.unique(b[ok] * width + item[ok])


def estimate_p1(beads: Beads, model: LexicalModel,
                prior_weight: float = 10.0) -> tuple[dict[str, float], dict[str, float]]:
    """Per-class match rates on a first alignment, smoothed toward the defaults.

    A key of a source group counts as one trial weighted by min(1, df_t/df_s) (the
    most it could be matched) and as a hit when the target group holds it too.
    """
    nk = max(1, len(model.keys))
    sb, tb = _bead_index(beads, model.n, model.m)
    s_codes = _bead_sets(sb, model.src.sent, model.src.kid, nk)
    t_codes = _bead_sets(tb, model.tgt.sent, model.tgt.kid, nk)
    fs, ft = model.df_src, model.df_tgt

    def rates(codes, other, ratio):
        kid = codes % nk
        hit = np.isin(codes, other).astype(float)
        cls = model.key_class[kid] if len(kid) else np.zeros(0, np.int64)
        w = ratio[kid] if len(kid) else np.zeros(0)
        tot = np.bincount(cls, weights=w, minlength=len(CLASSES))
        hits = np.bincount(cls, weights=hit, minlength=len(CLASSES))
        out = {}
        for c, name in enumerate(CLASSES):
            est = (hits[c] + prior_weight * DEFAULT_P1[name]) / (tot[c] + prior_weight)
            out[name] = min(0.95, max(0.05, float(est)))
        return out

    with np.errstate(divide="ignore", invalid="ignore"):
        r_st = np.nan_to_num(np.minimum(1.0, ft / fs))
        r_ts = np.nan_to_num(np.minimum(1.0, fs / ft))
    return rates(s_codes, t_codes, r_st), rates(t_codes, s_codes, r_ts)


def _unit_ids(units: Sequence[set[str]], vocab: dict[str, int]):
    sent, uid = [], []
    for i, us in enumerate(units):
        for u in us:
            sent.append(i)
            uid.append(vocab.setdefault(u, len(vocab)))
    return np.array(sent, dtype=np.int64), np.array(uid, dtype=np.int64)


def learn_pairs(beads: Beads, src_units: Sequence[set[str]], tgt_units: Sequence[set[str]],
                min_count: int = 2, min_dice: float = 0.5,
                cache: dict | None = None) -> list[tuple[str, str]]:
    """Translation pairs learned from an alignment of this document.

    Counts how often a source unit and a target unit fall in the same bead; keeps pairs
    seen at least ``min_count`` times whose Dice coefficient is at least ``min_dice``,
    each unit linked at most once, strongest first. Units seen in more than a tenth of
    the beads (function words) are left out. ``cache`` (a dict) keeps the unit index
    between calls on the same document.
    """
    n_aligned = sum(1 for s, t in beads if s and t)
    if not n_aligned:
        return []
    cap = max(3, n_aligned // 10)
    sb, tb = _bead_index(beads, len(src_units), len(tgt_units))
    if cache is not None and "units" in cache:
        vs, vt, s_sent, s_uid, t_sent, t_uid = cache["units"]
    else:
        vs, vt = {}, {}
        s_sent, s_uid = _unit_ids(src_units, vs)
        t_sent, t_uid = _unit_ids(tgt_units, vt)
        if cache is not None:
            cache["units"] = (vs, vt, s_sent, s_uid, t_sent, t_uid)
    if not len(s_uid) or not len(t_uid):
        return []
    ws, wt = len(vs), len(vt)
    s_codes = _bead_sets(sb, s_sent, s_uid, ws)
    t_codes = _bead_sets(tb, t_sent, t_uid, wt)
    fs = np.bincount(s_codes % ws, minlength=ws)
    ft = np.bincount(t_codes % wt, minlength=wt)
    s_codes = s_codes[(fs[s_codes % ws] >= min_count) & (fs[s_codes % ws] <= cap)]
    t_codes = t_codes[(ft[t_codes % wt] >= min_count) & (ft[t_codes % wt] <= cap)]
    if not len(s_codes) or not len(t_codes):
        return []
    s_bead, s_u = s_codes // ws, s_codes % ws
    t_bead, t_v = t_codes // wt, t_codes % wt  # sorted by bead (codes are sorted)
    nb = len(beads)
    t_start = np.searchsorted(t_bead, np.arange(nb), "left")
    t_end = np.searchsorted(t_bead, np.arange(nb), "right")
    counts = (t_end - t_start)[s_bead]
    total = int(counts.sum())
    if total == 0:
        return []
    rep = np.repeat(np.arange(len(s_bead)), counts)
    offs = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    tix = np.repeat(t_start[s_bead], counts) + offs
    pair = s_u[rep] * wt + t_v[tix]
    uniq, cnt = np.unique(pair, return_counts=True)
    u, v = uniq // wt, uniq % wt
    dice = 2 * cnt / (fs[u] + ft[v])
    ok = (cnt >= min_count) & (dice >= min_dice)
    u, v, cnt, dice = u[ok], v[ok], cnt[ok], dice[ok]
    order = np.lexsort((-cnt, -dice))
    names_s = list(vs)
    names_t = list(vt)
    used_s: set[int] = set()
    used_t: set[int] = set()
    out = []
    for k in order.tolist():
        a, b = int(u[k]), int(v[k])
        if a in used_s or b in used_t or names_s[a] == names_t[b]:
            continue
        used_s.add(a)
        used_t.add(b)
        out.append((names_s[a], names_t[b]))
    return out
