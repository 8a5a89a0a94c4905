"""Term scores on small invented documents, against hand-computed values."""
from dataclasses import replace

import pytest

from toolkit.api import article_from_strings
from toolkit.model import Bead
from toolkit.scoring.terms import score_terms, score_terms_batch
from toolkit.terms.consistency import across, first_pairs, match_pairs, normalised_entropy, strict_pairs, within

A, B = "alpha", "beta"


def test_pair_counts_by_hand():
    r = [A, A, None, B]
    assert strict_pairs(r) == (1, 6)  # only (A, A) agrees; a miss agrees with nothing
    assert match_pairs(r) == (1, 3)  # over A, A, B
    assert first_pairs(r) == (1, 3)  # A, None, B against the first A
    assert strict_pairs([None, None]) == (0, 1)


def test_within_pools_groups_of_two_or_more():
    w = within([[A, A, None, B], [B, B], [A]])
    assert w["groups"] == 2 and w["occurrences"] == 6
    assert w["c_strict"] == pytest.approx(round(2 / 7, 4))
    assert w["c_match"] == pytest.approx(0.5)  # (1 + 1) / (3 + 1)
    assert w["c_first"] == pytest.approx(0.5)  # (1 + 1) / (3 + 1)


def test_batch_agreement_and_dispersion():
    out = across({"d1": [A, A, B], "d2": [B, B], "d3": [A]})
    assert out["majority"] == A  # 3 A vs 3 B: tie goes to the earliest seen
    assert out["agreement"] == pytest.approx(0.6667)
    assert out["disagreeing"] == ["d2"]
    assert out["dispersion"] == pytest.approx(1.0)
    assert across({"d1": [A], "d2": [A]}, prefer=[A])["dispersion"] == 0.0
    assert normalised_entropy({A: 3, B: 1}) == pytest.approx(0.8113, abs=1e-4)


def _article(target, source, rows, beads, name="doc"):
    art = article_from_strings(target, source, src_lang="zh", tgt_lang="fr", glossary_rows=rows, name=name)
    return replace(art, beads=tuple(Bead(i, s, t) for i, (s, t) in enumerate(beads)))


ROWS = ["维尔莫拉,Velmora,VELMORA,true,Company", "点球,penalty,,false,Football"]
SRC = "维尔莫拉涨了。维尔莫拉跌了。维尔莫拉稳定。点球罚进。"
TGT = "Velmora monte. VELMORA baisse. Le titre est stable. Le penalty est marqué."
ONE_TO_ONE = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]


def test_article_scores_by_hand():
    art = _article(TGT, SRC, ROWS, ONE_TO_ONE)
    s = score_terms(art)
    assert s["glossary"] and not s["discovered"]
    # Velmora: accepted, forbidden (VELMORA), miss; penalty: accepted
    assert s["adherence"]["accepted"] == 2 and s["adherence"]["occurrences"] == 4
    assert s["adherence"]["micro"] == 0.5
    assert s["adherence"]["macro"] == pytest.approx(round((1 / 3 + 1) / 2, 4))
    assert s["consistency"]["groups"] == 1
    assert s["consistency"]["c_strict"] == 0.0 and s["consistency"]["c_match"] == 0.0
    vel = next(r for r in s["terms"] if r["source"] == "维尔莫拉")
    assert vel["renderings"] == {"Velmora": 1, "VELMORA": 1} and vel["misses"] == 1
    assert vel["forbidden"] == 1


def test_batch_scores_list_disagreeing_documents():
    good = _article("Velmora monte. Velmora baisse. Le titre est stable. Le penalty est marqué.",
                    SRC, ROWS, ONE_TO_ONE, "good")
    bad = _article("VELMORA monte. VELMORA baisse. VELMORA reste stable. Le penalty est marqué.",
                   SRC, ROWS, ONE_TO_ONE, "bad")
    other = _article("Velmora monte. Velmora baisse. Velmora reste stable. Le penalty est marqué.",
                     SRC, ROWS, ONE_TO_ONE, "other")
    b = score_terms_batch([good, bad, other])
    vel = next(t for t in b["terms"] if t["source"] == "维尔莫拉")
    assert vel["majority"] == "Velmora" and vel["disagreeing"] == ["bad"]
    assert vel["agreement"] == pytest.approx(0.6667)
    assert b["disagreeing"] == ["bad"]
    assert b["adherence"]["occurrences"] == 12 and b["adherence"]["accepted"] == 8


def test_without_glossary_terms_are_discovered():
    art = article_from_strings("Le club Rennfort gagne. Le club RENNFORT perd. Rennfort rejoue.",
                               tgt_lang="fr")
    s = score_terms(art)
    assert s["discovered"] and s["adherence"] is None
    cand = next(c for c in s["discovered_terms"] if c["key"] == "rennfort")
    assert cand["renderings"] == {"Rennfort": 2, "RENNFORT": 1} and cand["discovered"]
    assert cand["c_strict"] == pytest.approx(round(1 / 3, 4))
    import json
    json.dumps(s)
