"""TYPO rules: exact spans, messages, suggestions, and the cases they must leave alone."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ruletest import NB, NN, check


def spans(findings):
    return [(f.target.start, f.target.end, f.target.text, f.suggestion) for f in findings]


# -- TYPO001 --------------------------------------------------------------------------------

def test_typo001_glued_mark_is_the_span():
    text = "Le menu du jour: soupe."
    (f,) = check("TYPO001", text)
    assert (f.target.start, f.target.end, f.target.text) == (15, 16, ":")
    assert f.suggestion == NB + ":" and "no space" in f.message


def test_typo001_ordinary_space_is_part_of_the_span():
    text = "Qui a gagné la course ? Personne !"
    found = check("TYPO001", text)
    assert spans(found) == [(21, 23, " ?", NN + "?"), (32, 34, " !", NN + "!")]
    assert "ordinary space" in found[0].message


def test_typo001_runs_are_one_mark():
    found = check("TYPO001", "Il a vraiment marqué?!")
    assert spans(found) == [(20, 22, "?!", NN + "?!")]


def test_typo001_semicolon():
    assert spans(check("TYPO001", "Il pleut; la route est fermée.")) == [(8, 9, ";", NN + ";")]


@pytest.mark.parametrize("text", [
    f"Le chef l’a dit{NB}: la sauce doit réduire{NN}; elle épaissit{NN}!",
    f"Qui a gagné{NN}? Rendez-vous à 10:30, score 3:1, format 16:9.",
    "Voir https://exemple.org/page?id=3&x=4 et ftp://serveur.fr:21/fichier.",
    f"Le code `a:b` et std::vector{NB}; un clin d’œil :) ou ;-)",
    f"Sel&nbsp;: une pincée{NN}!",
    "Ceci est suivi\n: d’une ligne.",
])
def test_typo001_leaves_alone(text):
    assert check("TYPO001", text) == []


def test_typo_rules_only_run_on_french():
    for rule_id in ("TYPO001", "TYPO002", "TYPO003", "TYPO005"):
        assert check(rule_id, 'Hello: "world" , here  now « x »?', lang="en") == []


# -- TYPO002 --------------------------------------------------------------------------------

def test_typo002_both_sides_wrong_is_one_finding_over_the_quotation():
    text = "Un « grand moment » ici."
    (f,) = check("TYPO002", text)
    assert (f.target.start, f.target.end) == (3, 19)
    assert f.suggestion == f"«{NB}grand moment{NB}»"


def test_typo002_one_side_wrong():
    text = f"Elle dit «{NB}bravo » et «merci{NB}»."
    found = check("TYPO002", text)
    close, open_ = text.index(" »"), text.index("«m")
    assert sorted(spans(found)) == [(close, close + 2, " »", NB + "»"), (open_, open_ + 1, "«", "«" + NB)]


def test_typo002_accepts_both_no_break_spaces():
    assert check("TYPO002", f"Un «{NB}plat{NB}» et un «{NN}dessert{NN}».") == []


# -- TYPO003 --------------------------------------------------------------------------------

def test_typo003_reports_each_straight_quote_of_a_pair():
    text = 'Le guide parle d’un "trésor caché" au bord du lac.'
    found = check("TYPO003", text)
    assert spans(found) == [(20, 21, '"', "«" + NB), (33, 34, '"', NB + "»")]


def test_typo003_takes_the_ordinary_spaces_inside():
    text = 'Il a dit " oui " hier.'
    assert spans(check("TYPO003", text)) == [(9, 11, '" ', "«" + NB), (14, 16, ' "', NB + "»")]


@pytest.mark.parametrize("text", [
    'L’écran mesure 15" et le code est `print("ok")`.',
    'Un seul guillemet " ici.',  # odd count: left to MARK003
    'Config : {"taille": "grande"}',
])
def test_typo003_leaves_alone(text):
    assert check("TYPO003", text) == []


# -- TYPO004 --------------------------------------------------------------------------------

def test_typo004_flags_the_minority_apostrophe():
    text = "L’équipe d’Italie a gagné l’étape, puis l'arrivée."
    (f,) = check("TYPO004", text)
    p = text.index("'")
    assert (f.target.start, f.target.end, f.suggestion) == (p, p + 1, "’")
    assert "3 to 1" in f.message


def test_typo004_majority_straight():
    text = "L'équipe d'Italie a gagné l'étape, puis l’arrivée."
    (f,) = check("TYPO004", text)
    assert (f.target.text, f.suggestion) == ("’", "'")


def test_typo004_consistent_texts_are_fine():
    assert check("TYPO004", "L’équipe d’Italie, aujourd’hui.") == []
    assert check("TYPO004", "L'équipe d'Italie, aujourd'hui.") == []
    assert check("TYPO004", "Le mot 'fromage' et l’équipe.") == []  # quotes, not apostrophes


# -- TYPO005 --------------------------------------------------------------------------------

def test_typo005_space_before_comma_and_period():
    text = "Le train part à midi , pas avant ."
    assert spans(check("TYPO005", text)) == [(20, 22, " ,", ","), (32, 34, " .", ".")]


def test_typo005_double_spaces():
    text = "Le train part.  Il arrive."
    (f,) = check("TYPO005", text)
    assert (f.target.start, f.target.end, f.suggestion) == (14, 16, " ")


@pytest.mark.parametrize("text", [
    "Voir le fichier horaires .pdf et la valeur .5 ainsi que ...",
    "Une liste :\n    indentée, puis (...) et [...].",
])
def test_typo005_leaves_alone(text):
    assert check("TYPO005", text) == []


def test_correct_french_text_has_no_typo_findings():
    text = (f"Le marathon de Lyon{NB}: 12{NN}000 coureurs{NN}! «{NB}Un record{NB}», dit l’organisateur.\n\n"
            f"Départ à 8:30 (heure locale){NN}; arrivée vers midi{NN}? Voir https://exemple.org.")
    for rule_id in ("TYPO001", "TYPO002", "TYPO003", "TYPO004", "TYPO005"):
        assert check(rule_id, text) == [], rule_id


def test_emoticon_data_file():
    from toolkit.rules.typo import DATA, emoticons

    lines = (DATA / "typo_emoticons.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and any("Source" in x for x in lines if x.startswith("#"))
    found = emoticons()
    assert ":)" in found and ";-)" in found and len(found) == len(set(found))
    assert all(e[0] in ":;" for e in found)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "é", "1", " ", "\n", ".", "-", "_", "+", "@", "`", "```", "http://",
                                 "www.", "<b>", "</b>", "&amp;", "](x)", "{{n}}", "{n}", "%(n)s", "«"]),
                max_size=16))
def test_protected_regions_without_at_sign_are_the_full_scan(pieces):
    from toolkit.rules.typo import _PROTECTED_RE, protected_regions

    text = "".join(pieces)
    assert protected_regions(text).ranges == [(m.start(), m.end()) for m in _PROTECTED_RE.finditer(text)]
