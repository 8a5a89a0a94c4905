"""Integrity of the annotated evaluation corpora in ``corpora/*/``.

For every folder with a ``gold.jsonl`` (format: corpora/dojo/README.md):
- gold schema, allowed values, ``text == mt[start:end]``, ids unique, well formed
  and in offset order, no overlapping spans, no span across a paragraph
  (page chrome excepted);
- ``negatives.jsonl`` (when present): same checks, and no negative overlaps a gold span;
- ``reference.<lang>.txt`` (when present): applying the gold corrections right to left
  to the MT and dropping trailing whitespace reproduces the reference. A corpus whose
  omission/addition entries do not carry the full correction (so that the
  reconstruction cannot work) lists itself in ``NO_REBUILD``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.evaluation.gold import read_jsonl  # a bad line raises ValueError naming file:line

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
GOLD_DIRS = sorted(p.parent for p in CORPORA.glob("*/gold.jsonl"))
NEG_DIRS = sorted(p.parent for p in CORPORA.glob("*/negatives.jsonl"))

GOLD_FIELDS = {"id", "start", "end", "text", "category", "severity", "correction",
               "source_text", "detectable"}
NEG_FIELDS = {"id", "start", "end", "text", "why"}
CATEGORIES = {
    "Accuracy/Mistranslation",
    "Accuracy/Omission",
    "Accuracy/Addition",
    "Accuracy/Untranslated",
    "Terminology/Wrong term",
    "Terminology/Inconsistent with termbase",
    "Linguistic conventions/Punctuation",
    "Linguistic conventions/Grammar",
    "Locale conventions/Number format",
    "Design and markup/Markup",
    "Style/Awkward",
    "Non-article content/Page chrome",
}
SEVERITIES = {"minor", "major", "critical"}
DETECTABLE = {"glossary", "rule", "semantic"}
CHROME = "Non-article content/Page chrome"
# Corpora whose reference cannot be rebuilt from the gold corrections (none so far).
NO_REBUILD: set[str] = set()


def _ids(dirs):
    return [d.name for d in dirs]


def _one(folder: Path, stem: str) -> Path | None:
    found = sorted(folder.glob(f"{stem}.*.txt"))
    return found[0] if found else None


def _mt(folder: Path) -> str:
    path = _one(folder, "mt")
    assert path is not None, f"{folder.name}: no mt.<lang>.txt"
    return path.read_text(encoding="utf-8")


def _check_spans(rows: list[dict], mt: str, folder: str, prefix: str) -> None:
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), f"{folder}: duplicate ids"
    id_re = re.compile(rf"^{re.escape(prefix)}\d{{3}}$")
    for r in rows:
        assert id_re.match(r["id"]), f"{folder}: bad id {r['id']!r} (expected {prefix}NNN)"
        assert isinstance(r["start"], int) and isinstance(r["end"], int), r["id"]
        assert 0 <= r["start"] < r["end"] <= len(mt), f"{r['id']}: bad offsets"
        assert mt[r["start"]:r["end"]] == r["text"], f"{r['id']}: text != mt[start:end]"
    keys = [(r["start"], r["end"]) for r in rows]
    assert keys == sorted(keys), f"{folder}: entries not in offset order"
    assert ids == sorted(ids), f"{folder}: ids not in offset order"
    for a, b in zip(rows, rows[1:]):
        assert a["end"] <= b["start"], f"{folder}: {a['id']} overlaps {b['id']}"


@pytest.mark.parametrize("folder", GOLD_DIRS, ids=_ids(GOLD_DIRS))
def test_gold_schema_and_spans(folder: Path):
    mt = _mt(folder)
    gold = read_jsonl(folder / "gold.jsonl")
    assert gold, f"{folder.name}: empty gold"
    for g in gold:
        assert set(g) == GOLD_FIELDS, f"{g.get('id')}: fields {sorted(set(g) ^ GOLD_FIELDS)}"
        assert g["category"] in CATEGORIES, f"{g['id']}: category {g['category']!r}"
        assert g["severity"] in SEVERITIES, f"{g['id']}: severity {g['severity']!r}"
        assert g["detectable"] in DETECTABLE, f"{g['id']}: detectable {g['detectable']!r}"
        for key in ("text", "correction", "source_text"):
            assert isinstance(g[key], str), f"{g['id']}: {key} is not a string"
        assert g["correction"] != g["text"], f"{g['id']}: correction equals text"
        if g["category"] != CHROME:
            assert "\n\n" not in g["text"], f"{g['id']}: span crosses a paragraph"
    _check_spans(gold, mt, folder.name, f"{folder.name}-")


@pytest.mark.parametrize("folder", NEG_DIRS, ids=_ids(NEG_DIRS))
def test_negatives_schema_and_no_gold_overlap(folder: Path):
    mt = _mt(folder)
    neg = read_jsonl(folder / "negatives.jsonl")
    assert neg, f"{folder.name}: empty negatives"
    for n in neg:
        assert set(n) == NEG_FIELDS, f"{n.get('id')}: fields {sorted(set(n) ^ NEG_FIELDS)}"
        assert isinstance(n["why"], str) and n["why"].strip(), f"{n['id']}: empty why"
        assert "\n" not in n["text"], f"{n['id']}: negative spans a line break"
    _check_spans(neg, mt, folder.name, f"{folder.name}-neg-")
    gold_path = folder / "gold.jsonl"
    gold = read_jsonl(gold_path) if gold_path.exists() else []
    for n in neg:
        for g in gold:
            assert not (n["start"] < g["end"] and g["start"] < n["end"]), (
                f"{n['id']} overlaps gold {g['id']}")


REBUILD_DIRS = [d for d in GOLD_DIRS if _one(d, "reference") is not None]


@pytest.mark.parametrize("folder", REBUILD_DIRS, ids=_ids(REBUILD_DIRS))
def test_corrections_rebuild_reference(folder: Path):
    if folder.name in NO_REBUILD:
        pytest.skip("omission/addition entries do not carry full corrections")
    mt = _mt(folder)
    reference = _one(folder, "reference").read_text(encoding="utf-8")
    gold = read_jsonl(folder / "gold.jsonl")
    text = mt
    for g in sorted(gold, key=lambda g: g["start"], reverse=True):
        text = text[:g["start"]] + g["correction"] + text[g["end"]:]
    assert text.rstrip() == reference.rstrip()


@pytest.mark.parametrize("folder", REBUILD_DIRS, ids=_ids(REBUILD_DIRS))
def test_paragraphs_aligned(folder: Path):
    """Source and reference have the same number of paragraphs (blank-line separated)."""
    source = _one(folder, "source")
    if source is None:
        pytest.skip("no source")
    paras = lambda s: [p for p in s.strip().split("\n\n") if p.strip()]  # noqa: E731
    ref = _one(folder, "reference").read_text(encoding="utf-8")
    assert len(paras(source.read_text(encoding="utf-8"))) == len(paras(ref))
