"""Glossary loaders: CSV/TSV/TBX, good and broken files (invented entries)."""
from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.glossary import load_glossary, parse_rows

FIX = Path(__file__).parent / "fixtures" / "terms"


def test_csv_alternatives_repeated_sources_and_notes():
    g = load_glossary(FIX / "good.csv")
    assert len(g) == 4
    kick = g.lookup("点球")
    assert kick.targets == ("penalty", "tir au but", "coup de pied de réparation")
    assert "either is fine" in kick.note and "Second row" in kick.note
    vel = g.lookup("维尔莫拉")
    assert vel.case_sensitive and vel.forbidden == ("VELMORA", "Vel-Mora")
    assert g.lookup("Quintar").do_not_translate
    assert g.entries[0].line == 2


def test_tsv():
    g = load_glossary(FIX / "good.tsv")
    assert g.entries[0].targets == ("blanchir",) and g.entries[0].forbidden == ("ébouillanter",)


def test_header_in_any_order_and_positional_rows():
    g = parse_rows(["target,source,note", "blanchir,焯水,Cooking"])
    assert g.entries[0].source == "焯水" and g.entries[0].note == "Cooking"
    g = parse_rows(["焯水,blanchir,,false,Cooking"], header=False)
    assert g.entries[0].target == "blanchir"


@pytest.mark.parametrize("name,needle", [
    ("bad_case.csv", "bad_case.csv:3: case_sensitive must be true or false"),
    ("bad_row.csv", "bad_row.csv:3: a glossary row needs a source and a target"),
    ("latin1.csv", "not UTF-8"),
    ("binary.csv", "binary"),
    ("malformed.tbx", "malformed TBX"),
    ("hostile.tbx", "refused"),
    ("external.tbx", "refused"),
    ("missing.csv", "not found"),
])
def test_broken_glossaries_give_one_clear_line(name, needle):
    with pytest.raises(InputError) as exc:
        load_glossary(FIX / name)
    message = str(exc.value)
    assert needle in message and "\n" not in message


def test_too_many_columns_and_contradiction():
    with pytest.raises(InputError, match=r":2: 7 columns"):
        parse_rows(["source,target,forbidden,case_sensitive,note", "a,b,,false,one,two,three"])
    with pytest.raises(InputError, match="both an approved target and a forbidden"):
        parse_rows(["a,Velmora,velmora,false,"], header=False)


def test_tbx_import():
    g = load_glossary(FIX / "good.tbx")
    rate = g.lookup("interest rate")
    assert rate.targets == ("taux d’intérêt",)
    assert rate.forbidden == ("loyer de l'argent",)
    assert "loan" in rate.note
    assert g.lookup("Brivalo Bank").case_sensitive and g.lookup("Brivalo Bank").do_not_translate
    assert (g.src_lang, g.tgt_lang) == ("en", "fr")


def test_tbx_export_round_trip(tmp_path):
    from toolkit.terms.tbx import to_tbx

    path = tmp_path / "out.tbx"
    path.write_text(to_tbx([("Rennfort", ["Rennfort"], "club <name> & co")], "en", "fr"), "utf-8")
    g = load_glossary(path)
    assert g.entries[0].source == "Rennfort" and g.entries[0].note == "club <name> & co"
