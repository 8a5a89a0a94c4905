"""Consistency arithmetic (DESIGN.md "Scores"); renderings are labels, ``None`` is a miss.

* ``C_strict``: agreeing pairs / all pairs, a miss agrees with nothing;
* ``C_match``: the same over matched occurrences only;
* ``C_first``: share of occurrences 2..n equal to the first;
* batch ``agreement``: share of documents whose majority rendering is the batch majority;
* ``dispersion``: entropy of the renderings divided by log(number of distinct renderings).

Each function returns ``(numerator, denominator)`` so that figures pool over terms and
documents (micro averages); :func:`ratio` turns a pair into a float or None.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Mapping, Sequence

Rendering = "str | None"


def ratio(pair: tuple[float, float]) -> float | None:
    num, den = pair
    return round(num / den, 4) if den else None


def strict_pairs(renderings: Sequence) -> tuple[int, int]:
    n = len(renderings)
    counts = Counter(r for r in renderings if r is not None)
    return sum(c * (c - 1) // 2 for c in counts.values()), n * (n - 1) // 2


def match_pairs(renderings: Sequence) -> tuple[int, int]:
    return strict_pairs([r for r in renderings if r is not None])


def first_pairs(renderings: Sequence) -> tuple[int, int]:
    if len(renderings) < 2:
        return 0, 0
    first = renderings[0]
    return (sum(1 for r in renderings[1:] if first is not None and r == first),
            len(renderings) - 1)


def add(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return a[0] + b[0], a[1] + b[1]


def within(groups: Iterable[Sequence]) -> dict:
    """C_strict / C_match / C_first pooled over groups of ≥ 2 occurrences."""
    s = m = f = (0, 0)
    n_groups = n_occ = 0
    for g in groups:
        if len(g) < 2:
            continue
        n_groups += 1
        n_occ += len(g)
        s, m, f = add(s, strict_pairs(g)), add(m, match_pairs(g)), add(f, first_pairs(g))
    return {"c_strict": ratio(s), "c_match": ratio(m), "c_first": ratio(f), "groups": n_groups,
            "occurrences": n_occ, "pairs": s[1]}


def majority(renderings: Sequence, prefer: Sequence[str] = ()) -> str | None:
    """Most frequent rendering (misses count only when nothing matched); ties go to a
    preferred (approved) rendering, then to the earliest seen."""
    counts = Counter(r for r in renderings if r is not None)
    if not counts:
        return None
    top = max(counts.values())
    tied = [r for r in dict.fromkeys(r for r in renderings if r is not None) if counts[r] == top]
    for p in prefer:
        if p in tied:
            return p
    return tied[0]


def normalised_entropy(counts: Mapping[str, int]) -> float | None:
    total = sum(counts.values())
    k = sum(1 for c in counts.values() if c)
    if total == 0:
        return None
    if k <= 1:
        return 0.0
    h = -sum((c / total) * math.log(c / total) for c in counts.values() if c)
    return round(h / math.log(k), 4)


def across(per_doc: Mapping[str, Sequence], prefer: Sequence[str] = ()) -> dict:
    """Batch consistency of one term seen in ≥ 2 documents."""
    docs = {d: r for d, r in per_doc.items() if len(r)}
    pooled = [r for rs in docs.values() for r in rs]
    batch_major = majority(pooled, prefer)
    doc_major = {d: majority(rs, prefer) for d, rs in docs.items()}
    agree = [d for d, m in doc_major.items() if m == batch_major]
    counts = Counter(r for r in pooled if r is not None)
    return {
        "documents": len(docs),
        "majority": batch_major,
        "agreement": round(len(agree) / len(docs), 4) if len(docs) >= 2 else None,
        "dispersion": normalised_entropy(counts),
        "renderings": dict(counts.most_common()),
        "misses": sum(1 for r in pooled if r is None),
        "disagreeing": sorted(d for d in docs if d not in agree),
        "document_majority": doc_major,
    }
