"""Term matching on large generated glossaries: the Aho–Corasick character matcher finds
exactly what a plain scan of every form finds, and -er verbs are judged the same in a
batch as one by one."""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.terms import text as terms_text
from toolkit.terms.matcher import Match, Matcher, _edges_ok, compile_forms

HAN = "山水火木金土日月人口大小中天地上下左右"
LATIN = "abAB1D"


def scan(matcher: Matcher, text: str, offset: int, segment: int) -> list[Match]:
    """The reference: every form looked for on its own with str.find (overlaps kept)."""
    lowered = text.lower() if len(text.lower()) == len(text) else text
    out = []
    for f in matcher.forms:
        needle = f.text if f.case_sensitive else f.text.lower()
        hay = text if f.case_sensitive else lowered
        pos = hay.find(needle)
        while pos != -1:
            end = pos + len(needle)
            if _edges_ok(text, pos, end):
                out.append(Match(pos + offset, end + offset, "", f, f.role, segment))
            pos = hay.find(needle, pos + 1)
    return out


def as_set(matches: list[Match]) -> set:
    return {(m.start, m.end, m.form.id, m.role, m.segment) for m in matches}


def glossary(rng: random.Random, size: int) -> list[tuple[str, str, int, bool]]:
    items = []
    for n in range(size):
        text = "".join(rng.choice(HAN + LATIN) for _ in range(rng.randint(1, 4)))
        items.append((text, rng.choice(["source", "accepted", "forbidden"]), n, rng.random() < 0.5))
    return items


def test_generated_glossaries_match_as_a_plain_scan():
    rng = random.Random(7)
    for size in (1, 30, 2000):
        matcher = Matcher(compile_forms(glossary(rng, size), "zh"), "zh")
        for _ in range(20):
            text = "".join(rng.choice(HAN + LATIN + "。 ") for _ in range(rng.randint(0, 120)))
            fast = matcher._char_candidates(text, 50, 3)
            slow = scan(matcher, text, 50, 3)
            assert len(fast) == len(slow)
            assert as_set(fast) == as_set(slow)
            # and the selected matches (longest first, one use per position) are the same
            assert [(m.start, m.end, m.form.id) for m in matcher.find([], text, 50, 3)] == \
                [(m.start, m.end, m.form.id) for m in _select_from(slow, text)]


def _select_from(cands: list[Match], text: str) -> list[Match]:
    from toolkit.terms.matcher import select

    return select(list(cands), set(), lambda m: range(m.start, m.end), text, 50)


@settings(max_examples=150, deadline=None)
@given(forms=st.lists(st.tuples(st.text(alphabet=HAN + LATIN + "İ", min_size=1, max_size=3),
                                 st.booleans()), min_size=1, max_size=12),
       text=st.text(alphabet=HAN + LATIN + "İ ", max_size=40))
def test_any_forms_any_text_same_as_scan(forms, text):
    items = [(t, "accepted", n, cs) for n, (t, cs) in enumerate(forms)]
    matcher = Matcher(compile_forms(items, "ja"), "ja")
    assert as_set(matcher._char_candidates(text, 0, 0)) == as_set(scan(matcher, text, 0, 0))


def test_a_form_in_the_case_insensitive_automaton_ignores_case_only_there():
    items = [("Ab", "accepted", 0, True), ("Ab", "forbidden", 1, False)]
    matcher = Matcher(compile_forms(items, "zh"), "zh")
    found = {(m.start, m.role) for m in matcher._char_candidates("山ab水Ab", 0, 0)}
    assert found == {(1, "forbidden"), (4, "forbidden"), (4, "accepted")}


def test_no_forms_finds_nothing():
    assert Matcher([], "zh").find([], "山水", 0) == []


@pytest.mark.parametrize("lemmatizer", ["lookup", "spacy"])
def test_er_verbs_in_a_batch_as_one_by_one(lemmatizer, monkeypatch):
    monkeypatch.setenv("MTQA_LEMMATIZER", lemmatizer)
    words = ["chanter", "clocher", "danser", "rocher", "Parler", "mer", "plonger", "boulanger"]
    batch = terms_text.er_verbs(words, "fr")
    assert {"chanter", "danser", "plonger"} <= batch
    one_by_one = set()
    for w in words:
        terms_text._ER_VERBS[lemmatizer].pop(w, None)
        if terms_text.is_er_verb(w, "fr"):
            one_by_one.add(w)
    assert batch == one_by_one
    assert "Parler" not in batch and "mer" not in batch  # capitalised, too short
    assert terms_text.er_verbs(words, "en") == set()
