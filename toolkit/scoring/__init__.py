"""Scores of an article and of a batch: MQM, term adherence/consistency, reference metrics."""
from __future__ import annotations

from typing import Mapping, Sequence

from ..model import Article, ArticleResult, Finding
from .metrics import reference_metrics
from .mqm import mqm_batch, mqm_score
from .terms import batch_part, combine_terms_batch, score_terms


def score_article(article: Article, findings: Sequence[Finding], weights: Mapping | None = None) -> dict:
    scores = {"mqm": mqm_score(article, findings, weights), "terms": score_terms(article)}
    if article.reference is not None:
        scores["reference"] = reference_metrics(article)
    return scores


def score_batch(results: Sequence[ArticleResult]) -> dict:
    return {"mqm": mqm_batch([r.scores["mqm"] for r in results]),
            "terms": combine_terms_batch([r.batch_terms if r.batch_terms is not None
                                          else batch_part(r.article) for r in results]),
            "articles": len(results)}
