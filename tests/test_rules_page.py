"""PAGE001: web-page chrome blocks, on invented pages; the data lists; the engine's masking."""
from dataclasses import replace
from importlib import resources

import pytest

from toolkit.api import article_from_strings
from toolkit.engine import run_rules
from toolkit.model import Bead
from toolkit.rules import RULES_BY_ID
from toolkit.rules.base import Context, Hit, rule
from toolkit.rules.page import analyse_line, autonyms, chrome_regions, find_chrome

PAGE = RULES_BY_ID["PAGE001"]

ARTICLE_EN = (
    "City council approves new cycle lanes\n\n"
    "The council voted on Tuesday to build twelve kilometres of protected cycle lanes "
    "along the river. Work starts in spring and should last eight months.\n\n"
    "Residents can comment on the plans at the town hall until the end of the month."
)
SHARE_EN = "\n\nShare\nTweet\nLike\n12 comments\nAdd a comment\n0/500\n• Follow us\n• Download the app"
MENU = "\n• English\n• Deutsch\n• Ελληνικά\n• हिन्दी\n• Polski\n• 한국어\n• Türkçe"


def findings(text, source=None, beads=None, src_lang="en", tgt_lang="en"):
    article = article_from_strings(text, source, src_lang=src_lang, tgt_lang=tgt_lang)
    if beads is not None:
        article = replace(article, beads=tuple(beads))
    return [f for f in run_rules(article, rules=[PAGE])]


# -- data files -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["page_ui_words.txt", "language_autonyms.txt", "page_disclaimer_cues.txt"])
def test_data_files_have_a_source_header_and_no_duplicates(name):
    text = resources.files("toolkit.data").joinpath(name).read_text(encoding="utf-8")
    header = [ln for ln in text.splitlines() if ln.startswith("#")]
    assert any("Source" in ln for ln in header), "header comment must say where the list comes from"
    entries = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(entries) >= 40
    assert len(entries) == len(set(entries))


