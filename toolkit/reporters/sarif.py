"""SARIF 2.1.0 output for code-scanning UIs; rule metadata comes from the rule registry."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .. import __version__
from ..model import AuditResult, Finding, Severity
from .triage import article_scores

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning",
         Severity.NEUTRAL: "note"}


def _rule_descriptor(r) -> dict:
    from ..docs import help_uri, render as render_doc

    return {
        "id": r.id,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "helpUri": help_uri(r),
        "fullDescription": {"text": r.section("What it does") or r.summary},
        "help": {"text": render_doc(r), "markdown": render_doc(r)},
        "defaultConfiguration": {"level": LEVEL[r.severity]},
        "properties": {"category": r.category, "severity": r.severity.label,
                       "tags": [r.category.split("/")[0], r.family]},
    }


def _uri(path: str) -> str:
    p = Path(path)
    return p.as_posix() if not p.is_absolute() else p.as_uri()


def _region(t) -> dict:
    if t.end_line is not None:
        end_line, end_col = t.end_line, t.end_column
    else:
        end_line = t.line + t.text.count("\n")
        end_col = (len(t.text) - t.text.rfind("\n")) if "\n" in t.text else t.column + len(t.text)
    region = {"startLine": t.line, "startColumn": t.column, "endLine": end_line, "endColumn": end_col,
              "charOffset": t.start, "charLength": t.end - t.start}
    if t.local is None:  # the text is the file's own characters
        region["snippet"] = {"text": t.text}
    return region


def _notification(error) -> dict:
    return {"level": "error", "message": {"text": error.message}, "descriptor": {"id": "input-error"},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}]}


def _result(f: Finding, rule_index: dict[str, int]) -> dict:
    out = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index.get(f.rule_id, -1),
        "level": LEVEL[f.severity],
        "message": {"text": f.message + (f" Fix: {f.suggestion}" if f.suggestion else "")},
        "properties": {"category": f.category, "severity": f.severity.label, "bead": f.bead},
    }
    if f.target:
        t = f.target
        region = _region(t)
        location = {"physicalLocation": {"artifactLocation": {"uri": _uri(t.file)}, "region": region}}
        if t.unit:
            location["logicalLocations"] = [{"name": t.unit, "kind": "element"}]
        out["locations"] = [location]
    fix = f.file_replacement()
    if fix is not None:
        t = f.target
        out["fixes"] = [{"description": {"text": f"Replace with {f.replacement!r}" if f.replacement else "Delete"},
                         "artifactChanges": [{"artifactLocation": {"uri": _uri(t.file)},
                                              "replacements": [{"deletedRegion": {"charOffset": t.start,
                                                                                  "charLength": t.end - t.start},
                                                                "insertedContent": {"text": fix}}]}]}]
    if f.source:
        s = f.source
        out["relatedLocations"] = [{"id": 1, "message": {"text": "source text"}, "physicalLocation": {
            "artifactLocation": {"uri": _uri(s.file)},
            "region": {"startLine": s.line, "startColumn": s.column, "charOffset": s.start,
                       "charLength": s.end - s.start, "snippet": {"text": s.text}}}}]
    return out


def _results(result: AuditResult, rule_index: dict[str, int]) -> list[dict]:
    """Every finding, with the fingerprint that baselines use as ``partialFingerprints``."""
    from ..baseline import FINGERPRINT_KEY, fingerprints

    compared = bool((result.scores.get("filtered") or {}).get("baseline_used"))
    out = []
    for f, fp in zip(result.findings, fingerprints(result)):
        item = _result(f, rule_index)
        item["partialFingerprints"] = {FINGERPRINT_KEY: fp}
        if compared:  # --baseline: what is left is new
            item["baselineState"] = "new"
        out.append(item)
    return out


def as_dict(result: AuditResult) -> dict:
    from ..engine import ALL_RULES  # the rules the engine runs

    rule_index = {r.id: i for i, r in enumerate(ALL_RULES)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "mtqa", "version": __version__, "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/mtqa/",
                "rules": [_rule_descriptor(r) for r in ALL_RULES],
            }},
            "invocations": [{"executionSuccessful": not result.errors,
                             "toolExecutionNotifications": [_notification(e) for e in result.errors]}],
            "results": _results(result, rule_index),
            "properties": {"signature": result.signature, "scores": result.scores,
                           "failOn": result.fail_on.label, "failUnder": result.fail_under,
                           "articles": article_scores(result)},
            "columnKind": "unicodeCodePoints",
        }],
    }


def chunks(result: AuditResult, **_: object) -> Iterator[str]:
    """The log in pieces, so a large batch is never held as one string as well."""
    yield from json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(as_dict(result))
    yield "\n"


def render(result: AuditResult, **options: object) -> str:
    return "".join(chunks(result, **options))
