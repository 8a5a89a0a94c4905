"""JUnit XML: one test suite per article, one test case per rule; a case fails when the
rule has findings at or above ``--fail-on`` (lower findings are listed as system-out).
A document that could not be read is a suite with one test case in ``<error>``."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import AuditResult, Finding
from .triage import article_row


def _line(f: Finding) -> str:
    t = f.target
    if t is None:
        return f"{f.severity.label}: {f.message}"
    unit = f" [{t.unit}]" if t.unit else ""
    return f"{t.file}:{t.line}:{t.column}{unit}: {f.severity.label}: {f.message}"


def render(result: AuditResult, **_: object) -> str:
    from ..engine import ALL_RULES  # the rules the engine runs

    suites = ET.Element("testsuites", name="mtqa")
    total_fail = total = 0
    for art in result.articles:
        suite = ET.SubElement(suites, "testsuite", name=art.article.name)
        _properties(suite, art)
        failures = 0
        for r in ALL_RULES:
            own = [f for f in art.findings if f.rule_id == r.id]
            case = ET.SubElement(suite, "testcase", classname=f"mtqa.{art.article.name}",
                                 name=f"{r.id} {r.name}")
            failing = [f for f in own if f.severity >= result.fail_on and f.severity.value > 0]
            lines = [_line(f) for f in own]
            if failing:
                failures += 1
                fail = ET.SubElement(case, "failure", type=r.category,
                                     message=f"{len(failing)} finding(s) at or above {result.fail_on.label}")
                fail.text = "\n".join(lines)
            elif lines:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
        tests = len(ALL_RULES)
        if result.fail_under is not None:  # the quality gate is a test case of its own
            tests += 1
            quality = (art.scores.get("mqm") or {}).get("quality")
            case = ET.SubElement(suite, "testcase", classname=f"mtqa.{art.article.name}",
                                 name="MQM quality gate")
            if quality is not None and quality < result.fail_under:
                failures += 1
                ET.SubElement(case, "failure", type="quality",
                              message=f"MQM quality {quality:.1f} is below --fail-under {result.fail_under:g}")
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total += tests
        total_fail += failures
    for error in result.errors:
        suite = ET.SubElement(suites, "testsuite", name=error.path, tests="1", failures="0", errors="1")
        case = ET.SubElement(suite, "testcase", classname="mtqa.input", name=f"read {error.path}")
        ET.SubElement(case, "error", type="InputError", message=error.message).text = error.message
        total += 1
    suites.set("tests", str(total))
    suites.set("failures", str(total_fail))
    suites.set("errors", str(len(result.errors)))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _properties(suite: ET.Element, art) -> None:
    """Per-article scores as JUnit properties (CI systems show them beside the suite)."""
    row = article_row(art)
    props = ET.SubElement(suite, "properties")
    values = {"mqm.quality": row["quality"], "mqm.penalty": row["penalty"], "mqm.threshold": row["threshold"],
              "mqm.pass": row["pass"], "words": row["words"], "findings": row["findings"],
              **{f"findings.{k}": v for k, v in row["by_severity"].items()},
              "terms.adherence": row["term_adherence"], "terms.consistency": row["term_consistency"],
              "source_lang": row["source_lang"], "target_lang": row["target_lang"], "glossary": row["glossary"]}
    for name, metric in (row["reference"] or {}).items():
        values[f"reference.{name}"] = metric["score"]
        values[f"reference.{name}.signature"] = metric["signature"]
    for name, value in values.items():
        if value is not None:
            text = str(value).lower() if isinstance(value, bool) else str(value)
            ET.SubElement(props, "property", name=name, value=text)
