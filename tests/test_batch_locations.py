"""Batches of bilingual files: one document per file (and per XLIFF <file>), findings at the
file's own line and column with the unit named, SARIF fixes that can be applied to the file,
unreadable documents reported without stopping the batch, exit codes independent of --debug."""
from __future__ import annotations

import html
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree as ET

import lxml.html
import pytest
from lxml import etree

from toolkit.api import find_articles
from toolkit.readers import read_document
from toolkit.readers.bilingual import read_bilingual
from clirun import run

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
BATCH = FIXTURES / "ferry_batch"




def audit_json(capsys, *paths, extra=()):
    code, out, err = run(["audit", *paths, "-f", "json", "--no-color", *extra], capsys)
    return code, json.loads(out), err


def flat(raw: str) -> str:
    """What a parser reads from a stretch of XML/HTML: tags dropped, entities decoded,
    white space collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>|<!\[CDATA\[|\]\]>", "", raw)).split())


# -- 1. every bilingual file of a batch is a document --------------------------------------

def test_batch_of_clean_po_and_bad_xliff_fails_with_two_documents(capsys):
    code, data, _ = audit_json(capsys, BATCH)
    assert code == 1
    assert [d["name"] for d in data["documents"]] == ["a_clean.po", "z_bad.xlf"]
    files = {Path(f["target"]["file"]).name for f in data["findings"]}
    assert files == {"z_bad.xlf"}
    assert any(f["severity"] == "major" for f in data["findings"])
    code, out, _ = run(["audit", BATCH, "--no-color"], capsys)
    assert code == 1 and "FAIL" in out and "2 article(s)" in out


def test_each_xliff_file_element_is_a_document(tmp_path, capsys):
    parts = find_articles([FIXTURES / "two_files.xlf"])
    assert [str(p) for p in parts] == [f"{FIXTURES / 'two_files.xlf'}#orchard.txt",
                                      f"{FIXTURES / 'two_files.xlf'}#vineyard.txt"]
    code, data, _ = audit_json(capsys, FIXTURES / "two_files.xlf")
    assert code == 0
    assert [(d["name"], d["target"]["lang"], d["target"]["segments"]) for d in data["documents"]] == [
        ("two_files.xlf#orchard.txt", "fr", 1), ("two_files.xlf#vineyard.txt", "it", 1)]
    # in a batch folder too, next to an article folder
    shutil.copy(FIXTURES / "two_files.xlf", tmp_path / "two_files.xlf")
    art = tmp_path / "art"
    art.mkdir()
    (art / "mt.fr.txt").write_text("Le quai est fermé.\n", encoding="utf-8")
    assert len(find_articles([tmp_path])) == 3


def test_csv_in_a_batch_folder_is_a_document_only_with_source_and_target_columns(tmp_path):
    shutil.copy(FIXTURES / "trains.csv", tmp_path / "trains.csv")
    (tmp_path / "prices.csv").write_text("item,price\nbread,2\n", encoding="utf-8")
    (tmp_path / "glossary.csv").write_text("source,target\nquai,platform\n", encoding="utf-8")
    assert find_articles([tmp_path]) == [tmp_path / "trains.csv"]


# -- 2. findings at the file's own line and column, with the unit named ----------------------

def test_xliff_findings_are_on_the_lines_of_their_targets(capsys):
    raw = (BATCH / "z_bad.xlf").read_text(encoding="utf-8")
    code, data, _ = audit_json(capsys, BATCH / "z_bad.xlf")
    findings = data["findings"]
    assert {f["target"]["line"] for f in findings} <= {7, 11, 16, 17}
    assert {f["target"]["unit"] for f in findings} == {"trans-unit f1", "trans-unit f2", "trans-unit f3"}
    lines = raw.splitlines()
    for f in findings:
        t = f["target"]
        assert flat(raw[t["start"]:t["end"]]) == " ".join(t["text"].split())
        line_start = sum(len(line) + 1 for line in lines[:t["line"] - 1])
        assert line_start + t["column"] - 1 == t["start"]  # line/column and offset agree
        unit_line = {"trans-unit f1": 7, "trans-unit f2": 11, "trans-unit f3": 16}[t["unit"]]
        assert t["line"] in (unit_line, unit_line + 1)
    assert any(f["target"]["line"] == 17 for f in findings)  # the second line of a multi-line target
    num = next(f for f in findings if f["rule_id"].startswith("NUM"))
    assert (num["source"]["line"], raw[num["source"]["start"]:num["source"]["end"]]) == (6, "7")


def test_unit_is_named_in_text_sarif_and_junit(capsys):
    _, out, _ = run(["audit", BATCH / "z_bad.xlf", "--no-color"], capsys)
    assert re.search(r"7:\d+ trans-unit f1", out) and re.search(r"17:\d+ trans-unit f3", out)
    _, out, _ = run(["audit", BATCH / "z_bad.xlf", "-f", "sarif"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    names = {r["locations"][0]["logicalLocations"][0]["name"] for r in results}
    assert names == {"trans-unit f1", "trans-unit f2", "trans-unit f3"}
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results} <= {7, 11, 16, 17}
    _, out, _ = run(["audit", BATCH / "z_bad.xlf", "-f", "junit"], capsys)
    assert re.search(r"z_bad\.xlf:11:\d+ \[trans-unit f2\]: minor", out)


@pytest.mark.parametrize("name, unit, line, raw_text", [
    ("library.po", 'msgid "Renew this book"', 10, "Renovar este livro"),
    ("weather.tmx", "tu w1", 9, "Giovedì è prevista pioggia leggera."),
    ("trains.csv", "row 2", 2, "Le train part du quai 4."),
    ("recipes.xliff", "unit u2", 14, "Hornee la masa 15 minutos a 180 °C."),
])
def test_other_formats_locate_units_in_the_file(name, unit, line, raw_text):
    _, tgt = read_bilingual(FIXTURES / name)
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    seg = next(s for s in tgt.segments if s.text == raw_text)
    span = tgt.span(seg.start, seg.end)
    assert (span.unit, span.line, raw[span.start:span.end]) == (unit, line, raw_text)


def test_po_escapes_and_continuation_lines_map_to_the_file(tmp_path):
    po = tmp_path / "quay.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgctxt "sign"\nmsgid "Say \\"stop\\"\\n'
                  'now"\nmsgstr ""\n"Dites \\"stop\\"\\n"\n"maintenant"\n', encoding="utf-8")
    raw = po.read_text(encoding="utf-8")
    _, tgt = read_bilingual(po)
    text = tgt.segments[0].text
    assert text == 'Dites "stop"\nmaintenant'
    i = text.index("maintenant")
    span = tgt.span(i, i + len("maintenant"))
    assert (span.line, span.column, raw[span.start:span.end]) == (9, 2, "maintenant")
    assert span.unit == 'msgctxt "sign" msgid "Say "stop"\nnow"'
    q = tgt.span(text.index('"'), text.index('"') + 1)
    assert raw[q.start:q.end] == '\\"' and q.file_text('«') == "«" and q.file_text('"') == '\\"'


def test_csv_quoted_cells_map_past_their_quotes():
    src, _ = read_bilingual(FIXTURES / "trains.csv")
    raw = (FIXTURES / "trains.csv").read_text(encoding="utf-8")
    seg = src.segments[1]
    span = src.span(seg.start, seg.end)
    assert raw[span.start - 1:span.end + 1] == '"Tickets, passes and refunds"'
    assert span.file_text('a "b"') == 'a ""b""'


def test_entities_inline_tags_and_cdata(tmp_path):
    xlf = tmp_path / "tags.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="x" source-language="en" '
        'target-language="fr" datatype="plaintext"><body>\n<trans-unit id="k">\n'
        '<source>Press <g id="1">Stop</g> &amp; wait.</source>\n'
        '<target>Appuyez sur <g id="1">Arrêt</g> &amp; attendez&#160;!<![CDATA[ <ok> ]]></target>\n'
        '</trans-unit>\n</body></file></xliff>\n', encoding="utf-8")
    raw = xlf.read_text(encoding="utf-8")
    _, tgt = read_bilingual(xlf)
    text = tgt.segments[0].text
    amp = tgt.span(text.index("&"), text.index("&") + 1)
    assert raw[amp.start:amp.end] == "&amp;" and amp.file_text("<") == "&lt;"
    word = tgt.span(text.index("Arrêt"), text.index("Arrêt") + 5)
    assert raw[word.start:word.end] == "Arrêt" and word.line == 6 and word.escape == "xml"
    across = tgt.span(text.index("sur"), text.index("Arrêt") + 5)  # over <g id="1">
    assert across.escape is None and across.file_text("x") is None
    nbsp = tgt.span(text.index("\xa0"), text.index("\xa0") + 1)
    assert raw[nbsp.start:nbsp.end] == "&#160;"
    ok = tgt.span(text.index("<ok>"), text.index("<ok>") + 4)
    assert raw[ok.start:ok.end] == "<ok>" and ok.escape is None  # inside CDATA: no fix


def test_html_findings_point_into_the_page():
    page = FIXTURES / "lighthouse" / "mt.fr.html"
    raw = page.read_text(encoding="utf-8")
    doc = read_document(page)
    text = doc.text
    km = text.index("40\xa0km")
    span = doc.span(km, km + 5)
    assert raw[span.start:span.end] == "40&nbsp;km" and span.line == 9
    assert flat(raw[doc.span(0, len(text)).start:doc.span(0, len(text)).end]).startswith("Le phare de la pointe")
    br = text.index("\nLes marins")
    assert doc.span(br, br + 1).escape is None  # the line break is a <br> tag


# -- 3. SARIF fixes applied to the real file --------------------------------------------------

def apply_fixes(path: Path, sarif: dict) -> tuple[str, set[int]]:
    raw = path.read_text(encoding="utf-8")
    edits, fixed = [], set()
    for n, result in enumerate(sarif["runs"][0]["results"]):
        for fix in result.get("fixes", ()):
            for change in fix["artifactChanges"]:
                for rep in change["replacements"]:
                    region = rep["deletedRegion"]
                    edits.append((region["charOffset"], region["charLength"], rep["insertedContent"]["text"]))
                    fixed.add(n)
    for start, length, text in sorted(edits, reverse=True):
        raw = raw[:start] + text + raw[start + length:]
    return raw, fixed


def findings_of(sarif: dict, keep=lambda n: True) -> Counter:
    return Counter((r["ruleId"], r["message"]["text"]) for n, r in enumerate(sarif["runs"][0]["results"])
                   if keep(n))


@pytest.mark.parametrize("source, name", [(BATCH / "z_bad.xlf", "z_bad.xlf"),
                                          (FIXTURES / "lighthouse", "mt.fr.html")])
def test_applying_every_sarif_fix_keeps_the_file_well_formed_and_removes_those_findings(
        tmp_path, capsys, source, name):
    if source.is_dir():
        shutil.copytree(source, tmp_path / "art")
        target, path = tmp_path / "art", tmp_path / "art" / name
    else:
        shutil.copy(source, tmp_path / name)
        target = path = tmp_path / name
    _, out, _ = run(["audit", target, "-f", "sarif"], capsys)
    before = json.loads(out)
    fixed_text, fixed = apply_fixes(path, before)
    assert len(fixed) >= 4  # the fixture has typography errors with exact fixes
    if name.endswith(".xlf"):
        original = etree.fromstring(path.read_bytes())
        after_tree = etree.fromstring(fixed_text.encode("utf-8"))  # well-formed
        assert [e.tag for e in after_tree.iter()] == [e.tag for e in original.iter()]
    else:
        original = lxml.html.document_fromstring(path.read_text(encoding="utf-8"))
        after_tree = lxml.html.document_fromstring(fixed_text)
        assert [e.tag for e in after_tree.iter()] == [e.tag for e in original.iter()]
    path.write_text(fixed_text, encoding="utf-8")
    _, out, _ = run(["audit", target, "-f", "sarif"], capsys)
    after = json.loads(out)
    assert findings_of(after) == findings_of(before, lambda n: n not in fixed)


def test_fix_next_to_an_inline_tag_keeps_the_xliff_well_formed(tmp_path, capsys):
    xlf = tmp_path / "quotes.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="x" source-language="en" '
        'target-language="fr" datatype="plaintext"><body>\n<trans-unit id="q">\n'
        '<source>Read "Tides".</source>\n<target>Lisez <g id="1">"</g>Marées".</target>\n'
        '</trans-unit>\n</body></file></xliff>\n', encoding="utf-8")
    _, out, _ = run(["audit", xlf, "-f", "sarif", "--select", "TYPO003"], capsys)
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 2
    raw = xlf.read_text(encoding="utf-8")
    for r in results:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert raw[region["charOffset"]:region["charOffset"] + region["charLength"]] == '"'
        assert "fixes" in r  # a lone quote inside or next to a tag is still plain text
    fixed_text, _ = apply_fixes(xlf, json.loads(out))
    etree.fromstring(fixed_text.encode("utf-8"))


def test_a_fix_over_markup_is_dropped_not_emitted(tmp_path, capsys, monkeypatch):
    from toolkit import engine
    from toolkit.rules.base import Hit, rule

    @rule(id="ZZZ902", name="test-span-over-tag", category="Accuracy/Mistranslation", severity="minor",
          literal_fix=True)
    def over_tag(ctx):
        """Flags 'sur Arrêt' (test rule).

        ## What it does
        Test only.
        """
        text = ctx.target.text
        for word in ("sur Arrêt", "attendez"):
            i = text.find(word)
            if i >= 0:
                yield Hit(i, i + len(word), word, "x & y")

    monkeypatch.setattr(engine, "ALL_RULES", (over_tag,))
    monkeypatch.setattr(engine, "RULES_BY_ID", {over_tag.id: over_tag})
    xlf = tmp_path / "stop.xlf"
    xlf.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
        'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file original="x" source-language="en" '
        'target-language="fr" datatype="plaintext"><body>\n<trans-unit id="k">\n'
        '<source>Press <g id="1">Stop</g> and wait.</source>\n'
        '<target>Appuyez sur <g id="1">Arrêt</g> et attendez.</target>\n'
        '</trans-unit>\n</body></file></xliff>\n', encoding="utf-8")
    _, out, _ = run(["audit", xlf, "-f", "sarif"], capsys)
    results = {r["message"]["text"].split(" Fix:")[0]: r for r in json.loads(out)["runs"][0]["results"]}
    assert "fixes" not in results["sur Arrêt"]  # the span crosses <g id="1">
    fix = results["attendez"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "x &amp; y"  # escaped for XML
    _, out, _ = run(["audit", xlf, "-f", "json"], capsys)
    replacements = {f["message"]: f["replacement"] for f in json.loads(out)["findings"]}
    assert replacements == {"sur Arrêt": None, "attendez": "x &amp; y"}


# -- 4. an unreadable document does not stop the batch ---------------------------------------

@pytest.fixture
def batch_with_latin1(tmp_path):
    shutil.copy(BATCH / "z_bad.xlf", tmp_path / "z_bad.xlf")
    (tmp_path / "m_legacy.po").write_bytes(
        'msgid "Harbour"\nmsgstr "Quai numéro 3 à gauche"\n'.encode("latin-1"))
    return tmp_path


def test_unreadable_file_is_an_error_entry_in_every_format(batch_with_latin1, tmp_path, capsys):
    outputs = {}
    for fmt in ("json", "sarif", "junit", "text", "github"):
        report = tmp_path / f"report.{fmt}"
        code, out, err = run(["audit", batch_with_latin1, "-f", fmt, "-o", report, "--no-color"], capsys)
        assert code == 2, err
        assert "m_legacy.po" in err and "UTF-8" in err and "Traceback" not in err
        outputs[fmt] = report.read_text(encoding="utf-8")
    data = json.loads(outputs["json"])
    assert [d["name"] for d in data["documents"]] == ["z_bad.xlf"] and data["findings"]
    assert len(data["errors"]) == 1 and data["errors"][0]["file"].endswith("m_legacy.po")
    run_ = json.loads(outputs["sarif"])["runs"][0]
    notes = run_["invocations"][0]["toolExecutionNotifications"]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert len(notes) == 1 and "UTF-8" in notes[0]["message"]["text"] and run_["results"]
    junit = ET.fromstring(outputs["junit"])
    errors = junit.findall(".//testcase/error")
    assert len(errors) == 1 and "m_legacy.po" in errors[0].get("message") and junit.get("errors") == "1"
    assert re.search(r"ERROR .*m_legacy\.po[:\d]*: .*UTF-8", outputs["text"]) and "z_bad.xlf" in outputs["text"]
    assert re.search(r"^::error file=.*m_legacy\.po,title=mtqa input error::.*UTF-8", outputs["github"], re.M)
    import jsonschema

    root = Path(__file__).parent.parent
    jsonschema.validate(data, json.loads((root / "toolkit" / "data" / "report.schema.json").read_text("utf-8")))
    jsonschema.validate(json.loads(outputs["sarif"]),
                        json.loads((FIXTURES.parent / "sarif-subset.schema.json").read_text("utf-8")))


def test_batch_where_nothing_can_be_read_writes_no_report(tmp_path, capsys):
    (tmp_path / "bad.po").write_bytes('msgid "a"\nmsgstr "é"\n'.encode("latin-1"))
    report = tmp_path / "out.json"
    code, _, err = run(["audit", tmp_path, "-f", "json", "-o", report], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and not report.exists()


# -- 5. exit codes do not depend on --debug ---------------------------------------------------

@pytest.mark.parametrize("argv", [
    ["audit", "{missing}", "--debug"],
    ["--debug", "audit", "{missing}"],
    ["glossary", "report", "{missing}", "--debug"],
])
def test_debug_prints_the_traceback_and_keeps_exit_2(tmp_path, capsys, argv):
    argv = [a.replace("{missing}", str(tmp_path / "missing")) for a in argv]
    code, _, err = run(argv, capsys)
    assert code == 2 and "Traceback" in err and "no such file" in err
    code, _, err = run([a for a in argv if a != "--debug"], capsys)
    assert code == 2 and "Traceback" not in err


def test_debug_with_an_unreadable_document_in_a_batch_still_exits_2(batch_with_latin1, capsys):
    code, _, _ = run(["audit", batch_with_latin1, "--debug", "-f", "json"], capsys)
    assert code == 2
