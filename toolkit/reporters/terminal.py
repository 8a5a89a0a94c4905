"""Terminal report (rich): findings grouped by paragraph, the offending text highlighted."""
from __future__ import annotations

import io
from collections import Counter, defaultdict
from pathlib import Path

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..model import ArticleResult, AuditResult, Finding, Severity
from .triage import article_scores, fmt, reference_text

STYLE = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.NEUTRAL: "cyan",
}
CONTEXT = 70  # characters of context shown each side of a highlighted span


def render(result: AuditResult, color: bool = False, width: int = 100, **_: object) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, soft_wrap=False, emoji=False)
    for article_result in result.articles:
        _article(console, article_result, result.fail_under is not None)
    for error in result.errors:
        line = Text(" ERROR ", style="bold white on red")
        line.append(" " + (error.message if error.message.startswith(error.path) else
                           f"{error.path}: {error.message}"))
        console.print(line, soft_wrap=True)
    _batch(console, result)
    return buffer.getvalue()


def _article(console: Console, res: ArticleResult, gated: bool = False) -> None:
    art = res.article
    tgt = art.target
    head = Text()
    head.append(art.name, style="bold")
    head.append(f"  {Path(tgt.path).name} ({tgt.lang})")
    if art.source:
        head.append(f" ← {Path(art.source.path).name} ({art.source.lang})")
        head.append(f"  ·  {len(art.source.segments)} ↔ {len(tgt.segments)} sentences, {len(art.beads)} beads")
    if art.glossary:
        head.append(f"  ·  glossary {len(art.glossary)} terms")
    console.print(head)
    for note in art.notes:
        console.print(Text(f"  note: {note}", style="dim"))
    by_block: dict[int, list[Finding]] = defaultdict(list)
    starts = [b.start for b in tgt.blocks]
    for f in res.findings:
        by_block[_block_index(starts, f.target.doc_start if f.target else 0)].append(f)
    for index in sorted(by_block):
        block = tgt.blocks[index] if tgt.blocks else None
        line = tgt.line_col(block.start)[0] if block else 1
        console.print()
        console.print(Text(f"¶ {index + 1}  line {line}", style="bold blue"))
        for f in by_block[index]:
            _finding(console, tgt.text, f)
    if not res.findings:
        console.print(Text("  no findings", style="green"))
    _article_summary(console, res, gated)
    console.print()


def _block_index(starts: list[int], offset: int) -> int:
    import bisect

    return max(bisect.bisect_right(starts, offset) - 1, 0)


def _finding(console: Console, text: str, f: Finding) -> None:
    t = f.target
    where = (f"{t.line}:{t.column}" + (f" {t.unit}" if t.unit else "")) if t else "-"
    head = Text("  ")
    head.append(f" {f.severity.label.upper()} ", style=STYLE[f.severity])
    head.append(f" {f.rule_id} ", style="bold")
    head.append(f"{f.rule_name}  ", style="dim")
    head.append(where, style="magenta")
    head.append(f"  {f.category}", style="dim")
    console.print(head)
    if t:
        console.print(Text("      ") + _excerpt(text, t.doc_start, t.doc_end))
    console.print(Text(f"      {f.message}"))
    if f.source:
        console.print(Text(f"      source {f.source.line}:{f.source.column}: {_short(f.source.text)}", style="dim"))
    if f.suggestion is not None:
        fix = Text("      fix: ", style="green")
        fix.append(_visible(f.suggestion) if f.suggestion else "(delete)")
        console.print(fix)


def _excerpt(text: str, start: int, end: int) -> Text:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    left = max(line_start, start - CONTEXT)
    right = min(line_end, end + CONTEXT)
    if end - start > 3 * CONTEXT:  # a long span (page chrome): show its ends
        out = Text("…" if left > line_start else "")
        out.append(_visible(text[start:start + CONTEXT]), style="reverse")
        out.append(" … ")
        out.append(_visible(text[end - CONTEXT:end]), style="reverse")
        return out
    out = Text("…" if left > line_start else "")
    out.append(_visible(text[left:start]))
    out.append(_visible(text[start:end]) or "‸", style="reverse bold")
    out.append(_visible(text[end:right]))
    if right < line_end:
        out.append("…")
    return out


def _visible(s: str) -> str:
    """Make invisible characters that typography rules care about visible."""
    return (s.replace("\u202f", "⍽").replace("\u00a0", "·").replace("\r", "").replace("\n", "⏎")
            .replace("\t", "→"))


def _short(s: str, n: int = 90) -> str:
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 1] + "…"


