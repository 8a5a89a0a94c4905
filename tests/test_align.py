"""Sentence aligner: bead types, length ratio, numbers, degenerate inputs, io.

All texts are invented for these tests.
"""
from __future__ import annotations

import json
import math
import random
import tracemalloc

import pytest

from toolkit.align import align_sentences
from toolkit.align.features import fold
from toolkit.align.io import parse_presegmented, read_presegmented, render
from toolkit.align.scoring import initial_params
from toolkit.evaluation.align_score import parse_beads
from toolkit.model import Bead
from toolkit.numbers import number_values, parse_chinese_numeral

# Parallel filler: each pair shares a made-up name and a number, lengths vary.
NAMES = ["Oskarsson", "Velimirova", "Trandafir", "Kowalczyk", "Ebersbach", "Laurentis",
         "Gudmundur", "Nakashima", "Pellegrini", "Okonkwo", "Rasmussen", "Fitzgerald"]
EN = ["{n} counted {k} boats in the harbour before noon.",
      "The report by {n} listed {k} problems with the new bridge, most of them minor.",
      "Nobody expected {n} to walk {k} kilometres through the rain that evening.",
      "{n} kept {k} old letters in a wooden box under the bed.",
      "In the end {n} sold {k} paintings, which paid for the roof and the garden wall."]
FR = ["{n} a compté {k} bateaux dans le port avant midi.",
      "Le rapport de {n} recensait {k} problèmes sur le nouveau pont, pour la plupart mineurs.",
      "Personne ne s'attendait à ce que {n} marche {k} kilomètres sous la pluie ce soir-là.",
      "{n} gardait {k} vieilles lettres dans une boîte en bois sous le lit.",
      "Finalement, {n} a vendu {k} tableaux, ce qui a payé le toit et le mur du jardin."]


def filler(count: int, start: int = 0) -> tuple[list[str], list[str]]:
    src, tgt = [], []
    for k in range(start, start + count):
        name, num = NAMES[k % len(NAMES)], 100 + 37 * k
        src.append(EN[k % len(EN)].format(n=name, k=num))
        tgt.append(FR[k % len(FR)].format(n=name, k=num))
    return src, tgt


def pairs(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.src, b.tgt) for b in beads]


def check_valid(beads: list[Bead], n: int, m: int) -> None:
    assert [b.id for b in beads] == list(range(len(beads)))
    src = [i for b in beads for i in b.src]
    tgt = [j for b in beads for j in b.tgt]
    assert src == list(range(n)) and tgt == list(range(m))
    for b in beads:
        assert b.src or b.tgt
        assert 0.0 <= b.confidence <= 1.0


def with_middle(mid_src: list[str], mid_tgt: list[str]):
    """Filler, then the special sentences, then more filler; returns the expected bead."""
    s1, t1 = filler(6)
    s2, t2 = filler(6, start=6)
    src, tgt = s1 + mid_src + s2, t1 + mid_tgt + t2
    expect = (tuple(range(6, 6 + len(mid_src))), tuple(range(6, 6 + len(mid_tgt))))
    return src, tgt, expect


