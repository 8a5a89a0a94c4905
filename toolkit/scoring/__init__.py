"""Scores of an article and of a batch: MQM, term adherence/consistency, reference metrics."""
from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Sequence

from ..model import Article, ArticleResult, AuditResult, Finding
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


def with_fail_under(result: AuditResult, quality: float | None) -> AuditResult:
    """``result`` gated on MQM quality: each article's and the batch's ``mqm`` threshold and
    pass/fail become ``quality``, and ``result.failed()`` fails below it."""
    if quality is None:
        return result

    def gated(mqm: Mapping) -> dict:
        return {**mqm, "threshold": quality, "pass": mqm.get("quality", 100.0) >= quality}

    articles = tuple(replace(a, scores={**a.scores, "mqm": gated(a.scores["mqm"])}) if "mqm" in a.scores
                     else a for a in result.articles)
    batch = dict(result.scores)
    if "mqm" in batch:
        batch["mqm"] = {**gated(batch["mqm"]),
                        "failed_articles": sum(1 for a in articles if not a.scores.get("mqm", {}).get("pass", True))}
    return replace(result, articles=articles, scores=batch, fail_under=quality)
