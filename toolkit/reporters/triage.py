"""Per-article scores for batch triage, shared by every reporter: worst articles first.

An article's row: MQM quality (and whether it passes the threshold), term adherence and
consistency, finding counts by severity, and the reference metrics with their sacrebleu
signatures when a reference exists.
"""
from __future__ import annotations

from pathlib import Path

from ..model import ArticleResult, AuditResult, Severity

SEVERITIES = ("critical", "major", "minor", "neutral")


def article_row(ar: ArticleResult) -> dict:
    art = ar.article
    scores = ar.scores or {}
    mqm = scores.get("mqm") or {}
    terms = scores.get("terms") or {}
    adherence = terms.get("adherence") if isinstance(terms, dict) else None
    consistency = terms.get("consistency") if isinstance(terms, dict) else None
    counts = {s: 0 for s in SEVERITIES}
    for f in ar.findings:
        counts[f.severity.label] += 1
    glossary = getattr(art.glossary, "path", None) if art.glossary is not None else None
    return {
        "article": art.name,
        "file": art.target.path,
        "source_lang": art.source.lang if art.source is not None else None,
        "target_lang": art.target.lang,
        "glossary": Path(glossary).name if glossary else None,
        "quality": mqm.get("quality"),
        "penalty": mqm.get("penalty"),
        "threshold": mqm.get("threshold"),
        "pass": mqm.get("pass"),
        "words": mqm.get("words"),
        "findings": len(ar.findings),
        "failing": sum(1 for f in ar.findings if f.severity > Severity.NEUTRAL),
        "by_severity": counts,
        "term_adherence": adherence.get("micro") if isinstance(adherence, dict) else None,
        "term_consistency": consistency.get("c_strict") if isinstance(consistency, dict) else None,
        "reference": scores.get("reference"),
    }


def _worst_first(row: dict) -> tuple:
    quality = row["quality"] if row["quality"] is not None else 100.0
    sev = row["by_severity"]
    return (quality, -sev["critical"], -sev["major"], -row["findings"], row["article"])


def article_scores(result: AuditResult) -> list[dict]:
    """One row per article, worst first (lowest MQM quality, then most serious findings)."""
    return sorted((article_row(a) for a in result.articles), key=_worst_first)


def fmt(value, digits: int = 1, pct: bool = False) -> str:
    """A score for a table cell; "–" when there is none (never "None")."""
    if value is None:
        return "–"
    return f"{value:.0%}" if pct else f"{value:.{digits}f}"


def reference_text(ref: dict | None) -> str:
    """``BLEU 41.2 · chrF++ 63.0 · TER 48.1`` (the signatures go beside it)."""
    if not ref:
        return ""
    names = {"bleu": "BLEU", "chrf++": "chrF++", "ter": "TER"}
    return " · ".join(f"{names.get(k, k)} {v['score']:.1f}" for k, v in ref.items())


def signatures(result: AuditResult) -> dict[str, str]:
    """The sacrebleu signature of each reference metric used in ``result``."""
    out: dict[str, str] = {}
    for a in result.articles:
        for k, v in (a.scores.get("reference") or {}).items():
            out.setdefault(k, v.get("signature", ""))
    return out
