"""Whole audits of invented articles, through the real reader, segmenter and aligner."""
from toolkit.api import load_article
from toolkit.engine import Selection, run_rules

SOURCE = """The harbour festival returns

The harbour festival opens on Friday with a parade of forty fishing boats.
Organisers expect twelve thousand visitors over the weekend, twice as many as last year.
The mayor said the town had repaired the old lighthouse for the occasion.
A market of local producers will sell oysters, cheese and cider on the quay.
Children can learn to tie sailors' knots with volunteers from the rowing club.
On Saturday evening, a choir from the neighbouring island will sing sea shanties.
The festival ends on Sunday with fireworks above the breakwater.
"""

TARGET_OK = """Le festival du port est de retour

Le festival du port s’ouvre vendredi avec un défilé de quarante bateaux de pêche.
Les organisateurs attendent douze mille visiteurs pendant le week-end, deux fois plus que l’an dernier.
Le maire a déclaré que la ville avait restauré le vieux phare pour l’occasion.
Un marché de producteurs locaux vendra des huîtres, du fromage et du cidre sur le quai.
Les enfants pourront apprendre à faire des nœuds marins avec des bénévoles du club d’aviron.
Samedi soir, une chorale de l’île voisine chantera des chants de marins.
Le festival se termine dimanche par un feu d’artifice au-dessus de la digue.
"""


def audit(tmp_path, target, select="OMIT"):
    folder = tmp_path / "art"
    folder.mkdir()
    (folder / "source.en.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "mt.fr.txt").write_text(target, encoding="utf-8")
    article = load_article(folder)
    return article, run_rules(article, Selection.parse(select))


def test_faithful_translation_has_no_omission(tmp_path):
    article, findings = audit(tmp_path, TARGET_OK)
    assert [b.kind for b in article.beads] == ["1-1"] * 8
    assert findings == ()


def test_dropped_sentence_is_reported_where_it_belongs(tmp_path):
    dropped = "Le maire a déclaré que la ville avait restauré le vieux phare pour l’occasion.\n"
    article, findings = audit(tmp_path, TARGET_OK.replace(dropped, ""))
    (f,) = [f for f in findings if f.rule_id == "OMIT001"]
    assert "lighthouse" in f.source.text
    assert f.target.text[:1] == "U" or f.target.text.startswith("Un marché")  # the next sentence


def test_added_sentence_is_reported(tmp_path):
    added = TARGET_OK.replace("sur le quai.", "sur le quai. Le parking sera payant toute la journée pour les camping-cars.")
    article, findings = audit(tmp_path, added)
    (f,) = [f for f in findings if f.rule_id == "OMIT002"]
    assert "parking" in f.target.text


def test_clean_french_article_has_no_finding_at_all(tmp_path):
    article, findings = audit(tmp_path, TARGET_OK, select=None)
    assert [(f.rule_id, f.target.text) for f in findings if f.severity.label != "neutral"] == []


def test_same_result_whatever_the_string_hash_seed(tmp_path):
    """Set iteration order changes with PYTHONHASHSEED; no output may depend on it."""
    import json
    import os
    import subprocess
    import sys

    folder = tmp_path / "art"
    folder.mkdir()
    (folder / "source.en.txt").write_text(SOURCE, encoding="utf-8")
    (folder / "mt.fr.txt").write_text(TARGET_OK.replace("quarante", "40").replace("Le maire", "Le maire Le maire"),
                                      encoding="utf-8")
    outputs = []
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        proc = subprocess.run([sys.executable, "-m", "toolkit", "audit", str(folder), "-f", "json", "--no-exit"],
                              capture_output=True, text=True, env=env, check=True)
        data = json.loads(proc.stdout)
        outputs.append((data["findings"], data["documents"][0]["beads"], data["documents"][0]["scores"]))
    assert outputs[0] == outputs[1] == outputs[2]
