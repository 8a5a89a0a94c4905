"""Meaning cues (toolkit/meaning.py) and the MEAN rules, on invented sentences."""
import pytest

from toolkit.meaning import compare, cue_words, cues
from toolkit.model import Severity
from ruletest import check


def classes(text, lang):
    return [(c.cls, c.text) for c in cues(text, lang)]


def test_french_negation_needs_ne_and_a_completing_word():
    assert ("neg", "n’ont pas") in classes("Les élèves n’ont pas fini.", "fr")
    assert ("neg", "ne rentre jamais") in classes("Il ne rentre jamais tôt.", "fr")
    assert not [c for c in cues("Il ne mange que des pommes.", "fr") if c.cls == "neg"]  # ne … que
    assert ("neg", "Personne n’") in classes("Personne n’a répondu.", "fr")


def test_chinese_words_that_hold_a_negation_character_without_negating():
    assert [c for c in cues("他不过是个学生，未来不断进步。", "zh") if c.cls == "neg"] == []
    assert [c for c in cues("这座城市的别称很美。", "zh") if c.cls == "neg"] == []  # CC-CEDICT word
    assert [c.text for c in cues("他今天没来，也不会来。", "zh") if c.cls == "neg"] == ["没", "不"]


def test_english_contractions_and_prefixed_negative_words():
    found = classes("She didn't sign; the plan was unworkable.", "en")
    assert ("neg", "didn't") in found and ("neg-lex", "unworkable") in found


def test_compare_reports_each_kind():
    kinds = lambda s, sl, t: [p.kind for p in compare(s, sl, t, "fr")]  # noqa: E731
    assert kinds("The pool is not heated.", "en", "La piscine est chauffée.") == ["negation-lost"]
    assert kinds("The pool is heated.", "en", "La piscine n’est pas chauffée.") == ["negation-added"]
    assert kinds("The pool is not heated.", "en", "La piscine n’est pas chauffée.") == []
    assert kinds("The lake is unsafe.", "en", "Le lac n’est pas sûr.") == []  # negation in a word
    assert kinds("Prices rose.", "en", "Les prix ont baissé.") == ["polarity"]
    assert kinds("房价下降了。", "zh", "Les prix ont augmenté.") == ["polarity"]
    assert kinds("You must pay.", "en", "Vous pouvez payer.") == ["modality-changed"]
    assert kinds("It may rain.", "en", "Il pleuvra.") == ["modality-lost"]
    assert kinds("It may rain.", "en", "Il pourrait pleuvoir.") == []


def test_cue_lists_cover_three_languages_and_every_class():
    for lang in ("en", "fr", "zh"):
        for cls in ("neg", "up", "down", "more", "less", "approx", "may", "must"):
            assert cue_words(lang, cls), (lang, cls)


def test_mean001_points_at_an_added_negation():
    (f,) = check("MEAN001", "Le train ne part pas à midi.", source="The train leaves at noon.")
    assert f.target.text == "ne part pas" and f.severity == Severity.MINOR


def test_mean001_lost_negation_points_at_the_verb_group_of_its_clause():
    (f,) = check("MEAN001", "Le comité a validé le budget.", source="委员会没有通过预算。", src_lang="zh")
    assert f.target.text == "a validé" and f.source.text == "没"
    text = "Selon le maire, les travaux ont commencé et la route est ouverte."
    (g,) = check("MEAN001", text, source="According to the mayor, work has begun and the road is not open.")
    assert g.target.text == "est ouverte"


def test_mean002_points_at_the_wrong_direction():
    (f,) = check("MEAN002", "Le chômage a grimpé de 2 %.", source="Unemployment dropped by 2%.")
    assert f.target.text == "grimpé"


def test_mean003_points_at_the_other_modal_placed_like_the_source_one():
    (f,) = check("MEAN003", "Il a dû partir tôt et devra vendre la ferme.",
                 source="He had to leave early and may sell the farm.")
    assert f.target.text == "devra"


def test_mean004_is_a_neutral_hint():
    (f,) = check("MEAN004", "Le pont fermera en mai.", source="The bridge might close in May.")
    assert f.severity == Severity.NEUTRAL


@pytest.mark.parametrize("src,tgt", [
    ("The shop did not open.", "Der Laden öffnete nicht."),
])
def test_languages_without_cue_lists_are_not_checked(src, tgt):
    assert compare(src, "en", tgt, "de") == []


def test_mean005_bounds_count_only_next_to_a_number():
    (f,) = check("MEAN005", "Le club compte moins de 300 membres.", source="The club has over 300 members.")
    assert f.target.text == "moins de"
    # 超 of 超级 ("super") is no bound: no number next to it
    assert check("MEAN005", "Le supermarché vend moins de 300 produits.",
                 source="超级市场出售少于300种商品。", src_lang="zh") == []


