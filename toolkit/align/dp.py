"""Banded dynamic programming over bead sequences (Viterbi and forward–backward).

Cell (i, j) means "the first i source and j target sentences are aligned". Row i keeps
only the columns ``lo[i] <= j < hi[i]`` (a band around an expected path), stored one
row after the other in flat arrays, so time and memory grow with the number of cells
of the band, not with n × m.

A :class:`Lattice` holds, for every cell and bead type t = (a, b), the score of a bead
ending at that cell and the flat index of the cell it starts from (a sentinel index
past the last cell, holding -inf, when that cell lies outside the band). These are
computed for the whole band at once with numpy; the recursions then need a handful of
vector operations per row. 0-1 beads chain inside a row and are handled with a
cumulative maximum (or, for the forward pass, a cumulative log-sum-exp).

The scores come from a :class:`~toolkit.align.scoring.BeadScorer`: for a bead of a
source and b target sentences ending at (i, j) (type t),

    score = Sq[t][i] + Tq[t][j] + xs[a][i] * ys[b][j]
            + g[t] * (gain summed over the block) - c[t] * (count summed over the block)

where the last two terms come from sparse sentence pairs sharing lexical keys.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["TYPES", "MAX_GROUP", "Band", "Layout", "Lattice", "viterbi", "posteriors"]

# Bead types with at least one source sentence; 0-1 is handled inside rows.
TYPES = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
         (1, 0)]
MAX_GROUP = 4       # most sentences on one side of a bead
NEG = -np.inf
_TA = np.array([a for a, _ in TYPES])
_TB = np.array([b for _, b in TYPES])
_TROW = np.arange(len(TYPES))[:, None]
_IDX = np.int32     # flat cell indices (bands stay far below 2**31 cells)
_BLOCK_OFFSETS = sorted({(dr, dc) for a, b in TYPES for dr in range(a) for dc in range(b)})


@dataclass
class Band:
    lo: np.ndarray  # first column of row i (inclusive)
    hi: np.ndarray  # last column of row i (exclusive)

    @property
    def cells(self) -> int:
        return int((self.hi - self.lo).sum())


class Layout:
    """Flat storage of a band: cell (i, j) at ``starts[i] + j - lo[i]``; ``size`` is
    the index of a sentinel cell that stands for everything outside the band."""

    def __init__(self, band: Band):
        self.lo, self.hi = band.lo, band.hi
        self.n = len(band.lo) - 1
        width = band.hi - band.lo
        self.starts = np.zeros(self.n + 2, dtype=np.int64)
        np.cumsum(width, out=self.starts[1:])
        self.size = int(self.starts[-1])

    def index(self, i, j) -> np.ndarray:
        """Flat indices of cells (i, j) (arrays), ``size`` where outside the band."""
        i = np.asarray(i)
        j = np.asarray(j)
        ic = np.minimum(np.maximum(i, 0), self.n)  # np.clip, without its per-call overhead
        lo = self.lo[ic]
        ok = (i == ic) & (j >= lo) & (j < self.hi[ic])
        return np.where(ok, self.starts[ic] + j - lo, self.size).astype(_IDX)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every cell, in storage order."""
        width = self.hi - self.lo
        ci = np.repeat(np.arange(self.n + 1), width)
        cj = np.arange(self.size) - np.repeat(self.starts[:-1] - self.lo, width)
        return ci, cj


