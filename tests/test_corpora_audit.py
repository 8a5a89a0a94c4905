"""The audit on the evaluation corpora's human references: a correct translation of the
whole article must not draw a single non-neutral finding (false alarms on real text)."""
import shutil
from pathlib import Path

import pytest

from toolkit.api import load_article
from toolkit.engine import run_rules

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
WITH_REFERENCE = sorted(p.parent for p in CORPORA.glob("*/reference.*"))


@pytest.mark.parametrize("folder", WITH_REFERENCE, ids=lambda p: p.name)
def test_reference_translation_audits_clean(folder, tmp_path):
    art = tmp_path / folder.name
    art.mkdir()
    for f in folder.iterdir():
        if f.name.startswith(("source.", "glossary.")):
            shutil.copy(f, art / f.name)
    ref = next(folder.glob("reference.*"))
    shutil.copy(ref, art / ref.name.replace("reference.", "mt.", 1))
    findings = run_rules(load_article(art))
    noisy = [(f.rule_id, f.target.text[:40], f.message[:80]) for f in findings if f.severity.label != "neutral"]
    assert noisy == []
