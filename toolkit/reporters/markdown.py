"""Markdown report, for pull-request comments and wikis: articles worst first, then findings.

Every piece of user text (file names, article names, target text, messages) goes through
:func:`escape`, so a translation holding ``|``, ``*``, `` ` `` or ``<script>`` cannot break the
table or inject markup into the rendered page.
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import AuditResult
from .triage import article_scores, fmt, reference_text, signatures

_SPECIAL = re.compile(r"([\\`*_\[\]|~])")  # inline specials; HTML is entity-escaped


def escape(text: str | None) -> str:
    """``text`` shown literally by CommonMark/GFM, on one line (fit for a table cell)."""
    s = str(text or "")
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _SPECIAL.sub(r"\\\1", s)
    if s and s[0] in "#+-=":  # would start a heading or a list item
        s = "\\" + s
    s = re.sub(r"^(\d+)([.)])", r"\1\\\2", s)  # "1. " would start a numbered list
    s = s.replace("\r", "").replace("\n", "⏎").replace("\u202f", "⍽").replace("\u00a0", "·")
    return s


def render(result: AuditResult, **_: object) -> str:
    out = ["# mtqa audit", ""]
    mqm = result.scores.get("mqm", {})
    verdict = "FAIL" if result.failed() else "PASS"
    out.append(f"**{verdict}** — {len(result.findings)} findings in {len(result.articles)} article(s); "
               f"fails on {result.fail_on.label} and above"
               + (f" or MQM quality under {result.fail_under:g}" if result.fail_under is not None else "") + ".")
    if mqm:
        out.append(f"MQM quality {mqm['quality']:.1f} (penalty {mqm['penalty']:.1f} per 1,000 words).")
    for name in result.below_quality():
        out.append(f"- quality gate: **{escape(name)}** is below {result.fail_under:g}")
    filtered = result.scores.get("filtered") or {}
    if filtered.get("baseline") or filtered.get("suppressed") or filtered.get("accepted_in_file"):
        out.append(f"Not shown: {filtered.get('baseline', 0)} in the baseline, {filtered.get('suppressed', 0)} "
                   f"suppressed, {filtered.get('accepted_in_file', 0)} accepted by a reviewer's note.")
    out += ["", "## Articles, worst first", "",
            "| article | languages | MQM quality | pass | term adherence | critical | major | minor | neutral "
            "| reference |", "|---|---|---:|---|---:|---:|---:|---:|---:|---|"]
    for row in article_scores(result):
        sev = row["by_severity"]
        langs = f"{row['source_lang'] or '?'}→{row['target_lang']}"
        passed = "–" if row["pass"] is None else ("yes" if row["pass"] else "**no**")
        out.append(f"| {escape(row['article'])} | {escape(langs)} | {fmt(row['quality'])} | {passed} | "
                   f"{fmt(row['term_adherence'], pct=True)} | {sev['critical']} | {sev['major']} | "
                   f"{sev['minor']} | {sev['neutral']} | {escape(reference_text(row['reference']))} |")
    sigs = signatures(result)
    if sigs:
        out += ["", "Reference metrics (sacrebleu signatures): "
                + "; ".join(f"{escape(k)} `{v}`" for k, v in sigs.items())]
    out.append("")
    for error in result.errors:
        out.append(f"- **ERROR** `{_cell(error.path)}`: {_cell(error.message)}")
    if result.errors:
        out.append("")
    for art in result.articles:
        a = art.article
        out += [f"## {escape(a.name)}", ""]
        cats = Counter(f.category for f in art.findings)
        if cats:
            out += ["| category | findings |", "|---|---:|"]
            out += [f"| {escape(c)} | {n} |" for c, n in sorted(cats.items())]
            out.append("")
            out += ["| where | rule | severity | text | message | fix |", "|---|---|---|---|---|---|"]
            for f in art.findings:
                t = f.target
                where = (f"{t.file}:{t.line}:{t.column}" + (f" ({t.unit})" if t.unit else "")) if t else ""
                text = (t.text[:60] + "…") if t and len(t.text) > 60 else (t.text if t else "")
                out.append(f"| {escape(where)} | {f.rule_id} {escape(f.rule_name)} | {f.severity.label} | "
                           f"{escape(text)} | {escape(f.message)} | {escape(f.suggestion or '')} |")
        else:
            out.append("No findings.")
        out.append("")
    out.append(f"<sub>{escape(result.signature)}</sub>")
    return "\n".join(out) + "\n"
