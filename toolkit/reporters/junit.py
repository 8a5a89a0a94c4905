"""JUnit XML: one test suite per article, one test case per rule; a case fails when the
rule has findings at or above ``--fail-on`` (lower findings are listed as system-out).
A document that could not be read is a suite with one test case in ``<error>``."""
from __future__ import annotations

from xml.etree import ElementTree as ET

from ..model import AuditResult, Finding


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
        suite.set("tests", str(len(ALL_RULES)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        total += len(ALL_RULES)
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
