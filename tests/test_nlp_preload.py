"""preload() leaves the sentence splitters and models loaded, so that later calls (and
forked workers) reuse them; the spaCy sentence pipelines only when they are the splitter."""
from toolkit import nlp


def test_preload_loads_each_pipeline_once(monkeypatch):
    monkeypatch.delenv(nlp.SPLITTER_ENV, raising=False)
    nlp.rule_splitter.cache_clear()
    nlp.preload(("fr", "de"))
    assert nlp.rule_splitter.cache_info().currsize == 2  # French and German, loaded once
    fr = nlp.rule_splitter("fr")
    assert nlp.rule_splitter("fr") is fr and nlp.rule_splitter.cache_info().hits >= 1
    assert nlp.analyser("fr") is nlp.analyser("fr") and "lemmatizer" in nlp.analyser("fr").pipe_names


def test_preload_with_the_spacy_splitter_loads_its_pipelines():
    nlp.preload(("fr", "de"), splitter="spacy")
    fr = nlp.sentences("fr")
    assert nlp.sentences("fr") is fr
    assert "senter" in fr.pipe_names
    assert "sentencizer" in nlp.sentences("de").pipe_names
    assert nlp.sentences.cache_info().hits >= 1
