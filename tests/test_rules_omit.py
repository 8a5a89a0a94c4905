"""OMIT001-004 and REVIEW001 on hand-built alignments (and one faithful article, aligned)."""
from dataclasses import replace

import pytest

from toolkit.api import article_from_strings
from toolkit.engine import run_rules
from toolkit.model import Bead, Severity
from toolkit.rules import RULES_BY_ID

R = RULES_BY_ID
OMIT = [R["OMIT001"], R["OMIT002"], R["OMIT003"], R["OMIT004"]]

SRC = ("The observatory opens its doors to the public this weekend. "
       "Visitors will be able to look at Saturn through the main telescope. "
       "Guided tours start every hour from six in the evening until midnight. "
       "Children under twelve must be accompanied by an adult. "
       "Booking is recommended because places are limited.")
TGT_FULL = ("L’observatoire ouvre ses portes au public ce week-end. "
            "Les visiteurs pourront observer Saturne avec le grand télescope. "
            "Les visites guidées partent toutes les heures de dix-huit heures à minuit. "
            "Les enfants de moins de douze ans doivent être accompagnés d’un adulte. "
            "La réservation est conseillée car les places sont limitées.")


def article(target, source=SRC, beads=None, src_lang="en", tgt_lang="fr"):
    a = article_from_strings(target, source, src_lang=src_lang, tgt_lang=tgt_lang)
    return replace(a, beads=tuple(beads)) if beads is not None else a


def run(a, rules):
    return list(run_rules(a, rules=rules))


def beads(*pairs, conf=None):
    conf = conf or {}
    return [Bead(i, tuple(s), tuple(t), conf.get(i, 0.9)) for i, (s, t) in enumerate(pairs)]


def drop(text, n):
    """The French text without its n-th sentence."""
    parts = [p + "." for p in text.split(". ")]
    parts[-1] = parts[-1][:-1]
    return " ".join(p for i, p in enumerate(parts) if i != n)


# -- OMIT001 ----------------------------------------------------------------------------

def test_omitted_sentence_points_at_the_next_target_sentence():
    tgt = drop(TGT_FULL, 2)
    a = article(tgt, beads=beads(([0], [0]), ([1], [1]), ([2], []), ([3], [2]), ([4], [3])))
    out = run(a, [R["OMIT001"]])
    assert len(out) == 1
    f = out[0]
    nxt = a.target.segments[2]
    assert (f.target.start, f.target.end) == (nxt.start, nxt.start + 1)
    assert f.source.text == a.source.segments[2].text
    assert f.category == "Accuracy/Omission" and f.severity == Severity.MAJOR
    assert "Guided tours" in f.message


def test_omission_at_the_end_points_at_the_previous_sentence():
    tgt = drop(TGT_FULL, 4)
    a = article(tgt, beads=beads(([0], [0]), ([1], [1]), ([2], [2]), ([3], [3]), ([4], [])))
    out = run(a, [R["OMIT001"]])
    assert len(out) == 1
    last = a.target.segments[3]
    assert (out[0].target.start, out[0].target.end) == (last.end - 1, last.end)


def test_omission_ending_a_paragraph_points_at_the_end_of_that_paragraph():
    src = "The lake froze early this year. Skating is allowed near the pier.\n\nThe café is open daily."
    tgt = "Le lac a gelé tôt cette année.\n\nLe café est ouvert tous les jours."
    a = article(tgt, src, beads=beads(([0], [0]), ([1], []), ([2], [1])))
    out = run(a, [R["OMIT001"]])
    assert len(out) == 1
    first = a.target.segments[0]
    assert out[0].target.end == first.end


def test_short_or_unsure_omissions_are_not_reported():
    src = "Weather. The observatory opens its doors to the public this weekend."
    tgt = "L’observatoire ouvre ses portes au public ce week-end."
    a = article(tgt, src, beads=beads(([0], []), ([1], [0]), conf={0: 0.7}))
    assert run(a, [R["OMIT001"]]) == []  # a one-word heading needs a very sure aligner
    tgt2 = drop(TGT_FULL, 2)
    unsure = article(tgt2, beads=beads(([0], [0]), ([1], [1]), ([2], []), ([3], [2]), ([4], [3]),
                                       conf={2: 0.3}))
    assert run(unsure, [R["OMIT001"]]) == []  # left to REVIEW001
    assert [f.rule_id for f in run(unsure, [R["REVIEW001"]])] == ["REVIEW001"]


def test_sentence_merged_into_its_neighbour_is_not_an_omission():
    src = ("The bridge opens in May. It has two lanes. The old ferry will stop. "
           "Tolls are free for bicycles. Trucks are banned at night.")
    tgt = ("Le pont ouvre en mai. Il a deux voies et l’ancien bac, qui traversait le fleuve, "
           "cessera de circuler. Le péage est gratuit pour les vélos. Les camions sont interdits la nuit.")
    a = article(tgt, src, beads=beads(([0], [0]), ([1], [1]), ([2], []), ([3], [2]), ([4], [3])))
    assert run(a, [R["OMIT001"]]) == []


# -- OMIT002 ----------------------------------------------------------------------------

def test_added_sentence_is_reported_with_its_span():
    tgt = ("L’observatoire ouvre ses portes au public ce week-end. "
           "Le directeur a annoncé une hausse des tarifs pour l’année prochaine. "
           "Les visiteurs pourront observer Saturne avec le grand télescope.")
    src = ("The observatory opens its doors to the public this weekend. "
           "Visitors will be able to look at Saturn through the main telescope.")
    a = article(tgt, src, beads=beads(([0], [0]), ([], [1]), ([1], [2])))
    out = run(a, [R["OMIT002"]])
    assert len(out) == 1
    seg = a.target.segments[1]
    assert (out[0].target.start, out[0].target.end) == (seg.start, seg.end)
    assert out[0].category == "Accuracy/Addition" and out[0].source is None


