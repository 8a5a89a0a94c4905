"""mtqa as a CI gate: configuration files, baselines, suppressions, --fail-under, GitHub
annotations. Every article here is invented (gardening, in English and French)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.baseline import article_fingerprints
from toolkit.reporters.github import annotation, escape_data, escape_property
from clirun import run

SOURCE = "The garden has 12 roses.\n\nThe gardener uses a rake every day.\n"
GOOD = "Le jardin a 12 roses.\n\nLe jardinier utilise un râteau chaque jour.\n"
# NUM002 (major) on line 1, TERM001 (minor) on line 3, TYPO001 (minor) on line 3
BAD = "Le jardin a 15 roses.\n\nLe jardinier utilise une fourche chaque jour !\n"
GLOSSARY = "source,target,forbidden,case_sensitive,note\nrake,râteau,fourche,false,tool\n"


def make_article(root: Path, mt: str = BAD, name: str = "garden", source: str = SOURCE) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "source.en.txt").write_text(source, encoding="utf-8")
    (folder / "mt.fr.txt").write_text(mt, encoding="utf-8")
    (folder / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    return folder




def rules_in(out: str) -> list[str]:
    return [f["rule_id"] for f in json.loads(out)["findings"]]


# -- configuration ----------------------------------------------------------------------

def test_pyproject_config_selects_rules_and_threshold(tmp_path, capsys, monkeypatch):
    make_article(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.mtqa]\nselect = ["TERM"]\nfail-on = "critical"\nformat = "json"\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["audit", "garden"], capsys)
    assert code == 0 and rules_in(out) == ["TERM001"]
    # the command line overrides the file
    code, out, _ = run(["audit", "garden", "--select", "NUM,TERM", "--fail-on", "major"], capsys)
    assert code == 1 and sorted(rules_in(out)) == ["NUM002", "TERM001"]
    # --isolated ignores it
    code, out, _ = run(["audit", "garden", "--isolated", "-f", "json"], capsys)
    assert code == 1 and "TYPO001" in rules_in(out)


def test_mtqa_toml_found_walking_up(tmp_path, capsys, monkeypatch):
    make_article(tmp_path / "batch")
    (tmp_path / "mtqa.toml").write_text('ignore = "NUM,TYPO"\nseverity = { TERM = "critical" }\n'
                                        'format = "json"\nfail-on = "critical"\n', encoding="utf-8")
    sub = tmp_path / "batch" / "garden"
    monkeypatch.chdir(sub)
    code, out, _ = run(["audit", "."], capsys)
    data = json.loads(out)
    assert code == 1 and [(f["rule_id"], f["severity"]) for f in data["findings"]] == [("TERM001", "critical")]


@pytest.mark.parametrize("body, expect", [
    ('selct = ["TERM"]\n', "unknown key 'selct'"),
    ('jobs = "many"\n', "jobs must be"),
    ('format = "pdf"\n', "format must be one of"),
    ('fail-under = "high"\n', "fail-under must be a number"),
    ('select = [\n', "invalid TOML"),
])
def test_bad_config_is_exit_2_naming_file_and_key(tmp_path, capsys, monkeypatch, body, expect):
    make_article(tmp_path)
    (tmp_path / "mtqa.toml").write_text(body, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(["audit", "garden"], capsys)
    assert code == 2 and out == ""
    assert err.startswith("mtqa: error:") and "mtqa.toml" in err and expect in err and "Traceback" not in err


def test_pyproject_without_tool_mtqa_is_skipped(tmp_path, capsys, monkeypatch):
    make_article(tmp_path / "proj")
    (tmp_path / "mtqa.toml").write_text('select = ["NUM"]\nformat = "json"\n', encoding="utf-8")
    (tmp_path / "proj" / "pyproject.toml").write_text('[project]\nname = "y"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "proj")
    code, out, _ = run(["audit", "garden", "--no-exit"], capsys)
    assert code == 0 and rules_in(out) == ["NUM002"]


# -- baseline ---------------------------------------------------------------------------

def test_baseline_reports_only_new_findings(tmp_path, capsys):
    folder = make_article(tmp_path)
    base = tmp_path / "baseline.json"
    code, _, err = run(["audit", str(folder), "--write-baseline", str(base), "-q"], capsys)
    assert code == 0 and "wrote baseline" in err
    assert {e["rule_id"] for e in json.loads(base.read_text("utf-8"))["findings"]} == {"NUM002", "TERM001", "TYPO001"}
    code, out, _ = run(["audit", str(folder), "--baseline", str(base), "-f", "json"], capsys)
    assert code == 0 and rules_in(out) == []
    assert json.loads(out)["scores"]["filtered"]["baseline"] == 3
    # an edit elsewhere (a new first paragraph, lines shift by 2) keeps the old findings known
    (folder / "source.en.txt").write_text("Spring is here.\n\n" + SOURCE, encoding="utf-8")
    (folder / "mt.fr.txt").write_text("Le printemps est là.\n\n" + BAD, encoding="utf-8")
    code, out, _ = run(["audit", str(folder), "--baseline", str(base), "-f", "json"], capsys)
    assert code == 0 and rules_in(out) == []
    # one wrong sentence appended: only its finding is reported, and it fails
    (folder / "source.en.txt").write_text("Spring is here.\n\n" + SOURCE + "\nThe shed holds 7 tools.\n",
                                          encoding="utf-8")
    (folder / "mt.fr.txt").write_text("Le printemps est là.\n\n" + BAD + "\nLa cabane contient 9 outils.\n",
                                      encoding="utf-8")
    code, out, _ = run(["audit", str(folder), "--baseline", str(base), "-f", "json"], capsys)
    findings = json.loads(out)["findings"]
    assert code == 1 and [(f["rule_id"], f["target"]["text"]) for f in findings] == [("NUM002", "9")]
    code, out, _ = run(["audit", str(folder), "--baseline", str(base), "-f", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1 and [(r["ruleId"], r["baselineState"]) for r in results] == [("NUM002", "new")]
    assert results[0]["partialFingerprints"]["mtqa/v1"] == findings[0]["fingerprint"]


def test_duplicated_sentence_gets_its_own_fingerprint(tmp_path, capsys):
    from toolkit import api

    folder = make_article(tmp_path, mt=BAD + "\nLe jardinier utilise une fourche chaque jour !\n",
                          source=SOURCE + "\nThe gardener uses a rake every day.\n")
    result = api.audit([folder])
    terms = [fp for f, fp in zip(result.articles[0].findings, article_fingerprints(result.articles[0]))
             if f.rule_id == "TERM001"]
    assert len(terms) == 2 and len(set(terms)) == 2


def test_bad_baseline_is_exit_2(tmp_path, capsys):
    folder = make_article(tmp_path)
    bad = tmp_path / "b.json"
    bad.write_text('{"findings": []}', encoding="utf-8")
    code, _, err = run(["audit", str(folder), "--baseline", str(bad)], capsys)
    assert code == 2 and "not an mtqa baseline" in err
    code, _, err = run(["audit", str(folder), "--baseline", str(tmp_path / "none.json")], capsys)
    assert code == 2 and "no such baseline file" in err


# -- suppressions and reviewer notes ---------------------------------------------------

def test_suppression_file_drops_one_finding_with_a_reason(tmp_path, capsys):
    folder = make_article(tmp_path)
    code, out, _ = run(["audit", str(folder), "-f", "json"], capsys)
    term = next(f for f in json.loads(out)["findings"] if f["rule_id"] == "TERM001")
    supp = tmp_path / "suppressions.toml"
    supp.write_text(f'[[suppress]]\nfingerprint = "{term["fingerprint"]}"\nreason = "client asked for it"\n\n'
                    '[[suppress]]\nrule = "TYPO001"\ntext = " !"\nreason = "house style"\n', encoding="utf-8")
    code, out, _ = run(["audit", str(folder), "-f", "json", "--suppressions", str(supp)], capsys)
    data = json.loads(out)
    assert rules_in(out) == ["NUM002"] and code == 1
    assert data["scores"]["filtered"]["suppressed"] == 2
    supp.write_text('[[suppress]]\nfingerprint = "abc"\n', encoding="utf-8")
    code, _, err = run(["audit", str(folder), "--suppressions", str(supp)], capsys)
    assert code == 2 and "reason" in err


XLIFF = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="garden.txt" source-language="en" target-language="fr" datatype="plaintext">
    <body>
      <trans-unit id="u1">
        <source>The garden has 12 roses.</source>
        <target>Le jardin a 15 roses.</target>
        {note}
      </trans-unit>
      <trans-unit id="u2">
        <source>The shed holds 7 tools.</source>
        <target>La cabane contient 9 outils.</target>
      </trans-unit>
    </body>
  </file>
</xliff>
"""


