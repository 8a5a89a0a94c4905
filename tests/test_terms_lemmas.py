"""Lemmatising only where a lemma can change a glossary match (the spaCy lemmatiser:
the lookup one lemmatises every text, see test_terms_lookup.py)."""
import pytest

from toolkit.terms.analysis import relevance
from toolkit.terms.lemmas import LemmaTables, needs_analysis
from toolkit.terms.matcher import Matcher, compile_forms
from toolkit.terms.text import _analyser, _surface_keys, _tables, tokenize

SENTENCES = [
    "Les chevaux étaient épuisés et ils ont bu de l’eau fraîche.",
    "Nous avions repeint les volets pendant que vous dormiez.",
    "Elle s’est rendue aux urgences, où les médecins l’ont soignée.",
    "Les yeux des enfants brillaient devant les vitrines illuminées.",
    "Qu’auraient-ils fait sans les travaux menés par les équipes locales ?",
    "Les premières caisses seront livrées aux quincailleries dès lundi.",
]
FORMS = [("cheval", "accepted", 0, False), ("repeindre", "accepted", 1, False),
         ("se rendre", "accepted", 2, False), ("œil", "accepted", 3, False),
         ("équipe locale", "accepted", 4, False), ("livrer", "forbidden", 5, False),
         ("être épuisé", "accepted", 6, False), ("quincaillerie", "accepted", 7, False)]


@pytest.fixture(autouse=True)
def spacy_lemmas(monkeypatch):
    monkeypatch.setenv("MTQA_LEMMATIZER", "spacy")


@pytest.fixture
def tables(spacy_lemmas):
    if _analyser("fr") is None:
        pytest.skip("no French model")
    t = _tables("fr")
    assert isinstance(t, LemmaTables)
    return t


def test_possible_lemmas_cover_the_pipeline(tables):
    for toks in tokenize([(s, 0) for s in SENTENCES], "fr"):
        for t in toks:
            assert t.lemma in tables.possible(t.text), (t.text, t.lemma)


def test_only_texts_with_a_relevant_lemma_are_analysed(tables):
    rel = relevance(compile_forms([("travail", "accepted", 0, False)], "fr"))
    surface = _surface_keys("fr")
    assert needs_analysis("Les travaux avancent .".split(), rel, tables, surface)
    assert not needs_analysis("Le travail avance .".split(), rel, tables, surface)  # surface suffices
    assert not needs_analysis("La pluie tombe .".split(), rel, tables, surface)
    assert needs_analysis("La pluie tombe .".split(), rel, None, surface)  # cannot predict: analyse


def test_a_function_word_matters_only_next_to_its_form():
    rel = relevance(compile_forms([("difficulté de respirer", "accepted", 0, False)], "fr"))
    tables, surface = _tables("fr"), _surface_keys("fr")
    assert not needs_analysis("Il parle des saisons .".split(), rel, tables, surface)
    assert needs_analysis("Des difficultés des patients .".split(), rel, tables, surface)


def test_matches_are_the_same_with_and_without_the_filter(tables):
    forms = compile_forms(FORMS, "fr")
    texts = [(s, 0) for s in SENTENCES + ["Le ciel est bleu.", "Ils ont mangé."]]
    full = tokenize(texts, "fr")
    part = tokenize(texts, "fr", relevant=relevance(forms))
    matcher = Matcher(forms, "fr")
    for (text, _), a, b in zip(texts, full, part):
        assert [(t.start, t.end, t.text) for t in a] == [(t.start, t.end, t.text) for t in b]
        assert matcher.find(a, text, 0) == matcher.find(b, text, 0)
    assert any(m.form.text == "cheval" for m in matcher.find(full[0], texts[0][0], 0))
    assert sum(1 for toks in part if any(t.lemma for t in toks)) < len(texts)
