"""Rule documentation: render it, and execute its examples (as pylint does)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Bead, Finding
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
        if "beads" in example.extra:  # an example may fix its alignment: "[0]:[0] 0.3; []:[1]"
            article = replace(article, beads=parse_beads(example.extra["beads"]))
        findings = tuple(f for f in run_rules(article, rules=[r]) if f.rule_id == r.id)
        outcomes.append(ExampleOutcome(text, should_fire, findings))
    return outcomes


def parse_beads(text: str) -> tuple[Bead, ...]:
    """``"[0]:[0] 0.35; [1, 2]:[1]; [3]:[]"`` → beads (confidence 1.0 when not given)."""
    beads = []
    for item in filter(None, (x.strip() for x in text.split(";"))):
        m = re.fullmatch(r"\[([\d,\s]*)\]:\[([\d,\s]*)\](?:\s+([\d.]+))?", item)
        if not m:
            raise ValueError(f"bead not understood: {item!r}")
        ids = [tuple(int(x) for x in g.split(",") if x.strip()) for g in m.group(1, 2)]
        beads.append(Bead(len(beads), ids[0], ids[1], float(m.group(3) or 1.0)))
    return tuple(beads)


def render(r: Rule) -> str:
    """The rule's documentation as Markdown, with its metadata first."""
    needs = ", ".join(sorted(r.needs)) or "target text only"
    head = (f"# {r.id} {r.name}\n\n{r.summary}\n\n"
            f"- Category: {r.category}\n- Default severity: {r.severity.label}\n- Needs: {needs}\n")
    body = r.doc.strip().split("\n", 1)[1].strip() if "\n" in r.doc.strip() else ""
    return head + "\n" + body + "\n"
