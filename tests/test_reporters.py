"""Every reporter renders the same result faithfully: JSON contract, SARIF 2.1.0, JUnit, HTML."""
import json
from xml.etree import ElementTree as ET

import jsonschema

from toolkit.model import Article, ArticleResult, AuditResult, Document, Finding, Severity
from toolkit.reporters import FORMATS, render

TEXT = "Le <b>match</b> a commencé à 20 h.\n\nIl a dit : « Go »\n"


def result(fail_on=Severity.MAJOR) -> AuditResult:
    doc = Document("art/mt.fr.txt", TEXT, "fr")
    f1 = Finding("MARK002", "html-tag", "Design and markup/Markup", Severity.MINOR, "HTML tag <b> in text",
                 "", doc.span(3, 6))
    f2 = Finding("LANG001", "wrong-language", "Accuracy/Mistranslation", Severity.MAJOR, "English « Go »",
                 "Allez", doc.span(TEXT.index("Go"), TEXT.index("Go") + 2), replacement="Allez")
    art = Article("art", doc)
    scores = {"mqm": {"words": 10, "words_from": "target", "penalty_points": 6, "penalty": 600.0,
                      "quality": -500.0, "threshold": 90.0, "pass": False,
                      "by_severity": {"neutral": 0, "minor": 1, "major": 1, "critical": 0}, "by_category": {}}}
    return AuditResult((ArticleResult(art, (f1, f2), scores),), scores, "mtqa:test", fail_on)


# A subset of the SARIF 2.1.0 schema (OASIS): what code-scanning services require.
SARIF_SUBSET = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["tool", "results"],
            "properties": {
                "tool": {"type": "object", "required": ["driver"], "properties": {"driver": {
                    "type": "object", "required": ["name"], "properties": {"rules": {"type": "array", "items": {
                        "type": "object", "required": ["id"],
                        "properties": {"defaultConfiguration": {"type": "object", "properties": {
                            "level": {"enum": ["none", "note", "warning", "error"]}}}}}}}}}},
                "results": {"type": "array", "items": {
                    "type": "object", "required": ["message"],
                    "properties": {
                        "level": {"enum": ["none", "note", "warning", "error"]},
                        "message": {"type": "object", "required": ["text"]},
                        "ruleIndex": {"type": "integer", "minimum": -1},
                        "locations": {"type": "array", "items": {"type": "object", "properties": {
                            "physicalLocation": {"type": "object", "properties": {
                                "region": {"type": "object", "properties": {
                                    "startLine": {"type": "integer", "minimum": 1},
                                    "startColumn": {"type": "integer", "minimum": 1},
                                    "endLine": {"type": "integer", "minimum": 1},
                                    "endColumn": {"type": "integer", "minimum": 1},
                                    "charOffset": {"type": "integer", "minimum": 0},
                                    "charLength": {"type": "integer", "minimum": 0}}}}}}}}}}},
            }}},
    },
}


def test_every_format_renders():
    for name in FORMATS:
        out = render(result(), name)
        assert isinstance(out, str) and out.endswith("\n"), name


def test_json_keeps_offsets():
    data = json.loads(render(result(), "json"))
    assert data["schema_version"] == "1.2" and data["failed"] is True
    for f in data["findings"]:
        assert TEXT[f["target"]["start"]:f["target"]["end"]] == f["target"]["text"]


def test_sarif_is_valid_and_locates_findings():
    data = json.loads(render(result(), "sarif"))
    jsonschema.validate(data, SARIF_SUBSET)
    run = data["runs"][0]
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels == {"MARK002": "warning", "LANG001": "error"}
    region = run["results"][1]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, TEXT.split("\n")[2].index("Go") + 1)
    assert region["endColumn"] - region["startColumn"] == 2
    assert "fixes" not in run["results"][0]  # advice, not a literal replacement
    assert run["results"][1]["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Allez"


def test_junit_fails_only_at_threshold():
    root = ET.fromstring(render(result(), "junit").split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite.get("name") == "art"
    root_minor = ET.fromstring(render(result(Severity.CRITICAL), "junit").split("\n", 1)[1])
    assert root_minor.get("failures") == "0"


def test_html_escapes_article_text():
    out = render(result(), "html")
    assert "<b>match</b>" not in out and "&lt;b&gt;" in out
    assert "http" not in out.split("<body>")[0]  # no external resources in the head


def test_text_report_shows_place_rule_and_fix():
    out = render(result(), "text", color=False, width=120)
    assert "LANG001" in out and "3:" in out and "fix: Allez" in out and "FAIL" in out