CASES = {
    "1-1": (["Wilhelmina planted 418 tulips along the northern fence."],
            ["Wilhelmina a planté 418 tulipes le long de la clôture nord."]),
    "1-2": (["Marisol paid 540 euros for the train to Trondheim, and Benedikt paid 760 euros "
             "for the ferry to Stavanger."],
            ["Marisol a payé 540 euros pour le train vers Trondheim.",
             "Benedikt a payé 760 euros pour le ferry vers Stavanger."]),
    "2-1": (["Marisol paid 540 euros for the train to Trondheim.",
             "Benedikt paid 760 euros for the ferry to Stavanger."],
            ["Marisol a payé 540 euros pour le train vers Trondheim, et Benedikt a payé "
             "760 euros pour le ferry vers Stavanger."]),
    "1-3": (["Ingrid found 21 shells at Kalmar, Teodoro found 34 stones at Vimmerby, and "
             "Annelie found 55 feathers at Eksjö after the storm."],
            ["Ingrid a trouvé 21 coquillages à Kalmar.",
             "Teodoro a trouvé 34 pierres à Vimmerby.",
             "Annelie a trouvé 55 plumes à Eksjö après la tempête."]),
    "3-1": (["Ingrid found 21 shells at Kalmar.",
             "Teodoro found 34 stones at Vimmerby.",
             "Annelie found 55 feathers at Eksjö after the storm."],
            ["Ingrid a trouvé 21 coquillages à Kalmar, Teodoro a trouvé 34 pierres à "
             "Vimmerby, et Annelie a trouvé 55 plumes à Eksjö après la tempête."]),
    "2-2": (["Jarosław repaired 63 clocks in Gdynia, while Philippa and Bartholomew, who "
             "came from Malbork with 17 crates of tools,",
             "restored 92 organs in Sopot during the long winter."],
            ["Jarosław a réparé 63 horloges à Gdynia.",
             "Philippa et Bartholomew, venus de Malbork avec 17 caisses d'outils, ont "
             "restauré 92 orgues à Sopot pendant le long hiver."]),
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_bead_types_recovered(kind):
    src, tgt, expect = with_middle(*CASES[kind])
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    check_valid(beads, len(src), len(tgt))
    assert expect in pairs(beads)
    assert pairs(beads).count(((0,), (0,))) == 1


def test_omission_and_addition():
    s1, t1 = filler(6)
    s2, t2 = filler(6, start=6)
    lost = "Meanwhile Hieronymus argued for 880 minutes about the colour of the new tram."
    added = "Cliquez ici pour vous abonner à notre lettre d'information hebdomadaire."
    src = s1 + [lost] + s2
    tgt = t1 + t2[:3] + [added] + t2[3:]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    check_valid(beads, len(src), len(tgt))
    got = pairs(beads)
    assert ((6,), ()) in got                    # 1-0: omitted in the translation
    assert ((), (9,)) in got                    # 0-1: added in the translation
    assert ((7,), (6,)) in got and ((12,), (12,)) in got


def test_a_shared_number_alone_does_not_force_a_one_to_one():
    src = ["The committee met on 12 May.",
           "It discussed the budget for the coming year at length, with many speakers "
           "raising concerns about transport, housing and schools."]
    tgt = ["Le comité s'est réuni le 12 mai et a longuement discuté du budget de l'année à "
           "venir ; de nombreux intervenants ont soulevé des inquiétudes sur les transports, "
           "le logement et les écoles."]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((0, 1), (0,))]


ZH = ["今天上午，李明在北京买了三本书。",
      "下午他去公园散步，遇到了老朋友王芳。",
      "他们一起喝了咖啡，聊了两个小时。",
      "王芳说她明年要去巴黎学习法语。",
      "李明很高兴，也想去法国旅游。",
      "晚上他给妈妈打了电话。",
      "妈妈告诉他，家里的猫生了四只小猫。",
      "李明决定周末回家看看。"]
ZH_FR = ["Ce matin, Li Ming a acheté trois livres à Pékin.",
         "L'après-midi, il s'est promené dans le parc et a rencontré sa vieille amie "
         "Wang Fang.",
         "Ils ont pris un café ensemble et ont discuté pendant deux heures.",
         "Wang Fang a dit qu'elle irait étudier le français à Paris l'année prochaine.",
         "Li Ming était très content et voulait aussi voyager en France.",
         "Le soir, il a téléphoné à sa mère.",
         "Sa mère lui a dit que la chatte de la maison avait eu quatre chatons.",
         "Li Ming a décidé de rentrer chez lui ce week-end."]


