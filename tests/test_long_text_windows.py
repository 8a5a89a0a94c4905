"""A text without blank lines (one block for the whole article) keeps rules local: a
name present far away in the text does not hide its loss here (ENT001), as it would
inside one ordinary paragraph."""
from toolkit.api import article_from_strings
from toolkit.engine import run_rules
from toolkit.rules.ent import PARAGRAPH_MAX


def _pairs(n: int) -> tuple[list[str], list[str]]:
    zh = [f"第{k}号房间有{k + 3}张桌子。" for k in range(n)]
    fr = [f"La salle {k} compte {k + 3} tables." for k in range(n)]
    zh[n // 2] = f"这款Q9跑步机有{n + 7}个按钮。"
    fr[n // 2] = f"Ce tapis de course a {n + 7} boutons."
    zh[-1] = "Q9的价格是800元。"
    fr[-1] = "Le Q9 coûte 800 yuans."
    return zh, fr


def _ent(source: str, target: str) -> list:
    article = article_from_strings(target, source, src_lang="zh", tgt_lang="fr")
    return [f for f in run_rules(article) if f.rule_id == "ENT001"]


def test_a_distant_line_of_a_one_block_text_does_not_hide_a_lost_code():
    zh, fr = _pairs(120)
    target = "\n".join(fr)
    assert len(target) > PARAGRAPH_MAX
    found = _ent("\n".join(zh), target)
    assert any("Q9" in f.message and f.target.text.startswith("Ce tapis") for f in found)


def test_inside_one_ordinary_paragraph_the_name_elsewhere_still_counts():
    zh, fr = _pairs(6)
    found = _ent("".join(zh), " ".join(fr))  # one short paragraph on each side
    assert not any("Q9" in f.message for f in found)
