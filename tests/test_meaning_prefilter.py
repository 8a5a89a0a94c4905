"""The quick pre-check of the meaning cues never hides a match of the full patterns."""
import random

from hypothesis import given, settings, strategies as st

from toolkit import meaning, meaning_scan

CLASSES = [(lang, cls) for lang in ("en", "fr", "zh") for cls in meaning.CLASSES + ("not-neg",)
           if meaning.cue_words(lang, cls)]


def sentences(seed: int, n: int = 300):
    """Invented sentences that mix cue words (any case, inside other words) with filler."""
    rng = random.Random(seed)
    filler = ["the", "barn", "roof", "la", "grange", "toit", "ciel", "de", "谷仓", "屋顶", "天空", ",", "."]
    for _ in range(n):
        lang, cls = rng.choice(CLASSES)
        words = [rng.choice(filler) for _ in range(rng.randint(2, 12))]
        cue = rng.choice(meaning.cue_words(lang, cls)).strip("*")
        cue = rng.choice([cue, cue.upper(), cue.title(), "x" + cue, cue + "s"])
        words.insert(rng.randint(0, len(words)), cue)
        yield lang, cls, ("" if lang == "zh" else " ").join(words)


def test_precheck_passes_every_sentence_the_pattern_matches():
    checked = 0
    for lang, cls, text in sentences(7):
        norm = meaning._normalise(text)
        if meaning_scan.pattern(lang, cls).search(norm):
            checked += 1
            assert meaning_scan.may_match(lang, cls, norm.lower()), (lang, cls, text)
    assert checked > 100  # the generator really produces matches


def test_precheck_rejects_text_without_any_cue():
    assert not meaning_scan.may_match("en", "neg", "the barn roof is red")
    assert meaning_scan.may_match("en", "neg", "the barn roof is not red")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(min_size=0, max_size=80), st.sampled_from(["en", "fr", "zh"]))
def test_cues_of_any_text_are_found_inside_it(text, lang):
    for cue in meaning.cues(text, lang):
        assert 0 <= cue.start < cue.end <= len(text) and text[cue.start:cue.end] == cue.text
