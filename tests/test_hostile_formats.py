"""Malformed and hostile file formats: glossaries (CSV, TSV, TBX), bilingual files (CSV,
XLIFF, TMX, PO) and pre-segmented alignment input. Never silently wrong data: exit 2 with
one line naming the file (and line when known), inputs unchanged, or a correct reading."""
from __future__ import annotations

import json

import pytest

from hostile_support import (FR, ZH, article, assert_audit_json, assert_one_line_error, fingerprint,
                             run_cli)
from toolkit.errors import InputError
from toolkit.glossary import load_glossary, parse_rows

HEAD = "source,target,forbidden,case_sensitive,note\n"

BAD_GLOSSARIES = {
    # a quote opened in the middle swallows the next rows into one target
    "unclosed-quote-middle": (HEAD + '银行,"banque,,false,\n公司,entreprise,,false,\n学校,école,,false,\n',
                              "glossary.csv:2:"),
    "unclosed-quote-at-end": (HEAD + '银行,banque,,false,\n公司,"entreprise,,false,\n', "glossary.csv:3:"),
    "quote-then-text": (HEAD + '银行,"banque"x,,false,\n', "glossary.csv:2:"),
    "too-many-columns": (HEAD + "银行,banque,,false,note,extra,more\n", "glossary.csv:2: 7 columns"),
    "bad-case-flag": (HEAD + "银行,banque,,perhaps,\n", "case_sensitive"),
    "target-also-forbidden": (HEAD + "银行,banque,banque,false,\n", "both an approved target"),
    "no-target": (HEAD + "银行,,,false,\n", "needs a source and a target"),
    "header-only": (HEAD, "no entries"),
    "comments-only": ("# terms\n# more\n", "no entries"),
}


@pytest.mark.parametrize("case", BAD_GLOSSARIES)
def test_malformed_glossary_csv(tmp_path, capsys, case):
    content, needle = BAD_GLOSSARIES[case]
    folder = article(tmp_path, glossary=content)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, needle)
    assert fingerprint(tmp_path) == before


def test_unclosed_quote_never_yields_a_swallowed_entry(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(HEAD + '银行,"banque,,false,\n公司,entreprise,,false,\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.csv:2: .*quote"):
        load_glossary(path)


def test_quoted_note_may_span_lines_but_a_term_may_not(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text(HEAD + '银行,banque,,false,"a note\non two lines"\n公司,entreprise,,false,\n', encoding="utf-8")
    assert [e.target for e in load_glossary(path)] == ["banque", "entreprise"]
    path.write_text(HEAD + '"银\n行",banque,,false,\n', encoding="utf-8")
    with pytest.raises(InputError, match="g.csv:2: a quoted field runs from line 2 to line 3"):
        load_glossary(path)


def test_rows_without_line_ends_still_report_a_runaway_quote():
    with pytest.raises(InputError, match=":2: a quoted field runs"):
        parse_rows([HEAD.strip(), '银行,"banque,,false,', '公司,entreprise",,false,'])


def test_tsv_glossary_with_unclosed_quote(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text('source\ttarget\n银行\t"banque\n公司\tentreprise\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"g\.tsv:2:"):
        load_glossary(path)


TBX_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
BAD_TBX = {
    "malformed": (TBX_HEAD + '<martif type="TBX"><text><body><termEntry>', "malformed TBX"),
    "billion-laughs": (TBX_HEAD + '<!DOCTYPE martif [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
                       '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
                       '<martif type="TBX"><text><body><termEntry><langSet xml:lang="zh"><tig><term>&c;'
                       '</term></tig></langSet></termEntry></body></text></martif>', "refused"),
    "xxe-file": (TBX_HEAD + '<!DOCTYPE martif [<!ENTITY x SYSTEM "file:///etc/hostname">]>\n'
                 '<martif type="TBX"><text><body><termEntry><langSet xml:lang="zh"><tig><term>&x;</term>'
                 '</tig></langSet></termEntry></body></text></martif>', "refused"),
    "wrong-root": (TBX_HEAD + "<html><body/></html>", "not a TBX file"),
    "no-pairs": (TBX_HEAD + '<martif type="TBX"><text><body><termEntry><langSet xml:lang="zh"><tig>'
                 "<term>银行</term></tig></langSet></termEntry></body></text></martif>", "no term entry"),
    "only-deprecated": (TBX_HEAD + '<martif type="TBX"><text><body><termEntry>'
                        '<langSet xml:lang="zh"><tig><term>银行</term></tig></langSet>'
                        '<langSet xml:lang="fr"><tig><term>banc</term><termNote type="administrativeStatus">'
                        "deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry></body></text></martif>",
                        "only deprecated"),
}


@pytest.mark.parametrize("case", BAD_TBX)
def test_hostile_tbx(tmp_path, capsys, case):
    content, needle = BAD_TBX[case]
    (tmp_path / "terms.tbx").write_text(content, encoding="utf-8")
    folder = article(tmp_path)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder), "-g", str(tmp_path / "terms.tbx")], capsys)
    assert_one_line_error(code, err, needle)
    assert "terms.tbx" in err and fingerprint(tmp_path) == before


def test_tbx_module_does_not_import_the_glossary_model():
    """One-way imports: the glossary loader uses the TBX parser, never the reverse."""
    import ast
    import inspect

    import toolkit.terms.tbx as tbx

    tree = ast.parse(inspect.getsource(tbx))
    imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(m and m.endswith("glossary") for m in imported), imported


XLIFF_UNIT = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" '
              'source-language="en" target-language="fr" datatype="plaintext"><body>'
              '<trans-unit id="1"><source>{src}</source><target>{tgt}</target></trans-unit>'
              "</body></file></xliff>")
TMX_UNIT = ('<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" '
            'adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body><tu>'
            '<tuv xml:lang="en"><seg>{src}</seg></tuv><tuv xml:lang="fr"><seg>{tgt}</seg></tuv>'
            "</tu></body></tmx>")
LAUGHS = ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;'
          '&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n')
XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>\n'
BAD_BILINGUAL = {
    "xlf-billion-laughs": ("a.xlf", LAUGHS + XLIFF_UNIT.format(src="&c;", tgt="x"), "refused"),
    "xlf-xxe": ("a.xlf", XXE + XLIFF_UNIT.format(src="&e;", tgt="x"), "refused"),
    "xlf-truncated": ("a.xlf", XLIFF_UNIT.format(src="The bank.", tgt="La banque.")[:-30], "not well-formed"),
    "xlf-not-xml": ("a.xlf", "source,target\nThe bank.,La banque.\n", "not well-formed"),
    "xlf-wrong-root": ("a.xlf", "<tmx/>", "not an XLIFF file"),
    "xlf-latin1-declared": ("a.xlf", '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + XLIFF_UNIT.format(
        src="The bank.", tgt="La banque."), "only UTF-8"),
    "xlf-no-units": ("a.xlf", XLIFF_UNIT.replace('<trans-unit id="1"><source>{src}</source><target>{tgt}'
                                                  "</target></trans-unit>", ""), "no translation units"),
    "tmx-billion-laughs": ("a.tmx", LAUGHS + TMX_UNIT.format(src="&c;", tgt="x"), "refused"),
    "tmx-xxe": ("a.tmx", XXE + TMX_UNIT.format(src="&e;", tgt="x"), "refused"),
    "tmx-truncated": ("a.tmx", TMX_UNIT.format(src="The bank.", tgt="La banque.")[:-12], "not well-formed"),
    "tmx-wrong-root": ("a.tmx", XLIFF_UNIT.format(src="a", tgt="b"), "not a TMX file"),
    "po-unterminated": ("a.po", 'msgid "The bank.\nmsgstr "La banque."\n', "a.po"),
    "po-latin1": ("a.po", None, "not UTF-8"),
    "po-empty": ("a.po", "", "empty"),
    "csv-unclosed-quote": ("a.csv", 'source,target\n"The bank sold cars.,La banque a vendu des voitures.\n'
                           "The office opened.,Le bureau a ouvert.\n", "a.csv:2: a quote opened"),
    "csv-unquoted-thousands": ("a.csv", "source,target\nThe bank sold 3,500 cars.,La banque a vendu 3 500 "
                               "voitures.\n", "a.csv:2: 3 cells"),
    "csv-no-header": ("a.csv", "The bank.,La banque.\n", "header row"),
    "tsv-extra-cell": ("a.tsv", "source\ttarget\nThe bank.\tLa banque.\tstray\n", "a.tsv:2: 3 cells"),
}


