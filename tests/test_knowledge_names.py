"""The name layer: the data file is well formed, documented, and looked up as documented."""
import re

import pytest

from toolkit.knowledge import names
from toolkit.lexicon import DATA
from toolkit.textutil import HAN_RE


def test_data_file_states_source_selection_and_licence():
    head = "\n".join(l for l in (DATA / names.FILE).read_text(encoding="utf-8").splitlines()
                     if l.startswith("#"))
    for word in ("Selection", "Source", "ISO 4217", "BIPM", "licence"):
        assert word in head


def test_every_entry_is_well_formed():
    table = names.load()
    assert len(table) > 300
    seen: dict[str, names.Name] = {}
    for n in table:
        assert n.kind in names.KINDS
        assert n.zh or n.zh_words, n
        assert n.en and n.fr, n
        for form in n.zh + n.zh_words:
            assert HAN_RE.search(form) and not form.startswith("~"), form
            # one Chinese form names one entity: a form shared by two entries is ambiguous
            assert seen.setdefault(form, n) is n, form
        for form in n.en + n.fr:
            assert form == form.strip() and "|" not in form and "\t" not in form


def test_malformed_row_is_a_clear_error():
    with pytest.raises(ValueError, match="entry 2"):
        names.parse([["place", "某地", "Someplace", "Quelquepart"], ["planet", "火星", "Mars", "Mars"]])


def test_parse_separates_ordinary_word_forms():
    (n,) = names.parse([["company", "星辰科技|~星辰", "Starcorp", "Starcorp"]])
    assert n.zh == ("星辰科技",) and n.zh_words == ("星辰",)
    table = names.NameTable((n,))
    assert table.lookup("星辰") == (n,)
    assert list(table.find("夜空中的星辰", "zh")) == []  # an ordinary word is never searched
    assert [f for _, _, f, _ in table.find("星辰科技发布新品", "zh")] == ["星辰科技"]


def test_find_longest_match_and_whole_latin_words():
    n1, n2 = names.parse([["bank", "北辰银行|北辰", "Polaris Bank", "Banque Polaris"],
                          ["place", "北辰市", "Beichen City", "Beichen"]])
    table = names.NameTable((n1, n2))
    assert [(s, e, f) for s, e, f, _ in table.find("北辰银行在北辰市开业", "zh")] == \
        [(0, 4, "北辰银行"), (5, 8, "北辰市")]
    text = "Polaris Banking is not Polaris Bank."
    assert [f for _, _, f, _ in table.find(text, "en")] == ["Polaris Bank"]


def test_covering_and_renderings():
    (n,) = names.parse([["bank", "北辰银行|小北", "Polaris Bank|PB", "Banque Polaris|PB"]])
    table = names.NameTable((n,))
    text = "分析师说小北的利润上升"
    assert table.covering(text, 4, 6)[:3] == ("小北", 4, 6)
    assert table.covering(text, 5, 7) is None
    assert n.preferred("fr") == "Banque Polaris" and n.preferred("de") == "Polaris Bank"
    assert n.accepted("fr") == ("Banque Polaris", "PB", "Polaris Bank")
    assert names.key("Banque-Polaris") == names.key("banque polaris")


def test_well_known_renderings_differ_from_pinyin():
    """The point of the layer: names whose established rendering is not their pinyin."""
    table = names.load()
    for form in ("孙中山", "孔子", "北京"):
        (n,) = table.lookup(form)
        assert not re.fullmatch(r"[A-Za-z ]+", n.preferred("fr")) or \
            names.key(n.preferred("fr")) not in {"sunzhongshan", "kongzi", "beijing"}
