"""Alignment scorer: strict / lax / null-link figures on hand-computed cases."""
from __future__ import annotations

import pytest

from toolkit.evaluation.align import main as eval_main
from toolkit.evaluation.align_score import count, parse_beads, score_documents, scores

GOLD = [((0,), (0,)), ((1,), (1, 2)), ((), (3,)), ((2,), ())]
TEST = [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((), (3,)), ((2,), ())]


def test_hand_computed_case():
    c = count(GOLD, TEST)
    # precision over all 5 predicted beads: [0]:[0], []:[3], [2]:[] identical;
    # [1]:[1] overlaps gold [1]:[1, 2] on both sides (lax); []:[2] matches nothing
    assert (c.pred, c.strict_tp_p, c.lax_tp_p) == (5, 3, 4)
    # recall over the 2 two-sided gold beads, against two-sided predictions only
    assert (c.gold, c.strict_tp_r, c.lax_tp_r) == (2, 1, 2)
    assert (c.null_pred, c.null_gold, c.null_tp) == (3, 2, 2)
    s = scores(c)
    assert s["precision_strict"] == pytest.approx(3 / 5)
    assert s["recall_strict"] == pytest.approx(1 / 2)
    assert s["f1_strict"] == pytest.approx(2 * 0.6 * 0.5 / 1.1)
    assert s["precision_lax"] == pytest.approx(4 / 5)
    assert s["recall_lax"] == pytest.approx(1.0)
    assert s["precision_null"] == pytest.approx(2 / 3)
    assert s["recall_null"] == pytest.approx(1.0)


def test_perfect_and_disjoint():
    assert score_documents([(GOLD, GOLD)])["f1_strict"] == pytest.approx(1.0)
    wrong = [((0,), (1,)), ((1,), (0,))]
    gold = [((0,), (0,)), ((1,), (1,))]
    s = score_documents([(gold, wrong)])
    assert s["f1_strict"] == 0.0
    assert s["f1_lax"] == 0.0


def test_lax_needs_overlap_on_both_sides():
    gold = [((0, 1), (0,)), ((2,), (1,))]
    test = [((0,), (0,)), ((1, 2), (1,))]
    c = count(gold, test)
    # [0]:[0] overlaps [0, 1]:[0]; [1, 2]:[1] overlaps gold [2]:[1] (and [0, 1]:[0] on
    # the source side only), so both are lax hits and neither is strict
    assert (c.strict_tp_p, c.lax_tp_p) == (0, 2)
    assert (c.strict_tp_r, c.lax_tp_r) == (0, 2)


def test_deletions_are_left_out_of_recall():
    gold = [((0,), ()), ((1,), (0,))]
    test = [((0, 1), (0,))]
    c = count(gold, test)
    assert c.gold == 1
    assert c.lax_tp_r == 1 and c.strict_tp_r == 0
    assert c.null_gold == 1 and c.null_pred == 0


def test_micro_average_over_documents():
    doc1 = ([((0,), (0,))], [((0,), (0,))])
    doc2 = ([((0,), (0,)), ((1,), (1,)), ((2,), (2,))],
            [((0,), (0,)), ((1, 2), (1, 2))])
    s = score_documents([doc1, doc2])
    assert s["precision_strict"] == pytest.approx(2 / 3)
    assert s["recall_strict"] == pytest.approx(2 / 4)


def test_duplicate_predictions_count_once():
    c = count([((0,), (0,))], [((0,), (0,)), ((0,), (0,))])
    assert c.pred == 1 and c.strict_tp_p == 1


def test_parse_beads():
    text = "[0]:[0]\n[1, 2]:[1]\n\n[]:[2]\n[3]:[]\n"
    assert parse_beads(text) == [((0,), (0,)), ((1, 2), (1,)), ((), (2,)), ((3,), ())]
    with pytest.raises(ValueError):
        parse_beads("[0] [1]\n")


def test_missing_benchmark_folder_exits_2(tmp_path, capsys):
    code = eval_main(["--data", str(tmp_path / "nothing-here")])
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not found" in err


def test_eval_on_a_tiny_set(tmp_path, capsys):
    folder = tmp_path / "bench" / "tiny-enfr"
    folder.mkdir(parents=True)
    (folder / "doc.en").write_text("The cat sleeps.\nIt is 12 o'clock.\n", encoding="utf-8")
    (folder / "doc.fr").write_text("Le chat dort.\nIl est 12 heures.\n", encoding="utf-8")
    (folder / "doc.enfr").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    out = tmp_path / "out.json"
    code = eval_main(["--data", str(tmp_path / "bench"), "--corpora", str(tmp_path / "none"),
                      "--json", str(out)])
    assert code == 0
    assert "tiny-enfr" in capsys.readouterr().out
    import json
    data = json.loads(out.read_text(encoding="utf-8"))
    row = data["sets"][0]
    assert row["pair"] == "en-fr" and row["f1_strict"] == 1.0