def test_reviewer_note_in_xliff_accepts_that_units_finding(tmp_path, capsys):
    plain = tmp_path / "plain.xlf"
    plain.write_text(XLIFF.format(note=""), encoding="utf-8")
    code, out, _ = run(["audit", str(plain), "-f", "json", "--select", "NUM"], capsys)
    assert code == 1 and rules_in(out) == ["NUM002", "NUM002"]
    noted = tmp_path / "noted.xlf"
    noted.write_text(XLIFF.format(note="<note>mtqa: accept NUM002 - the count changed upstream</note>"),
                     encoding="utf-8")
    code, out, _ = run(["audit", str(noted), "-f", "json", "--select", "NUM"], capsys)
    data = json.loads(out)
    assert code == 1 and [f["target"]["text"] for f in data["findings"]] == ["9"]
    assert data["scores"]["filtered"]["accepted_in_file"] == 1


# -- --fail-under ---------------------------------------------------------------------------

def test_fail_under_gates_on_quality(tmp_path, capsys):
    folder = make_article(tmp_path, mt="Le jardin a 12 roses.\n\nLe jardinier utilise une fourche chaque jour.\n")
    code, out, _ = run(["audit", str(folder), "-f", "json"], capsys)
    quality = json.loads(out)["scores"]["mqm"]["quality"]
    assert code == 0 and quality < 100  # one minor finding: passes --fail-on major
    code, out, _ = run(["audit", str(folder), "-f", "json", "--fail-under", str(quality + 1)], capsys)
    data = json.loads(out)
    assert code == 1 and data["below_quality"] == ["garden", "batch"] and data["failed"] is True
    code, _, _ = run(["audit", str(folder), "--fail-under", str(quality - 1)], capsys)
    assert code == 0
    code, out, _ = run(["audit", str(folder), "--no-color", "--fail-under", str(quality + 1)], capsys)
    assert code == 1 and "quality gate: garden is below" in out
    code, _, err = run(["audit", str(folder), "--fail-under", "150"], capsys)
    assert code == 2 and "at most 100" in err


