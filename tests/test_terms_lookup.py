"""The default lookup lemmatiser (simplemma's tables, no part of speech, no spaCy import),
on invented sentences about bees, stars and needlework; and the spaCy one kept behind
MTQA_LEMMATIZER=spacy."""
import subprocess
import sys

import pytest

from toolkit import nlp
from toolkit.errors import UsageError
from toolkit.rules.meaning import _verbs
from toolkit.terms.lemmas import Lookup
from toolkit.terms.matcher import find_in_text
from toolkit.terms.text import er_verbs, lookup, tokenize
from toolkit.textutil import fold


@pytest.fixture
def lookup_lemmas(monkeypatch):
    monkeypatch.delenv("MTQA_LEMMATIZER", raising=False)


def keys_of(text, word):
    (tok,) = [t for t in tokenize([(text, 0)], "fr")[0] if t.text == word]
    return tok.keys


def found(text, *forms, **kw):
    return [(text[s:e], f) for s, e, f in find_in_text(text, list(forms), "fr", **kw)]


def test_the_lookup_lemmatiser_is_the_default(lookup_lemmas, monkeypatch):
    assert nlp.lemmatizer() == "lookup"
    monkeypatch.setenv("MTQA_LEMMATIZER", " SpaCy ")
    assert nlp.lemmatizer() == "spacy"
    monkeypatch.setenv("MTQA_LEMMATIZER", "stanza")
    with pytest.raises(UsageError, match="MTQA_LEMMATIZER='stanza'"):
        nlp.lemmatizer()


def test_the_signature_names_the_lemmatiser(monkeypatch):
    from toolkit import api

    monkeypatch.delenv("MTQA_LEMMATIZER", raising=False)
    from importlib.metadata import version

    assert api.signature(api.Selection()).endswith(f"|lemmas:lookup/simplemma:{version('simplemma')}")
    monkeypatch.setenv("MTQA_LEMMATIZER", "spacy")
    assert api.signature(api.Selection()).endswith("|lemmas:spacy")


def test_plural_nouns_match_their_singular(lookup_lemmas):
    text = "Les apiculteurs ont inspecté les ruches et les vitraux de la chapelle."
    assert found(text, "ruche", "vitrail") == [("ruches", "ruche"), ("vitraux", "vitrail")]
    assert "vitrail" in keys_of(text, "vitraux")  # a plural the light singular rule misses


def test_feminine_and_plural_adjectives_get_their_masculine(lookup_lemmas):
    text = "Des aurores boréales éclairaient les nébuleuses vertes."
    assert "boreal" in keys_of(text, "boréales") and "vert" in keys_of(text, "vertes")
    assert found(text, "boréal") == [("boréales", "boréal")]


def test_conjugated_verbs_of_the_three_groups(lookup_lemmas):
    text = "Les ouvrières butinent, l’opticien polit les lentilles, le berger tond les brebis."
    assert found(text, "butiner", "polir", "tondre") == [
        ("butinent", "butiner"), ("polit", "polir"), ("tond", "tondre")]
    # an inflected past participle gets its verb as well as its adjective reading
    assert {"observe", "observer"} <= keys_of("Des comètes observées hier.", "observées")
    assert "cueillir" in keys_of("Les fleurs cueillies hier.", "cueillies")


def test_elided_articles_and_multi_word_terms(lookup_lemmas):
    text = "L’essaim quitte la ruche ; on compte des amas d’étoiles et deux rayons de miel."
    toks = tokenize([(text, 0)], "fr")[0]
    assert [t.text for t in toks[:2]] == ["L’", "essaim"] and "le" in toks[0].keys
    assert found(text, "essaim", "amas d'étoile", "rayon de miel") == [
        ("essaim", "essaim"), ("amas d’étoiles", "amas d'étoile"), ("rayons de miel", "rayon de miel")]


def test_words_the_tables_leave_alone_are_their_own_lemma(lookup_lemmas):
    toks = tokenize([("Le télescope Orvanne observe 3 comètes.", 0)], "fr")[0]
    by = {t.text: t for t in toks}
    assert by["télescope"].lemma == "télescope" and by["comètes"].lemma == "comète"
    assert by["3"].lemma == "" and by["."].lemma == ""
    assert by["observe"].pos == "VERB" and by["télescope"].pos == ""


def test_no_verb_reading_for_a_noun_in_e_acute(lookup_lemmas):
    # without a tagger, a noun shaped like a participle must not match the verb it looks
    # like (a forbidden *marcher* must not flag *marchés*), unlike a real participle
    text = "Les marchés et les députés ont observé les comètes."
    assert found(text, "marcher", "députer", role="forbidden") == []
    assert found(text, "observer", role="forbidden") == [("observé", "observer")]
    assert found("Elle tricote une écharpe.", "tricot") == []  # a lemma never shortens a word


def test_er_verbs_without_a_tagger(lookup_lemmas):
    words = ["butiner", "hiverner", "broder", "tablier", "sentier", "rocher", "Butiner"]
    assert er_verbs(words, "fr") == {"butiner", "hiverner", "broder"}
    assert er_verbs(words, "de") == set()


def test_du_des_au_aux_match_their_preposition(lookup_lemmas):
    text = "La saison du miel et le retour aux ruches."
    assert found(text, "saison de miel", "retour à ruche") == [
        ("saison du miel", "saison de miel"), ("retour aux ruches", "retour à ruche")]


def test_pos_free_verb_groups_for_a_lost_negation(lookup_lemmas):
    def group(clause):
        got = _verbs(clause, "fr")
        return clause[got[0][0]:got[-1][1]] if got else None

    assert group("la reine a quitté la ruche") == "a quitté"
    assert group("les brebis sont déjà tondues") == "sont déjà tondues"
    assert group("le berger tond les brebis") == "tond"
    assert group("une chapelle aux vitraux bleus") is None
    assert _verbs("the hive is empty", "en") == []


def test_lookup_tables_are_loaded_once_per_language():
    assert lookup("fr") is lookup("fr") and isinstance(lookup("fr"), Lookup)
    assert lookup("en") is None  # English keeps its suffix stripper, as with spaCy


@pytest.mark.parametrize("mode,imports_spacy", [("lookup", False), ("spacy", True)])
def test_only_the_spacy_lemmatiser_imports_spacy(mode, imports_spacy):
    code = ("import sys\n"
            "from toolkit.terms.text import tokenize, er_verbs\n"
            "from toolkit.rules.meaning import _verbs\n"
            "toks = tokenize([('Les abeilles butinaient des fleurs cueillies.', 0)], 'fr')[0]\n"
            "assert 'butiner' in toks[2].keys, toks[2]\n"
            "assert er_verbs(['butiner'], 'fr') == {'butiner'}\n"
            "assert _verbs('la reine a quitté la ruche', 'fr')\n"
            "print('spacy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**__import__("os").environ, "MTQA_LEMMATIZER": mode}, check=True)
    assert out.stdout.strip() == str(imports_spacy)


def test_both_lemmatisers_match_the_same_inflections(monkeypatch):
    text = "Les apicultrices ont récolté trois ruches ; les abeilles butinent les tilleuls."
    forms = ["ruche", "butiner", "récolter", "apicultrice", "tilleul"]
    monkeypatch.setenv("MTQA_LEMMATIZER", "spacy")
    tagged = found(text, *forms)
    monkeypatch.setenv("MTQA_LEMMATIZER", "lookup")
    assert found(text, *forms) == tagged and len(tagged) == 5
    assert fold("récolté") in keys_of(text, "récolté")
