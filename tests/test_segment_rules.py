"""The default sentence splitter (rule-based, no spaCy): boundaries on invented French,
English and German text, exact offsets whatever the spaces, long lines, and the spaCy
splitter still reachable."""
import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import segment as seg
from toolkit.readers import from_text
from toolkit.segment import segment, split_spans


def sents(text: str, lang: str, splitter: str = "rules") -> list[str]:
    spans = list(split_spans(text, [(0, len(text))], lang, splitter))
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize("lang,text,expected", [
    # abbreviations and titles stay inside their sentence
    ("fr", "M. Garnier a ouvert la séance. Mme Roux a pris la parole.",
     ["M. Garnier a ouvert la séance.", "Mme Roux a pris la parole."]),
    ("fr", "Le maire a salué M.\u00a0Garnier. Le conseil a voté.",
     ["Le maire a salué M.\u00a0Garnier.", "Le conseil a voté."]),
    ("fr", "Il cite p. ex. la délibération n° 14. Elle date de mars.",
     ["Il cite p. ex. la délibération n° 14.", "Elle date de mars."]),
    ("fr", "On vend des choux, des navets, etc. La récolte est bonne.",
     ["On vend des choux, des navets, etc.", "La récolte est bonne."]),
    ("fr", "Il acheta des clous, des vis, etc. pour la cabane.",
     ["Il acheta des clous, des vis, etc. pour la cabane."]),
    # decimals
    ("fr", "La pluie a atteint 3,5 mm. La rivière a monté de 1,2 m en une nuit.",
     ["La pluie a atteint 3,5 mm.", "La rivière a monté de 1,2 m en une nuit."]),
    ("en", "Rainfall reached 3.5 in. overnight. The river rose 1.2 m by dawn.",
     ["Rainfall reached 3.5 in. overnight.", "The river rose 1.2 m by dawn."]),
    ("en", "The index rose 3.5 percent. Traders were calm.", ["The index rose 3.5 percent.", "Traders were calm."]),
    # a one-letter unit after a number ends a sentence before a capitalised word
    ("fr", "Le marché ouvre à 7 h. Les maraîchers arrivent tôt.",
     ["Le marché ouvre à 7 h.", "Les maraîchers arrivent tôt."]),
    # ellipsis, both as one character and as three dots
    ("fr", "Elle attendit… Personne ne vint.", ["Elle attendit…", "Personne ne vint."]),
    ("en", "She waited... Nobody came.", ["She waited...", "Nobody came."]),
    # guillemets: a quotation of two sentences, no-break spaces as French typography has them
    ("fr", "Le gardien a dit\u00a0: «\u00a0Fermez la grille. Le parc ferme.\u00a0» Puis il est parti.",
     ["Le gardien a dit\u00a0: «\u00a0Fermez la grille.", "Le parc ferme.\u00a0»", "Puis il est parti."]),
    ("fr", "«\u00a0Le chemin est long\u00a0», dit la guide. Nous la suivons.",
     ["«\u00a0Le chemin est long\u00a0», dit la guide.", "Nous la suivons."]),
    # dialogue dashes start a sentence
    ("fr", "— Tu viens ? demanda Léa. — Non, je reste.", ["— Tu viens ? demanda Léa.", "— Non, je reste."]),
    ("fr", "Il haussa les épaules. – Comme tu veux.", ["Il haussa les épaules.", "– Comme tu veux."]),
    # URLs and domain names keep their dots
    ("fr", "Le formulaire est sur https://exemple.org/inscription.html. Il ferme lundi.",
     ["Le formulaire est sur https://exemple.org/inscription.html.", "Il ferme lundi."]),
    ("en", "Write to info@example.net or see www.example.net. Replies take a day.",
     ["Write to info@example.net or see www.example.net.", "Replies take a day."]),
    # initials
    ("fr", "Le recueil de J. M. Delorme parut en 1962. Il fut vite épuisé.",
     ["Le recueil de J. M. Delorme parut en 1962.", "Il fut vite épuisé."]),
    ("en", "The letters of T. S. Harlow were sold. A museum bought them.",
     ["The letters of T. S. Harlow were sold.", "A museum bought them."]),
    ("en", "Dr. Okafor met Mr. Lind at the U.N. office. They talked for an hour.",
     ["Dr. Okafor met Mr. Lind at the U.N. office.", "They talked for an hour."]),
    ("en", "See the appendix (p. 14). It lists every site.", ["See the appendix (p. 14).", "It lists every site."]),
    # German: ordinals, z. B., Mio., quotation marks
    ("de", "Die Messe beginnt am 4. Mai. Sie dauert drei Tage.", ["Die Messe beginnt am 4. Mai.", "Sie dauert drei Tage."]),
    ("de", "Vgl. z. B. den Bericht von Dr. Brandt. Er ist kurz.", ["Vgl. z. B. den Bericht von Dr. Brandt.", "Er ist kurz."]),
    ("de", "Der Bau kostet 2,5 Mio. Euro. Die Stadt zahlt.", ["Der Bau kostet 2,5 Mio. Euro.", "Die Stadt zahlt."]),
    # Markdown emphasis opening a sentence
    ("en", "The vote passed. **The new rules apply from May.**",
     ["The vote passed.", "**The new rules apply from May.**"]),
])
def test_rule_splitter_boundaries(lang, text, expected):
    assert sents(text, lang) == expected