def _article_summary(console: Console, res: ArticleResult, gated: bool) -> None:
    mqm = res.scores.get("mqm", {})
    if not mqm:
        return
    sev = mqm.get("by_severity", {})
    if gated:
        verdict = ("[green]pass[/]" if mqm.get("pass") else "[red]fail[/]") + f" at --fail-under {mqm['threshold']:g}"
    else:
        verdict = ("at or above" if mqm.get("pass") else "below") + f" {mqm['threshold']:g}; not gated"
    line = (f"  MQM quality {mqm['quality']:.1f} ({verdict}) · penalty "
            f"{mqm['penalty']:.1f} per 1,000 {mqm['words_from']} words ({mqm['words']}) · "
            + ", ".join(f"{sev.get(k, 0)} {k}" for k in ("critical", "major", "minor", "neutral")))
    console.print()
    console.print(line)
    terms = res.scores.get("terms") or {}
    summary = _terms_line(terms)
    if summary:
        console.print(f"  {summary}")
    ref = res.scores.get("reference")
    if ref:
        console.print("  vs reference: " + reference_text(ref))
        for k, v in ref.items():
            console.print(Text(f"    {k} signature: {v['signature']}", style="dim"))


def _terms_line(terms: dict) -> str:
    adherence = terms.get("adherence") if isinstance(terms, dict) else None
    consistency = terms.get("consistency") if isinstance(terms, dict) else None
    parts = []
    if isinstance(adherence, dict) and adherence.get("micro") is not None:
        parts.append(f"term adherence {adherence['micro']:.2f} (micro) / {adherence.get('macro', 0) or 0:.2f} (macro)")
    if isinstance(consistency, dict):
        for key in ("c_strict", "c_match", "c_first"):
            if consistency.get(key) is not None:
                parts.append(f"{key} {consistency[key]:.2f}")
    return "Terms: " + ", ".join(parts) if parts else ""


def _batch(console: Console, result: AuditResult) -> None:
    findings = result.findings
    table = Table(title="Findings by category", title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("category")
    for s in (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.NEUTRAL):
        table.add_column(s.label, justify="right")
    counts: dict[str, Counter] = defaultdict(Counter)
    for f in findings:
        counts[f.category][f.severity] += 1
    for cat in sorted(counts):
        table.add_row(cat, *(str(counts[cat][s] or "·") for s in
                             (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.NEUTRAL)))
    rules = Counter(f.rule_id for f in findings)
    mqm = result.scores.get("mqm", {})
    failed = result.failed() or bool(result.errors)
    label = "ERROR" if result.errors else "FAIL" if failed else "PASS"
    verdict = Text(label, style="bold red" if failed else "bold green")
    verdict.append(f"  {len(findings)} findings in {len(result.articles)} article(s); "
                   f"build fails on {result.fail_on.label} and above")
    if result.errors:
        verdict.append(f"; {len(result.errors)} document(s) could not be read")
    lines = [verdict]
    if mqm:
        gate = (f" · fails under {result.fail_under:g}" if result.fail_under is not None else "")
        lines.append(Text(f"MQM quality {mqm['quality']:.1f} · penalty {mqm['penalty']:.1f} per 1,000 words "
                          f"({mqm['words']} words){gate}"))
    for name in result.below_quality():
        lines.append(Text(f"quality gate: {name} is below {result.fail_under:g}", style="bold red"))
    filtered = result.scores.get("filtered") or {}
    hidden = [f"{filtered[k]} {label}" for k, label in (("baseline", "in the baseline"),
              ("suppressed", "suppressed"), ("accepted_in_file", "accepted by a reviewer's note")) if filtered.get(k)]
    if hidden:
        lines.append(Text("not shown: " + ", ".join(hidden), style="dim"))
    if filtered.get("baseline_fixed"):
        lines.append(Text(f"{filtered['baseline_fixed']} baseline entries were fixed since: write the baseline "
                          "again to drop them", style="dim"))
    if rules:
        lines.append(Text("rules: " + ", ".join(f"{k}×{v}" for k, v in sorted(rules.items())), style="dim"))
    if findings:
        lines.append(Text("shown as: · no-break space (U+00A0), ⍽ narrow no-break space (U+202F), ⏎ line break",
                          style="dim"))
    lines.append(Text(f"signature: {result.signature}", style="dim"))
    if findings:
        console.print(table)
    if len(result.articles) > 1:
        console.print(_triage(result))
    console.print(Panel(Group(*lines), title="mtqa summary", title_align="left", expand=False))


def _triage(result: AuditResult) -> Table:
    """Articles worst first: MQM quality, term adherence, finding counts."""
    table = Table(title="Articles, worst first", title_justify="left", show_edge=False, pad_edge=False)
    for name, justify in (("article", "left"), ("MQM", "right"), ("terms", "right"), ("critical", "right"),
                          ("major", "right"), ("minor", "right"), ("neutral", "right"), ("reference", "left")):
        table.add_column(name, justify=justify)
    for row in article_scores(result):
        sev = row["by_severity"]
        table.add_row(row["article"], fmt(row["quality"]), fmt(row["term_adherence"], pct=True),
                      *(str(sev[k] or "·") for k in ("critical", "major", "minor", "neutral")),
                      reference_text(row["reference"]))
    return table
