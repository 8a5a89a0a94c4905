"""The term matcher: inflections, elisions, multi-word, longest match, position used once."""
from toolkit.terms.matcher import Matcher, compile_forms, find_in_text
from toolkit.terms.text import singular, split, tokenize, verb_family


def found(text, forms, lang="fr", cs=False):
    return [t for _, _, t in find_in_text(text, forms, lang, cs)]


def test_plural_and_lemma():
    assert found("Les nouvelles puces sont rapides.", ["puce"]) == ["puce"]
    assert found("Les centres de données ferment.", ["centre de données"]) == ["centre de données"]


def test_verb_family_includes_derived_noun():
    assert "entrainement" in verb_family("entraîner")
    assert found("L’entraînement dure. Il entraîne le modèle.", ["entraîner"]) == ["entraîner", "entraîner"]


def test_forbidden_verb_is_not_widened():
    forms = compile_forms([("former", "forbidden", 0, False)], "fr")
    m = Matcher(forms, "fr")
    text = "Une forme étrange et une formation."
    toks = tokenize([(text, 0)], "fr")[0]
    assert m.find(toks, text, 0) == []


def test_elisions_and_apostrophes():
    assert found("Le taux d'intérêt monte.", ["taux d’intérêt"]) == ["taux d’intérêt"]
    assert found("l’apprentissage profond", ["apprentissage"]) == ["apprentissage"]
    assert [t for _, _, t in split("qu' ils l’IA")] == ["qu'", "ils", "l’", "IA"]


def test_longest_match_first_and_positions_used_once():
    hits = find_in_text("Le coup de pied de réparation et le coup de pied.",
                        ["coup de pied de réparation", "coup de pied", "pied"])
    assert [(t) for _, _, t in hits] == ["coup de pied de réparation", "coup de pied"]


def test_chinese_longest_match_and_latin_edges():
    hits = find_in_text("米兰达·科斯塔说，科斯塔很忙。X10不是X1。", ["科斯塔", "米兰达·科斯塔", "X1"], "zh")
    assert [t for _, _, t in hits] == ["米兰达·科斯塔", "科斯塔", "X1"]
    assert hits[-1][0] == "米兰达·科斯塔说，科斯塔很忙。X10不是X1。".rindex("X1")


def test_case_sensitive_and_english_inflection():
    assert found("VELMORA et Velmora", ["Velmora"], cs=True) == ["Velmora"]
    assert found("VELMORA et Velmora", ["Velmora"], cs=False) == ["Velmora", "Velmora"]
    assert found("Two blood tests were ordered.", ["blood test"], "en") == ["blood test"]


def test_singular_is_light():
    assert singular("puces") == "puce" and singular("virus") == "virus" and singular("taux") == "taux"
