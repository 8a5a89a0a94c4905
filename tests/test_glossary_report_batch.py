"""``mtqa glossary report`` on a batch with unreadable documents: like ``mtqa audit``, the
bad document becomes an error entry, the rest is reported, one line per bad file on
stderr, exit 2 at the end, never a traceback. Invented articles only."""
from __future__ import annotations

import json

from clirun import run

GLOSSARY = "source,target\nrake,râteau\n"


def _article(folder, source: str, mt: str, mt_bytes: bytes | None = None) -> None:
    folder.mkdir(parents=True)
    (folder / "source.en.txt").write_text(source, encoding="utf-8")
    if mt_bytes is None:
        (folder / "mt.fr.txt").write_text(mt, encoding="utf-8")
    else:
        (folder / "mt.fr.txt").write_bytes(mt_bytes)
    (folder / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")


def _batch(root):
    _article(root / "01-shed", "The gardener cleans the rake.\n", "Le jardinier nettoie le râteau.\n")
    _article(root / "02-legacy", "The rake is in the shed.\n", "",
             mt_bytes="Le râteau est dans l'abri.\n".encode("latin-1"))
    _article(root / "03-lawn", "Put the rake back after use.\n", "Remettez la fourche après usage.\n")
    (root / "04-twice").mkdir()  # two translations under test: an article that reports its own error
    (root / "04-twice" / "mt.fr.txt").write_text("Un.\n", encoding="utf-8")
    (root / "04-twice" / "mt.fr.md").write_text("Deux.\n", encoding="utf-8")
    return root


def test_unreadable_documents_become_error_entries_and_the_rest_is_reported(tmp_path, capsys):
    batch = _batch(tmp_path / "batch")
    out_json, out_md, out_html = tmp_path / "r.json", tmp_path / "r.md", tmp_path / "r.html"
    code, out, err = run(["glossary", "report", batch, "--json", out_json, "--md", out_md,
                          "--html", out_html], capsys)
    assert code == 2
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 2 and all(line.startswith("mtqa: error: ") for line in lines)
    assert "02-legacy" in lines[0] and "UTF-8" in lines[0] and "04-twice" in lines[1]
    data = json.loads(out_json.read_text(encoding="utf-8"))
    assert data["documents"] == ["01-shed", "03-lawn"]
    assert [e["file"].rsplit("/", 1)[-1] for e in data["errors"]] == ["02-legacy", "04-twice"]
    rake = next(t for t in data["terms"] if t["source"] == "rake")
    assert rake["occurrences"] == 2 and rake["accepted"] == 1  # both readable documents counted
    md = out_md.read_text(encoding="utf-8")
    assert "## Unreadable documents" in md and "02-legacy" in md
    html = out_html.read_text(encoding="utf-8")
    assert 'id="errors"' in html and "04-twice" in html
    assert "wrote json" in out and "ERROR" in out


def test_a_clean_batch_still_exits_0_without_error_entries(tmp_path, capsys):
    root = tmp_path / "batch"
    _article(root / "01-shed", "The gardener cleans the rake.\n", "Le jardinier nettoie le râteau.\n")
    out_json = tmp_path / "r.json"
    code, _, err = run(["glossary", "report", root, "--json", out_json], capsys)
    assert code == 0 and err == ""
    assert json.loads(out_json.read_text(encoding="utf-8"))["errors"] == []


def test_a_batch_where_nothing_can_be_read_writes_no_report(tmp_path, capsys):
    root = tmp_path / "batch"
    _article(root / "01-legacy", "The rake.\n", "", mt_bytes="Le râteau.\n".encode("latin-1"))
    _article(root / "02-legacy", "The hoe.\n", "", mt_bytes="La binette à manche.\n".encode("latin-1"))
    out_json = tmp_path / "r.json"
    code, out, err = run(["glossary", "report", root, "--json", out_json], capsys)
    assert code == 2 and not out_json.exists() and "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "01-legacy" in lines[0] and "1 more unreadable" in lines[0]


def test_audit_cli_reports_an_article_with_two_translations_as_an_error_entry(tmp_path, capsys):
    batch = _batch(tmp_path / "batch")
    report = tmp_path / "r.json"
    code, _, err = run(["audit", batch, "-f", "json", "-o", report], capsys)
    assert code == 2 and "Traceback" not in err
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [d["name"] for d in data["documents"]] == ["01-shed", "03-lawn"]
    assert [e["file"].rsplit("/", 1)[-1] for e in data["errors"]] == ["02-legacy", "04-twice"]
