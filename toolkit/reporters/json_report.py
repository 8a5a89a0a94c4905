"""JSON output, the contract of DESIGN.md "Data contracts" (versioned by ``schema_version``)."""
from __future__ import annotations

import json
from typing import Iterator

from .. import REPORT_SCHEMA_URL, __version__
from ..model import AuditResult
from .triage import article_scores

# 1.1: findings carry "replacement" (machine-applicable fix)
# 1.2: "$schema" (toolkit/data/report.schema.json), findings carry "fingerprint" (baselines,
#      suppressions); "fail_under", "below_quality" and "articles" (per-article scores, worst first);
#      spans carry "end_line"/"end_column" and, in bilingual files, "unit"; "replacement" is
#      written as it goes into the file (escaped for XML/HTML/PO/CSV); "errors" lists the
#      documents that could not be read
SCHEMA_VERSION = "1.2"
SCHEMA_FILE = "report.schema.json"  # in toolkit/data/


def document_json(doc) -> dict | None:
    if doc is None:
        return None
    return {"file": doc.path, "lang": doc.lang, "lang_source": doc.lang_source,
            "paragraphs": len(doc.blocks), "segments": len(doc.segments)}


def as_dict(result: AuditResult) -> dict:
    documents = []
    for a in result.articles:
        art = a.article
        documents.append({
            "name": art.name,
            "target": document_json(art.target),
            "source": document_json(art.source),
            "reference": document_json(art.reference),
            "glossary": {"file": art.glossary.path, "entries": len(art.glossary)} if art.glossary else None,
            "beads": [{"id": b.id, "src": list(b.src), "tgt": list(b.tgt), "type": b.kind,
                       "confidence": round(b.confidence, 3)} for b in art.beads],
            "notes": list(art.notes),
            "findings": len(a.findings),
            "scores": a.scores,
        })
    from ..baseline import fingerprints

    findings = [dict(f.to_json(), fingerprint=fp) for f, fp in zip(result.findings, fingerprints(result))]
    return {
        "$schema": REPORT_SCHEMA_URL,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mtqa", "version": __version__},
        "signature": result.signature,
        "fail_on": result.fail_on.label,
        "fail_under": result.fail_under,
        "failed": result.failed(),
        "below_quality": result.below_quality(),
        "documents": documents,
        "articles": article_scores(result),
        "errors": [e.to_json() for e in result.errors],
        "findings": findings,
        "scores": result.scores,
    }


def chunks(result: AuditResult, **_: object) -> Iterator[str]:
    """The report in pieces, so a large batch is never held as one string as well."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(as_dict(result))
    yield "\n"


def render(result: AuditResult, **options: object) -> str:
    return "".join(chunks(result, **options))