class Lattice:
    """Scores and predecessors of every bead type at every cell of a band."""

    def __init__(self, sc, band: Band):
        self.band = band
        self.n, self.m = sc.n, sc.m
        self.del_start, self.del_cont = sc.del_start, sc.del_cont
        # per-column change of the cost of inserting target sentence j - 1 (ins_adj[j])
        # and its running sum, so a run of insertions k+1..j adds ins_cum[j] - ins_cum[k]
        self.ins_adj, self.ins_cum = sc.ins_adj, np.cumsum(sc.ins_adj)
        lay = self.layout = Layout(band)
        C = lay.size
        ci, cj = lay.coords()
        raw = np.empty((len(TYPES), C + 1))
        raw[:, C] = NEG
        r = raw[:, :C]
        for t in range(len(TYPES)):  # one type at a time: small temporaries
            np.multiply(sc.XS[t, ci], sc.YS[t, cj], out=r[t])
            r[t] += sc.SQ[t, ci]
            if sc.has_blocks:
                r[t] += np.where(sc.SOPEN[t, ci], sc.TQo[t, cj], sc.TQ[t, cj])
            else:
                r[t] += sc.TQ[t, cj]
        self._add_lexical(sc, r, lay, C)
        self.raw = raw
        self.pred = np.empty((len(TYPES), C), dtype=_IDX)
        for t, (a, b) in enumerate(TYPES):
            self.pred[t] = lay.index(ci - a, cj - b)
        self._coords = (ci, cj)

    @staticmethod
    def _add_lexical(sc, r: np.ndarray, lay: Layout, C: int) -> None:
        """Pair gains summed over each bead's block, and the repeated-key corrections."""
        pi, pj, pg, pc = sc.pairs
        if len(pi):
            # the offsets some bead type covers (10 of the 4 × 4)
            at = {(dr, dc): lay.index(pi + 1 + dr, pj + 1 + dc) for dr, dc in _BLOCK_OFFSETS}
            for t, (a, b) in enumerate(TYPES):
                if not b:
                    continue
                idx = np.concatenate([at[dr, dc] for dr in range(a) for dc in range(b)])
                val = np.tile(sc.LG[t] * pg - sc.LC[t] * pc, a * b)
                r[t] += np.bincount(idx, weights=val, minlength=C + 1)[:C]
        rows, types, cols, vals = sc.corr
        if len(rows):
            idx = lay.index(rows, cols)
            ok = idx < C
            np.add.at(r, (types[ok], idx[ok]), vals[ok])

    def successors(self) -> np.ndarray:
        ci, cj = self._coords
        succ = np.empty((len(TYPES), self.layout.size), dtype=_IDX)
        for t, (a, b) in enumerate(TYPES):
            succ[t] = self.layout.index(ci + a, cj + b)
        return succ


_TYPE_MASK = 0x0F
_ANY, _RUN, _BEAD = 0, 1, 2  # how the cell being traced back was reached
_IS_DEL = 0x10
_FROM_DEL = 0x20


def viterbi(lat: Lattice):
    """Best bead sequence as a list of (src tuple, tgt tuple).

    Insertions (0-1 beads) form runs inside a row: the first of a run scores
    ``sc.del_start``, each further one ``sc.del_cont``, plus the sentence's own
    ``ins_adj`` (likely deletions such as page numbers cost less).
    """
    lay = lat.layout
    n, m = lat.n, lat.m
    starts, lo_a = lay.starts.tolist(), lay.lo.tolist()
    raw, pred = lat.raw, lat.pred
    D = np.full(lay.size + 1, NEG)
    back = np.zeros(lay.size, dtype=np.uint8)
    ds, dc = lat.del_start, lat.del_cont
    ramp_all = np.arange(int((lay.hi - lay.lo).max())) * dc
    cum = lat.ins_cum
    for i in range(n + 1):
        s, e = starts[i], starts[i + 1]
        L = e - s
        if i == 0:
            E = np.full(L, NEG)
            E[0] = 0.0
            codes = np.zeros(L, dtype=np.uint8)
        else:
            cand = D[pred[:, s:e]]
            cand += raw[:, s:e]
            codes = cand.argmax(axis=0).astype(np.uint8)
            E = cand.max(axis=0)
        # Best arrival by a run of insertions that started at an earlier column k:
        # E[k] + ds + (j - k - 1) * dc + cum[j] - cum[k].
        ramp = ramp_all[:L] + cum[lo_a[i]:lo_a[i] + L]
        X = E - ramp
        M = np.maximum.accumulate(X)
        Ddel = np.empty(L)
        Ddel[0] = NEG
        Ddel[1:] = M[:-1] + ramp[1:] + (ds - dc)
        codes[Ddel > E] |= _IS_DEL
        # the run reaching column j continues one that reached j-1 (not a fresh start)
        codes[1:][M[:-1] > X[:-1]] |= _FROM_DEL
        np.maximum(E, Ddel, out=D[s:e])
        back[s:e] = codes
    beads = []
    i, j = n, m
    state = _ANY
    while i > 0 or j > 0:
        code = int(back[starts[i] + j - lo_a[i]])
        if state == _RUN or (state == _ANY and code & _IS_DEL):
            beads.append(((), (j - 1,)))
            state = _RUN if code & _FROM_DEL else _BEAD
            j -= 1
            continue
        a, b = TYPES[code & _TYPE_MASK]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
        state = _ANY
    beads.reverse()
    return beads


