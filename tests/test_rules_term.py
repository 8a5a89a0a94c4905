"""TERM rules beyond their documentation examples."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules


def test_source_term_left_in_target_is_pointed_at():
    article = article_from_strings("La boutique 花园茶室 ouvre demain.", "花园茶室明天开业。", src_lang="zh",
                                   glossary_rows=["花园茶室,Salon de thé du Jardin,,true"])
    (f,) = [f for f in run_rules(article, Selection.parse("TERM002"))]
    assert f.target.text == "花园茶室" and f.suggestion == "Salon de thé du Jardin"


def test_one_rendering_may_serve_a_term_repeated_in_one_sentence():
    article = article_from_strings("L’objectif passe de 48 à 56 dollars de Hong Kong.", "目标价由48港元上调至56港元。",
                                   src_lang="zh", glossary_rows=["港元,dollar de Hong Kong,,false"])
    assert run_rules(article, Selection.parse("TERM002")) == ()


def term002(target, source, rows):
    article = article_from_strings(target, source, src_lang="zh", glossary_rows=rows)
    return [(f.target.text, f.severity.label) for f in run_rules(article, Selection.parse("TERM002"))]


def test_approved_word_inside_a_hyphenated_compound_counts():
    rows = ["勃艮第,Bourgogne,,true"]
    src = "这款奶酪来自勃艮第弗朗什孔泰大区。"
    assert term002("Ce fromage vient de Bourgogne-Franche-Comté.", src, rows) == []
    (f,) = term002("Ce fromage vient de Franche-Comté.", src, rows)
    assert f[1] == "minor"


def test_shortened_definite_mention_after_the_full_term_is_only_a_hint():
    rows = ["财政委员会,commission des finances,,false"]
    src = "财政委员会今天开会。财政委员会通过了预算。"
    assert term002("La commission des finances se réunit aujourd’hui. La commission a adopté le budget.",
                   src, rows) == [("La commission", "neutral")]
    # without the full term earlier, the short mention is a missing term
    assert [sev for _, sev in term002("La commission se réunit aujourd’hui. La commission a adopté le budget.",
                                      src, rows)] == ["minor", "minor"]


def test_term_inside_a_longer_word_or_an_organisation_name_needs_no_rendering():
    rows = ["考古,fouilles,,false"]
    # 考古研究所: an institute; 考古学: a longer dictionary word (archaeology)
    assert term002("L’Institut d’archéologie a publié son rapport.", "考古研究所发布了报告。", rows) == []
    assert term002("Elle enseigne l’archéologie.", "她教考古学。", rows) == []
    assert [sev for _, sev in term002("Les travaux ont repris.", "考古工作重新开始。", rows)] == ["minor"]


def _term002_en(target, source, rows):
    article = article_from_strings(target, source, src_lang="en", glossary_rows=rows)
    return [(f.target.text, f.severity.label) for f in run_rules(article, Selection.parse("TERM002"))]


def test_glossary_terms_agree_in_gender_and_number():
    # the glossary gives the masculine singular; the text agrees it with its noun or person
    rows = ["chief engineer,ingénieur principal,,false", "cold-pressed,pressé à froid,,false",
            "sports commentator,commentateur sportif,,false"]
    assert _term002_en("Elle est ingénieure principale du chantier.",
                       "She is chief engineer of the site.", rows) == []
    assert _term002_en("Les huiles pressées à froid se conservent mal.",
                       "Cold-pressed oils keep badly.", rows) == []
    assert _term002_en("La commentatrice sportive a quitté la radio.",
                       "The sports commentator left the radio.", rows) == []
    assert _term002_en("Les ingénieurs principaux se réunissent.",
                       "The chief engineers meet.", rows) == []
    # another word is still a partial rendering, in both directions of the pair
    assert _term002_en("Elle est ingénieure adjointe du chantier.",
                       "She is chief engineer of the site.", rows) == [("ingénieure", "minor")]
    assert term002("Le musicien a joué.", "这位女钢琴家演奏了。", ["钢琴家,pianiste,,false"]) \
        == [("Le musicien a joué.", "minor")]


def test_masculine_keys_of_agreed_forms():
    from toolkit.terms.agreement import masculine

    assert "traducteur" in masculine("traductrice")
    assert "vendeur" in masculine("vendeuses") and "heureux" in masculine("heureuse")
    assert "ancien" in masculine("ancienne") and "actif" in masculine("actives")
    assert "officiel" in masculine("officielles") and "complet" in masculine("complete")
    assert masculine("porte") == frozenset() and masculine("rue") == frozenset()
