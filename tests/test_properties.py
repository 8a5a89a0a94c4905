"""Property-based tests: readers, segmenter, aligner and rules on any Unicode text (astral
characters, combining marks, right-to-left text, control characters, CRLF and lone CR).
No exception, every offset inside the text and consistent with its line/column, the same
result twice. Example counts stay small so that the suite stays fast."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.align import align_sentences
from toolkit.align.io import parse_presegmented, render
from toolkit.api import article_from_strings
from toolkit.engine import run_rules
from toolkit.errors import InputError
from toolkit.glossary import parse_rows
from toolkit.readers import from_text
from toolkit.readers.base import decode, legacy_encoding
from toolkit.readers.text import blocks_of
from toolkit.segment import segment

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=15, deadline=None, derandomize=True,
               suppress_health_check=[HealthCheck.too_slow])

PIECES = ["\r\n", "\r", "\n", "\n\n", " ", "\t", "\u00a0", "\u202f", "\u200f", "\u202e", "\u0301", "\u3000",
          "𝔘", "\U0001F600", "。", "！", "？", "…", "« ", " »", '"', "'", "’", "«", "»", "(", ")", "#", "*",
          "- ", "1. ", "3,500", "3 500", "12,5 %", "2020", "万", "亿", "Mr.", "U.S.", "...", "\x00", "\x07",
          "\x1b", "\ufeff", "שלום", "مرحبا", "東京", "银行", "Éé", "ﬁ", "İ", "ß", "<b>", "</b>", "**", "`",
          "La banque", "a publié", "des rapports.", "Le chat dort.", "Il pleut !", "Quoi ?"]


def texts(max_size: int = 120):
    """Any text: arbitrary code points (no lone surrogates: they cannot come out of UTF-8)
    mixed with the pieces that break parsers."""
    chars = st.characters(blacklist_categories=("Cs",))
    piece = st.one_of(st.text(chars, min_size=1, max_size=6), st.sampled_from(PIECES))
    return st.lists(piece, max_size=max_size // 3).map("".join)


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# -- readers ---------------------------------------------------------------------------------

@SETTINGS
@given(st.binary(max_size=300))
def test_decode_any_bytes_gives_text_or_one_line_error(data):
    try:
        text = decode(data, "x.txt")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("x.txt")
    else:
        assert text.strip() and not text.startswith("\ufeff") and "\x00" not in text
    legacy_encoding(data)  # never raises


@SETTINGS
@given(texts())
def test_utf8_round_trip_and_bom(text):
    if not text.strip() or text.startswith("\ufeff") or "\x00" in text:
        return
    assert decode(text.encode("utf-8"), "x") == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "x") == text


@SETTINGS
@given(texts(), st.booleans())
def test_blocks_are_ordered_inside_and_deterministic(text, markdown):
    blocks = blocks_of(text, markdown=markdown)
    assert blocks == blocks_of(text, markdown=markdown)
    last = 0
    for i, b in enumerate(blocks):
        assert b.index == i and last <= b.start < b.end <= len(text)
        chunk = text[b.start:b.end]
        assert chunk == chunk.strip() and chunk
        last = b.end


@SETTINGS
@given(texts())
def test_presegmented_lines_are_the_file_lines(text):
    lines = parse_presegmented(text)
    assert lines == parse_presegmented(text)
    assert all("\n" not in line for line in lines)
    body = text[1:] if text.startswith("\ufeff") else text
    assert len(lines) == len(body.split("\n")) - (1 if body.endswith("\n") or body == "" else 0)


@SETTINGS
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12), max_size=6))
def test_glossary_rows_parse_or_fail_with_one_line(rows):
    try:
        glossary = parse_rows(rows, "g.csv")
    except InputError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("g.csv")
    else:
        for entry in glossary:
            assert entry.source and entry.targets and "\n" not in entry.source


# -- segmenter -------------------------------------------------------------------------------

@SETTINGS
@pytest.mark.parametrize("lang", ["fr", "en", "zh"])
@given(text=texts())
def test_segments_are_ordered_inside_the_text_and_deterministic(lang, text):
    if not text.strip():
        return
    doc = segment(from_text(text, f"mt.{lang}.txt", lang))
    again = segment(from_text(text, f"mt.{lang}.txt", lang))
    assert doc.segments == again.segments
    last = 0
    for i, s in enumerate(doc.segments):
        assert s.index == i and last <= s.start < s.end <= len(text)
        assert s.text == text[s.start:s.end] and s.text.strip()
        block = doc.blocks[s.block]
        assert block.start <= s.start and s.end <= block.end
        assert doc.line_col(s.start) == _line_col(text, s.start)
        last = s.end


# -- aligner ---------------------------------------------------------------------------------

sentences = st.lists(st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40), max_size=8)


@SETTINGS
@given(sentences, sentences, st.sampled_from([("zh", "fr"), ("en", "fr"), ("de", "fr")]))
def test_beads_cover_every_sentence_once_in_order(src, tgt, langs):
    beads = align_sentences(src, tgt, src_lang=langs[0], tgt_lang=langs[1])
    assert beads == align_sentences(src, tgt, src_lang=langs[0], tgt_lang=langs[1])
    assert [i for b in beads for i in b.src] == list(range(len(src)))
    assert [j for b in beads for j in b.tgt] == list(range(len(tgt)))
    for b in beads:
        assert 0.0 <= b.confidence <= 1.0 and (b.src or b.tgt)
    for fmt in ("beads", "tsv", "json"):
        assert render(beads, src, tgt, fmt) == render(beads, src, tgt, fmt)


# -- rules -----------------------------------------------------------------------------------

def _check_span(span, text: str) -> None:
    assert 0 <= span.start <= span.end <= len(text)
    assert span.text == text[span.start:span.end]
    assert (span.line, span.column) == _line_col(text, span.start)


@FEW
@given(target=texts(90), source=st.one_of(st.none(), texts(90)),
       langs=st.sampled_from([("zh", "fr"), ("en", "fr")]))
def test_rules_on_any_text(target, source, langs):
    if not target.strip() or (source is not None and not source.strip()):
        return
    rows = ["银行,banque,banc,false,", "bank,banque,,false,"]
    art = article_from_strings(target, source, src_lang=langs[0], tgt_lang=langs[1], glossary_rows=rows)
    findings = run_rules(art)
    again = run_rules(article_from_strings(target, source, src_lang=langs[0], tgt_lang=langs[1],
                                           glossary_rows=rows))
    assert findings == again
    for f in findings:
        if f.target is not None:
            _check_span(f.target, art.target.text)
        if f.source is not None:
            _check_span(f.source, art.source.text)
        assert f.message and "\n" not in f.rule_id


# -- the whole pipeline, reporters included --------------------------------------------------

@settings(max_examples=8, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(target=texts(150), source=texts(150),
       fmt=st.sampled_from(["text", "json", "html", "markdown", "sarif", "junit"]))
def test_cli_audit_of_any_text(tmp_path_factory, capsys, target, source, fmt):
    import json

    from hostile_support import run_cli

    if not target.strip() or not source.strip() or "\x00" in target + source \
            or target.startswith("\ufeff") or source.startswith("\ufeff"):
        return
    folder = tmp_path_factory.mktemp("any")
    (folder / "mt.fr.txt").write_text(target, encoding="utf-8", newline="")
    (folder / "source.zh.txt").write_text(source, encoding="utf-8", newline="")
    code, out, err = run_cli(["audit", str(folder), "-f", fmt], capsys)
    assert code in (0, 1) and not err.strip(), err
    if fmt == "json":
        for f in json.loads(out)["findings"]:
            t = f["target"]
            assert target[t["start"]:t["end"]] == t["text"]
    elif fmt == "sarif":
        json.loads(out)
