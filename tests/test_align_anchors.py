"""Dictionary anchors for Chinese (CC-CEDICT glosses → stems), the MAC reader and the
Gale–Church reference of ``make eval-align``.

Every sentence, dictionary line and XML file here is invented for these tests.
"""
from __future__ import annotations

import pytest

from toolkit.align import align_sentences
from toolkit.align.dictionary import dictionary_keys, uses_cedict
from toolkit.align.features import extract_keys
from toolkit.evaluation import gale_church
from toolkit.evaluation.align import main as eval_main
from toolkit.evaluation.mac import chapters, is_mac_root, read_chapter
from toolkit.knowledge import anchors, cedict

LINES = [
    "蘋果 苹果 [ping2 guo3] /apple/CL:個|个[ge4]/",
    "火車 火车 [huo3 che1] /train/CL:列[lie4],節|节[jie2]/",
    "醫院 医院 [yi1 yuan4] /hospital/CL:所[suo3],家[jia1]/",
    "河 河 [he2] /river/CL:條|条[tiao2]/",
    "老師 老师 [lao3 shi1] /teacher/CL:個|个[ge4],位[wei4]/",
    "喜歡 喜欢 [xi3 huan5] /to like/to be fond of/",
    "我 我 [wo3] /I/me/my/",
]


@pytest.fixture()
def tiny(tmp_path):
    return cedict.from_table(cedict.parse(iter(LINES)), tmp_path / "tiny.sqlite")


def test_stems_fold_cut_and_drop_function_words():
    stops = anchors.stop_words("en")
    assert anchors.stem("Friendships") == "frien"
    assert anchors.stem("l’Hôpital") == "hopit"          # elision and accents
    assert anchors.stem("ox") == ""                         # too short to be a content word
    assert anchors.text_stems("The teachers liked the rivers.", stops) == {"teach", "liked", "river"}
    assert anchors.gloss_stems(("to like", "to be fond of"), stops) == {"fond"}  # "like" is frequent


def test_document_lexicon_longest_match_and_memo(tiny):
    lex = anchors.DocumentLexicon(tiny, anchors.stop_words("en"))
    assert lex.words("我喜欢苹果和火车。") == ["我", "喜欢", "苹果", "火车"]
    assert lex.stems("医院") == {"hospi"}
    # "我" only glosses to function words: no stem, so it is no anchor
    assert lex.sentence_words(["我喜欢河。"]) == [["喜欢", "河"]]


def test_dictionary_keys_link_a_sentence_to_its_translation(tiny):
    zh = ["我喜欢苹果。", "火车到了医院。", "河很长。"]
    en = ["The hospital was reached by train.", "The river is long.", "I like apples."]
    fz = extract_keys(zh, "zh", True, False)
    fe = extract_keys(en, "en", False, True)
    dictionary_keys(zh, en, fz, fe, "en", dictionary=tiny)
    d = lambda keys: {k for k in keys if k.startswith("D")}  # noqa: E731
    assert d(fz.keys[1]) & d(fe.keys[0]) == {"D火车", "D医院"}
    assert d(fz.keys[2]) & d(fe.keys[1]) == {"D河"}
    assert d(fz.keys[0]) & d(fe.keys[2]) == {"D苹果"}     # "apples" → "apple"
    assert not d(fz.keys[2]) & d(fe.keys[0])


def test_cedict_is_used_for_chinese_only():
    assert uses_cedict("zh", True) and uses_cedict("zh-Hant", True)
    assert not uses_cedict("ja", True) and not uses_cedict("fr", False)


ZH = ["我的老师每天早上骑自行车去学校。", "昨天下午下了一场很大的雨。",
      "图书馆里有很多关于历史的书。", "我们在河边看到了一只白色的鸟。",
      "医生说他需要在医院住三天。", "那家饭店的面条非常好吃。",
      "火车站离我家不太远。", "她把苹果放在桌子上就走了。"]
EN = ["My teacher rides a bicycle to school every morning.",
      "It rained very heavily yesterday afternoon.",
      "The library has many books about history.",
      "We saw a white bird by the river.",
      "The doctor said he needs to stay in hospital for three days.",
      "The noodles at that restaurant are delicious.",
      "The railway station is not far from my home.",
      "She put the apple on the table and left."]


def test_chinese_omission_is_located_by_dictionary_anchors():
    tgt = EN[:4] + EN[5:]                     # the translation drops sentence 4
    beads = [(b.src, b.tgt) for b in align_sentences(ZH, tgt, src_lang="zh", tgt_lang="en")]
    assert ((4,), ()) in beads
    assert ((3,), (3,)) in beads and ((5,), (4,)) in beads


