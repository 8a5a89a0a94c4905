"""Monolingual readers (plain text, Markdown, HTML) on good and bad input."""
from pathlib import Path

import pytest

from toolkit.errors import InputError
from toolkit.readers import read_document
from toolkit.readers.html import extract, read_html, read_html_lines
from toolkit.segment import segment

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def write(tmp_path, name, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# -- bad input: one clear InputError ------------------------------------------------------

@pytest.mark.parametrize("name,data,needle", [
    ("mt.fr.txt", b"", "empty"),
    ("mt.fr.txt", b"  \n\t\r\n  ", "empty"),
    ("mt.fr.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("mt.fr.txt", "Le chat dort.".encode("utf-16"), "UTF-16"),
    ("mt.fr.txt", "Le café est fermé.".encode("latin-1"), "UTF-8"),
    ("mt.fr.md", b"", "empty"),
    ("mt.fr.html", b"", "empty"),
    ("mt.fr.html", "<p>Déjà vu</p>".encode("latin-1"), "UTF-8"),
])
def test_bad_files_raise_one_clear_line(tmp_path, name, data, needle):
    with pytest.raises(InputError) as err:
        read_document(write(tmp_path, name, data))
    message = str(err.value)
    assert needle in message and "\n" not in message and name in message


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_document(tmp_path / "mt.fr.txt")
    (tmp_path / "mt.de.txt").mkdir()
    with pytest.raises(InputError, match="folder"):
        read_document(tmp_path / "mt.de.txt")


def test_unsupported_extension(tmp_path):
    with pytest.raises(InputError, match="unsupported"):
        read_document(write(tmp_path, "mt.fr.docx", b"PK\x03\x04"))


def test_latin1_error_names_the_byte(tmp_path):
    with pytest.raises(InputError, match=r"byte 17 \(it looks like Latin-1"):
        read_document(write(tmp_path, "mt.es.txt", "La lluvia de Espa\xf1a".encode("latin-1")))


# -- offsets --------------------------------------------------------------------------------

def test_bom_is_removed_and_offsets_exclude_it(tmp_path):
    text = "Der Hafen öffnet um acht.\n\nDie Fähre fährt stündlich."
    doc = segment(read_document(write(tmp_path, "mt.de.txt", b"\xef\xbb\xbf" + text.encode())))
    assert doc.text == text
    assert doc.segments[0].start == 0
    last = doc.segments[-1]
    assert doc.text[last.start:last.end] == "Die Fähre fährt stündlich."


def test_crlf_is_kept_in_offsets(tmp_path):
    text = "Titre du bulletin\r\n\r\nLe vent souffle fort.\r\nLa mer est agitée.\r\n"
    doc = segment(read_document(write(tmp_path, "mt.fr.txt", text.encode())))
    assert doc.text == text
    for seg in doc.segments:
        assert doc.text[seg.start:seg.end] == seg.text and "\r" not in seg.text
    sea = next(s for s in doc.segments if s.text.startswith("La mer"))
    assert doc.line_col(sea.start) == (4, 1)


def test_markdown_headings_and_lists(tmp_path):
    text = "# Guide du potager\n\n## Semis\n\n- Radis en mars\n- Carottes en avril\n\nArrosez le soir."
    doc = segment(read_document(write(tmp_path, "mt.fr.md", text.encode())))
    kinds = [b.kind for b in doc.blocks]
    assert kinds[:2] == ["heading", "heading"] and "list" in kinds
    assert [s.text for s in doc.segments if "Radis" in s.text] == ["- Radis en mars"]


def test_language_from_name_or_detected(tmp_path):
    doc = read_document(write(tmp_path, "mt.it.txt", "Il treno parte alle otto.".encode()))
    assert (doc.lang, doc.lang_source) == ("it", "filename")
    doc = read_document(write(tmp_path, "article.txt",
                              "Der Zug fährt um acht Uhr vom Hauptbahnhof ab und kommt pünktlich an.".encode()))
    assert (doc.lang, doc.lang_source) == ("de", "detected")


# -- HTML -------------------------------------------------------------------------------------

def test_html_article_is_extracted_without_page_furniture():
    text, blocks = read_html(FIXTURES / "bees.html")
    assert text.startswith("How bees find their way home\n\nHoney bees")
    assert "tracking" not in text and "Home" not in text and "Subscribe" not in text
    assert "wasps" not in text and "©" not in text and "color" not in text
    assert [b.kind for b in blocks] == ["heading", "paragraph", "list", "list", "list", "paragraph"]
    for b in blocks:
        assert text[b.start:b.end].strip() == text[b.start:b.end]
    assert "& remember" in text and "5\u00a0km" in text  # entities decoded, no-break space kept
    assert "landmarks.\nThey" in text  # <br> is a line break


def test_html_block_lines_point_into_the_page():
    text, blocks, lines = read_html_lines(FIXTURES / "bees.html")
    source = (FIXTURES / "bees.html").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(blocks)
    assert "<h1>" in source[lines[0] - 1]


def test_html_nested_blocks_keep_their_order():
    pieces = extract("<ul><li>Fruit <ul><li>Apple</li></ul> and more</li></ul><p>End</p>")
    assert [p[1] for p in pieces] == ["Fruit", "Apple", "and more", "End"]


def test_html_without_article_text(tmp_path):
    p = write(tmp_path, "mt.en.html", b"<html><body><nav><a>Home</a></nav><script>x()</script></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_html(p)


def test_html_through_read_document_is_segmented(tmp_path):
    doc = segment(read_document(FIXTURES / "bees.html", lang="en"))
    assert any(s.text == "Nasonov gland" for s in doc.segments)
    for s in doc.segments:
        assert doc.text[s.start:s.end] == s.text


def test_html_does_not_fetch_external_resources(tmp_path):
    page = (b'<!DOCTYPE html SYSTEM "http://127.0.0.1:9/never.dtd"><html><body>'
            b'<p>Offline &amp; safe.</p><img src="http://127.0.0.1:9/x.png"></body></html>')
    text, _ = read_html(write(tmp_path, "mt.en.html", page))
    assert text == "Offline & safe."