def test_every_ui_word_is_recognised_on_a_short_line():
    text = resources.files("toolkit.data").joinpath("page_ui_words.txt").read_text(encoding="utf-8")
    for word in (ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")):
        kind, tags, _ = analyse_line(f"• {word}")
        assert "ui" in tags, word


def test_every_autonym_is_recognised_with_or_without_a_region():
    for name in ["Deutsch", "Español (México)", "Português (Brasil)", "Ελληνικά", "日本語", "  • עברית"]:
        _, tags, _ = analyse_line(name)
        assert "autonym" in tags, name
    assert len(autonyms()) >= 80


def test_autonym_list_covers_many_scripts():
    from toolkit.textutil import script_of

    scripts = {script_of(n[0]) for n in autonyms()}
    assert {"latin", "cyrillic", "arabic", "han", "hangul", "greek", "hebrew", "devanagari"} <= scripts


def test_ui_words_only_count_on_short_lines_and_whole_words():
    assert analyse_line("Partager")[0] == "strong"
    assert analyse_line("QR-Code")[0] == "strong"
    long = "Les habitants pourront partager leurs remarques sur le projet pendant tout le mois de mai."
    assert analyse_line(long)[0] == "text"
    assert "ui" not in analyse_line("Pinewood timber")[1]  # "pin" is not in "Pinewood"


# -- detection --------------------------------------------------------------------------

def test_share_widgets_after_an_article_are_one_block():
    text = ARTICLE_EN + SHARE_EN
    out = findings(text)
    assert len(out) == 1
    f = out[0]
    start = text.index("Share")
    assert (f.target.start, f.target.end) == (start, len(text))
    assert f.severity.label == "major" and f.category == "Non-article content/Page chrome"
    assert "8 lines" in f.message and "widgets" in f.message
    assert f.suggestion and "Delete" in f.suggestion


def test_language_menu_in_many_scripts():
    text = ARTICLE_EN + "\n\nLanguage" + MENU
    out = findings(text)
    assert len(out) == 1 and "language menu" in out[0].message
    assert out[0].target.text.endswith("Türkçe")


def test_french_chrome_with_disclaimer_and_see_original_link():
    article = ("Un nouveau sentier côtier ouvre en Bretagne\n\n"
               "Le sentier relie deux villages de pêcheurs sur dix-huit kilomètres. "
               "Il sera balisé d’ici l’été, a précisé la mairie.")
    chrome = ("Voir l’article original\n"
              "Ce site peut afficher des contenus de tiers à titre informatif uniquement ; il ne "
              "constitue pas un conseil financier et ne garantit pas leur exactitude.\n"
              "  • Partager\n  • J’aime\n  • Commentaires\n0/300\nAucun commentaire\n"
              "Télécharger l’application\nSe connecter")
    text = article + "\n\n" + chrome
    out = findings(text, tgt_lang="fr")
    assert len(out) == 1
    assert out[0].target.start == text.index("Voir")
    assert out[0].target.end == len(text)
    assert "disclaimer" in out[0].message


def test_navigation_before_the_article():
    text = "Home\nNews\nSearch\nLog in\nSign up\nNewsletter\n\n" + ARTICLE_EN
    out = findings(text)
    assert len(out) == 1 and out[0].target.start == 0
    assert out[0].target.text.endswith("Newsletter")


def test_chrome_in_the_middle_is_found_and_article_around_it_is_not():
    parts = ARTICLE_EN.split("\n\n")
    middle = "Share\nComment\nLike\nRead more"
    text = parts[0] + "\n\n" + parts[1] + "\n\n" + middle + "\n\n" + parts[2]
    out = findings(text)
    assert [(f.target.start, f.target.end) for f in out] == [
        (text.index("Share"), text.index("Read more") + len("Read more"))]


def test_disclaimer_alone_at_the_end():
    text = ARTICLE_EN + ("\n\nDisclaimer: this page may contain third-party content for "
                         "informational purposes only and is not investment advice.")
    out = findings(text)
    assert len(out) == 1 and out[0].target.text.startswith("Disclaimer")


def test_disclaimer_like_sentence_inside_the_article_is_not_chrome():
    text = ("Market notes\n\nAnalysts said the note was not investment advice.\n\n"
            "Prices rose by four percent over the week, led by energy stocks.")
    assert findings(text) == []


@pytest.mark.parametrize("text", [
    # a short list, a byline, a photo credit, headings
    ("Lentil soup for a cold evening\n\nBy Maria Lopez\nSource: Kitchen Notes\nPhoto: A. Berg\n\n"
     "Ingredients:\n• 200 g red lentils\n• 1 onion\n• 2 carrots\n• 1 litre of stock\n\n"
     "Method\n\nSoften the onion, add the rest and simmer for twenty minutes."),
    # French bylines with typographic colons
    ("Les abeilles et la pluie\n\nAuteur\u00a0: Jean Petit\nSource\u00a0: Revue des jardins\n"
     "Crédit photo\u00a0: L. Moreau\n\nLes abeilles rentrent à la ruche avant l’averse. "
     "Elles sentent la baisse de pression."),
    # an article about an app that mentions UI words in sentences
    ("The new app lets users share a route, comment on each stop and follow friends. "
     "Users can also download maps before a trip.\n\nThe developers plan a premium tier."),
    # a Markdown article with headings and a numbered list
    ("# Winter tyres\n\n## When to fit them\n\n1. Below seven degrees\n2. On snow\n3. On ice\n\n"
     "Fit them in October and remove them in April."),
    # two UI-looking lines are not enough
    ("Weekly puzzle\n\nShare\nPrint\n\nFind the missing number in the grid below."),
])
def test_ordinary_articles_are_not_chrome(text):
    assert findings(text) == []


def test_trailing_unaligned_lines_are_extra_evidence():
    # three strong lines and four weak ones: not enough alone ...
    chrome = "Share\nBest of the week\nOur picks\nLike\nTop stories\nEditors' choice\nSubscribe"
    text = "The pier reopens on Friday after the storm repairs.\n\n" + chrome
    assert findings(text) == []
    # ... but the same lines with no source after the last aligned sentence are chrome
    source = "The pier reopens on Friday after the storm repairs."
    article = article_from_strings(text, source, src_lang="en", tgt_lang="en")
    n = len(article.target.segments)
    beads = [Bead(0, (0,), (0,))] + [Bead(i, (), (i,)) for i in range(1, n)]
    out = findings(text, source, beads)
    assert len(out) == 1 and out[0].target.text == chrome


def test_min_lines_option():
    article = article_from_strings(ARTICLE_EN + "\n\nShare\nLike\nSubscribe", tgt_lang="en")
    assert list(chrome_regions(Context(article)))
    assert not list(chrome_regions(Context(article, {"page_min_lines": 5})))


def test_engine_masks_other_rules_inside_chrome():
    @rule(id="ZZZ001", name="every-line", category="Test", severity="minor", needs_translation=False)
    def every_line(ctx):
        """Test rule."""
        for seg in ctx.target.segments:
            yield Hit(seg.start, seg.end, "line")

    text = ARTICLE_EN + SHARE_EN
    article = article_from_strings(text, tgt_lang="en")
    out = run_rules(article, rules=[every_line, PAGE])
    chrome_start = text.index("Share")
    assert [f for f in out if f.rule_id == "PAGE001"]
    assert all(f.target.end <= chrome_start for f in out if f.rule_id == "ZZZ001")


def test_find_chrome_reports_kinds_and_line_count():
    blocks = find_chrome(ARTICLE_EN + SHARE_EN + "\n" + "Language" + MENU)
    assert len(blocks) == 1
    assert "language menu" in blocks[0].kinds and blocks[0].lines == 16


def test_bilingual_units_are_never_chrome(tmp_path):
    from toolkit.api import load_article

    rows = ["source,target", "Share,Partager", "Like,J’aime", "Comment,Commenter", "Log in,Se connecter",
            "Subscribe,S’abonner", "Download the app,Télécharger l’application"]
    path = tmp_path / "ui.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    article = load_article(path)
    assert run_rules(article, rules=[PAGE]) == ()


def test_translated_closing_warning_is_article_text_not_chrome():
    from toolkit.rules.page import find_chrome

    text = ("Les ventes ont doublé.\n\nAvertissement : cet article est fourni à titre informatif, "
            "il ne constitue pas un conseil en investissement.\n\nPartager\nJ'aime\nSuivre\n0/300\n"
            "Ce contenu de tiers est fourni à titre informatif ; la plateforme ne garantit rien.")
    warning = (text.index("Avertissement"), text.index("investissement.") + len("investissement."))
    alone = find_chrome(text)
    assert alone and alone[0].start == warning[0]  # without a source it looks like chrome
    (block,) = find_chrome(text, translated=[warning])
    assert block.start > warning[1] and text[block.start:].startswith("Partager")