@pytest.mark.parametrize("case", BAD_BILINGUAL)
def test_hostile_bilingual_file(tmp_path, capsys, case):
    name, content, needle = BAD_BILINGUAL[case]
    path = tmp_path / name
    if content is None:  # a PO file saved in Latin-1
        path.write_bytes('msgid "The coffee."\nmsgstr "Le café."\n'.encode("latin-1"))
    else:
        path.write_text(content, encoding="utf-8")
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(path)], capsys)
    assert_one_line_error(code, err, needle)
    assert fingerprint(tmp_path) == before


def test_quoted_thousands_in_csv_is_read_right(tmp_path, capsys):
    """The correct reading of '3,500' (quoted) gives no number mismatch."""
    path = tmp_path / "a.csv"
    path.write_text('source,target\n"The bank sold 3,500 cars.","La banque a vendu 3\u202f500 voitures."\n',
                    encoding="utf-8")
    report = assert_audit_json(*run_cli(["audit", str(path), "-f", "json"], capsys))
    assert not [f for f in report["findings"] if f["rule_id"].startswith("NUM")], report["findings"]


def test_csv_cell_with_a_line_break_is_kept(tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_text('source,target\n"The bank.\nThe office.","La banque.\nLe bureau."\n', encoding="utf-8")
    report = assert_audit_json(*run_cli(["audit", str(path), "-f", "json"], capsys))
    assert report["documents"][0]["target"]["segments"] == 1


# -- pre-segmented alignment input ---------------------------------------------------------

@pytest.mark.parametrize("target,needle", [
    (b"", "empty"),
    (b"\n\n\n", "empty"),
    (b"\xef\xbb\xbf\n", "empty"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00", "NUL byte"),
    ("Le caf\xe9 est pr\xeat.\n".encode("latin-1"), "Latin-1"),
    ("Le café.\n".encode("utf-16"), "UTF-16"),
])
def test_presegmented_bad_target(tmp_path, capsys, target, needle):
    (tmp_path / "src.txt").write_text("One.\nTwo.\n", encoding="utf-8")
    (tmp_path / "tgt.txt").write_bytes(target)
    before = fingerprint(tmp_path)
    code, out, err = run_cli(["align", "--presegmented", str(tmp_path / "src.txt"), str(tmp_path / "tgt.txt")],
                             capsys)
    assert_one_line_error(code, err, needle)
    assert out == "" and fingerprint(tmp_path) == before


def test_presegmented_with_blank_lines_and_crlf_keeps_line_ids(tmp_path, capsys):
    (tmp_path / "src.txt").write_text("One.\r\n\r\nTwo.\r\n", encoding="utf-8")
    (tmp_path / "tgt.txt").write_text("Un.\r\n\r\nDeux.\r\n", encoding="utf-8")
    code, out, err = run_cli(["align", "--presegmented", "-f", "json", str(tmp_path / "src.txt"),
                              str(tmp_path / "tgt.txt"), "--src-lang", "en", "--tgt-lang", "fr"], capsys)
    assert code == 0, err
    beads = json.loads(out)
    assert sorted(i for b in beads for i in b["src"]) == [0, 1, 2]
    assert sorted(i for b in beads for i in b["tgt"]) == [0, 1, 2]


def test_article_with_directory_as_source_is_not_silently_sourceless(tmp_path, capsys):
    folder = article(tmp_path, source=None)
    (folder / "source.zh.txt").mkdir()
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, "source.zh.txt: is a folder")


def test_zh_source_article_still_audits(tmp_path, capsys):
    folder = article(tmp_path, mt=FR, source=ZH)
    report = assert_audit_json(*run_cli(["audit", str(folder), "-f", "json"], capsys))
    assert report["documents"][0]["source"]["lang"] == "zh"
