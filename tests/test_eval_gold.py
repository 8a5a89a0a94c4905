"""The gold evaluator's arithmetic, on hand-computed cases."""
from toolkit.evaluation.gold import coverage, overlaps, score


def f(start, end, severity="minor"):
    return {"severity": severity, "target": {"start": start, "end": end}}


def g(id_, start, end, detectable="rule", category="Design and markup/Markup"):
    return {"id": id_, "start": start, "end": end, "detectable": detectable, "category": category}


def test_overlap_and_coverage():
    assert overlaps(0, 5, 4, 8) and not overlaps(0, 5, 5, 8)
    assert overlaps(5, 5, 4, 8)  # an empty span is a point
    assert coverage(0, 10, [(0, 4), (2, 6), (8, 20)]) == 0.8


def test_recall_precision_false_alarms():
    gold = [g("a", 0, 5), g("b", 10, 15, "glossary", "Terminology/Wrong term"),
            g("c", 20, 25, "semantic", "Accuracy/Mistranslation")]
    findings = [f(1, 2), f(3, 4), f(30, 31), f(12, 13, "neutral")]
    negatives = [{"id": "n1", "start": 30, "end": 32}, {"id": "n2", "start": 40, "end": 41}]
    r = score(gold, findings, negatives)
    assert r["found"] == 1 and r["recall"] == round(1 / 3, 4)
    assert r["recall_glossary_rule"] == 0.5  # a found, b missed (its only finding is neutral)
    assert r["recall_by_detectable"]["semantic"]["recall"] == 0.0
    assert r["precision"] == round(2 / 3, 4)
    assert r["false_alarms"] == 1 and r["false_alarm_rate"] == 0.5
    assert r["missed"] == ["b", "c"]


def test_page_chrome_needs_coverage():
    gold = [g("p", 100, 200, category="Non-article content/Page chrome")]
    assert score(gold, [f(100, 150)])["found"] == 0
    assert score(gold, [f(100, 150), f(150, 190)])["found"] == 1


def test_review_recall_counts_neutral_hints_on_semantic_entries_only_in_its_own_column():
    from toolkit.evaluation.gold import score

    gold = [{"id": "a", "start": 0, "end": 5, "category": "Accuracy/Mistranslation", "detectable": "semantic"},
            {"id": "b", "start": 10, "end": 15, "category": "Accuracy/Mistranslation", "detectable": "semantic"}]
    hint = {"severity": "neutral", "target": {"start": 1, "end": 3}}
    out = score(gold, [hint])
    assert out["recall"] == 0 and out["review_recall_semantic"] == 0.5 and out["findings"] == 0


def test_pooled_sums_counts_over_corpora():
    from toolkit.evaluation.gold import pooled

    a = score([g("a", 0, 5), g("b", 10, 15, "glossary")], [f(1, 2), f(40, 41)],
              [{"id": "n", "start": 40, "end": 42}])
    b = score([g("c", 0, 5, "glossary")], [f(0, 3)], [{"id": "m", "start": 9, "end": 10}])
    p = pooled({"a": a, "b": b})
    assert p["gold"] == 3 and p["found"] == 2 and p["recall"] == round(2 / 3, 4)
    assert p["recall_by_detectable"]["glossary"] == {"found": 1, "total": 2, "recall": 0.5}
    assert p["recall_glossary_rule"] == round(2 / 3, 4)
    assert p["precision"] == round(2 / 3, 4) and p["false_alarm_rate"] == 0.5


def test_no_glossary_mode_ignores_the_folder_glossary(tmp_path):
    """A finding that only the glossary can give (a forbidden variant) disappears without it."""
    import json

    from toolkit.evaluation.gold import evaluate_folder, main

    art = tmp_path / "corpus" / "demo"
    art.mkdir(parents=True)
    (art / "source.en.txt").write_text("The kick-off is at eight.\n", encoding="utf-8")
    mt = "Le coup de pied d’envoi est à huit heures.\n"
    (art / "mt.fr.txt").write_text(mt, encoding="utf-8")
    (art / "glossary.csv").write_text("source,target,forbidden\nkick-off,coup d’envoi,coup de pied d’envoi\n",
                                      encoding="utf-8")
    start = mt.index("coup")
    (art / "gold.jsonl").write_text(json.dumps({"id": "x", "start": start, "end": start + 19,
                                                "detectable": "glossary",
                                                "category": "Terminology/Wrong term"}) + "\n",
                                    encoding="utf-8")
    assert evaluate_folder(art)["found"] == 1
    assert evaluate_folder(art, use_glossary=False)["found"] == 0
    out = tmp_path / "noglossary.json"
    assert main([str(tmp_path / "corpus"), "--no-glossary", "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["demo"]["recall"] == 0.0


def test_held_out_corpora_are_pooled_apart(tmp_path):
    from toolkit.evaluation.gold import grouped, is_held_out, markdown

    blind, dev = tmp_path / "blind", tmp_path / "dev"
    blind.mkdir(), dev.mkdir()
    (blind / "README.md").write_text("# x\n\nA held-out evaluation corpus: written blind.\n", encoding="utf-8")
    (dev / "README.md").write_text("# y\n\nA development article.\n", encoding="utf-8")
    assert is_held_out(blind) and not is_held_out(dev) and not is_held_out(tmp_path)
    a = score([g("a", 0, 5), g("b", 10, 15)], [f(1, 2)])
    b = score([g("c", 0, 5)], [f(0, 3)])
    table = grouped({"blind": a, "dev": b}, {"blind"})
    assert list(table) == ["blind", "dev", "held out (1)", "others (1)", "all (pooled)"]
    assert table["held out (1)"]["recall"] == 0.5 and table["others (1)"]["recall"] == 1.0
    md = markdown(table, {"blind"}).splitlines()
    assert md[2].startswith("| blind (held out) | 2 | 0.50 |") and md[4].startswith("| **held out (1)** |")
