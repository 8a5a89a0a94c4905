"""WORD rules on invented texts: exact spans, and silence on clean French news."""
from toolkit.api import article_from_strings
from toolkit.engine import Selection, run_rules
from toolkit.model import Severity

CLEAN_FR = """La néobanque berlinoise et la fintech française Qonto ont annoncé mardi un partenariat pour proposer aux PME un compte professionnel couplé à un terminal de paiement. Selon le PDG, Alexandre Prot, l’offre vise les artisans et les auto-entrepreneurs.

À Lyon, les Hospices civils ont inauguré un service de téléconsultation pour les patients atteints de diabète de type 2. « Nous évitons ainsi des hospitalisations en urgence », explique la professeure Claire Moreau, cheffe du service d’endocrinologie.

À Chamonix, les loueurs de VTT électriques affichent complet, et l’office de tourisme a lancé une application de covoiturage pour limiter les embouteillages vers le tunnel du Mont-Blanc. Le télétravail reste plébiscité, et les start-up proposent souvent un abonnement de coworking.

Le Stade toulousain a dominé l’Union Bordeaux-Bègles (29-22) grâce à un essai à la 74e minute ; le vidéoarbitrage a pesé sur le premier essai refusé. Nous nous retrouverons en finale, a promis le capitaine.

Le chef étoilé publie un livre consacré aux légumes oubliés : panais, topinambours et rutabagas y sont travaillés en velouté ou en chips, avec un bouquet garni. Le gouvernement a aussi annoncé un plan contre les rançongiciels et l’hameçonnage dans les hôpitaux."""


def findings(target, source=None, select="WORD", src_lang="en", glossary=()):
    article = article_from_strings(target, source, src_lang=src_lang, glossary_rows=glossary)
    return run_rules(article, Selection.parse(select))


def spans(fs, rule_id=None):
    return [(f.rule_id, f.target.start, f.target.end, f.target.text, f.severity.label)
            for f in fs if rule_id is None or f.rule_id == rule_id]


def test_clean_french_news_gives_no_finding():
    assert spans(findings(CLEAN_FR)) == []


def test_invented_english_compound_is_major():
    text = "La banque propose une fonction speedlane pour les virements urgents."
    assert spans(findings(text)) == [("WORD001", 31, 40, "speedlane", "major")]


def test_compound_at_sentence_start_is_only_a_hint():
    fs = findings("Cloudbucket est disponible dès lundi.")
    assert spans(fs) == [("WORD001", 0, 11, "Cloudbucket", "neutral")]


def test_source_name_made_into_a_common_noun():
    fs = findings("La clinique a commandé trois scannopodes pour son service.",
                  "这家诊所为其科室订购了三台ScannoPod。", src_lang="zh", select="WORD001")
    assert spans(fs) == [("WORD001", 29, 40, "scannopodes", "major")]
    assert "ScannoPod" in fs[0].message


def test_names_source_words_and_glossary_terms_are_not_non_words():
    text = "Le club Zwartberg a recruté l’ailier Okonkwo ; la zwartbergeoise équipe jouera à Wolfsgrund."
    assert spans(findings(text, select="WORD001")) == [("WORD001", 50, 64, "zwartbergeoise", "neutral")]
    fs = findings("Le restaurant sert un plat de Bricoflex.", "The restaurant serves a Bricoflex dish.")
    assert spans(fs) == []  # a name of the source, kept
    # a lower-case coinage of the source copied as is is left untranslated
    fs = findings("Le restaurant sert un plat de bricoflex.", "The restaurant serves a bricoflex dish.")
    assert spans(fs) == [("WORD001", 30, 39, "bricoflex", "minor")]
    fs = findings("Le restaurant sert un plat de glorpette.", glossary=["crumbet,glorpette,,false"])
    assert spans(fs) == []


def test_misspelling_one_edit_from_common_word():
    fs = findings("Le gouvernemment a présenté son budget.")
    assert spans(fs) == [("WORD004", 3, 16, "gouvernemment", "minor")]
    assert fs[0].suggestion == "gouvernement"
    assert fs[0].category == "Linguistic conventions/Spelling"