def test_length_ratio_estimated_per_document_for_chinese_french():
    zh_len = [len(s) for s in ZH]
    fr_len = [len(s) for s in ZH_FR]
    ratio = math.exp(initial_params(zh_len, fr_len).log_ratio)
    assert 2.5 < ratio < 5.0  # French needs several times the characters of Chinese
    beads = align_sentences(ZH, ZH_FR, src_lang="zh", tgt_lang="fr")
    assert pairs(beads) == [((k,), (k,)) for k in range(len(ZH))]


def test_chinese_french_split_sentence():
    tgt = ZH_FR[:3] + ["Wang Fang a dit qu'elle irait à Paris l'année prochaine.",
                       "Elle veut y étudier le français."] + ZH_FR[4:]
    beads = align_sentences(ZH, tgt, src_lang="zh", tgt_lang="fr")
    check_valid(beads, len(ZH), len(tgt))
    assert ((3,), (3, 4)) in pairs(beads)
    assert ((0,), (0,)) in pairs(beads) and ((7,), (8,)) in pairs(beads)


@pytest.mark.parametrize("text,lang,value", [
    ("3,5 kg", "fr", 3.5), ("3.5 kg", "en", 3.5),
    ("1 000 habitants", "fr", 1000), ("1,000 people", "en", 1000),
    ("1\u202f000 habitants", "fr", 1000), ("1'000 Franken", "de", 1000),
    ("1.2万人", "zh", 12000), ("12 000 personnes", "fr", 12000),
    ("3亿美元", "zh", 300000000), ("35亿", "zh", 3500000000),
    ("3.5 billion dollars", "en", 3500000000), ("3,5 milliards", "fr", 3500000000),
    ("2 billions d'euros", "fr", 2000000000000),
    ("三十个", "zh", 30), ("千亿", "zh", 100000000000), ("100 milliards", "fr", 100000000000),
    ("1.000.000 Einwohner", "de", 1000000), ("2,5 Mio. Franken", "de", 2500000),
])
def test_number_normalisation(text, lang, value):
    # the aligner's number anchors are the values of the shared number parser
    assert value in number_values(text, lang)


def test_number_details():
    assert parse_chinese_numeral("二百零五") == 205
    assert parse_chinese_numeral("一千二百万") == 12_000_000
    assert parse_chinese_numeral("三亿五千万") == 350_000_000
    assert parse_chinese_numeral("二〇二四") == 2024
    # a lone 一 is too common inside words to be a number anchor
    assert number_values("统一的一些办法", "zh") == []
    assert number_values("1881-1902", "de") == [1881, 1902]
    assert number_values("Sans chiffres.", "fr") == []
    assert number_values("GPT-4 et D1", "fr") == []        # codes are not quantities


def test_fold():
    assert fold("Émile Straße Œuvre ÅLAND") == "emile strasse oeuvre aland"


def test_empty_sides():
    assert align_sentences([], [], src_lang="en", tgt_lang="fr") == []
    beads = align_sentences(["One.", "Two."], [], src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((0,), ()), ((1,), ())]
    beads = align_sentences([], ["Un.", "Deux.", "Trois."], src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((), (0,)), ((), (1,)), ((), (2,))]
    check_valid(beads, 0, 3)


def test_one_sentence_each():
    beads = align_sentences(["Hello there."], ["Bonjour."], src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((0,), (0,))]
    check_valid(beads, 1, 1)


def test_blank_and_odd_sentences():
    src = ["", "Gudrun bought 7 lamps.", "   ", "----"]
    tgt = ["Gudrun a acheté 7 lampes.", ""]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    check_valid(beads, len(src), len(tgt))


def test_paragraph_boundaries_guide_the_alignment():
    # Without paragraphs the short pieces could merge either way; the blocks decide.
    src = ["The meeting opened at nine.", "Everyone sat down quietly.",
           "Then the chair spoke.", "She thanked the volunteers."]
    tgt = ["La réunion s'est ouverte à neuf heures et tout le monde s'est assis en silence.",
           "Puis la présidente a pris la parole.", "Elle a remercié les bénévoles."]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr",
                            src_blocks=[0, 0, 1, 1], tgt_blocks=[0, 1, 1])
    assert pairs(beads) == [((0, 1), (0,)), ((2,), (1,)), ((3,), (2,))]


