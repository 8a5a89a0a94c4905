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


def test_frequencies_read_directly_equal_wordfreq():
    import random

    from wordfreq import zipf_frequency

    for lang in ("fr", "en"):
        listed = [w for w in lexicon.frequency_dict(lang) if lexicon.PLAIN_WORD_RE.fullmatch(w)]
        sample = random.Random(7).sample(listed, 3000)
        sample += [w + "zq" for w in sample[:500]] + ["œuvre", "cœurs", "août", "naïve", "zzzzqx"]
        for word in sample:
            got = lexicon._direct_zipf(word, lang)
            want = zipf_frequency(word, lang)
            assert (got, str(got)) == (want, str(want)), (lang, word)
    assert lexicon.zipf("Aujourd’hui", "fr") == zipf_frequency("Aujourd'hui", "fr")


def test_token_caches_hand_out_copies_and_long_texts_match():
    short = "Le PDG d’Acme a vu www.example.org hier. Puis il est parti."
    first = tokens(short, 10)
    first.clear()
    assert [t.text for t in tokens(short, 10)] == ["Le", "PDG", "Acme", "a", "vu", "hier", "Puis", "il",
                                                   "est", "parti"]
    long_text = " ".join([short] * 80)
    assert len(long_text) > lexicon.SHORT_TEXT
    pieces = [t for k in range(80) for t in tokens(short, k * (len(short) + 1))]
    assert tokens(long_text) == pieces
    for split in (True, False):
        assert lexicon.words(long_text, split) == [t.text for t in tokens(long_text, split_elision=split)]
        assert lexicon.words(short, split) == [t.text for t in tokens(short, split_elision=split)]
    assert lexicon.name_forms(long_text) == {"pdg", "acme"} == \
        {t.text.lower() for t in tokens(long_text) if t.text[:1].isupper() and not t.initial}


def test_url_hint_is_needed_by_every_url():
    import random

    pieces = ["a", "x1", "-", ".", "com", "FR", "http", "://", "WWW.", "@", "_", " ", "é", "uk", "+", "/"]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        assert not lexicon.URL_RE.search(text) or lexicon.URL_HINT_RE.search(text), text


def test_quick_checks_agree_with_the_definitions():
    import random

    def acronym(w):
        letters = [c for c in w if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    def camel(w):
        return any(c.isupper() for c in w[1:]) and any(c.islower() for c in w)

    rng = random.Random(5)
    for _ in range(20000):
        w = "".join(rng.choice("aAéÉ1-'ǅǆǄªß中_İı") for _ in range(rng.randint(0, 6)))
        assert lexicon.is_acronym(w) == acronym(w) and lexicon.is_camel(w) == camel(w), w
        assert lexicon.Token(0, len(w), w).has_digit == any(c.isdigit() for c in w)
    assert lexicon.letter_scripts("Ab 中文 b Я") == {"latin": 3, "han": 2, "cyrillic": 1}


def test_may_contain_never_rules_out_a_match():
    import random

    rng = random.Random(11)
    for _ in range(20000):
        needle = "".join(rng.choice("siSIéÉ-’' ") for _ in range(rng.randint(1, 5))).strip() or "s"
        text = "".join(rng.choice("siSIıİſéÉ-’' x") for _ in range(rng.randint(0, 12)))
        if any(True for _ in lexicon.find_word(needle, text)):
            assert lexicon.may_contain(needle, lexicon.case_key(text)), (needle, text)


def test_fold_matches_the_plain_definition_on_every_code_point():
    import unicodedata

    from toolkit.textutil import fold

    def plain(text):
        text = text.replace("’", "'").replace("‘", "'").lower()
        return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))

    for cp in range(0, 0x30000, 7):  # a spread over the assigned planes
        if not 0xD800 <= cp <= 0xDFFF:
            sample = f"É{chr(cp)}ça’"
            assert fold(sample) == plain(sample), hex(cp)