def test_chinese_one_to_three_bead():
    src = ZH[:3] + ["我们在河边看到了一只白色的鸟，医生说他需要在医院住三天，那家饭店的面条非常好吃。"] + ZH[6:]
    beads = [(b.src, b.tgt) for b in align_sentences(src, EN, src_lang="zh", tgt_lang="en")]
    assert ((3,), (3, 4, 5)) in beads
    assert ((4,), (6,)) in beads


# -- MAC reader ----------------------------------------------------------------------

def _write_chapter(folder, name="dev-x.001"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}_zh.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><text><p id="1">'
        '<s id="1:1">甲。</s><s id="1:2">乙。</s></p><p id="2"><s id="2:1">丙。</s></p></text>',
        encoding="utf-8")
    (folder / f"{name}_en.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><text><p id="1">'
        '<s id="1:1">One.</s><s id="1:2">Two.</s><s id="1:3">Three.</s></p></text>',
        encoding="utf-8")
    (folder / f"{name}_zh.001_en.xml").write_text(
        f"<?xml version='1.0' encoding='utf-8'?><linkGrp toDoc='{name}_en.xml' "
        f"fromDoc='{name}_zh.xml'>"
        "<link type='2-1' xtargets='1:1 1:2;1:1'/>"
        "<link type='0-1' xtargets=';1:2'/>"
        "<link type='1-1' xtargets='1:3;2:1'/></linkGrp>", encoding="utf-8")


def test_mac_chapter_reads_both_sides_and_links(tmp_path):
    _write_chapter(tmp_path / "dev" / "intertext")
    ch = read_chapter(tmp_path / "dev" / "intertext" / "dev-x.001_zh.001_en.xml")
    assert ch.src == ["甲。", "乙。", "丙。"] and ch.tgt == ["One.", "Two.", "Three."]
    # xtargets name the English (toDoc) ids first; Chinese is the source side
    assert ch.gold == [((0,), (0, 1)), ((1,), ()), ((2,), (2,))]
    assert is_mac_root(tmp_path) and len(chapters(tmp_path, "dev")) == 1
    assert chapters(tmp_path, "test") == []


def test_mac_link_to_unknown_sentence_is_an_error(tmp_path):
    folder = tmp_path / "test" / "intertext"
    _write_chapter(folder)
    bad = folder / "dev-x.001_zh.001_en.xml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("2:1", "9:9"), encoding="utf-8")
    with pytest.raises(ValueError, match="9:9"):
        read_chapter(bad)


def test_eval_reads_extra_sets_and_notes_missing_ones(tmp_path, capsys, monkeypatch):
    bench = tmp_path / "bench" / "tiny-enfr"
    bench.mkdir(parents=True)
    (bench / "doc.en").write_text("The cat sleeps.\nIt is 12 o'clock.\n", encoding="utf-8")
    (bench / "doc.fr").write_text("Le chat dort.\nIl est 12 heures.\n", encoding="utf-8")
    (bench / "doc.enfr").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    monkeypatch.delenv("MTQA_ALIGN_EXTRA", raising=False)
    assert eval_main(["--data", str(tmp_path / "bench"), "--corpora", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "note: mac-dev+test skipped" in out and "note: text+berg skipped" in out
    mac = tmp_path / "mac"
    _write_chapter(mac / "dev" / "intertext")
    _write_chapter(mac / "test" / "intertext", "test-x.001")
    monkeypatch.setenv("MTQA_ALIGN_EXTRA", str(mac))
    assert eval_main(["--data", str(tmp_path / "bench"), "--corpora", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "mac-dev " in out and "mac-test " in out and "mac-dev+test" in out
    assert "note: mac-dev+test skipped" not in out


# -- Gale–Church reference ---------------------------------------------------------

def test_gale_church_reference_finds_one_to_one_and_merges():
    src = ["a" * 40, "b" * 80, "c" * 20, "d" * 25, "e" * 60]
    tgt = ["A" * 42, "B" * 78, "C" * 47, "E" * 61]
    beads = gale_church.align(src, tgt)
    assert beads == [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,))]


def test_gale_church_reference_stays_in_its_band():
    src = ["x" * 30] * 200
    tgt = ["y" * 30] * 200
    beads = gale_church.align(src, tgt, half=5)
    assert beads == [((k,), (k,)) for k in range(200)]
