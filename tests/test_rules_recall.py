"""Rules that find what a reviser flags and earlier rules missed: bounds and
approximations of numbers (MEAN006-MEAN009), percent and time format (NUM005, NUM006),
approximate amounts with the wrong scale (NUM007), English fragments (UNTR004),
pinyin name parts (XLIT002) and chrome between two chrome blocks (PAGE001).
Every example is invented."""
import pytest

from toolkit.meaning import compare
from toolkit.model import Severity
from toolkit.rules.page import find_chrome
from toolkit.rules.untr_fragment import english_runs
from ruletest import NB, NN, check


def kinds(src, src_lang, tgt):
    return [p.kind for p in compare(src, src_lang, tgt, "fr") if not p.weak]


# -- MEAN006: approximation lost --------------------------------------------------------

@pytest.mark.parametrize("src,tgt", [
    ("这座灯塔约有300年的历史。", "Ce phare a une histoire de 300 ans."),  # 约 + a year-like number
    ("这条隧道近五年才建成。", "Ce tunnel a été construit en cinq ans."),  # a French number word
])
def test_approximation_lost_with_number_words_and_durations(src, tgt):
    assert kinds(src, "zh", tgt) == ["approx-lost"]


@pytest.mark.parametrize("src,tgt", [
    ("近五年来，这座城市新建了三座桥。", "Au cours des cinq dernières années, la ville a construit trois ponts."),
    ("最近三年，这座城市新建了两座桥。", "Ces trois dernières années, la ville a construit deux ponts."),
    ("他和附近三个村庄签了合同。", "Il a signé un contrat avec trois villages voisins."),
])
def test_jin_meaning_recent_or_nearby_is_no_approximation(src, tgt):
    assert kinds(src, "zh", tgt) == []


# -- MEAN007: bound lost ----------------------------------------------------------------

@pytest.mark.parametrize("src,lang,tgt", [
    ("The lifts carry up to 24 skiers.", "en", "Les télésièges transportent 24 skieurs."),
    ("The storm damaged more than 300 roofs.", "en", "La tempête a endommagé 300 toits."),
    ("该展览吸引了超过8000名观众。", "zh", f"L’exposition a attiré 8{NN}000 visiteurs."),
])
def test_bound_lost(src, lang, tgt):
    assert kinds(src, lang, tgt) == ["bound-lost"]


@pytest.mark.parametrize("src,lang,tgt", [
    ("The lifts carry up to 24 skiers.", "en", "Les télésièges transportent jusqu’à 24 skieurs."),
    ("The works will run over 3 days.", "en", "Les travaux se dérouleront sur 3 jours."),
    ("Tesla plans to invest well over 400 million.", "en", "Tesla prévoit d’investir « bien plus » de 400 millions."),
    ("营收同比增长27.8%，略高于预期。", "zh", "Le chiffre d’affaires a progressé de 27,8 %, un peu au-dessus des attentes."),
    ("The road has sections of up to 12% gradient.", "en", f"La route a des passages à 12{NN}% de pente."),
])
def test_bound_kept_or_not_a_bound(src, lang, tgt):
    assert kinds(src, lang, tgt) == []


def test_over_after_a_verb_of_movement_is_only_a_hint():
    found = compare("The balloon flew over 12 villages.", "en", "Le ballon a survolé 12 villages.", "fr")
    assert [(p.kind, p.weak) for p in found] == [("bound-lost", True)]


def test_mean007_finding_points_at_the_target_number():
    (f,) = check("MEAN007", "Le car transporte 50 passagers.", source="The coach carries up to 50 passengers.")
    assert f.target.text == "50" and f.severity == Severity.MINOR and "up to" in f.message


# -- MEAN008: approximation added -------------------------------------------------------

def test_approximation_added():
    (f,) = check("MEAN008", "Le festival a accueilli près de 85 groupes.", source="The festival hosted 85 bands.")
    assert f.target.text == "près de 85"


