"""A reference Gale–Church aligner in pure Python, banded: the speed and quality peer
of ``make eval-align``.

Gale & Church (1993): character lengths, ``delta = (l2 - c·l1) / sqrt(s2·l1)``, the
cost of a bead is ``-log P(type) - log P(|delta| | match)`` with ``c = 1``, ``s2 = 6.8``
and the published priors (1-1 0.89, 1-0/0-1 0.0099 together, 2-1/1-2 0.089 together,
2-2 0.011). The search is restricted to a band of ``± half`` cells around the diagonal
(the line from (0, 0) to (n, m)), the usual way to make it linear in the length of
the text. Group lengths come from prefix sums. This is deliberately the textbook method with no
tricks, written with plain loops, so that timings compare an algorithm with ours and
not two implementations of the same one.
"""
from __future__ import annotations

import math
from typing import Sequence

__all__ = ["align", "BAND"]

BAND = 30          # half-width of the band around the diagonal (cells)
_C, _S2 = 1.0, 6.8
_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
           (1, 2): 0.089 / 2, (2, 2): 0.011}
_PENALTY = {t: -math.log(p) for t, p in _PRIORS.items()}


def _norm_cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _match_cost(l1: int, l2: int) -> float:
    if l1 == 0 and l2 == 0:
        return 0.0
    mean = (l1 + l2 / _C) / 2.0
    delta = (l2 - l1 * _C) / math.sqrt(max(mean, 1e-9) * _S2)
    p = 2.0 * (1.0 - _norm_cdf(abs(delta)))
    return -math.log(max(p, 1e-300))


def align(src: Sequence[str], tgt: Sequence[str], half: int = BAND):
    """Beads ``((src ids), (tgt ids))`` of the best Gale–Church alignment in the band."""
    cs, ct = [0], [0]
    for s in src:
        cs.append(cs[-1] + len(s))
    for t in tgt:
        ct.append(ct[-1] + len(t))
    n, m = len(src), len(tgt)
    inf = float("inf")
    moves = list(_PENALTY.items())
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        centre = i * m // n if n else 0
        for j in range(max(0, centre - half), min(m, centre + half) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for (a, b), pen in moves:
                if i < a or j < b:
                    continue
                prev = cost.get((i - a, j - b))
                if prev is None:
                    continue
                c = prev + pen + _match_cost(cs[i] - cs[i - a], ct[j] - ct[j - b])
                if c < best:
                    best, arg = c, (a, b)
            if arg is not None:
                cost[i, j] = best
                back[i, j] = arg
    beads = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = back[i, j]
        beads.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    beads.reverse()
    return beads
