"""Term pairs learnt from aligned beads (no glossary) and TERM005, on invented texts."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules
from toolkit.terms.extract import extract, source_terms


def article(target, source, src_lang="en"):
    return article_from_strings(target, source, src_lang=src_lang)


def term005(target, source, src_lang="en"):
    return [(f.target.text, f.suggestion) for f in
            run_rules(article(target, source, src_lang), Selection.parse("TERM005"))]


SRC = ("The Marlow Trophy opens today. The Marlow Trophy lasts a week. "
       "Fans follow the Marlow Trophy closely.")


def test_name_with_changed_word_is_reported_with_the_usual_rendering():
    bad = ("Le Marlow Trophy commence aujourd’hui. Le Marlow Trophy dure une semaine. "
           "Les fans suivent de près le Trophée de Marlow.")
    assert term005(bad, SRC) == [("Trophée de Marlow", "Marlow Trophy")]


def test_consistent_or_inflected_renderings_are_not_reported():
    good = ("Le Marlow Trophy commence aujourd’hui. Le Marlow Trophy dure une semaine. "
            "Les fans suivent de près le Marlow Trophy.")
    assert term005(good, SRC) == []
    assert term005("Les chaises pliantes sont livrées. La chaise pliante coûte peu. "
                   "Deux chaises pliantes manquent.",
                   "The folding chairs arrive. The Folding Chair is cheap. Two folding chairs are missing.") == []


def test_a_shorter_mention_is_not_a_variant():
    short = ("Le Marlow Trophy commence aujourd’hui. Le Marlow Trophy dure une semaine. "
             "Les fans suivent de près le Trophy.")
    assert term005(short, SRC) == []


def test_source_terms_of_a_chinese_source_names_and_compounds():
    art = article("La Banque centrale européenne a relevé ses taux. La Banque centrale européenne "
                  "surveille les prix de l’énergie solaire. L’énergie solaire coûte moins cher.",
                  "欧洲央行加息。欧洲央行关注太阳能价格。太阳能更便宜了。", "zh")
    terms = source_terms(art)
    assert terms["欧洲央行"][0] == "name-layer" and len(terms["欧洲央行"][1]) == 2
    pairs = {p.source: p for p in extract(art)}
    assert pairs["欧洲央行"].target == "Banque centrale européenne"
    assert pairs["欧洲央行"].confidence == 1.0 and pairs["欧洲央行"].count == 2


def test_pairs_carry_counts_confidence_and_places():
    art = article("Le Marlow Trophy commence aujourd’hui. Le Marlow Trophy dure une semaine. "
                  "Les fans suivent de près le Trophée de Marlow.", SRC)
    (pair,) = [p for p in extract(art) if p.source == "Marlow Trophy"]
    assert pair.target == "Marlow Trophy" and pair.count == 2 and pair.occurrences == 3
    assert 0.5 <= pair.confidence <= 1.0
    assert [p.kind for p in pair.places] == ["usual", "usual", "variant"]


def test_chinese_name_of_unknown_characters_and_a_word_is_one_term():
    """鲸途 is in no dictionary, but its pinyin is a capitalised word of the target: with the
    dictionary word after it, it is a name whose rendering must not change."""
    src = "鲸途新能源发布了新品。鲸途新能源扩大了生产。投资者看好鲸途新能源。"
    bad = ("Jingtu New Energy a lancé un produit. Jingtu New Energy a augmenté sa production. "
           "Les investisseurs apprécient Jingtu Nouvelle Énergie.")
    assert term005(bad, src, "zh") == [("Jingtu Nouvelle Énergie", "Jingtu New Energy")]
    good = bad.replace("Jingtu Nouvelle Énergie", "Jingtu New Energy")
    assert term005(good, src, "zh") == []


def test_a_longer_mention_holding_the_usual_rendering_is_not_a_variant():
    src = "鲸途新能源发布了新品。鲸途新能源扩大了生产。鲸途新能源的股价上涨。"
    text = ("Jingtu New Energy a lancé un produit. Jingtu New Energy a augmenté sa production. "
            "L’action de Jingtu New Energy a monté.")
    assert term005(text, src, "zh") == []


READING = ("The Solvik Reading Rooms open today. The Solvik Reading Rooms close at six. "
           "Locals love the Solvik Reading Rooms.")
READING_FR = ("Les salles de lecture Solvik ouvrent aujourd’hui. "
              "Les salles de lecture Solvik ferment à six heures. ")


def test_a_shorter_mention_with_a_describing_word_is_not_a_variant():
    # drops the name's own word and adds an adjective before, or a common word in its place
    assert term005(READING_FR + "Les habitants adorent les nouvelles salles de lecture.", READING) == []
    assert term005(READING_FR + "Les habitants adorent les salles de lecture municipales.", READING) == []
    # a common word replaced while the name is kept is still another rendering
    assert term005(READING_FR + "Les habitants adorent les salles de conférence Solvik.", READING) == \
        [("salles de conférence Solvik", "salles de lecture Solvik")]
