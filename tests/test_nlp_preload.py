"""preload() leaves the pipelines loaded, so that later calls (and forked workers) reuse them."""
from toolkit import nlp


def test_preload_loads_each_pipeline_once():
    nlp.preload(("fr", "de"))
    fr = nlp.sentences("fr")
    assert nlp.sentences("fr") is fr
    assert "senter" in fr.pipe_names
    assert nlp.analyser("fr") is nlp.analyser("fr") and "lemmatizer" in nlp.analyser("fr").pipe_names
    assert "sentencizer" in nlp.sentences("de").pipe_names
    assert nlp.sentences.cache_info().hits >= 1
