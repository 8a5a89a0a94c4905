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

__all__ = ["estimate_p1", "learn_pairs", "UnitIndex"]

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
    nk = max(1, model.nkeys)
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


class UnitIndex:
    """Content units (words, Chinese character pairs) of both sides as integer arrays."""

    def __init__(self, src_units: Sequence[set[str]], tgt_units: Sequence[set[str]]):
        self.n, self.m = len(src_units), len(tgt_units)
        self.src_vocab: dict[str, int] = {}
        self.tgt_vocab: dict[str, int] = {}
        self.s_sent, self.s_uid = _unit_ids(src_units, self.src_vocab)
        self.t_sent, self.t_uid = _unit_ids(tgt_units, self.tgt_vocab)

    def occurrences(self, u: np.ndarray, v: np.ndarray):
        """(src sentences, pair ids, tgt sentences, pair ids) where the units of the
        pairs (u[k], v[k]) occur; pair k has id k."""
        out = []
        for units, sent, uid, size in ((u, self.s_sent, self.s_uid, len(self.src_vocab)),
                                       (v, self.t_sent, self.t_uid, len(self.tgt_vocab))):
            pair_of = np.full(size, -1, dtype=np.int64)
            pair_of[units] = np.arange(len(units))
            k = pair_of[uid]
            ok = k >= 0
            out += [sent[ok], k[ok]]
        return tuple(out)


def _unit_ids(units: Sequence[set[str]], vocab: dict[str, int]):
    """Sentence and unit id of every occurrence; ids in order of first occurrence (in
    sorted order within a sentence), the same whatever the set iteration order."""
    for us in units:
        new = us.difference(vocab)
        if new:
            base = len(vocab)
            vocab.update((u, base + k) for k, u in enumerate(sorted(new)))
    sent = np.repeat(np.arange(len(units), dtype=np.int64), [len(us) for us in units])
    uid = np.array([vocab[u] for us in units for u in us], dtype=np.int64)
    return sent, uid


CHUNK_PAIRS = 1 << 18   # co-occurrences counted at a time (bounds memory)


def _cooccurrences(s_bead, s_u, t_bead, t_v, fs, ft, min_dice):
    """Distinct (u, v) codes ``u * len(ft) + v`` of the units sharing a bead, with how
    many beads they share. Both sides are sorted by bead; counted a chunk of beads at a
    time, leaving out pairs whose frequencies are too far apart to reach ``min_dice``."""
    wt = len(ft)
    reach = min_dice / (2 - min_dice)
    beads = np.arange(int(max(s_bead[-1], t_bead[-1])) + 2)
    t_first = np.searchsorted(t_bead, beads)
    per_bead = np.diff(t_first)[:len(beads) - 1]
    work = np.cumsum(np.bincount(s_bead, minlength=len(beads) - 1) * per_bead)
    cuts = np.searchsorted(work, np.arange(CHUNK_PAIRS, int(work[-1]) + CHUNK_PAIRS, CHUNK_PAIRS))
    s_cuts = np.searchsorted(s_bead, np.concatenate(([0], cuts + 1)))
    parts_u, parts_c = [], []
    for a, b in zip(s_cuts[:-1], s_cuts[1:]):
        sb, su = s_bead[a:b], s_u[a:b]
        counts = per_bead[sb]
        total = int(counts.sum())
        if not total:
            continue
        rep = np.repeat(np.arange(len(sb)), counts)
        offs = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        pu, pv = su[rep], t_v[np.repeat(t_first[sb], counts) + offs]
        fu, fv = fs[pu], ft[pv]
        close = (fu >= reach * fv) & (fv >= reach * fu)
        uniq, cnt = np.unique(pu[close] * wt + pv[close], return_counts=True)
        parts_u.append(uniq)
        parts_c.append(cnt)
        if len(parts_u) > 2 and sum(map(len, parts_u[1:])) > len(parts_u[0]):
            merged_u, merged_c = _merge(parts_u, parts_c)  # amortised: the pending
            parts_u, parts_c = [merged_u], [merged_c]      # parts outweigh the merged
    if not parts_u:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return _merge(parts_u, parts_c)


def _merge(codes: list[np.ndarray], counts: list[np.ndarray]):
    if len(codes) == 1:
        return codes[0], counts[0]
    uniq, inv = np.unique(np.concatenate(codes), return_inverse=True)
    return uniq, np.bincount(inv, weights=np.concatenate(counts)).astype(np.int64)


def learn_pairs(beads: Beads, index: UnitIndex, min_count: int = 2,
                min_dice: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """Translation pairs learned from an alignment of this document: unit ids (u, v).

    Counts how often a source unit and a target unit fall in the same bead; keeps pairs
    seen at least ``min_count`` times whose Dice coefficient is at least ``min_dice``,
    each unit linked at most once, strongest first. Units seen in more than a tenth of
    the beads (function words) are left out.
    """
    none = (np.zeros(0, np.int64), np.zeros(0, np.int64))
    n_aligned = sum(1 for s, t in beads if s and t)
    if not n_aligned:
        return none
    cap = max(3, n_aligned // 10)
    sb, tb = _bead_index(beads, index.n, index.m)
    vs, vt = index.src_vocab, index.tgt_vocab
    if not len(index.s_uid) or not len(index.t_uid):
        return none
    ws, wt = len(vs), len(vt)
    s_codes = _bead_sets(sb, index.s_sent, index.s_uid, ws)
    t_codes = _bead_sets(tb, index.t_sent, index.t_uid, wt)
    fs = np.bincount(s_codes % ws, minlength=ws)
    ft = np.bincount(t_codes % wt, minlength=wt)
    s_codes = s_codes[(fs[s_codes % ws] >= min_count) & (fs[s_codes % ws] <= cap)]
    t_codes = t_codes[(ft[t_codes % wt] >= min_count) & (ft[t_codes % wt] <= cap)]
    if not len(s_codes) or not len(t_codes):
        return none
    s_bead, s_u = s_codes // ws, s_codes % ws
    t_bead, t_v = t_codes // wt, t_codes % wt  # sorted by bead (codes are sorted)
    uniq, cnt = _cooccurrences(s_bead, s_u, t_bead, t_v, fs, ft, min_dice)
    if not len(uniq):
        return none
    wt = len(ft)
    u, v = uniq // wt, uniq % wt
    dice = 2 * cnt / (fs[u] + ft[v])
    ok = (cnt >= min_count) & (dice >= min_dice)
    u, v, cnt, dice = u[ok], v[ok], cnt[ok], dice[ok]
    order = np.lexsort((-cnt, -dice))
    names_s = list(vs)
    names_t = list(vt)
    used_s: set[int] = set()
    used_t: set[int] = set()
    keep_u, keep_v = [], []
    for k in order.tolist():
        a, b = int(u[k]), int(v[k])
        if a in used_s or b in used_t or names_s[a] == names_t[b]:
            continue
        used_s.add(a)
        used_t.add(b)
        keep_u.append(a)
        keep_v.append(b)
    return np.array(keep_u, dtype=np.int64), np.array(keep_v, dtype=np.int64)