@pytest.mark.parametrize("src,tgt", [
    ("The town has 4,321 inhabitants.", f"La ville compte environ 4{NN}300 habitants."),  # rounded
    ("这座桥长480米左右。", "Ce pont mesure environ 480 mètres."),
    ("The museum had about 40 rooms in 1900 and 60 in 1950.", "Le musée comptait environ 40 salles en 1900 et environ 60 en 1950."),
    ("The bus goes to 40 villages.", "Le bus va vers 40 villages."),
])
def test_approximation_not_added(src, tgt):
    lang = "zh" if any("\u4e00" <= c <= "\u9fff" for c in src) else "en"
    assert "approx-added" not in kinds(src, lang, tgt)


# -- MEAN009: comparison flip -----------------------------------------------------------

@pytest.mark.parametrize("src,lang,tgt", [
    ("The new stadium is larger than the old one.", "en", "Le nouveau stade est plus petit que l’ancien."),
    ("The works ended two weeks later than planned.", "en", "Les travaux ont pris fin deux semaines plus tôt que prévu."),
    ("新线路比旧线路缩短了40分钟。", "zh", "La nouvelle ligne prend 40 minutes de plus que l’ancienne."),
    ("这是该市规模最大的公园。", "zh", "C’est le plus petit parc de la ville."),
])
def test_comparison_flip(src, lang, tgt):
    assert kinds(src, lang, tgt) == ["comparison-flip"]


@pytest.mark.parametrize("src,lang,tgt", [
    ("The new stadium is larger than the old one.", "en", "Le nouveau stade est plus grand que l’ancien."),
    ("The larger hall is also cheaper.", "en", "La plus grande salle est aussi moins chère."),
    ("Three years later, the bridge opened.", "en", "Trois ans plus tard, le pont a ouvert."),
])
def test_comparison_kept(src, lang, tgt):
    assert "comparison-flip" not in kinds(src, lang, tgt)


# -- NUM005 / NUM006 --------------------------------------------------------------------

@pytest.mark.parametrize("text,span", [
    ("Le chômage a reculé de 7% en un an.", "7%"),
    ("Le taux atteint 12,5 % dans la région.", "12,5 %"),
    ("La teneur est de 3‰ environ.", "3‰"),
])
def test_num005_reports_percent_without_no_break_space(text, span):
    (f,) = check("NUM005", text)
    assert f.target.text == span and f.suggestion == span.replace(" ", "").replace("%", NN + "%").replace("‰", NN + "‰")


@pytest.mark.parametrize("text", [
    f"Le chômage a reculé de 7{NN}% et de 2{NB}% ailleurs.",
    "Voir https://exemple.fr/a%20b et le format %d ou %(nom)s.",
    "Le code `taux = 50%` est cité tel quel.",
])
def test_num005_leaves_correct_percentages_and_code_alone(text):
    assert check("NUM005", text) == []


@pytest.mark.parametrize("text,span", [
    ("Le train part à 14:30 de la gare centrale.", "14:30"),
    ("La panne a commencé vers 7:05 et duré une heure.", "7:05"),
    ("L’avion a atterri à 23:10 heure locale.", "23:10"),
])
def test_num006_reports_colon_times_in_running_text(text, span):
    (f,) = check("NUM006", text)
    h, m = span.split(":")
    assert f.target.text == span and f.suggestion == f"{int(h)}{NB}h{NB}{m}"


@pytest.mark.parametrize("text", [
    "Publié le 12 mars 2025, 16:05",
    "Le score final est de 3:1 pour les visiteurs.",
    "Le train part à 14\u00a0h\u00a030.",
])
def test_num006_leaves_timestamps_scores_and_french_times_alone(text):
    assert check("NUM006", text) == []


def test_num005_and_num006_only_read_french():
    assert check("NUM005", "Unemployment fell by 7% this year.", lang="en") == []
    assert check("NUM006", "The train leaves at 14:30 from the station.", lang="en") == []


# -- NUM007 -----------------------------------------------------------------------------

def test_num007_approximate_amount_a_thousand_times_too_big():
    (f,) = check("NUM007", "Le parc accueille plus de 2,4 millions de visiteurs par an.",
                 source="这个公园每年接待游客2.4万余人次。", src_lang="zh")
    assert f.target.text.startswith("2,4 millions") and "100 times too big" in f.message


@pytest.mark.parametrize("tgt", [
    f"Le parc accueille plus de 24{NN}000 visiteurs par an.",
    f"Le parc accueille environ 25{NN}000 visiteurs par an.",
])
def test_num007_right_scale_is_fine(tgt):
    assert check("NUM007", tgt, source="这个公园每年接待游客2.4万余人次。", src_lang="zh") == []