def test_the_default_splitter_is_the_rule_based_one(monkeypatch):
    from toolkit import nlp

    monkeypatch.delenv(nlp.SPLITTER_ENV, raising=False)
    assert nlp.splitter_name() == "rules"
    monkeypatch.setenv(nlp.SPLITTER_ENV, "spacy")
    assert nlp.splitter_name() == "spacy" and nlp.splitter_name("rules") == "rules"


def test_an_unknown_splitter_is_a_usage_error(monkeypatch):
    from toolkit import nlp
    from toolkit.errors import UsageError

    with pytest.raises(UsageError, match="expected one of: rules, spacy"):
        nlp.splitter_name("senter")
    monkeypatch.setenv(nlp.SPLITTER_ENV, "fastest")
    with pytest.raises(UsageError, match="MTQA_SPLITTER"):
        nlp.splitter_name()


def test_a_language_without_rule_data_falls_back_to_spacy():
    from toolkit import nlp

    assert nlp.rule_splitter("fr") is not None and nlp.rule_splitter("ko") is None
    assert sents("첫 문장입니다. 두 번째 문장입니다.", "ko") == ["첫 문장입니다.", "두 번째 문장입니다."]


WORDS = st.sampled_from(["Le", "chat", "M.", "Mme", "p.", "ex.", "3,5", "3.5", "etc.", "«", "»", "—", "Il",
                         "dort.", "Vraiment ?", "Oui !", "…", "https://a.example/x.html.", "J.", "K.", "**Note**",
                         "😀", "n°", "(p.", "12).", "\"Va.", "Non.\"", "été", "À"])
SPACES = st.sampled_from([" ", "  ", "\u00a0", "\u202f", "\t", " \n", "\u2009"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=40))
def test_spans_are_exact_ordered_and_cover_every_character(parts):
    text = "".join(w + s for w, s in parts).strip()
    spans = list(split_spans(text, [(0, len(text))], "fr", "rules"))
    ends = 0
    for s, e in spans:
        assert ends <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        assert text[ends:s].strip() == ""  # nothing but space between two sentences
        ends = e
    assert text[ends:].strip() == ""


def test_a_long_line_is_split_window_by_window_as_if_whole(monkeypatch):
    line = " ".join(f"Le quai n° {i} ferme à {i % 12 + 1} h. M. Roy passe ensuite, etc. « Vite ! » dit-il…"
                    for i in range(60))
    whole = sents(line, "fr")
    monkeypatch.setattr(seg, "_WINDOW", 97)
    assert sents(line, "fr") == whole and len(whole) > 100


def test_offsets_survive_tabs_repeated_spaces_and_astral_characters():
    text = "Bonjour\t😀 tout  le monde.\u00a0\u00a0Il  fait beau 🌞. Fin."
    doc = segment(from_text(text, "mt.fr.txt"))
    assert [s.text for s in doc.segments] == ["Bonjour\t😀 tout  le monde.", "Il  fait beau 🌞.", "Fin."]
    assert all(text[s.start:s.end] == s.text for s in doc.segments)


def test_markdown_soft_wrap_inside_a_sentence_is_no_boundary():
    text = "Une phrase coupée\nen deux lignes. Une autre\nici.\n"
    doc = segment(from_text(text, "mt.fr.md", markdown=True), markdown=True)
    assert [s.text for s in doc.segments] == ["Une phrase coupée\nen deux lignes.", "Une autre\nici."]


def test_the_spacy_splitter_stays_reachable():
    text = "Le jardin ouvre demain. Les bancs sont neufs."
    doc = segment(from_text(text, "mt.fr.txt"), splitter="spacy")
    assert [s.text for s in doc.segments] == ["Le jardin ouvre demain.", "Les bancs sont neufs."]
    assert "senter" in __import__("toolkit.nlp", fromlist=["sentences"]).sentences("fr").pipe_names


ARTICLE_FR = ("Le vieux phare rouvre aux visiteurs\n\n"
              "Après deux ans de travaux, le phare de la pointe accueille de nouveau le public. "
              "M. Léon Barrière, le gardien, a fait visiter la lanterne samedi. « Nous avons refait "
              "l’escalier. Les 212 marches sont sûres. » Le chantier a coûté 1,8 million d’euros.\n"
              "Mme Inès Carrel évoque p. ex. les visites de nuit, les ateliers, etc. Le programme est "
              "sur https://exemple.org/phare.html… Réservez tôt.\n")
