"""Banded dynamic programming over bead sequences (Viterbi and forward–backward).

Cell (i, j) means "the first i source and j target sentences are aligned". Row i keeps
only the columns ``lo[i] <= j < hi[i]`` (a band around an expected path), so time and
memory grow with n × band width, not n × m. Rows are computed with numpy vectors;
0-1 beads chain inside a row and are handled with a cumulative maximum (or, for the
forward pass, a cumulative log-sum-exp).

The scores come from a :class:`~toolkit.align.scoring.BeadScorer`: for a bead of a
source and b target sentences ending at (i, j) (type t),

    score = Sq[t][i] + Tq[t][j] + xs[a][i] * ys[b][j]
            + g[t] * (gain summed over the block) - c[t] * (count summed over the block)

where the last two terms come from sparse sentence pairs sharing lexical keys.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["TYPES", "MAX_GROUP", "Band", "viterbi", "posteriors"]

# Bead types with at least one source sentence; 0-1 is handled inside rows.
TYPES = [(1, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1), (2, 3), (3, 2), (1, 4), (4, 1),
         (1, 0)]
MAX_GROUP = 4       # most sentences on one side of a bead
NEG = -np.inf
PAD = MAX_GROUP     # -inf cells stored before each row (columns lo-PAD … lo-1)


@dataclass
class Band:
    lo: np.ndarray  # first column of row i (inclusive)
    hi: np.ndarray  # last column of row i (exclusive)

    @property
    def cells(self) -> int:
        return int((self.hi - self.lo).sum())


def _fetch(row: np.ndarray, row_lo: int, col: int, length: int) -> np.ndarray:
    """Values of a padded row for columns col … col+length-1 (-inf outside)."""
    s = col - row_lo + PAD
    e = s + length
    if s >= 0 and e <= len(row):
        return row[s:e]
    out = np.full(length, NEG)
    a, b = max(s, 0), min(e, len(row))
    if a < b:
        out[a - s:b - s] = row[a:b]
    return out


def _padded(row: np.ndarray, right: int = 0) -> np.ndarray:
    out = np.empty(len(row) + PAD + right)
    out[:PAD] = NEG
    out[PAD:PAD + len(row)] = row
    out[PAD + len(row):] = NEG
    return out


def _right_pads(band: Band) -> np.ndarray:
    """How far the bands of the next MAX_GROUP rows reach beyond each row's band."""
    hi = band.hi
    n = len(hi) - 1
    pad = np.zeros(n + 1, dtype=np.int64)
    for a in range(1, MAX_GROUP + 1):
        nxt = hi[np.minimum(np.arange(n + 1) + a, n)]
        pad = np.maximum(pad, nxt - hi)
    return pad


class _LexRows:
    """Cumulative sums over target columns of (gain, count) for recent source rows."""

    def __init__(self, scorer, band: Band):
        pi, pj, pg, pc = scorer.pairs
        self.pj, self.pg, self.pc = pj, pg, pc
        self.n = scorer.n
        self.starts = np.searchsorted(pi, np.arange(self.n + 1))
        self.lo, self.hi = band.lo, band.hi
        self.cache: dict = {}

    def row(self, r: int):
        """(base column, cumulative sums of shape (2, width + 1)) for source sentence r."""
        cache = self.cache
        if r in cache:
            return cache[r]
        a, b = self.starts[r], self.starts[r + 1]
        res = None
        if a < b:
            base = int(self.lo[r + 1]) - PAD
            end = int(self.hi[min(r + MAX_GROUP, self.n)])
            js = self.pj[a:b] - base
            keep = (js >= 0) & (js < end - base)
            if keep.any():
                dense = np.zeros((2, end - base + 1))
                dense[0, js[keep] + 1] = self.pg[a:b][keep]
                dense[1, js[keep] + 1] = self.pc[a:b][keep]
                res = (base, np.cumsum(dense, axis=1))
        cache[r] = res
        cache.pop(r - MAX_GROUP - 1, None)
        return res


_TA = np.array([a for a, _ in TYPES])
_TB = np.array([b for _, b in TYPES])
_AR_CACHE: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}


def _index(L: int):
    """Row and column index arrays for gathering every type's window at once."""
    got = _AR_CACHE.get(L)
    if got is None:
        ar = np.arange(L)
        rows = (_TA - 1)[:, None]
        cols = PAD - _TB[:, None] + ar            # start column of each window
        got = (rows, cols, PAD + ar)
        if len(_AR_CACHE) < 4096:
            _AR_CACHE[L] = got
    return got


