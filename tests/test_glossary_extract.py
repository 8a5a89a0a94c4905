"""`mtqa glossary extract`: candidate entries from aligned articles, CSV/TBX/JSON, clean errors."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from toolkit.glossary import load_glossary
from clirun import run

SOURCE = "欧洲央行加息。欧洲央行关注油价。马可隆港的码头很忙。马可隆港扩建了码头。\n"
MT = ("La Banque centrale européenne relève ses taux. La Banque centrale européenne surveille "
      "le pétrole. Les quais du port de Marcolon sont animés. Le port de Marcolon agrandit ses quais.\n")


def batch(tmp_path: Path, n: int = 2) -> Path:
    root = tmp_path / "batch"
    for i in range(n):
        d = root / f"a{i}"
        d.mkdir(parents=True)
        (d / "source.zh.txt").write_text(SOURCE, encoding="utf-8")
        (d / "mt.fr.txt").write_text(MT, encoding="utf-8")
    return root




def test_csv_is_a_loadable_glossary_with_counts_and_confidence(tmp_path, capsys):
    out_file = tmp_path / "cands.csv"
    code, out, err = run(["glossary", "extract", str(batch(tmp_path)), "-o", str(out_file)], capsys)
    assert code == 0 and "candidate entries" in out
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(out_file.read_text(encoding="utf-8")))}
    central = rows["欧洲央行"]
    assert central["target"] == "Banque centrale européenne" and central["origin"] == "name-layer"
    assert central["count"] == "4" and central["documents"] == "2" and float(central["confidence"]) == 1.0
    gloss = load_glossary(out_file)  # extra columns are ignored by the glossary reader
    assert any(e.source == "欧洲央行" for e in gloss)


def test_json_and_tbx_outputs(tmp_path, capsys):
    root = batch(tmp_path, 1)
    code, out, _ = run(["glossary", "extract", str(root), "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and {"source", "target", "count", "documents", "confidence", "origin", "others"} \
        <= set(data["candidates"][0])
    code, out, _ = run(["glossary", "extract", str(root), "-f", "tbx"], capsys)
    assert code == 0 and "<martif" in out and "<term>欧洲央行</term>" in out


def test_glossary_terms_and_weak_pairs_are_left_out(tmp_path, capsys):
    root = batch(tmp_path, 1)
    (root / "a0" / "glossary.csv").write_text("source,target\n欧洲央行,BCE\n", encoding="utf-8")
    code, out, _ = run(["glossary", "extract", str(root), "--format", "json"], capsys)
    sources = {c["source"] for c in json.loads(out)["candidates"]}
    assert code == 0 and "欧洲央行" not in sources
    code, out, _ = run(["glossary", "extract", str(root), "--format", "json", "--min-count", "9"],
                       capsys)
    assert all(c["origin"] == "name-layer" for c in json.loads(out)["candidates"])


@pytest.mark.parametrize("argv, needle", [
    (["--format", "xml"], "--format"),
    (["--min-confidence", "2"], "--min-confidence"),
])
def test_bad_options_exit_2_with_one_line(tmp_path, capsys, argv, needle):
    code, out, err = run(["glossary", "extract", str(batch(tmp_path, 1)), *argv], capsys)
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1


def test_missing_path_exits_2(tmp_path, capsys):
    code, _, err = run(["glossary", "extract", str(tmp_path / "nope")], capsys)
    assert code == 2 and "no such file" in err
