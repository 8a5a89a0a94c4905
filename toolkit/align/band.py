"""Where to search: bands of DP cells around an expected path.

Small documents are searched in full. Larger ones are searched around a path drawn
through *anchors*: first sentence pairs sharing keys that occur once on each side
(names, numbers, rare cognates), kept only when they form a monotone chain; then, in a
window of fixed width around that line, sentence pairs that are each other's best
lexical match, chained again (so a text without any document-wide unique key, such as
a repeated one, still gets dense anchors). Between anchors the band widens with the
distance to the nearest one, up to a cap, so its width does not grow with the length
of the document. Later passes search a narrow band around the previous alignment.
Wherever a path runs along the edge of its band, the band is widened around those
rows only, and the pass is run again.
"""
from __future__ import annotations

import numpy as np

from .dp import Band

__all__ = ["full_band", "anchor_band", "path_band", "edge_rows", "widen",
           "anchor_chain", "mutual_best", "source_window"]

FULL_CELLS = 150_000   # search everything below this many cells
EDGE_MARGIN = 2


def full_band(n: int, m: int) -> Band:
    return Band(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64))


def _monotone(lo: np.ndarray, hi: np.ndarray, m: int) -> Band:
    lo = np.clip(lo, 0, m).astype(np.int64)
    hi = np.clip(hi, 1, m + 1).astype(np.int64)
    lo = np.minimum.accumulate(lo[::-1])[::-1]  # non-decreasing, never narrower
    hi = np.maximum.accumulate(hi)
    lo[0], hi[-1] = 0, m + 1
    return Band(lo, hi)


def anchor_chain(points: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Heaviest chain of points strictly increasing in both coordinates (indices)."""
    if not len(points):
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort((-points[:, 1], points[:, 0]))  # by i, then j descending
    pts, w = points[order], weights[order]
    size = int(pts[:, 1].max()) + 2
    tree_val = [0.0] * (size + 1)    # Fenwick tree of prefix maxima over j
    tree_arg = [-1] * (size + 1)
    best = [0.0] * len(pts)
    parent = [-1] * len(pts)
    for k in range(len(pts)):
        j = int(pts[k, 1]) + 1
        # best chain ending at a column < j (rows are strictly smaller thanks to the
        # descending j order within one row)
        val, arg, x = 0.0, -1, j - 1
        while x > 0:
            if tree_val[x] > val:
                val, arg = tree_val[x], tree_arg[x]
            x -= x & -x
        best[k] = val + float(w[k])
        parent[k] = arg
        x = j
        while x <= size:
            if best[k] > tree_val[x]:
                tree_val[x], tree_arg[x] = best[k], k
            x += x & -x
    k = int(np.argmax(best))
    chain = []
    while k >= 0:
        chain.append(k)
        k = parent[k]
    return order[np.array(chain[::-1], dtype=np.int64)]


def mutual_best(pi: np.ndarray, pj: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Indices of the pairs that weigh most both in their row and in their column."""
    if not len(pi):
        return np.zeros(0, dtype=np.int64)
    row_best = np.full(int(pi.max()) + 1, -np.inf)
    col_best = np.full(int(pj.max()) + 1, -np.inf)
    np.maximum.at(row_best, pi, w)
    np.maximum.at(col_best, pj, w)
    return np.nonzero((w >= row_best[pi]) & (w >= col_best[pj]))[0]


def source_window(band: Band) -> tuple[np.ndarray, np.ndarray]:
    """Target columns each source sentence meets in beads of a band (per sentence)."""
    return band.lo[:-1], band.hi[1:]


def anchor_band(n: int, m: int, anchors: np.ndarray, half: float,
                max_half: float = np.inf) -> Band:
    """Band around the line through (0, 0), the anchors and (n, m).

    Its half-width grows from ``half`` with the distance to the nearest anchor, up to
    ``max_half``.
    """
    if len(anchors):
        xs = np.concatenate(([0], anchors[:, 0] + 0.5, [n]))
        ys = np.concatenate(([0], anchors[:, 1] + 0.5, [m]))
    else:
        xs, ys = np.array([0.0, n]), np.array([0.0, m])
    rows = np.arange(n + 1)
    center = np.interp(rows, xs, ys)
    # distance (in rows) to the nearest anchor or end point
    pos = np.searchsorted(xs, rows)
    left = xs[np.clip(pos - 1, 0, len(xs) - 1)]
    right = xs[np.clip(pos, 0, len(xs) - 1)]
    dist = np.minimum(np.abs(rows - left), np.abs(right - rows))
    width = np.minimum(half + 0.25 * dist, max_half)
    # a band row must also cover the jump to the next row's centre (long insertions)
    nxt = np.concatenate((center[1:], center[-1:]))
    prv = np.concatenate((center[:1], center[:-1]))
    lo = np.floor(np.minimum(center, prv) - width)
    hi = np.ceil(np.maximum(center, nxt) + width) + 1
    return _monotone(lo, hi, m)


def path_band(beads, n: int, m: int, half: int) -> Band:
    """A band of ± half columns around the columns a path visits in each row."""
    jmin = np.full(n + 1, -1, dtype=np.int64)
    jmax = np.full(n + 1, -1, dtype=np.int64)
    i = j = 0
    jmin[0] = jmax[0] = 0
    for src, tgt in beads:
        a, b = len(src), len(tgt)
        for step in range(1, a + 1):  # rows inside a multi-row bead: interpolate
            r = i + step
            col = j + round(b * step / a)
            jmin[r] = col if jmin[r] < 0 else min(jmin[r], col)
            jmax[r] = max(jmax[r], col)
        i, j = i + a, j + b
        jmax[i] = max(jmax[i], j)
    return _monotone(jmin - half, jmax + half + 1, m)


def edge_rows(beads, band: Band, m: int) -> list[int]:
    """Rows where a path runs along the inner edge of its band (it may be too narrow)."""
    rows = []
    i = j = 0
    for src, tgt in beads:
        i, j = i + len(src), j + len(tgt)
        lo, hi = band.lo[i], band.hi[i]
        if (lo > 0 and j - lo < EDGE_MARGIN) or (hi <= m and hi - 1 - j < EDGE_MARGIN):
            rows.append(i)
    return rows


def widen(band: Band, rows: list[int], extra: int, m: int) -> Band:
    """The band widened by ``extra`` columns on both sides within ``extra`` rows of ``rows``."""
    n = len(band.lo) - 1
    grow = np.zeros(n + 2, dtype=np.int64)
    for r in rows:
        grow[max(0, r - extra)] += 1
        grow[min(n + 1, r + extra + 1)] -= 1
    near = np.cumsum(grow)[:n + 1] > 0
    lo = np.where(near, band.lo - extra, band.lo)
    hi = np.where(near, band.hi + extra, band.hi)
    return _monotone(lo, hi, m)