def test_trailing_page_chrome_is_not_reported_as_added():
    src = "The observatory opens its doors to the public this weekend."
    tgt = ("L’observatoire ouvre ses portes au public ce week-end.\n\n"
           "Partager\nCommenter\nJ’aime\nS’abonner à la newsletter\n"
           "Ce site affiche des contenus de tiers à titre informatif et ne garantit pas leur exactitude.")
    a = article(tgt, src)
    n = len(a.target.segments)
    a = replace(a, beads=tuple(beads(([0], [0]), *[([], [i]) for i in range(1, n)])))
    found = run(a, [R["OMIT002"], R["PAGE001"]])
    assert [f.rule_id for f in found] == ["PAGE001"]


def test_short_added_line_is_not_reported():
    src = "The observatory opens its doors to the public this weekend."
    tgt = "Par la rédaction\n\nL’observatoire ouvre ses portes au public ce week-end."
    a = article(tgt, src, beads=beads(([], [0]), ([0], [1]), conf={0: 0.6}))
    assert run(a, [R["OMIT002"]]) == []


# -- OMIT003 / OMIT004 ------------------------------------------------------------------

def test_length_outliers():
    one_to_one = beads(*[([i], [i]) for i in range(5)])
    short = TGT_FULL.replace("Les visites guidées partent toutes les heures de dix-huit heures à minuit.",
                             "Visites guidées.")
    out = run(article(short, beads=one_to_one), OMIT)
    assert [f.rule_id for f in out] == []  # five beads: too few to estimate the ratio
    src = SRC + " The café on the roof serves soup. Parking is free after eight."
    full = TGT_FULL + " Le café du toit sert de la soupe. Le parking est gratuit après vingt heures."
    seven = beads(*[([i], [i]) for i in range(7)])
    assert run(article(full, src, seven), OMIT) == []
    cut = full.replace("Les visites guidées partent toutes les heures de dix-huit heures à minuit.",
                       "Visites guidées.")
    out = run(article(cut, src, seven), OMIT)
    assert [f.rule_id for f in out] == ["OMIT003"]
    assert out[0].severity == Severity.MINOR and out[0].target.text == "Visites guidées."
    longer = full.replace("Le parking est gratuit après vingt heures.",
                          "Le parking est gratuit après vingt heures, sauf les jours de marché, "
                          "de fête foraine et pendant tout le festival de musique en juillet.")
    out = run(article(longer, src, seven), OMIT)
    assert [f.rule_id for f in out] == ["OMIT004"]


# -- the real aligner on a faithful translation: no false alarm -------------------------

@pytest.mark.parametrize("src,tgt,sl,tl", [
    (SRC, TGT_FULL, "en", "fr"),
    ("天文台本周末向公众开放。游客可以通过主望远镜观看土星。每小时有一次导览，从晚上六点到午夜。"
     "十二岁以下儿童须由成人陪同。名额有限，建议提前预订。", TGT_FULL, "zh", "fr"),
])
def test_faithful_translation_has_no_omit_findings(src, tgt, sl, tl):
    a = article(tgt, src, src_lang=sl, tgt_lang=tl)
    assert run(a, OMIT) == []


# -- REVIEW001 --------------------------------------------------------------------------

def test_low_confidence_bead_is_a_neutral_hint():
    a = article(TGT_FULL, beads=beads(([0], [0]), ([1, 2], [1]), ([], [2]), ([3], [3]), ([4], [4]),
                                      conf={1: 0.31}))
    out = run(a, [R["REVIEW001"]])
    assert len(out) == 1
    f = out[0]
    assert f.severity == Severity.NEUTRAL and f.category == "Review/Low-confidence alignment"
    assert "0.31" in f.message and "2-1" in f.message
    assert f.target.text == a.target.segments[1].text
    assert f.source.start == a.source.segments[1].start and f.source.end == a.source.segments[2].end


def test_low_confidence_null_bead_and_threshold_option():
    from toolkit.rules.base import Context

    a = article(drop(TGT_FULL, 2), beads=beads(([0], [0]), ([1], [1]), ([2], []), ([3], [2]), ([4], [3]),
                                               conf={2: 0.4, 3: 0.6}))
    out = run(a, [R["REVIEW001"]])
    nxt = a.target.segments[2]
    assert [(f.target.start, f.target.end) for f in out] == [(nxt.start, nxt.start + 1)]
    ctx = Context(a, {"review_min_confidence": 0.7})
    assert len(list(R["REVIEW001"].check(ctx))) == 2


def test_omitted_paragraph_points_at_the_next_paragraph():
    src = "Harbour news\n\nThe ferry is late today because of fog.\n\nThe café is open daily."
    tgt = "Nouvelles du port\n\nLe café est ouvert tous les jours."
    a = article(tgt, src, beads=beads(([0], [0]), ([1], []), ([2], [1])))
    out = run(a, [R["OMIT001"]])
    nxt = a.target.segments[1]
    assert [(f.target.start, f.target.end) for f in out] == [(nxt.start, nxt.start + 1)]


def test_size_counts_letters_and_digits_of_every_script():
    from toolkit.rules.omit import size

    every = "".join(map(chr, range(0x110000)))
    assert size(every) == sum(ch.isalnum() for ch in every)
    for text in ("", "abc", "a_b-c 1,5", "Élan vital : 3 ½ ²", "销售额增长了百分之三十。", "ﬁn ǅ Ⅻ ١٢"):
        assert size(text) == sum(ch.isalnum() for ch in text)
