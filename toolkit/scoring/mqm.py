"""MQM score: severity-weighted penalty per 1,000 source words (MQM 2.0 scoring model)."""
from __future__ import annotations

from collections import Counter
from typing import Mapping, Sequence

from ..model import Article, Finding, Severity

DEFAULT_WEIGHTS = {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}
DEFAULT_THRESHOLD = 90.0  # quality below this fails


def mqm_score(article: Article, findings: Sequence[Finding], weights: Mapping | None = None,
              threshold: float = DEFAULT_THRESHOLD) -> dict:
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    counted_doc = article.source or article.target
    words = max(counted_doc.word_count, 1)
    by_sev = Counter(f.severity.label for f in findings)
    by_cat = Counter(f.category for f in findings if f.severity > Severity.NEUTRAL)
    penalty_points = sum(w[f.severity.label] for f in findings)
    penalty = 1000.0 * penalty_points / words
    quality = 100.0 - penalty
    return {
        "words": words,
        "words_from": "source" if article.source else "target",
        "penalty_points": penalty_points,
        "penalty": round(penalty, 2),
        "quality": round(quality, 2),
        "threshold": threshold,
        "pass": quality >= threshold,
        "by_severity": {s.label: by_sev.get(s.label, 0) for s in Severity},
        "by_category": dict(sorted(by_cat.items())),
        "weights": w,
    }


def mqm_batch(scores: Sequence[Mapping]) -> dict:
    words = sum(s["words"] for s in scores) or 1
    points = sum(s["penalty_points"] for s in scores)
    penalty = 1000.0 * points / words
    threshold = scores[0]["threshold"] if scores else DEFAULT_THRESHOLD
    return {"words": words, "penalty_points": points, "penalty": round(penalty, 2),
            "quality": round(100 - penalty, 2), "threshold": threshold,
            "pass": 100 - penalty >= threshold,
            "failed_articles": sum(1 for s in scores if not s["pass"])}