def _row_raw(sc, band: Band, lex: _LexRows, i: int) -> np.ndarray:
    """Scores (types × columns) of every bead ending at (i, j) for the row's columns."""
    lo, hi = int(band.lo[i]), int(band.hi[i])
    L = hi - lo
    raw = sc.YS[:, lo:hi] * sc.XS[:, i:i + 1]
    if sc.has_blocks:
        raw += np.where(sc.SOPEN[:, i:i + 1], sc.TQo[:, lo:hi], sc.TQ[:, lo:hi])
    else:
        raw += sc.TQ[:, lo:hi]
    raw += sc.SQ[:, i:i + 1]
    if i < MAX_GROUP:
        raw[_TA > i] = NEG
    # Lexical block sums over rows i-a … i-1 and columns j-b … j-1, all types at once.
    parts = []
    total = None
    for a in range(1, MAX_GROUP + 1):
        if i - a >= 0:
            got = lex.row(i - a)
            if got is not None:
                base, cs = got
                s = lo - PAD - base
                part = cs[:, s:s + L + PAD + 1]
                total = part if total is None else total + part
        parts.append(total)
    if total is not None:
        zero = None
        for k, p in enumerate(parts):
            if p is None:
                zero = zero if zero is not None else np.zeros_like(total)
                parts[k] = zero
        stack = np.stack(parts, axis=1)             # (2, MAX_GROUP, L + PAD + 1)
        rows, cols, ends = _index(L)
        win = stack[:, rows, ends] - stack[:, rows, cols]   # (2, types, L)
        raw += sc.LG[:, None] * win[0] - sc.LC[:, None] * win[1]
    starts, ctype, ccol, cval = sc.corr
    a0, b0 = starts[i], starts[i + 1]
    if a0 < b0:
        cols = ccol[a0:b0] - lo
        ok = (cols >= 0) & (cols < L)
        np.add.at(raw, (ctype[a0:b0][ok], cols[ok]), cval[a0:b0][ok])
    return raw


def _gather_prev(rows, lo_a, i: int, lo: int, L: int, raw: np.ndarray) -> np.ndarray:
    """cand[t, x] = rows[i - a][column lo + x - b] + raw[t, x] for every type t = (a, b)."""
    views = []
    for a in range(1, MAX_GROUP + 1):
        if i - a < 0:
            views.append(np.full(L + PAD, NEG))
        else:
            start = lo - PAD - int(lo_a[i - a]) + PAD
            views.append(rows[i - a][start:start + L + PAD])
    stack = np.stack(views)
    r, cols, _ends = _index(L)
    return stack[r, cols] + raw


def _shift_right(x: np.ndarray) -> np.ndarray:
    out = np.empty_like(x)
    out[0] = NEG
    out[1:] = x[:-1]
    return out


def viterbi(sc, band: Band, keep_raw: bool = False):
    """Best bead sequence as a list of (src tuple, tgt tuple); raw scores if asked.

    Insertions (0-1 beads) form runs inside a row: the first of a run scores
    ``sc.del_start``, each further one ``sc.del_cont``.
    """
    n, m = sc.n, sc.m
    lex = _LexRows(sc, band)
    lo_a, hi_a = band.lo, band.hi
    D: list = [None] * (n + 1)
    back: list = [None] * (n + 1)
    raws: list = [None] * (n + 1)
    rpad = _right_pads(band)
    ds, dc = sc.del_start, sc.del_cont
    for i in range(n + 1):
        lo, hi = int(lo_a[i]), int(hi_a[i])
        L = hi - lo
        if i == 0:
            E = np.full(L, NEG)
            E[0 - lo] = 0.0
            codes = np.zeros(L, dtype=np.uint8)
        else:
            raw = _row_raw(sc, band, lex, i)
            cand = _gather_prev(D, lo_a, i, lo, L, raw)
            codes = np.argmax(cand, axis=0).astype(np.uint8)
            E = cand.max(axis=0)
            if keep_raw:
                raws[i] = raw
        # Best arrival by a run of insertions that started at an earlier column k:
        # E[k] + ds + (j - k - 1) * dc.
        ramp = np.arange(lo, hi) * dc
        X = E - ramp
        M = np.maximum.accumulate(X)
        Ddel = _shift_right(M) + ramp + (ds - dc)
        is_del = Ddel > E
        codes[is_del] |= _IS_DEL
        # the run reaching column j continues one that reached j-1 (not a fresh start)
        codes[1:][M[:-1] > X[:-1]] |= _FROM_DEL
        D[i] = _padded(np.maximum(E, Ddel), int(rpad[i]))
        back[i] = codes
        if i > MAX_GROUP:
            D[i - MAX_GROUP - 1] = None
    beads = []
    i, j = n, m
    state = _ANY
    while i > 0 or j > 0:
        code = int(back[i][j - int(lo_a[i])])
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
    return beads, (raws if keep_raw else None)