def test_glossary_pairs_are_anchors():
    src = ["The harvest was poor.", "The quince trees gave almost nothing.",
           "People blamed the frost."]
    tgt = ["La récolte fut mauvaise.", "Les cognassiers n'ont presque rien donné.",
           "On accusa le gel."]
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr",
                            lexicon=[("quince tree", "cognassier"), ("frost", "gel")])
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


def test_large_documents_complete():
    rng = random.Random(7)
    words = ["alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "lambda"]
    src, tgt = [], []
    for k in range(5000):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(3, 25)))
        src.append(f"{body} {k}.")
        tgt.append(f"{body.upper()} {k} !")
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    check_valid(beads, 5000, 5000)
    correct = sum(1 for b in beads if b.src == b.tgt and len(b.src) == 1)
    assert correct > 4900


def test_long_alignment_memory_is_bounded():
    # 5,000 × 5,000 sentences with omissions and additions; a full matrix of the bead
    # scores alone would take gigabytes, a band around the path a few tens of MiB.
    rng = random.Random(11)
    src, tgt = [], []
    for k in range(5000):
        a, b = filler(1, start=k)
        src += a
        tgt += b
        if rng.random() < 0.02:
            src.append(f"Meanwhile Quirinus waited {3 * k + 1} days for the ferry.")
        if rng.random() < 0.02:
            tgt.append("Cliquez ici pour vous abonner à notre lettre d'information.")
    src, tgt = src[:5000], tgt[:5000]
    tracemalloc.start()
    try:
        beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    check_valid(beads, 5000, 5000)
    assert peak < 250 * 2**20   # one dense 5,000 × 5,000 float matrix alone is 191 MiB


def test_io_presegmented_round_trip(tmp_path):
    assert parse_presegmented("a\n\nb\n") == ["a", "", "b"]
    assert parse_presegmented("\ufeffone\r\ntwo") == ["one", "two"]
    assert parse_presegmented("0\tFirst.\n1\tSecond.\n") == ["First.", "Second."]
    assert parse_presegmented("12 apples\n3\tthree\n") == ["12 apples", "3\tthree"]
    path = tmp_path / "x.txt"
    path.write_text("0\tUne phrase.\n1\tUne autre.\n", encoding="utf-8")
    assert read_presegmented(path) == ["Une phrase.", "Une autre."]


def test_render_formats():
    src = ["One.", "Two.", "Three."]
    tgt = ["Un et deux.", "Trois.", "Publicité."]
    beads = [Bead(0, (0, 1), (0,), 0.9), Bead(1, (2,), (1,), 0.8), Bead(2, (), (2,), 0.5)]
    text = render(beads, src, tgt, "beads")
    assert text == "[0, 1]:[0]\n[2]:[1]\n[]:[2]\n"
    assert parse_beads(text) == [(b.src, b.tgt) for b in beads]
    tsv = render(beads, src, tgt, "tsv").splitlines()
    assert tsv[0].split("\t") == ["2-1", "0.900", "One. Two.", "Un et deux."]
    assert tsv[2].split("\t") == ["0-1", "0.500", "", "Publicité."]
    items = json.loads(render(beads, src, tgt, "json"))
    assert items[0] == {"id": 0, "src": [0, 1], "tgt": [0], "type": "2-1", "confidence": 0.9,
                        "src_text": "One. Two.", "tgt_text": "Un et deux."}
    with pytest.raises(ValueError):
        render(beads, src, tgt, "xml")


def test_confidence_reflects_doubt():
    src, tgt = filler(8)
    beads = align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    assert pairs(beads) == [((k,), (k,)) for k in range(8)]
    assert min(b.confidence for b in beads) > 0.8
