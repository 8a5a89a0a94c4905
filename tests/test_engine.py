"""Engine: rule selection by prefix, severity overrides, ordering, chrome masking."""
import pytest

from toolkit.engine import Selection
from toolkit.errors import UsageError
from toolkit.model import Document, Finding, Severity, Span
from toolkit.rules import ALL_RULES
from toolkit.rules.base import Rule, doc_sections, parse_examples


def fake(rule_id: str) -> Rule:
    return Rule(rule_id, "x", "Accuracy/Mistranslation", Severity.MINOR, frozenset(), lambda ctx: (), "X.")


def test_selection_longest_prefix_wins():
    sel = Selection(select=("TERM",), ignore=("TERM003",))
    assert sel.enabled(fake("TERM001")) and not sel.enabled(fake("TERM003"))
    assert not sel.enabled(fake("TYPO001"))
    sel = Selection(select=("TERM003",), ignore=("TERM",))
    assert sel.enabled(fake("TERM003")) and not sel.enabled(fake("TERM001"))
    assert Selection().enabled(fake("ANY001"))
    assert not Selection(ignore=("ANY",)).enabled(fake("ANY001"))


def test_severity_override_by_longest_prefix():
    sel = Selection(severity={"TY": Severity.MAJOR, "TYPO002": Severity.NEUTRAL})
    assert sel.severity_of(fake("TYPO001"), Severity.MINOR) == Severity.MAJOR
    assert sel.severity_of(fake("TYPO002"), Severity.MINOR) == Severity.NEUTRAL
    assert sel.severity_of(fake("NUM001"), Severity.MINOR) == Severity.MINOR


@pytest.mark.skipif(not ALL_RULES, reason="registry empty")
def test_parse_validates_codes():
    family = ALL_RULES[0].family
    assert Selection.parse(f"{family.lower()}, ").select == (family,)
    with pytest.raises(UsageError):
        Selection.parse("QQQ")
    with pytest.raises(UsageError):
        Selection.parse(None, None, ["TYPO=loud"])


def test_severity_order_and_parse():
    assert Severity.NEUTRAL < Severity.MINOR < Severity.MAJOR < Severity.CRITICAL
    assert Severity.parse(" Major ") is Severity.MAJOR
    with pytest.raises(ValueError):
        Severity.parse("blocker")


def test_line_col_with_crlf_and_findings_sort():
    doc = Document("x.txt", "ab\r\ncd\n\nef", "fr")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(4) == (2, 1)  # 'c' after CRLF
    assert doc.line_col(8) == (4, 1)
    span = doc.span(4, 6)
    assert (span.text, span.line, span.column) == ("cd", 2, 1)
    a = Finding("B001", "b", "c", Severity.MINOR, "m", None, Span("f", 5, 6, 1, 6, "x"))
    b = Finding("A001", "a", "c", Severity.MINOR, "m", None, Span("f", 5, 6, 1, 6, "x"))
    c = Finding("A001", "a", "c", Severity.MINOR, "m", None, Span("f", 1, 2, 1, 2, "x"))
    assert sorted([a, b, c], key=Finding.sort_key) == [c, b, a]


def test_doc_sections_and_examples_parse_escapes():
    doc = """Summary line.

## What it does
Does.
## Example
```text
glossary: chat,cat
source (fr): Le chat\\u00a0!
bad (en): The dog\\nbarks.
good (en): The cat.
```
## Options
None.
"""
    sections = doc_sections(doc)
    assert sections["summary"] == "Summary line." and sections["What it does"] == "Does."
    (ex,) = parse_examples(sections["Example"])
    assert ex.source == "Le chat\u00a0!" and ex.src_lang == "fr" and ex.tgt_lang == "en"
    assert ex.bad == ("The dog\nbarks.",) and ex.good == ("The cat.",) and ex.glossary == ("chat,cat",)


def test_one_finding_per_span_keeps_the_most_severe():
    from toolkit.api import article_from_strings
    from toolkit.engine import run_rules
    from toolkit.rules.base import Hit, rule

    def make(rule_id, severity):
        @rule(id=rule_id, name=f"r-{rule_id.lower()}", category="Accuracy/Mistranslation", severity=severity)
        def check(ctx):
            """X."""
            yield Hit(0, 4, rule_id)
        return check

    a, b, c = make("AAA001", "minor"), make("BBB001", "major"), make("CCC001", "major")
    article = article_from_strings("Pomme rouge.")
    (only,) = run_rules(article, rules=[a, b, c])
    assert only.rule_id == "BBB001"
