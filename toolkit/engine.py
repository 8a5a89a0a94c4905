"""Run the rules on one article: selection, preconditions, severity overrides, ordering."""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from .errors import UsageError
from .model import Article, Finding, Severity
from .rules import ALL_RULES, RULES_BY_ID
from .rules.base import Context, Hit, Rule

# Families whose findings mean "this target segment is not a translation of its source".
UNTRANSLATED_FAMILIES = ("UNTR", "LANG")


@dataclass(frozen=True)
class Selection:
    """Which rules run: ``select``/``ignore`` by id prefix, as flake8 and ruff do."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)  # prefix → severity

    @classmethod
    def parse(cls, select: str | Sequence[str] | None = None, ignore: str | Sequence[str] | None = None,
              severity: Sequence[str] = ()) -> "Selection":
        sel, ign = _codes(select), _codes(ignore)
        for code in sel + ign:
            if not any(r.id.startswith(code) for r in ALL_RULES):
                raise UsageError(f"no rule id starts with {code!r} (see 'mtqa rules')")
        overrides: dict[str, Severity] = {}
        for item in severity:
            code, _, level = item.partition("=")
            if not level:
                raise UsageError(f"--severity takes PREFIX=LEVEL, got {item!r}")
            try:
                overrides[code.strip().upper()] = Severity.parse(level)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
        return cls(sel, ign, overrides)

    def enabled(self, r: Rule) -> bool:
        # The longest matching prefix wins, so --select TERM --ignore TERM003 works as expected.
        if self.select:
            sel = max((len(c) for c in self.select if r.id.startswith(c)), default=None)
            if sel is None:
                return False
        else:
            sel = 0
        ign = max((len(c) for c in self.ignore if r.id.startswith(c)), default=-1)
        return sel > ign

    def severity_of(self, r: Rule, default: Severity) -> Severity:
        matches = [c for c in self.severity if r.id.startswith(c)]
        return self.severity[max(matches, key=len)] if matches else default


def _codes(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if not value:
        return ()
    items = value.split(",") if isinstance(value, str) else [v for x in value for v in x.split(",")]
    return tuple(c.strip().upper() for c in items if c.strip())


def rules_for(article: Article, selection: Selection) -> list[Rule]:
    """The enabled rules whose needs this article meets, in registry order."""
    have = {"alignment"} if article.beads else set()
    if article.source is not None:
        have.add("source")
    if article.glossary is not None and len(article.glossary):
        have.add("glossary")
    if article.reference is not None:
        have.add("reference")
    return [r for r in ALL_RULES if selection.enabled(r) and r.needs <= have]


def run_rules(article: Article, selection: Selection | None = None,
              options: Mapping | None = None, rules: Iterable[Rule] | None = None) -> tuple[Finding, ...]:
    """All findings for one article, sorted by place then rule id."""
    selection = selection or Selection()
    # Rules build many short-lived acyclic objects; reference counting frees them, and the
    # cycle collector's full passes only cost time here (a third of a large batch).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(article, selection, options, rules)
    finally:
        if collecting:
            gc.enable()


def _run(article: Article, selection: Selection, options: Mapping | None,
         rules: Iterable[Rule] | None) -> tuple[Finding, ...]:
    ctx = Context(article, options)
    from .rules.page import chrome_regions  # the one family every other rule depends on

    ctx.chrome = tuple(chrome_regions(ctx))
    chosen = list(rules) if rules is not None else rules_for(article, selection)
    findings: list[Finding] = []
    for r in chosen:
        for hit in r.check(ctx):
            if not r.sees_chrome and ctx.in_chrome(hit.start, max(hit.end, hit.start + 1)):
                continue
            findings.append(_finding(ctx, r, hit, selection))
    findings = _silence_untranslated(ctx, findings)
    findings = _dedupe(findings)
    return tuple(sorted(findings, key=Finding.sort_key))


def _finding(ctx: Context, r: Rule, hit: Hit, selection: Selection) -> Finding:
    severity = selection.severity_of(r, hit.severity if hit.severity is not None else r.severity)
    source = None
    if hit.source is not None and ctx.source is not None:
        source = ctx.source.span(*hit.source)
    replacement = hit.suggestion if r.literal_fix else None
    return Finding(r.id, r.name, r.category, severity, hit.message, hit.suggestion,
                   ctx.target.span(hit.start, hit.end), source, hit.bead, replacement)


def _silence_untranslated(ctx: Context, findings: list[Finding]) -> list[Finding]:
    """Drop findings of translation-dependent rules inside segments found untranslated."""
    import bisect

    segments = ctx.target.segments
    starts = [seg.start for seg in segments]

    def segment_of(f: Finding):  # the segment holding the finding's span (segments are sorted)
        a, b = f.target.doc_start, f.target.doc_end
        i = bisect.bisect_right(starts, a) - 1
        for j in (i, i - 1):  # an empty segment may sit at the end of the one before
            if j >= 0 and segments[j].start <= a and b <= segments[j].end:
                return j
        return None

    untranslated = set()
    for f in findings:
        if f.rule_id.startswith(UNTRANSLATED_FAMILIES) and f.target:
            i = segment_of(f)
            if i is not None and (f.target.doc_end - f.target.doc_start) >= 0.8 * (segments[i].end - segments[i].start):
                untranslated.add(i)
    if not untranslated:
        return findings
    out = []
    for f in findings:
        r = RULES_BY_ID[f.rule_id]
        inside = f.target and segment_of(f) in untranslated
        if inside and r.needs_translation and not r.id.startswith(UNTRANSLATED_FAMILIES) and "source" in r.needs:
            continue
        out.append(f)
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """One error, one finding: on the same target span keep the most severe finding (the
    rule listed first in the registry when severities tie); drop exact repeats."""
    order = {r.id: n for n, r in enumerate(ALL_RULES)}
    best: dict[tuple, Finding] = {}
    kept = []
    for f in findings:
        if f.target is None:
            kept.append(f)
            continue
        key = (f.target.doc_start, f.target.doc_end)
        other = best.get(key)
        if other is None or (f.severity, -order.get(f.rule_id, 0)) > (other.severity, -order.get(other.rule_id, 0)):
            best[key] = f
    return kept + list(best.values())
