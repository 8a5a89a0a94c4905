"""ENT002 (misspelt Latin names) and ENT003 (Chinese person names lost), invented examples."""
from toolkit.rules.ent_names import han_person_names
from ruletest import check


def test_ent002_reports_the_misspelt_name_with_the_source_spelling():
    (f,) = check("ENT002", "Le maire Piotr Wasilewsk a inauguré la piscine.",
                 source="Mayor Piotr Wasilewski opened the pool.")
    assert (f.target.text, f.suggestion) == ("Wasilewsk", "Wasilewski")


def test_ent002_same_spelling_or_unrelated_words_are_fine():
    assert check("ENT002", "Le maire Piotr Wasilewski a inauguré la piscine.",
                 source="Mayor Piotr Wasilewski opened the pool.") == []
    assert check("ENT002", "La Fondation Marchetti soutient Lyon.",
                 source="The Marchetti Foundation supports Lyon.") == []


def test_han_person_names_need_a_title_or_a_verb_of_saying():
    assert [n for _, _, n in han_person_names("校长吴志强表示，新校区九月启用。")] == ["吴志强"]
    assert [n for _, _, n in han_person_names("黄金价格的走势")] == []  # 黄 is a surname, no cue
    assert [n for _, _, n in han_person_names("村民何秀英的菜园")] == ["何秀英"]


def test_ent003_missing_name_is_reported_with_its_pinyin():
    (f,) = check("ENT003", "Le directeur a annoncé l’ouverture du campus en septembre.",
                 source="校长吴志强表示，新校区九月启用。", src_lang="zh")
    assert f.suggestion == "Wu Zhiqiang" and f.source.text == "吴志强"


def test_ent003_surname_or_given_name_in_pinyin_is_enough():
    for good in ("Le directeur Wu Zhiqiang a annoncé l’ouverture du campus.",
                 "Selon M. Wu, le campus ouvrira en septembre.",
                 "Zhiqiang, le directeur, a annoncé l’ouverture du campus."):
        assert check("ENT003", good, source="校长吴志强表示，新校区九月启用。", src_lang="zh") == []


def test_ent003_common_words_and_famous_foreign_names_are_not_reported():
    assert check("ENT003", "Musk a parlé aux investisseurs.", source="马斯克表示，投资会增加。", src_lang="zh") == []
    assert check("ENT003", "La direction a démenti.", source="公司方面表示否认。", src_lang="zh") == []
