"""Rule documentation: render it, and execute its examples (as pylint does)."""
from __future__ import annotations

from dataclasses import dataclass

from .model import Finding
from .rules.base import Example, Rule


@dataclass(frozen=True)
class ExampleOutcome:
    text: str
    expected_to_fire: bool
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return bool(self.findings) == self.expected_to_fire


def run_example(r: Rule, example: Example) -> list[ExampleOutcome]:
    """Run ``r`` alone on each bad and good target of ``example``."""
    from .api import article_from_strings
    from .engine import run_rules

    outcomes = []
    for text, should_fire in [(t, True) for t in example.bad] + [(t, False) for t in example.good]:
        article = article_from_strings(text, example.source, src_lang=example.src_lang,
                                       tgt_lang=example.tgt_lang, glossary_rows=example.glossary,
                                       reference=example.reference)
        findings = tuple(f for f in run_rules(article, rules=[r]) if f.rule_id == r.id)
        outcomes.append(ExampleOutcome(text, should_fire, findings))
    return outcomes


def render(r: Rule) -> str:
    """The rule's documentation as Markdown, with its metadata first."""
    needs = ", ".join(sorted(r.needs)) or "target text only"
    head = (f"# {r.id} {r.name}\n\n{r.summary}\n\n"
            f"- Category: {r.category}\n- Default severity: {r.severity.label}\n- Needs: {needs}\n")
    body = r.doc.strip().split("\n", 1)[1].strip() if "\n" in r.doc.strip() else ""
    return head + "\n" + body + "\n"
