"""TERM rules beyond their documentation examples."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules


def test_source_term_left_in_target_is_pointed_at():
    article = article_from_strings("La boutique 花园茶室 ouvre demain.", "花园茶室明天开业。", src_lang="zh",
                                   glossary_rows=["花园茶室,Salon de thé du Jardin,,true"])
    (f,) = [f for f in run_rules(article, Selection.parse("TERM002"))]
    assert f.target.text == "花园茶室" and f.suggestion == "Salon de thé du Jardin"


def test_one_rendering_may_serve_a_term_repeated_in_one_sentence():
    article = article_from_strings("L’objectif passe de 48 à 56 dollars de Hong Kong.", "目标价由48港元上调至56港元。",
                                   src_lang="zh", glossary_rows=["港元,dollar de Hong Kong,,false"])
    assert run_rules(article, Selection.parse("TERM002")) == ()
