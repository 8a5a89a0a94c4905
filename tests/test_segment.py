"""Readers keep exact offsets; segmentation splits per language and keeps them."""
from toolkit.readers import from_text
from toolkit.readers.base import lang_from_name
from toolkit.segment import segment


def test_lang_from_file_name():
    assert lang_from_name("source.zh.txt") == "zh"
    assert lang_from_name("mt.fr-CA.md") == "fr-CA"
    assert lang_from_name("article.txt") is None


def test_blocks_and_offsets_with_crlf():
    text = "Titre du match\r\n\r\nLe match a commencé. Il pleuvait.\r\nSuite ici.\r\n"
    doc = segment(from_text(text, "mt.fr.txt"))
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]
    for s in doc.segments:
        assert text[s.start:s.end] == s.text
    assert [s.text for s in doc.segments] == ["Titre du match", "Le match a commencé.", "Il pleuvait.", "Suite ici."]


def test_french_sentences_keep_quotes_together():
    text = "Il a crié « Allez ! » puis il est parti. Le score était de 3,5 points."
    doc = segment(from_text(text, "mt.fr.txt"))
    assert [s.text for s in doc.segments] == ["Il a crié « Allez ! » puis il est parti.",
                                              "Le score était de 3,5 points."]


def test_chinese_split_on_sentence_punctuation_with_closing_quotes():
    text = "他说：“我们赢了！”然后离开了。比赛很精彩？是的"
    doc = segment(from_text(text, "source.zh.txt"))
    assert [s.text for s in doc.segments] == ["他说：“我们赢了！”", "然后离开了。", "比赛很精彩？", "是的"]


def test_other_language_uses_sentencizer():
    text = "Das Spiel begann spät. Es regnete stark."
    doc = segment(from_text(text, "source.de.txt"))
    assert [s.text for s in doc.segments] == ["Das Spiel begann spät.", "Es regnete stark."]


def test_markdown_soft_wraps_are_joined():
    text = "# Titre\n\nUne phrase coupée\nsur deux lignes. Une autre.\n"
    doc = segment(from_text(text, "mt.fr.md", markdown=True), markdown=True)
    assert doc.blocks[0].kind == "heading"
    assert [s.text for s in doc.segments][1:] == ["Une phrase coupée\nsur deux lignes.", "Une autre."]



def test_an_opening_quote_starts_the_sentence_it_opens_in_both_languages():
    en = segment(from_text('The coach was calm. "We will win. Trust us." Then he left.', "source.en.txt"))
    fr = segment(from_text("L’entraîneur était calme. « Nous gagnerons. Faites-nous confiance. » Puis il est parti.",
                           "mt.fr.txt"))
    assert [s.text for s in en.segments] == ["The coach was calm.", '"We will win.', 'Trust us."', "Then he left."]
    assert [s.text for s in fr.segments] == ["L’entraîneur était calme.", "« Nous gagnerons.",
                                             "Faites-nous confiance. »", "Puis il est parti."]


def test_a_number_with_a_unit_letter_ends_a_sentence():
    from toolkit.segment import split_spans

    text = "The firm lost €3m. It blamed the weather. The U.S. Navy helped."
    assert [text[s:e] for s, e in split_spans(text, [(0, len(text))], "en")] == [
        "The firm lost €3m.", "It blamed the weather.", "The U.S. Navy helped."]