ARTICLE_EN = ("The old lighthouse reopens\n\nAfter two years of work, the lighthouse welcomes visitors. "
              "Mr. L. Barrière showed the lantern on Saturday. \"We rebuilt the stairs. All 212 steps are safe.\"\n")


def test_segmenting_a_french_article_does_not_import_spacy(tmp_path):
    (tmp_path / "mt.fr.txt").write_text(ARTICLE_FR, encoding="utf-8")
    (tmp_path / "source.en.txt").write_text(ARTICLE_EN, encoding="utf-8")
    code = (
        "import json, sys\n"
        "from toolkit.readers import read_document\n"
        "from toolkit.segment import segment\n"
        "from toolkit.terms.sources import stop_words\n"
        f"fr = segment(read_document({str(tmp_path / 'mt.fr.txt')!r}))\n"
        f"en = segment(read_document({str(tmp_path / 'source.en.txt')!r}))\n"
        "words = len(stop_words('fr')) + len(stop_words('en'))\n"
        "print(json.dumps({'fr': [s.text for s in fr.segments], 'en': len(en.segments), 'words': words,\n"
        "                  'spacy': sorted(m for m in sys.modules if m.split('.')[0] == 'spacy')}))\n"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "MTQA_SPLITTER"}
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    got = json.loads(run.stdout)
    assert got["spacy"] == []
    assert got["fr"] == [
        "Le vieux phare rouvre aux visiteurs",
        "Après deux ans de travaux, le phare de la pointe accueille de nouveau le public.",
        "M. Léon Barrière, le gardien, a fait visiter la lanterne samedi.",
        "« Nous avons refait l’escalier.", "Les 212 marches sont sûres. »",
        "Le chantier a coûté 1,8 million d’euros.",
        "Mme Inès Carrel évoque p. ex. les visites de nuit, les ateliers, etc.",
        "Le programme est sur https://exemple.org/phare.html…", "Réservez tôt."]
    assert got["en"] == 5 and got["words"] > 500


def test_stop_words_are_spacy_s_own_lists():
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    from toolkit.terms.sources import stop_words
    from toolkit.textutil import fold

    assert stop_words("fr") == frozenset(fold(w) for w in FR)
    assert stop_words("en") == frozenset(fold(w) for w in EN)
    assert stop_words("de") == frozenset()


def _article(root):
    folder = root / "art"
    folder.mkdir()
    (folder / "source.en.txt").write_text("The ferry left at noon. It was full.\n", encoding="utf-8")
    (folder / "mt.fr.txt").write_text("Le bac est parti à midi. Il était plein.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("argv,env,expected", [
    ([], None, "splitter:rules"),
    (["--splitter", "spacy"], None, "splitter:spacy"),
    ([], "spacy", "splitter:spacy"),
    (["--splitter", "rules"], "spacy", "splitter:rules"),
])
def test_audit_splitter_option_and_environment(tmp_path, capsys, monkeypatch, argv, env, expected):
    from hostile_support import run_cli

    if env is None:
        monkeypatch.delenv("MTQA_SPLITTER", raising=False)
    else:
        monkeypatch.setenv("MTQA_SPLITTER", env)
    code, out, _ = run_cli(["audit", str(_article(tmp_path)), "-f", "json", "--no-exit", "--isolated", *argv], capsys)
    data = json.loads(out)
    assert code == 0 and f"|{expected}|sentence-splitter:1.4|" in data["signature"]
    assert data["documents"][0]["target"]["segments"] == 2 and data["documents"][0]["source"]["segments"] == 2


def test_splitter_from_the_configuration_file(tmp_path, capsys, monkeypatch):
    from hostile_support import assert_one_line_error, run_cli

    monkeypatch.delenv("MTQA_SPLITTER", raising=False)
    folder = _article(tmp_path)
    (tmp_path / "mtqa.toml").write_text('splitter = "spacy"\n', encoding="utf-8")
    code, out, _ = run_cli(["audit", str(folder), "-f", "json", "--no-exit", "--config", str(tmp_path / "mtqa.toml")],
                           capsys)
    assert code == 0 and "|splitter:spacy|" in json.loads(out)["signature"]
    (tmp_path / "mtqa.toml").write_text('splitter = "senter"\n', encoding="utf-8")
    code, _, err = run_cli(["audit", str(folder), "--config", str(tmp_path / "mtqa.toml")], capsys)
    assert_one_line_error(code, err, "splitter must be one of rules, spacy")


def test_a_bad_splitter_in_the_environment_is_one_line(tmp_path, capsys, monkeypatch):
    from hostile_support import assert_one_line_error, run_cli

    monkeypatch.setenv("MTQA_SPLITTER", "quick")
    code, _, err = run_cli(["audit", str(_article(tmp_path)), "--isolated"], capsys)
    assert_one_line_error(code, err, "MTQA_SPLITTER")