def _logcumsumexp_excl(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    out[0] = NEG
    np.logaddexp.accumulate(x[:-1], out=out[1:])
    return out


def posteriors(lat: Lattice, beads) -> list[float]:
    """Posterior probability of each bead of a path (forward–backward in the band).

    States per cell: reached by a bead with source sentences (E) or by an insertion.
    """
    lay = lat.layout
    n, m = lat.n, lat.m
    C = lay.size
    starts = lay.starts.tolist()
    raw, pred = lat.raw, lat.pred
    ds, dc = lat.del_start, lat.del_cont
    ramp_all = np.arange(int((lay.hi - lay.lo).max()) + 1) * dc
    cum = lat.ins_cum
    adj_next = np.append(lat.ins_adj[1:], 0.0)   # adjustment of inserting column j + 1
    lo_l = lay.lo.tolist()
    F = np.full(C + 1, NEG)     # any arrival
    PRE = np.full(C + 1, NEG)   # score of arriving at j and then inserting j
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        for i in range(n + 1):
            s, e = starts[i], starts[i + 1]
            L = e - s
            if i == 0:
                E = np.full(L, NEG)
                E[0] = 0.0
            else:
                cand = F[pred[:, s:e]]
                cand += raw[:, s:e]
                E = np.logaddexp.reduce(cand, axis=0)
            ramp = ramp_all[:L] + cum[lo_l[i]:lo_l[i] + L]
            Fdel = _logcumsumexp_excl(E - ramp) + ramp + (ds - dc)
            np.logaddexp(E, Fdel, out=F[s:e])
            np.logaddexp(E + ds, Fdel + dc, out=PRE[s:e])
            PRE[s:e] += adj_next[lo_l[i]:lo_l[i] + L]
        Z = F[lay.index(n, m)]
        succ = lat.successors()
        Bn = np.full(C + 1, NEG)   # future score of a cell reached by a bead (not 0-1)
        Bd = np.full(C + 1, NEG)   # future score of a cell reached by an insertion
        end = int(lay.index(n, m))
        for i in range(n, -1, -1):
            s, e = starts[i], starts[i + 1]
            L = e - s
            nxt = succ[:, s:e]
            acc = np.logaddexp.reduce(Bn[nxt] + raw[_TROW, nxt], axis=0)
            if i == n:
                acc[end - s] = np.logaddexp(acc[end - s], 0.0)
            ramp = ramp_all[:L] + cum[lo_l[i]:lo_l[i] + L]
            bd = np.logaddexp.accumulate((acc + ramp)[::-1])[::-1] - ramp
            Bd[s:e] = bd
            nxt_bd = np.empty(L)
            nxt_bd[:-1] = bd[1:] + adj_next[lo_l[i]:lo_l[i] + L - 1]
            nxt_bd[-1] = NEG
            np.logaddexp(acc, ds + nxt_bd, out=Bn[s:e])
        if not beads:
            return []
        a = np.array([len(s) for s, _ in beads])
        b = np.array([len(t) for _, t in beads])
        i = np.concatenate(([0], np.cumsum(a)[:-1]))
        j = np.concatenate(([0], np.cumsum(b)[:-1]))
        ins = a == 0
        here = lay.index(i, j)
        t_of = {tb: k for k, tb in enumerate(TYPES)}
        tix = np.array([t_of.get((x, y), 0) for x, y in zip(a.tolist(), b.tolist())])
        there = lay.index(i + a, j + b)
        v_bead = F[here] + raw[tix, there] + Bn[there]
        v_ins = PRE[here] + Bd[lay.index(i, j + 1)]
        v = np.where(ins, v_ins, v_bead)
        p = np.exp(v - Z)
    return np.where(np.isfinite(p), p, 0.0).tolist()