# -- UNTR004 ----------------------------------------------------------------------------

def test_untr004_phrase_copied_from_an_english_source():
    (f,) = check("UNTR004", "Le musée rouvrira after the winter break, selon la mairie.",
                 source="The museum will reopen after the winter break, the town hall said.")
    assert f.target.text == "after the winter break" and f.severity == Severity.MAJOR


def test_untr004_english_in_a_chinese_source_translation():
    (f,) = check("UNTR004", "La boulangerie ouvre every morning at six.",
                 source="这家面包店每天早上六点开门。", src_lang="zh")
    assert f.target.text == "every morning at six"


@pytest.mark.parametrize("text,source", [
    ("Le big data change la gestion des stocks.", "Big data changes stock management."),  # a term, no grammar
    ("Il a relu The Call of the Wild cet été.", "He reread The Call of the Wild this summer."),  # a title
    ("Le slogan « keep calm and carry on » revient.", "The slogan keep calm and carry on is back."),  # quoted
    ("Le musée rouvrira après les vacances d’hiver.", "The museum will reopen after the winter break."),
])
def test_untr004_leaves_terms_titles_and_quotes_alone(text, source):
    assert check("UNTR004", text, source=source) == []


def test_untr004_english_run_not_in_the_english_source_is_not_copied():
    # with an English source, only words copied from it count (the rest is LANG001's)
    assert check("UNTR004", "Le musée rouvrira after the winter break.", source="The museum will reopen in spring.") == []


def test_english_runs_need_three_words_two_of_them_english():
    text = "Un texte with the board et encore the end."
    assert [text[a:b] for a, b in english_runs(text, "fr")] == ["with the board"]


# -- XLIT002 ----------------------------------------------------------------------------

@pytest.mark.parametrize("src,tgt,span", [
    ("她在兰州大学教化学。", "Elle enseigne la chimie à la Lanzhou Daxue.", "Lanzhou Daxue"),
    ("地铁三号线下月开通。", "La Sanhao Xian du métro ouvrira le mois prochain.", "Sanhao Xian"),
    ("列车停靠杭州东站。", "Le train s’arrête à Hangzhou Dong.", "Hangzhou Dong"),
])
def test_xlit002_common_part_of_a_name_in_pinyin(src, tgt, span):
    found = check("XLIT002", tgt, source=src, src_lang="zh")
    assert [f.target.text for f in found] == [span] and found[0].severity == Severity.MAJOR


def test_xlit002_suggests_the_french_part():
    (f,) = check("XLIT002", "Le train s’arrête à Hangzhou Dong.", source="列车停靠杭州东站。", src_lang="zh")
    assert f.suggestion == "Hangzhou-Est"


@pytest.mark.parametrize("src,tgt", [
    ("她在兰州大学教化学。", "Elle enseigne la chimie à l’université de Lanzhou."),
    ("列车停靠杭州站。", "Le train s’arrête à Hangzhou."),
])
def test_xlit002_translated_names_are_fine(src, tgt):
    assert check("XLIT002", tgt, source=src, src_lang="zh") == []


# -- PAGE001: a headline list between two chrome blocks ---------------------------------

def test_chrome_blocks_joined_over_headline_links():
    text = ("Le pont rouvrira lundi après deux ans de travaux.\n\n"
            "Partager\nCommenter\nCopier le lien\nLire aussi\n"
            "Un long titre d’article lié sur la rénovation des ponts de la région nord\n"
            "Les ferries de l’été\n"
            "Suivez-nous\nAccepter\nRefuser\nDeutsch\nEspañol\nItaliano\n")
    (block,) = find_chrome(text)
    assert text[block.start:].startswith("Partager") and text[block.start:block.end].endswith("Italiano")


def test_chrome_blocks_not_joined_over_a_sentence():
    text = ("Partager\nCommenter\nJ’aime\nCopier le lien\n"
            "Le pont rouvrira lundi après deux ans de travaux, a annoncé la mairie.\n"
            "Accepter\nRefuser\nDeutsch\nEspañol\nItaliano\n")
    assert len(find_chrome(text)) == 2