def test_mean006_approximation_dropped():
    (f,) = check("MEAN006", "La crue a inondé 300 maisons.", source="The flood reached almost 300 homes.")
    assert f.target.text == "300"
    assert check("MEAN006", "La crue a inondé près de 300 maisons.", source="The flood reached almost 300 homes.") == []
    (g,) = check("MEAN006", "Ils ont vendu 100 vélos.", source="他们卖出了一百多辆自行车。", src_lang="zh")
    assert g.target.text == "100"


def test_negations_expressed_by_a_construction_or_a_verb_of_refusal():
    kinds = lambda s, sl, t: [p.kind for p in compare(s, sl, t, "fr")]  # noqa: E731
    assert kinds("The mayor declined to answer.", "en", "Le maire n’a pas voulu répondre.") == []
    assert kinds("The mayor wanted to answer.", "en", "Le maire n’a pas voulu répondre.") == ["negation-added"]
    assert kinds("这座桥太窄，无法通行卡车。", "zh", "Le pont est trop étroit pour les camions.") == []
    assert kinds("这座桥无法通行卡车。", "zh", "Le pont accueille les camions.") == ["negation-lost"]
    assert kinds("The box is too heavy to lift.", "en", "On ne peut pas soulever la boîte.") == []


def test_jamais_after_a_superlative_means_ever_and_a_bare_pas_negates():
    assert [c for c in cues("Le plus long pont jamais construit en Europe.", "fr") if c.cls == "neg"] == []
    assert [c for c in cues("Il restera à jamais dans nos mémoires.", "fr") if c.cls == "neg"] == []
    assert [c.text for c in cues("Le plus long pont ne sera jamais construit.", "fr") if c.cls == "neg"] == \
        ["ne sera jamais"]
    assert [c.text for c in cues("C’est un outil, pas une fin.", "fr") if c.cls == "neg"] == [", pas"]
    assert compare("工具只是手段，不是目的。", "zh", "L’outil n’est qu’un moyen, pas une fin.", "fr") == []


def test_negation_added_beside_a_chinese_word_holding_one_is_a_neutral_hint():
    (p,) = compare("夜空中有无数的星星。", "zh", "Le ciel nocturne compte des étoiles sans nombre.", "fr")
    assert p.kind == "negation-added" and p.weak
    (q,) = compare("这款耳机很轻。", "zh", "Ce casque n’est pas léger.", "fr")
    assert not q.weak
    (f,) = check("MEAN001", "Le ciel compte des étoiles sans nombre.", source="天上有无数的星星。", src_lang="zh")
    assert f.severity == Severity.NEUTRAL


def test_short_english_words_negated_by_un_count_as_a_negation_in_a_word():
    kinds = lambda s, sl, t, tl: [p.kind for p in compare(s, sl, t, tl)]  # noqa: E731
    # en→fr: a lexical negation on both sides
    assert kinds("The mine left an unmet demand for copper.", "en",
                 "La mine a laissé une demande de cuivre non satisfaite.", "fr") == []
    assert kinds("The boat was unfit for the storm.", "en",
                 "Le bateau n’était pas en état d’affronter la tempête.", "fr") == []
    assert kinds("An unpaid invoice and an incomplete file.", "en",
                 "Une facture sans règlement et un dossier non terminé.", "fr") == []
    # fr→en: the French negation rendered by a prefixed English word
    assert kinds("Les besoins en eau restent non couverts.", "fr",
                 "Water needs remain unmet.", "en") == []
    # a negation that the source does not hold is still reported, and so is a lost one
    assert kinds("The mine left a steady demand for copper.", "en",
                 "La mine a laissé une demande de cuivre non satisfaite.", "fr") == ["negation-added"]
    assert kinds("The mine did not meet the demand.", "en",
                 "La mine a satisfait la demande.", "fr") == ["negation-lost"]
    # in-, dé- before a three-letter word are no negation (input, démon)
    assert not any(c.cls == "neg-lex" for c in cues("The input was under review.", "en"))
    assert not any(c.cls == "neg-lex" for c in cues("Le démon du délit.", "fr"))


def test_chinese_litotes_rendered_by_the_antonym():
    kinds = lambda s, sl, t: [p.kind for p in compare(s, sl, t, "fr")]  # noqa: E731
    # 不高 "not high" → "modestes", 并不多 "not many" → "peu": the meaning is kept
    assert kinds("这家小店的利润并不高。", "zh", "Les bénéfices de cette petite boutique restent modestes.") == []
    assert kinds("来参观博物馆的游客不多。", "zh", "Peu de visiteurs viennent au musée.") == []
    # the adjective itself, with no negation, is a real loss
    assert kinds("这家小店的利润并不高。", "zh", "Les bénéfices de cette petite boutique sont élevés.") == ["negation-lost"]
    # a negation that is no litotes is still reported
    assert kinds("这家小店周日不开门。", "zh", "La petite boutique ouvre le dimanche, un jour modeste.") == ["negation-lost"]
