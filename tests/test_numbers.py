"""toolkit.numbers: values of numbers across scripts and locales, and its data files."""
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.numbers import (DATA, NumberMention, find_numbers, format_number, group_digits,
                             month_names, number_words, parse_chinese_numeral, scale_words,
                             values_match)


def one(text, lang):
    found = [n for n in find_numbers(text, lang) if n.kind != "word"]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,lang,value", [
    ("3,5", "fr", "3.5"),
    ("3.5", "en", "3.5"),
    ("10\u202f000", "fr", "10000"),
    ("10\u00a0000", "fr", "10000"),
    ("10 000", "fr", "10000"),
    ("1,250,000", "en", "1250000"),
    ("1.250.000", "de", "1250000"),
    ("1,234.5", "en", "1234.5"),
    ("1.234,5", "de", "1234.5"),
    ("3,5 milliards", "fr", "3500000000"),
    ("2 billion", "en", "2000000000"),
    ("2 billions", "fr", "2000000000000"),
    ("4 Mrd.", "de", "4000000000"),
    ("3万", "zh", "30000"),
    ("1.5亿", "zh", "150000000"),
    ("40亿", "zh", "4000000000"),
    ("7000亿", "zh", "700000000000"),
    ("2万亿", "zh", "2000000000000"),
])
def test_values(text, lang, value):
    assert one(text, lang).value == Decimal(value)


def test_ambiguous_separator_keeps_both_readings():
    n = one("2,500", "fr")
    assert n.value == Decimal("2.5") and Decimal("2500") in n.values
    n = one("2,500", "en")
    assert n.value == Decimal("2500") and Decimal("2.5") in n.values


@pytest.mark.parametrize("text,value", [
    ("三十", 30), ("二百零五", 205), ("三亿五千万", 350_000_000), ("千亿", 10**11),
    ("二〇二四", 2024), ("一万亿", 10**12), ("十五", 15), ("一千二百万", 12_000_000)])
def test_chinese_numerals(text, value):
    assert parse_chinese_numeral(text) == value


def test_chinese_numeral_rejects_other_text():
    assert parse_chinese_numeral("三星") is None
    assert parse_chinese_numeral("") is None


@pytest.mark.parametrize("text,lang,kind", [
    ("En 2024, rien.", "fr", "year"),
    ("截至2031年", "zh", "year"),
    ("去年3月", "zh", "date"),
    ("le 4 juillet", "fr", "date"),
    ("on July 4", "en", "date"),
    ("la puce A320", "fr", "code"),
    ("le modèle GPT-3.5", "fr", "code"),
    ("la v3.5", "fr", "code"),
    ("à 10:30", "fr", "time"),
    ("le 1er mai", "fr", "ordinal"),
    ("01 Le départ", "fr", "section"),
    ("第二届", "zh", "ordinal"),
    ("数千亿元", "zh", "vague"),
    ("一百多名", "zh", "approx"),
    ("千亿市场", "zh", "approx"),
    ("三十名球员", "zh", "cardinal"),
    ("三星手机", "zh", "word"),
    ("192.168.0.1", "fr", "code"),
])
def test_kinds(text, lang, kind):
    found = find_numbers(text, lang)
    assert found and found[0].kind == kind, found


def test_mention_offsets_cover_scale_and_percent():
    text = "Hausse de 12\u00a0% et 3,5 millions de visiteurs."
    found = find_numbers(text, "fr")
    pct, mil = [n for n in found if n.kind == "cardinal"]
    assert (pct.start, pct.end, pct.unit, pct.numeral) == (10, 14, "%", "12")
    assert text[mil.start:mil.end] == "3,5 millions" and mil.numeral == "3,5" and mil.scale == 10**6


def test_urls_are_skipped():
    assert find_numbers("https://exemple.org/page/42?id=7", "fr") == []


def test_number_words():
    found = find_numbers("deux millions et vingt-cinq", "fr")
    assert [(n.value, n.kind) for n in found] == [(Decimal(2_000_000), "word"), (Decimal(25), "word")]


def test_values_match_rounding_percent_and_scale():
    a = one("1,234,567", "en")
    assert values_match(a, one("1,2 million", "fr"))
    assert not values_match(one("3.5 million", "en"), one("3,5 milliards", "fr"))
    half = NumberMention(0, 6, "moitié", Decimal("0.5"), kind="word")
    assert values_match(one("50%", "en"), half)


def test_format_number():
    assert format_number(Decimal(1_500_000_000), "fr") == "1,5 milliard"
    assert format_number(Decimal(3_000_000), "fr") == "3 millions"
    assert format_number(Decimal(12000), "fr") == "12\u202f000"
    assert format_number(Decimal("0.75"), "fr") == "0,75"
    assert group_digits("1234567") == "1\u202f234\u202f567"


@pytest.mark.parametrize("name", ["num_scales.tsv", "num_words.tsv", "num_months.tsv",
                                  "num_label_words.txt"])
def test_data_files_have_a_source_header_and_parse(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("#") and any("Source" in x for x in lines if x.startswith("#"))
    rows = [x for x in lines if x.strip() and not x.startswith("#")]
    assert rows and len(rows) == len(set(rows))
    if name.endswith(".tsv"):
        assert all(len(r.split("\t")) == 3 for r in rows)


def test_data_tables():
    assert scale_words("fr")["billion"] == 12 and scale_words("en")["billion"] == 9
    assert number_words("fr")["deux"] == 2
    assert month_names("fr")["juillet"] == 7
    assert "sept" not in month_names("fr")  # seven, not September


# -- the quick paths give what the plain scans give -------------------------------------------

def _plain_word_mentions(text, lang):
    import re

    words = number_words(lang)
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^\W\d_]+(?:-[^\W\d_]+)*", text)
            if all(p in words for p in m.group(0).lower().split("-"))]


def _plain_urls(text):
    import re

    return [(m.start(), m.end()) for m in
            re.finditer(r"(?:https?://|ftp://|www\.)\S+|\S+@\S+\.\w+", text, re.I)]


_PIECES = ["deux", "Deux", "DEUX", "trois", "vingt", "cinq", "un", "une", "x", "ab", "-", "--", " ",
           "\n", "3", "1,5", "é", "@", "a@b.fr", "://", "http://", "www.", "WWW.", ".", "mots", "ſix"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(["fr", "en", "de"]))
def test_number_words_and_urls_equal_the_plain_scans(pieces, lang):
    from toolkit.numbers import _urls

    text = "".join(pieces)
    assert _urls(text) == _plain_urls(text)
    want = _plain_word_mentions(text, lang)
    got = [(n.start, n.text[:n.numeral_end - n.start]) for n in find_numbers(text, lang) if n.kind == "word"]
    assert got == want


def test_number_word_inside_a_hyphenated_word_is_not_a_number():
    assert [n.text for n in find_numbers("x-deux deux-x --deux Deux-Trois", "fr")] == ["deux", "Deux-Trois"]
