"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

GitHub shows each line as an annotation on the file and line of the pull request. The
escaping follows GitHub's workflow-command rules: in the message ``%``, CR and LF are
percent-encoded; in property values ``:`` and ``,`` as well.
"""
from __future__ import annotations

from ..model import AuditResult, Finding, Severity
from .triage import article_scores

COMMAND = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning",
           Severity.NEUTRAL: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(f: Finding) -> str:
    props = []
    t = f.target or f.source
    if t is not None:
        props.append(("file", t.file))
        props.append(("line", str(t.line)))
        end_line = t.end_line if t.end_line is not None else t.line + t.text.count("\n")
        if end_line != t.line:
            props.append(("endLine", str(end_line)))
        else:
            end_col = t.end_column if t.end_column is not None and t.end_column > t.column else \
                t.column + max(len(t.text), 1)
            props.append(("col", str(t.column)))
            props.append(("endColumn", str(end_col)))
    props.append(("title", f"{f.rule_id} {f.rule_name}"))
    message = f"{f.message} [{f.severity.label}, {f.category}]"
    if f.suggestion:
        message += f"\nFix: {f.suggestion}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props)
    return f"::{COMMAND[f.severity]} {head}::{escape_data(message)}"


def render(result: AuditResult, **_: object) -> str:
    lines = [annotation(f) for f in result.findings]
    for row in article_scores(result):
        if result.fail_under is not None and row["quality"] is not None and row["quality"] < result.fail_under:
            props = f"file={escape_property(row['file'])},title={escape_property('mtqa quality gate')}"
            lines.append(f"::error {props}::{escape_data(row['article'])}: MQM quality {row['quality']:.1f} "
                         f"is below --fail-under {result.fail_under:g}")
    for error in result.errors:  # a document that could not be read
        lines.append(f"::error file={escape_property(error.path)},title={escape_property('mtqa input error')}::"
                     f"{escape_data(error.message)}")
    verdict = "ERROR" if result.errors else "FAIL" if result.failed() else "PASS"
    mqm = result.scores.get("mqm") or {}
    quality = f"; MQM quality {mqm['quality']:.1f}" if "quality" in mqm else ""
    lines.append(f"mtqa: {verdict} {len(result.findings)} finding(s) in {len(result.articles)} article(s)"
                 f"{quality}; fails on {result.fail_on.label} and above")
    return "\n".join(lines) + "\n"