_TYPE_MASK = 0x0F
_ANY, _RUN, _BEAD = 0, 1, 2  # how the cell being traced back was reached
_IS_DEL = 0x10
_FROM_DEL = 0x20


def _logcumsumexp_excl(x: np.ndarray) -> np.ndarray:
    return _shift_right(np.logaddexp.accumulate(x))


def posteriors(sc, band: Band, beads, raws) -> list[float]:
    """Posterior probability of each bead of a path (forward–backward in the band).

    ``raws`` are the per-row bead scores kept by ``viterbi(..., keep_raw=True)``.
    States per cell: reached by a bead with source sentences (E) or by an insertion.
    """
    n, m = sc.n, sc.m
    lo_a, hi_a = band.lo, band.hi
    ds, dc = sc.del_start, sc.del_cont
    ntypes = len(TYPES)
    F: list = [None] * (n + 1)     # any arrival
    PRE: list = [None] * (n + 1)   # score of arriving at j and then inserting j
    praw: list = [None] * (n + 1)
    rpad = _right_pads(band)
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        for i in range(n + 1):
            lo, hi = int(lo_a[i]), int(hi_a[i])
            L = hi - lo
            if i == 0:
                E = np.full(L, NEG)
                E[0 - lo] = 0.0
            else:
                raw = raws[i]
                cand = _gather_prev(F, lo_a, i, lo, L, raw)
                E = np.logaddexp.reduce(cand, axis=0)
                praw[i] = np.concatenate((np.full((ntypes, PAD), NEG), raw), axis=1)
            ramp = np.arange(lo, hi) * dc
            Fdel = _logcumsumexp_excl(E - ramp) + ramp + (ds - dc)
            F[i] = _padded(np.logaddexp(E, Fdel), int(rpad[i]))
            PRE[i] = np.logaddexp(E + ds, Fdel + dc)
        Z = F[n][PAD + m - int(lo_a[n])]
        Bn: list = [None] * (n + 1)   # future score of a cell reached by a bead (not 0-1)
        Bd: list = [None] * (n + 1)   # future score of a cell reached by an insertion
        for i in range(n, -1, -1):
            lo, hi = int(lo_a[i]), int(hi_a[i])
            L = hi - lo
            acc = np.full(L, NEG)
            if i == n:
                acc[m - lo] = 0.0
            for t, (a, b) in enumerate(TYPES):
                if i + a > n:
                    continue
                lo2 = int(lo_a[i + a])
                nxt = _fetch(Bn[i + a], lo2, lo + b, L) + _fetch(praw[i + a][t], lo2, lo + b, L)
                acc = np.logaddexp(acc, nxt)
            ramp = np.arange(L) * dc
            bd = np.logaddexp.accumulate((acc + ramp)[::-1])[::-1] - ramp
            nxt_bd = np.empty(L)
            nxt_bd[:-1] = bd[1:]
            nxt_bd[-1] = NEG
            Bd[i] = _padded(bd)
            Bn[i] = _padded(np.logaddexp(acc, ds + nxt_bd))
        probs = []
        i = j = 0
        for src, tgt in beads:
            a, b = len(src), len(tgt)
            if a == 0:
                lo = int(lo_a[i])
                v = PRE[i][j - lo] + _fetch(Bd[i], lo, j + 1, 1)[0]
            else:
                t = TYPES.index((a, b))
                f = F[i][PAD + j - int(lo_a[i])]
                s = _fetch(praw[i + a][t], int(lo_a[i + a]), j + b, 1)[0]
                v = f + s + _fetch(Bn[i + a], int(lo_a[i + a]), j + b, 1)[0]
            p = float(np.exp(v - Z))
            probs.append(p if np.isfinite(p) else 0.0)
            i += a
            j += b
    return probs
