"""Bilingual readers (XLIFF 1.2/2.0, TMX, PO, CSV/TSV): round trips and hostile input."""
import shutil
import time
import tracemalloc
from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.readers.bilingual import SEPARATOR, read_bilingual

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def write(tmp_path, name, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def check_offsets(doc):
    assert len(doc.blocks) == len(doc.segments)
    for seg, block in zip(doc.segments, doc.blocks):
        assert seg.kind == "unit" and block.kind == "unit"
        assert doc.text[seg.start:seg.end] == seg.text
        assert (block.start, block.end) == (seg.start, seg.end)
    assert doc.text == SEPARATOR.join(s.text for s in doc.segments)


# -- round trips ------------------------------------------------------------------------------

@pytest.mark.parametrize("name,langs,sources,targets", [
    ("garden.xlf", ("en", "de"),
     ["Water tomatoes in the morning.", "Prune the roses after the last frost & feed them in April.",
      "Compost needs air."],
     ["Gießen Sie Tomaten am Morgen.",
      "Schneiden Sie die Rosen nach dem letzten Frost & düngen Sie sie im April.", ""]),
    ("recipes.xliff", ("fr", "es"),
     ["Tarte aux poireaux", "Faites cuire la pâte 15 minutes à 180 °C."],
     ["Tarta de puerros", "Hornee la masa 15 minutos a 180 °C."]),
    ("weather.tmx", ("en", "it"),
     ["Light rain is expected on Thursday.", "Winds of 40 km/h along the coast."],
     ["Giovedì è prevista pioggia leggera.", "Venti a 40 km/h lungo la costa."]),
    ("library.po", (None, "pt-BR"),
     ["Renew this book", "Your loan ends in %d days.", "No results for this author."],
     ["Renovar este livro", "Seu empréstimo termina em %d dias.", ""]),
])
def test_round_trip(name, langs, sources, targets):
    src, tgt = read_bilingual(FIXTURES / name)
    assert [s.text for s in src.segments] == sources
    assert [s.text for s in tgt.segments] == targets
    check_offsets(src)
    check_offsets(tgt)
    if langs[0]:
        assert (src.lang, src.lang_source) == (langs[0], "file")
    assert (tgt.lang, tgt.lang_source) == (langs[1], "file")
    assert src.meta["side"] == "source" and tgt.meta["side"] == "target"
    assert "synthetic" in tgt.meta["offsets"]
    assert len(tgt.meta["units"]) == len(targets)


def test_empty_target_is_an_empty_segment():
    _, tgt = read_bilingual(FIXTURES / "garden.xlf")
    last = tgt.segments[-1]
    assert last.start == last.end == len(tgt.text) and last.text == ""


def test_unit_metadata_points_into_the_file():
    _, tgt = read_bilingual(FIXTURES / "garden.xlf")
    lines = (FIXTURES / "garden.xlf").read_text(encoding="utf-8").splitlines()
    units = tgt.meta["units"]
    assert [u["id"] for u in units] == ["t1", "t2", "t3"]
    assert 'id="t2"' in lines[units[1]["line"] - 1]
    assert units[0]["notes"] == "Heading of the watering section"
    _, tgt = read_bilingual(FIXTURES / "recipes.xliff")
    assert tgt.meta["units"][0]["notes"] == "Title of the recipe card"
    _, tgt = read_bilingual(FIXTURES / "weather.tmx")
    assert tgt.meta["units"][0]["id"] == "w1" and tgt.meta["units"][0]["notes"] == "Forecast banner"


def test_po_locations_notes_and_lines():
    src, tgt = read_bilingual(FIXTURES / "library.po")
    lines = (FIXTURES / "library.po").read_text(encoding="utf-8").splitlines()
    units = tgt.meta["units"]
    assert units[0]["locations"] == ["screens/loan.py:12"]
    assert units[0]["notes"] == "Button on the loan screen"
    for unit, seg in zip(units, src.segments):
        assert lines[unit["line"] - 1] == f'msgid "{seg.text}"'
    assert src.lang_source == "detected" and src.lang == "en"


@pytest.mark.parametrize("name,target_lang", [("trains.csv", "fr"), ("trains.tsv", "de")])
def test_csv_and_tsv(name, target_lang):
    src, tgt = read_bilingual(FIXTURES / name)
    assert src.segments[0].text == "The train leaves from platform 4."
    assert tgt.lang == target_lang and tgt.lang_source == "detected"
    check_offsets(tgt)
    if name.endswith(".csv"):
        assert src.segments[1].text == "Tickets, passes and refunds"  # quoted comma kept
        assert tgt.segments[2].text == ""


def test_bom_is_accepted(tmp_path):
    data = b"\xef\xbb\xbf" + (FIXTURES / "garden.xlf").read_bytes()
    src, tgt = read_bilingual(write(tmp_path, "garden.xlf", data))
    assert tgt.segments[0].text == "Gießen Sie Tomaten am Morgen."


def test_load_article_reads_a_bilingual_file(tmp_path):
    from toolkit.api import load_article

    path = tmp_path / "garden.xlf"
    shutil.copy(FIXTURES / "garden.xlf", path)
    article = load_article(path)
    assert article.source.lang == "en" and article.target.lang == "de"
    assert [b.kind for b in article.beads] == ["1-1"] * 3


# -- hostile and broken input ---------------------------------------------------------------

def test_billion_laughs_fails_fast_without_memory():
    tracemalloc.start()
    t0 = time.perf_counter()
    with pytest.raises(InputError) as err:
        read_bilingual(FIXTURES / "billion_laughs.xlf")
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "entities" in str(err.value) and "\n" not in str(err.value)
    assert elapsed < 2 and peak < 20 * 1024 * 1024


def test_external_entity_is_refused():
    with pytest.raises(InputError, match="entities or external references"):
        read_bilingual(FIXTURES / "external_entity.tmx")


def test_parameter_entity_and_external_doctype(tmp_path):
    data = (b'<?xml version="1.0"?>\n<!DOCTYPE xliff [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>\n'
            b'<xliff version="1.2"><file source-language="en"><body/></file></xliff>')
    with pytest.raises(InputError, match="refused"):
        read_bilingual(write(tmp_path, "p.xlf", data))
    # an external DTD reference without an internal subset (common in TMX) is read, offline
    data = (FIXTURES / "weather.tmx").read_bytes()
    assert b'SYSTEM "tmx14.dtd"' in data
    assert read_bilingual(FIXTURES / "weather.tmx")[1].segments


@pytest.mark.parametrize("name,data,needle", [
    ("a.xlf", (FIXTURES / "malformed.xlf").read_bytes(), "not well-formed XML"),
    ("a.xlf", (FIXTURES / "not_xml.xlf").read_bytes(), "not well-formed XML"),
    ("a.xlf", (FIXTURES / "weather.tmx").read_bytes(), "not an XLIFF file"),
    ("a.tmx", (FIXTURES / "garden.xlf").read_bytes(), "not a TMX file"),
    ("a.xlf", b"", "empty"),
    ("a.po", b"   \n", "empty"),
    ("a.tmx", b"\x00\x01\x02\x03binary\xff", "binary"),
    ("a.xlf", (FIXTURES / "garden.xlf").read_text(encoding="utf-8").encode("utf-16"), "UTF-16"),
    ("a.po", 'msgid "Caf\xe9"\nmsgstr "Caf\xe9"\n'.encode("latin-1"), "UTF-8"),
    ("a.xlf", b'<?xml version="1.0" encoding="ISO-8859-1"?><xliff version="1.2"/>', "only UTF-8"),
    ("a.po", b'# only a comment\n', "no translation units"),
    ("a.po", b'{"this": "is json"}\n', "PO"),
    ("a.xlf", b'<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
              b'<file original="x" source-language="en" datatype="plaintext"><body/></file></xliff>',
     "no translation units"),
    ("a.txt", b"hello", "not a bilingual file"),
    ("a.csv", b"one line of prose without columns\n", "header row"),
    ("a.csv", b"source;target\nrain;pluie\n", "header row"),
    ("a.tsv", b"source,target\nrain,pluie\n", "tab-separated header"),
    ("a.csv", b"source,target\n", "no translation units"),
])
def test_bad_bilingual_files(tmp_path, name, data, needle):
    with pytest.raises(InputError) as err:
        read_bilingual(write(tmp_path, name, data))
    assert needle in str(err.value) and "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_bilingual(tmp_path / "absent.xlf")


def test_po_header_obsolete_and_blank_units_are_left_out(tmp_path):
    po = write(tmp_path, "skip.po", (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Open the gate."\nmsgstr "Ouvrez le portail."\n\n'
        'msgid "   "\nmsgstr "vide"\n\n'
        '#~ msgid "Old line."\n#~ msgstr "Vieille ligne."\n\n'
        'msgid "Close it again."\nmsgstr ""\n').encode("utf-8"))
    src, tgt = read_bilingual(po)
    assert [s.text for s in src.segments] == ["Open the gate.", "Close it again."]
    assert [s.text for s in tgt.segments] == ["Ouvrez le portail.", ""]
    assert tgt.lang == "fr" and tgt.lang_source == "file"
    check_offsets(src)
    check_offsets(tgt)
