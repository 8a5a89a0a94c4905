"""``glossary_keys`` finds terms with one Aho–Corasick pass per side: it must give exactly
the keys of the plain scan (every pair tried on every sentence) it replaced."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.align.features import SideFeatures, _term_pattern, fold, glossary_keys


def scan_keys(lexicon, src, tgt, src_cjk, tgt_cjk):
    """The reference: each pair's pattern searched in every folded sentence."""
    keys_s = [set() for _ in src]
    keys_t = [set() for _ in tgt]
    pairs = [(s, t) for s, t in lexicon if s and t and s.strip() and t.strip()]
    src_f, tgt_f = [fold(s) for s in src], [fold(t) for t in tgt]
    for n, (s_term, t_term) in enumerate(pairs):
        ps, pt = _term_pattern(s_term, src_cjk), _term_pattern(t_term, tgt_cjk)
        if ps is None or pt is None:
            continue
        for i, text in enumerate(src_f):
            if ps.search(text):
                keys_s[i].add(f"G{n}")
        for j, text in enumerate(tgt_f):
            if pt.search(text):
                keys_t[j].add(f"G{n}")
    return keys_s, keys_t


def fast_keys(lexicon, src, tgt, src_cjk, tgt_cjk):
    fs = SideFeatures([set() for _ in src], [set() for _ in src])
    ft = SideFeatures([set() for _ in tgt], [set() for _ in tgt])
    glossary_keys(lexicon, src, tgt, fs, ft, src_cjk, tgt_cjk)
    return fs.keys, ft.keys


# Invented words: overlapping and nested terms (tide / tides / riptide / rip tide),
# case and accents (Écluse / ecluse / ÉCLUSES), ligatures, Chinese terms inside others.
LATIN = ["tide", "tides", "riptide", "rip tide", "Écluse", "ecluse", "ÉCLUSES", "écluse du port",
         "port", "porte", "portes", "œuvre", "oeuvre", "Straße", "strasse", "quai", "quais",
         "barge", "barges", "Barge-Lock", "lock", "locks", "de", "  ", "", "a"]
HAN = ["水闸", "闸", "船闸", "港口", "口", "潮汐", "潮", "汐", "大潮汐"]
FILLER = ["the", "at", "and", "le", "la", ",", ".", "—", "3", "km", "hier"]
# glued after a term, these make endings of 1 to 4 word characters (\w: letters, digits, _)
ENDINGS = ["s", "es", "ers", "ings", "_", "_x", "3", "42", "²", "é", "ées", "'s"]


def _text(rng: random.Random, words: list[str], joiner: str) -> str:
    parts = []
    for _ in range(rng.randint(0, 12)):
        parts.append(rng.choice(words + FILLER))
        if joiner and rng.random() < 0.4:
            parts[-1] += rng.choice(ENDINGS)
        if joiner and rng.random() < 0.2:
            parts[-1] = rng.choice(["_", "x", "2", "-"]) + parts[-1]
    return joiner.join(parts)


def _case(rng: random.Random, term: str) -> str:
    return rng.choice([term, term.upper(), term.lower(), term.capitalize()])


def _case_data(seed: int):
    rng = random.Random(seed)
    src_cjk, tgt_cjk = rng.random() < 0.3, rng.random() < 0.3
    src_words = HAN + LATIN[:6] if src_cjk else LATIN
    tgt_words = HAN + LATIN[:6] if tgt_cjk else LATIN
    lexicon = [(_case(rng, rng.choice(src_words)), _case(rng, rng.choice(tgt_words)))
               for _ in range(rng.randint(0, 40))]
    src = [_text(rng, [_case(rng, w) for w in src_words], "" if src_cjk else " ")
           for _ in range(rng.randint(1, 8))]
    tgt = [_text(rng, [_case(rng, w) for w in tgt_words], "" if tgt_cjk else " ")
           for _ in range(rng.randint(1, 8))]
    return lexicon, src, tgt, src_cjk, tgt_cjk


def test_same_keys_as_the_scan_on_generated_glossaries():
    found = 0
    for seed in range(400):
        lexicon, src, tgt, src_cjk, tgt_cjk = _case_data(seed)
        expected = scan_keys(lexicon, src, tgt, src_cjk, tgt_cjk)
        assert fast_keys(lexicon, src, tgt, src_cjk, tgt_cjk) == expected, seed
        found += sum(map(len, expected[0] + expected[1]))
    assert found > 1000  # the generated cases do exercise matches


def test_nested_terms_and_inflection_each_get_their_key():
    src = ["The riptide hit the Barge-Lock.", "ÉCLUSES and tides"]
    tgt = ["Le courant a frappé l'écluse.", "des œuvres"]
    lexicon = [("tide", "courant"), ("riptide", "courants"), ("écluse", "Écluse"),
               ("ecluse", "oeuvre"), ("barge-lock", "ecluse")]
    keys_s, keys_t = fast_keys(lexicon, src, tgt, False, False)
    assert keys_s == [{"G1", "G4"}, {"G0", "G2", "G3"}]
    assert keys_t == [{"G0", "G2", "G4"}, {"G3"}]
    assert (keys_s, keys_t) == scan_keys(lexicon, src, tgt, False, False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LATIN + HAN), st.sampled_from(LATIN + HAN)), max_size=12),
       st.lists(st.text(alphabet="tideÉéclusportœeaqΒ水闸口潮汐 -'_3²", max_size=30), min_size=1, max_size=5),
       st.lists(st.text(alphabet="tideÉéclusportœeaqΒ水闸口潮汐 -'_3²", max_size=30), min_size=1, max_size=5),
       st.booleans(), st.booleans())
def test_same_keys_as_the_scan_on_any_text(lexicon, src, tgt, src_cjk, tgt_cjk):
    assert fast_keys(lexicon, src, tgt, src_cjk, tgt_cjk) == scan_keys(lexicon, src, tgt, src_cjk, tgt_cjk)
