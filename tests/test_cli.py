"""The command line: exit codes, one-line errors on bad input, outputs written atomically."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import engine
from toolkit.rules.base import Hit, rule
from clirun import run

SRC = "Le match commence à 20 heures.\n\nLes billets coûtent dix euros.\n"


@rule(id="ZZZ901", name="test-word-flag", category="Accuracy/Mistranslation", severity="major")
def _flag_banane(ctx):
    """Flags the word banane (test rule).

    ## What it does
    Test only.
    ## Why is this bad?
    Test only.
    ## Example
    ```text
    bad (fr): banane
    good (fr): pomme
    ```
    ## Options
    None.
    ## Known problems
    None.
    """
    text = ctx.target.text
    pos = text.find("banane")
    while pos != -1:
        yield Hit(pos, pos + 6, "the word banane", "pomme")
        pos = text.find("banane", pos + 1)


@pytest.fixture
def only_test_rule(monkeypatch):
    monkeypatch.setattr(engine, "ALL_RULES", (_flag_banane,))
    monkeypatch.setattr(engine, "RULES_BY_ID", {_flag_banane.id: _flag_banane})


def article(tmp_path: Path, mt: str, source: str | None = SRC, name: str = "art") -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "mt.fr.txt").write_text(mt, encoding="utf-8")
    if source is not None:
        (folder / "source.fr.txt").write_text(source, encoding="utf-8")
    return folder




def one_line_error(err: str) -> bool:
    lines = [l for l in err.splitlines() if l.strip()]
    return len(lines) == 1 and lines[0].startswith("mtqa: error:") and "Traceback" not in err


def digest(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


# -- exit codes --------------------------------------------------------------------------

def test_exit_1_on_findings_at_threshold_and_0_below(tmp_path, capsys, only_test_rule):
    folder = article(tmp_path, "Le match commence à 20 heures avec une banane.\n")
    code, out, _ = run(["audit", str(folder), "--no-color"], capsys)
    assert code == 1 and "ZZZ901" in out and "banane" in out
    code, _, _ = run(["audit", str(folder), "--fail-on", "critical"], capsys)
    assert code == 0
    code, _, _ = run(["audit", str(folder), "--no-exit"], capsys)
    assert code == 0
    code, _, _ = run(["audit", str(folder), "--severity", "ZZZ=minor"], capsys)
    assert code == 0
    code, _, _ = run(["audit", str(folder), "--ignore", "ZZZ901"], capsys)
    assert code == 0


def test_clean_article_exits_0(tmp_path, capsys, only_test_rule):
    folder = article(tmp_path, "Le match commence à 20 heures.\n")
    code, out, _ = run(["audit", str(folder)], capsys)
    assert code == 0 and "PASS" in out


def test_json_contract(tmp_path, capsys, only_test_rule):
    folder = article(tmp_path, "Une banane.\n\nDeux bananes ici : banane.\n")
    code, out, _ = run(["audit", str(folder), "--format", "json", "--no-exit"], capsys)
    data = json.loads(out)
    assert code == 0
    assert set(data) >= {"schema_version", "tool", "signature", "documents", "findings", "scores"}
    assert len(data["findings"]) == 3
    f = data["findings"][1]
    assert set(f) == {"rule_id", "rule_name", "category", "severity", "message", "suggestion", "target",
                      "source", "bead", "replacement", "fingerprint"}
    assert f["target"]["text"] == "banane"
    text = (folder / "mt.fr.txt").read_text(encoding="utf-8")
    assert text[f["target"]["start"]:f["target"]["end"]] == "banane"
    assert (f["target"]["line"], f["target"]["column"]) == (3, 6)  # "Deux [banane]s", 1-based
    assert data["documents"][0]["target"]["lang"] == "fr"


def test_output_written_atomically_and_inputs_unchanged(tmp_path, capsys, only_test_rule):
    folder = article(tmp_path, "Une banane.\n")
    before = digest(folder)
    report = tmp_path / "report.sarif"
    code, out, _ = run(["audit", str(folder), "-f", "sarif", "-o", str(report)], capsys)
    assert code == 1 and out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert digest(folder) == before
    assert not list(tmp_path.glob(".report.sarif.*"))  # no temporary file left behind


# -- bad input: one line on stderr, exit 2, nothing written --------------------------------

@pytest.mark.parametrize("make, expect", [
    (lambda d: d / "nope", "no such file"),
    (lambda d: (d / "emptydir").mkdir() or d / "emptydir", "no mt."),
    (lambda d: article(d, ""), "empty"),
    (lambda d: article(d, "   \n\n  "), "empty"),
    (lambda d: (article(d, "x"), (d / "art" / "mt.fr.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00"))[0], "binary"),
    (lambda d: (article(d, "x"), (d / "art" / "mt.fr.txt").write_bytes("Café crème à la fraise".encode("latin-1")))[0],
     "UTF-8"),
    (lambda d: (article(d, "x"), (d / "art" / "mt.fr.txt").write_bytes("Bonjour".encode("utf-16")))[0], "UTF-16"),
    (lambda d: (article(d, "Bonjour."), (d / "art" / "glossary.csv").write_text(
        "source,target,forbidden,case_sensitive,note\nballon,\n", encoding="utf-8"))[0], "glossary row"),
    (lambda d: (article(d, "Bonjour."), (d / "art" / "glossary.csv").write_text(
        "source,target,forbidden,case_sensitive,note\nballon,ballon,,peut-être,\n", encoding="utf-8"))[0],
     "case_sensitive"),
])
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, make, expect):
    target = make(tmp_path)
    report = tmp_path / "out.json"
    code, out, err = run(["audit", str(target), "-f", "json", "-o", str(report)], capsys)
    assert code == 2, err
    assert one_line_error(err), err
    assert expect.lower() in err.lower()
    assert not report.exists()


@pytest.mark.parametrize("argv, expect", [
    (["audit", "{dir}", "--select", "NOPE"], "no rule id starts with"),
    (["audit", "{dir}", "--fail-on", "fatal"], "unknown severity"),
    (["audit", "{dir}", "--severity", "TYPO"], "PREFIX=LEVEL"),
    (["audit", "{dir}", "--bogus"], "No such option"),
    (["audit"], "Missing argument"),
    (["rules", "explain", "XXX999"], "no rule"),
])
def test_usage_errors_are_one_line_exit_2(tmp_path, capsys, argv, expect):
    folder = article(tmp_path, "Bonjour.\n")
    code, _, err = run([a.replace("{dir}", str(folder)) for a in argv], capsys)
    assert code == 2
    assert one_line_error(err), err
    assert expect.lower() in err.lower()


def test_module_entry_point_and_version():
    proc = subprocess.run([sys.executable, "-m", "toolkit", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("mtqa ")


def test_rules_list_and_explain(capsys):
    from toolkit.rules import ALL_RULES

    code, out, _ = run(["rules", "--json"], capsys)
    listed = json.loads(out)
    assert code == 0 and [r["id"] for r in listed] == [r.id for r in ALL_RULES]
    if ALL_RULES:
        code, out, _ = run(["rules", "explain", ALL_RULES[0].id], capsys)
        assert code == 0 and "## What it does" in out and ALL_RULES[0].name in out


def test_huge_file_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", str(1024 / (1024 * 1024)))
    folder = article(tmp_path, "Une phrase assez longue pour dépasser la limite. " * 40)
    code, _, err = run(["audit", str(folder)], capsys)
    assert code == 2 and one_line_error(err) and "limit" in err


def test_hostile_xml_is_one_line_exit_2(tmp_path, capsys):
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
                    '<xliff version="1.2"><file source-language="en" target-language="fr" datatype="plaintext">'
                    '<body><trans-unit id="1"><source>&b;</source><target>x</target></trans-unit></body></file>'
                    '</xliff>\n', encoding="utf-8")
    code, _, err = run(["audit", str(bomb)], capsys)
    assert code == 2 and one_line_error(err)
