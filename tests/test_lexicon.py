"""Shared lexical helpers: tokens with offsets, known words, names, data files."""
from toolkit import lexicon
from toolkit.lexicon import is_known_word, looks_like_name, tokens


def test_tokens_keep_offsets_and_split_elisions():
    text = "« L’entreprise » a dit qu’aujourd’hui le PDG de Bricoflex’s voit www.example.com."
    toks = tokens(text, base=100)
    words = [t.text for t in toks]
    assert words == ["entreprise", "a", "dit", "aujourd’hui", "le", "PDG", "de", "Bricoflex", "voit"]
    for t in toks:
        assert text[t.start - 100:t.end - 100] == t.text
    assert toks[0].initial and not toks[1].initial


def test_tokens_blank_cjk_and_mark_sentence_starts():
    toks = tokens("厨师用Thermix5搅拌。")
    assert [(t.text, t.start, t.end) for t in toks] == [("Thermix5", 3, 11)]
    toks = tokens("01 Grand potentiel. Oui: Bien joué")
    assert [t.text for t in toks if t.initial and not t.has_digit] == ["Grand", "Oui", "Bien"]


def test_known_words_with_inflection_compounds_and_derivation():
    for word in ("ordinateurs", "chevaux", "peut-être", "a-t-il", "aujourd’hui", "néobanque",
                 "vidéoarbitrage", "hyperscaleurs", "Covoiturage", "smartphone"):
        assert is_known_word(word), word
    for word in ("cloudbucket", "gouvernemment", "gaotie", "blorfage"):
        assert not is_known_word(word), word


def test_looks_like_name():
    toks = {t.text: t for t in tokens("Hier, Kowalczyk et iPhone ont vu l’OMS et la X7 à Lyon.")}
    assert looks_like_name(toks["Kowalczyk"]) and looks_like_name(toks["iPhone"])
    assert looks_like_name(toks["OMS"]) and looks_like_name(toks["X7"]) and looks_like_name(toks["Lyon"])
    assert not looks_like_name(toks["Hier"]) and not looks_like_name(toks["vu"])


def test_find_word_is_whole_word_and_apostrophe_blind():
    assert [m.group() for m in lexicon.find_word("main-d’œuvre", "la main-d'œuvre, la maind’œuvre")] == ["main-d'œuvre"]
    assert not list(lexicon.find_word("coin", "coincé"))


def test_data_files_name_their_source_and_parse():
    for name in ("false_friends_en_fr.tsv", "surnames_zh.txt", "lexicon_affixes_fr.tsv",
                 "lexicon_doublings.tsv", "lexicon_acronyms_en_fr.tsv"):
        head = (lexicon.DATA / name).read_text(encoding="utf-8").split("\n", 12)
        assert any(line.startswith("#") and "Source" in line for line in head), name
    assert {"王", "李", "欧阳"} <= lexicon.surnames_zh()
    assert all(len(r) == 4 for r in lexicon.data_rows("false_friends_en_fr.tsv"))
    assert "IA" in lexicon.acronyms_en_fr()["AI"]
    prefixes, suffixes = lexicon.affixes()
    assert "néo" in prefixes and "eur" in suffixes
    assert ("fr", "nous") in lexicon.doublings()