def test_fail_on_error_lists_only_usable_levels(tmp_path, capsys):
    folder = make_article(tmp_path)
    code, _, err = run(["audit", str(folder), "--fail-on", "fatal"], capsys)
    assert code == 2 and "minor, major, critical" in err and "neutral" not in err


# -- GitHub annotations -------------------------------------------------------------------

def test_github_format_one_annotation_per_finding(tmp_path, capsys):
    folder = make_article(tmp_path)
    code, out, _ = run(["audit", str(folder), "-f", "json"], capsys)
    findings = json.loads(out)["findings"]
    code, out, _ = run(["audit", str(folder), "-f", "github"], capsys)
    lines = [line for line in out.splitlines() if line.startswith("::")]
    assert code == 1 and len(lines) == len(findings) == 3
    by_rule = {f["rule_id"]: f for f in findings}
    num = next(line for line in lines if "title=NUM002" in line)
    t = by_rule["NUM002"]["target"]
    assert num.startswith(f"::error file={t['file']},line={t['line']},col={t['column']},"
                          f"endColumn={t['column'] + len(t['text'])},title=NUM002 number-mismatch::")
    assert sum(line.startswith("::warning ") for line in lines) == 2  # the minor ones


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    from toolkit.model import Document, Finding, Severity

    doc = Document("dir,x/a:b.txt", "x, y: z\n", "fr")
    f = Finding("TYPO005", "bad-spacing", "Linguistic conventions/Punctuation", Severity.NEUTRAL,
                "space before ','\nsecond line", None, doc.span(1, 2))
    line = annotation(f)
    assert line.startswith("::notice file=dir%2Cx/a%3Ab.txt,line=1,col=2,endColumn=3,")
    assert "\n" not in line and "%0Asecond line" in line


def test_github_format_writes_the_job_summary(tmp_path, capsys, monkeypatch):
    folder = make_article(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(["audit", str(folder), "-f", "github"], capsys)
    assert code == 1 and out.startswith("::")
    page = summary.read_text(encoding="utf-8")
    assert page.startswith("# mtqa audit") and "## Articles, worst first" in page and "NUM002" in page


def test_baseline_counts_fixed_entries(tmp_path, capsys):
    folder = make_article(tmp_path)
    base = tmp_path / "baseline.json"
    run(["audit", str(folder), "--write-baseline", str(base)], capsys)
    (folder / "mt.fr.txt").write_text(BAD.replace("15", "12"), encoding="utf-8")
    code, out, _ = run(["audit", str(folder), "--baseline", str(base), "-f", "json"], capsys)
    assert code == 0 and json.loads(out)["scores"]["filtered"]["baseline_fixed"] == 1
    code, out, _ = run(["audit", str(folder), "--baseline", str(base), "--no-color"], capsys)
    assert "1 baseline entries were fixed since" in out
