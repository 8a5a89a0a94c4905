"""Every rule is documented in the fixed sections, and its examples are executed."""
import pytest

from toolkit.docs import run_example
from toolkit.rules import ALL_RULES, RULES_BY_ID
from toolkit.rules.base import SECTIONS, doc_sections

RULE_IDS = [r.id for r in ALL_RULES]


def test_ids_are_unique_and_well_formed():
    assert len(RULE_IDS) == len(set(RULE_IDS))
    names = [r.name for r in ALL_RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_doc_has_fixed_sections(rule_id):
    r = RULES_BY_ID[rule_id]
    sections = doc_sections(r.doc)
    assert r.summary and r.summary.endswith("."), "first line is a one-sentence summary"
    for title in SECTIONS:
        assert title in sections, f"{rule_id}: missing section '## {title}'"
        assert sections[title].strip(), f"{rule_id}: section '{title}' is empty"
    assert list(t for t in sections if t != "summary") == list(SECTIONS), "sections in order"


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_examples_execute(rule_id):
    r = RULES_BY_ID[rule_id]
    examples = r.examples()
    assert examples, f"{rule_id}: no executable example"
    assert any(e.bad for e in examples) and any(e.good for e in examples)
    for example in examples:
        for outcome in run_example(r, example):
            verb = "fire" if outcome.expected_to_fire else "stay silent"
            assert outcome.ok, (f"{rule_id} should {verb} on {outcome.text!r}; got "
                                f"{[f.message for f in outcome.findings]}")


def test_rules_reference_page_is_up_to_date():
    """docs/rules.md is generated from the docstrings; regenerate it with
    `mtqa rules --markdown > docs/rules.md` when a rule changes."""
    from pathlib import Path

    from toolkit.docs import reference

    page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == reference(ALL_RULES)
