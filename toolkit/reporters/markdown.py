"""Markdown report, for pull-request comments and wikis."""
from __future__ import annotations

from collections import Counter

from ..model import AuditResult


def _cell(s: str) -> str:
    return (s or "").replace("|", "\\|").replace("\n", "⏎").replace("\u202f", "⍽").replace("\u00a0", "·")


def render(result: AuditResult, **_: object) -> str:
    out = ["# mtqa audit", ""]
    mqm = result.scores.get("mqm", {})
    verdict = "FAIL" if result.failed() else "PASS"
    out.append(f"**{verdict}** — {len(result.findings)} findings in {len(result.articles)} article(s); "
               f"fails on {result.fail_on.label} and above.")
    if mqm:
        out.append(f"MQM quality {mqm['quality']:.1f} (penalty {mqm['penalty']:.1f} per 1,000 words).")
    out.append("")
    for error in result.errors:
        out.append(f"- **ERROR** `{_cell(error.path)}`: {_cell(error.message)}")
    if result.errors:
        out.append("")
    for art in result.articles:
        a = art.article
        out += [f"## {a.name}", ""]
        cats = Counter(f.category for f in art.findings)
        if cats:
            out += ["| category | findings |", "|---|---:|"]
            out += [f"| {_cell(c)} | {n} |" for c, n in sorted(cats.items())]
            out.append("")
            out += ["| where | rule | severity | text | message | fix |", "|---|---|---|---|---|---|"]
            for f in art.findings:
                t = f.target
                where = (f"{t.file}:{t.line}:{t.column}" + (f" ({t.unit})" if t.unit else "")) if t else ""
                text = (t.text[:60] + "…") if t and len(t.text) > 60 else (t.text if t else "")
                out.append(f"| {_cell(where)} | {f.rule_id} {f.rule_name} | {f.severity.label} | "
                           f"`{_cell(text)}` | {_cell(f.message)} | {_cell(f.suggestion or '')} |")
        else:
            out.append("No findings.")
        out.append("")
    out.append(f"<sub>{_cell(result.signature)}</sub>")
    return "\n".join(out) + "\n"
