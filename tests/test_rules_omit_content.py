"""OMIT005: a sentence folded into a 2-1 bead that the translation does not render."""
from dataclasses import replace

from toolkit.api import article_from_strings
from toolkit.engine import run_rules
from toolkit.model import Bead, Severity
from toolkit.rules import RULES_BY_ID

RULE = [RULES_BY_ID["OMIT005"]]


def run(target, source, src_lang):
    a = article_from_strings(target, source, src_lang=src_lang, tgt_lang="fr")
    return list(run_rules(replace(a, beads=(Bead(0, (0, 1), (0,), 0.9),)), rules=RULE))


ZH = "这座博物馆的修复工程耗时三年，主要修复了大理石雕像。保险公司估计仓库火灾造成的损失超过两百万欧元。"


def test_chinese_sentence_without_any_gloss_cognate_is_a_neutral_hint():
    (f,) = run("Les travaux de restauration du musée ont duré trois ans et portaient surtout sur les statues de marbre.",
               ZH, "zh")
    assert f.severity == Severity.NEUTRAL and f.source.text.startswith("保险公司")


def test_both_sentences_rendered_give_no_hint():
    good = ("Les travaux de restauration du musée ont duré trois ans et portaient surtout sur les statues de marbre ; "
            "l’assureur estime les dégâts de l’incendie de l’entrepôt à plus de deux millions d’euros.")
    assert run(good, ZH, "zh") == []