def test_false_friends_only_when_the_english_word_is_in_the_aligned_source():
    src = "Actually, the library will support the new reading club."
    tgt = "Actuellement, la librairie va supporter le nouveau club de lecture."
    fs = findings(tgt, src, select="WORD002")
    assert [(s, e, t) for _, s, e, t, _ in spans(fs)] == [(0, 12, "Actuellement"), (17, 26, "librairie"),
                                                          (30, 39, "supporter")]
    assert all(f.severity == Severity.MINOR and f.category == "Accuracy/Mistranslation" for f in fs)
    assert "bibliothèque" in fs[1].suggestion
    # the same French words are right when the source means them
    fs = findings("Actuellement, la librairie va soutenir le club.",
                  "Currently, the bookshop will back the club.", select="WORD002")
    assert fs == ()


def test_false_friend_phrases_and_sport_and_travel_words():
    fs = findings("Le joueur a réalisé que son injure était grave.",
                  "The player realised that his injury was serious.", select="WORD002")
    assert [f.target.text for f in fs] == ["réalisé que", "injure"]


def test_repeated_word():
    fs = findings("Dans le le cadre du tournoi, l’arbitre a sifflé de de nombreuses fautes.")
    assert spans(fs) == [("WORD003", 5, 10, "le le", "minor"), ("WORD003", 48, 53, "de de", "minor")]
    for ok in ("Nous nous retrouverons à Bora Bora.", "Vous vous êtes trompés.",
               "Il a fait faire des travaux.", "« Oui oui », a-t-il dit."):
        assert findings(ok, select="WORD003") == (), ok


def test_source_name_lookup_equals_a_scan_of_every_name():
    import random

    from toolkit.rules.lexical import _inflected, _name_index, _source_name

    rng = random.Random(2)
    stems = ["skypod", "cloudex", "tesla", "nanoflex", "vibra"]
    names = [(rng.choice(stems) + rng.choice(["", "s", "e", "es"]), f"N{i}") for i in range(40)]
    index = _name_index(names)
    for stem in stems:
        for ending in ("", "s", "es", "e", "x", "ss", "ees"):
            word = stem + ending
            expected = next((orig for key, orig in names if _inflected(word, key)), None)
            assert _source_name(word, index) == expected, word


def test_false_friend_found_whatever_the_case():
    fs = findings("ACTUELLEMENT, la bibliothèque est fermée.", "Actually, the library is closed.",
                  select="WORD002")
    assert [f.target.text for f in fs] == ["ACTUELLEMENT"]


def test_hyphenated_coinage_of_the_source_copied_without_hyphens():
    fs = findings("Un swimathon aura lieu dimanche.", 'A "swim-a-thon" takes place on Sunday.', select="WORD001")
    assert spans(fs) == [("WORD001", 3, 12, "swimathon", "minor")]


def test_copied_name_of_no_english_make_up_is_kept():
    # an invented drug name (international nonproprietary names are lower case in English)
    src = "Patients received torvalimab every four weeks; torvalimab was well tolerated."
    tgt = "Les patients ont reçu du torvalimab toutes les quatre semaines ; le torvalimab a été bien toléré."
    assert spans(findings(tgt, src, select="WORD001")) == []
    # an invented species epithet and an invented kinase inhibitor
    fs = findings("Le ravageur attaque la variété zuberinib dès juin.",
                  "The pest attacks the zuberinib variety from June.", select="WORD001")
    assert spans(fs) == []
    # a coinage built from English words is still left untranslated
    fs = findings("Le musée organise un paintathon en mai.", "The museum holds a paintathon in May.",
                  select="WORD001")
    assert spans(fs) == [("WORD001", 21, 31, "paintathon", "minor")]
    # and an invented word the source does not justify is still reported
    fs = findings("Le musée organise un quorvelin en mai.", "The museum holds a workshop in May.",
                  select="WORD001")
    assert [f[3] for f in spans(fs)] == ["quorvelin"]
