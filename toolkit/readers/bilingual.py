"""Bilingual files — XLIFF 1.2/2.0, TMX, PO, CSV/TSV — read through translate-toolkit.

``read_bilingual(path)`` returns ``(source, target)`` Documents. Each translation unit
becomes one Block and one Segment (kind ``unit``) of each Document. A Document's
``text`` is *synthetic*: its units joined by a blank line, so offsets are well defined;
``meta["units"]`` maps each unit back to the file (id, line when the format gives it,
locations, notes) and ``meta["offsets"]`` says that offsets index the synthetic text.
A unit with an empty target becomes an empty segment (its start equals its end).

Languages come from the file (XLIFF ``source-language``/``target-language`` or
``srcLang``/``trgLang``, TMX ``srclang`` and ``xml:lang``, the PO ``Language`` header);
otherwise they are detected from the text (``lang_source == "detected"``).

Safety: XML is first checked with defusedxml, which refuses entity declarations
(billion laughs, external entities) before anything is expanded; translate-toolkit then
parses with entities unresolved and no network. Files must be UTF-8.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Block, Document, Segment
from ..paths import display, read_bytes
from .base import decode, detect_lang

XML_SUFFIXES = {".xlf", ".xliff", ".sdlxliff", ".tmx"}
PO_SUFFIXES = {".po", ".pot"}
CSV_SUFFIXES = {".csv", ".tsv"}
SUFFIXES = XML_SUFFIXES | PO_SUFFIXES | CSV_SUFFIXES
SEPARATOR = "\n\n"
_XML_ENCODING = re.compile(r"""^<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']""")
_XLIFF2 = re.compile(r"""urn:oasis:names:tc:xliff:document:2\.|<xliff[^>]*\bversion\s*=\s*["']2\.""")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}lang"


def read_bilingual(path: str | Path) -> tuple[Document, Document]:
    """Read a bilingual file into (source, target) Documents, or raise one clear InputError."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{p}: not a bilingual file (expected {', '.join(sorted(SUFFIXES))})")
    text = decode(_read_bytes(p), display(p), "bilingual file")
    if suffix in XML_SUFFIXES:
        fmt, store = _read_xml(p, text, suffix)
    elif suffix in PO_SUFFIXES:
        fmt, store = "po", _parse(p, "PO", lambda: _po().parsestring(text.encode("utf-8")))
    else:
        _check_csv_header(p, text, "\t" if suffix == ".tsv" else ",")
        fmt, store = "csv", _parse(p, "CSV", lambda: _csv().parsestring(text.encode("utf-8")))
    units, sources = [], []
    for unit in store.units:
        if getattr(unit, "isheader", lambda: False)() or getattr(unit, "isobsolete", lambda: False)():
            continue
        source = _text(unit.source)
        if source.strip():
            units.append(unit)
            sources.append(source)
    if not units:
        raise InputError(f"{p}: no translation units found in this {fmt.upper()} file")
    src_lang, tgt_lang = _languages(fmt, store, units)
    po_lines = _po_lines(text) if fmt == "po" else []
    rows = []
    for n, unit in enumerate(units):
        locations = [loc for loc in unit.getlocations() or () if loc]
        uid = (locations[0] if locations else n + 1) if fmt == "csv" else unit.getid() or n + 1
        rows.append({
            "id": str(uid).split("\x04")[-1],
            "line": _line_of(fmt, unit, n, po_lines),
            "locations": locations,
            "notes": _notes(unit),
        })
    targets = [_text(_target(fmt, unit, tgt_lang)) for unit in units]
    meta = {"format": fmt, "units": rows,
            "offsets": "synthetic text: units joined by a blank line, in file order"}
    return (_document(p, sources, src_lang, dict(meta, side="source")),
            _document(p, targets, tgt_lang, dict(meta, side="target")))


# -- reading and parsing -----------------------------------------------------------------

def _read_bytes(p: Path) -> bytes:
    return read_bytes(p, "bilingual file")


def _check_xml(p: Path, text: str) -> str:
    """Refuse entity declarations and malformed XML; return the root element's local name."""
    from xml.etree.ElementTree import ParseError

    import defusedxml
    from defusedxml.ElementTree import fromstring

    m = _XML_ENCODING.match(text)
    if m and m.group(1).lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise InputError(f"{p}: declares encoding {m.group(1)}; only UTF-8 is supported, re-save it as UTF-8")
    try:
        root = fromstring(text.encode("utf-8"), forbid_dtd=False, forbid_entities=True,
                          forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise InputError(f"{p}: refused: the XML declares entities or external references "
                         f"({type(exc).__name__}); remove the DOCTYPE internal subset") from None
    except ParseError as exc:
        raise InputError(f"{p}: not well-formed XML ({exc})") from None
    return root.tag.rsplit("}", 1)[-1]


def _read_xml(p: Path, text: str, suffix: str):
    root = _check_xml(p, text)
    data = text.encode("utf-8")
    if suffix == ".tmx":
        if root != "tmx":
            raise InputError(f"{p}: not a TMX file (root element <{root}>, expected <tmx>)")
        from translate.storage.tmx import tmxfile

        return "tmx", _parse(p, "TMX", lambda: tmxfile.parsestring(data))
    if root != "xliff":
        raise InputError(f"{p}: not an XLIFF file (root element <{root}>, expected <xliff>)")
    if _XLIFF2.search(text[:4000]):
        from translate.storage.xliff2 import Xliff2File

        return "xliff2", _parse(p, "XLIFF 2.0", lambda: Xliff2File.parsestring(data))
    from translate.storage.xliff import Xliff1File

    return "xliff", _parse(p, "XLIFF", lambda: Xliff1File.parsestring(data))


def _parse(p: Path, what: str, parse):
    try:
        return parse()
    except InputError:
        raise
    except Exception as exc:  # translate-toolkit raises assorted errors on bad input
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{p}: cannot read as {what}: {reason}") from None


def _po():
    from translate.storage.po import pofile

    return pofile


def _csv():
    from translate.storage.csvl10n import csvfile

    return csvfile


def _check_csv_header(p: Path, text: str, delimiter: str) -> None:
    """A bilingual CSV/TSV starts with a header naming its source and target columns, and
    every row parses strictly: no quote left open, no row with more cells than the header
    (an unquoted ``3,500`` would shift the columns and invent a wrong number)."""
    import csv
    import io

    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    sep = "tab" if delimiter == "\t" else "comma"
    last = 0
    try:
        first = next(reader, [])
        names = {c.strip().lower() for c in first}
        if not ({"source", "original", "msgid"} & names and {"target", "translation", "msgstr"} & names):
            raise InputError(f"{display(p)}: expected a {sep}-separated header row naming 'source' and "
                             f"'target' columns, got {first[:4]!r}")
        last = reader.line_num
        for row in reader:
            if len(row) > len(first) and any(c.strip() for c in row[len(first):]):
                raise InputError(f"{display(p)}:{last + 1}: {len(row)} cells but the header has "
                                 f"{len(first)}: a value holds an unquoted {sep} (e.g. 3,500); quote it")
            last = reader.line_num
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise InputError(f"{display(p)}:{last + 1}: a quote opened on this line is never closed; "
                             "close it") from None
        raise InputError(f"{display(p)}:{reader.line_num}: malformed CSV: {exc}") from None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strings"):  # plural units: keep the first form
        value = value.strings[0] if value.strings else ""
    return str(value)


def _target(fmt: str, unit, tgt_lang: str | None):
    if fmt == "tmx" and tgt_lang:
        for node in unit.getlanguageNodes()[1:]:
            if node.get(_XML_NS) == tgt_lang:
                return unit.getNodeText(node)
    return unit.target


def _notes(unit) -> str:
    notes = unit.getnotes() or ""
    if not notes and hasattr(unit, "getunitelement"):  # XLIFF 2: notes sit on <unit>
        element = unit.xmlelement.getparent()
        if element is not None:
            notes = "\n".join(n.text or "" for n in element.iter("{*}note"))
    return notes.strip()


def _line_of(fmt: str, unit, n: int, po_lines: list[int]) -> int | None:
    element = getattr(unit, "xmlelement", None)
    if element is not None:
        return element.sourceline
    if fmt == "po":
        return po_lines[n] if n < len(po_lines) else None
    if fmt == "csv":
        return n + 2  # after the header row (multi-line cells shift this)
    return None


def _po_lines(text: str) -> list[int]:
    """1-based line of each non-header ``msgid`` (units are read in file order)."""
    lines = [i for i, line in enumerate(text.splitlines(), 1) if line.startswith("msgid ")]
    if text.lstrip().startswith(("msgid \"\"", "#")) and re.search(r'^msgid ""\s*\nmsgstr ""\s*\n"', text, re.M):
        lines = lines[1:]
    return lines


def _languages(fmt: str, store, units) -> tuple[dict, dict]:
    src = tgt = None
    if fmt in ("xliff", "xliff2"):
        src, tgt = store.getsourcelanguage(), store.gettargetlanguage()
    elif fmt == "tmx":
        src = store.sourcelanguage
        for unit in units:
            langs = [node.get(_XML_NS) for node in unit.getlanguageNodes()]
            others = [lang for lang in langs if lang and lang != src]
            if src is None and langs:
                src = langs[0]
                others = [lang for lang in langs[1:] if lang]
            if others:
                tgt = others[0]
                break
    elif fmt == "po":
        tgt = store.gettargetlanguage()
        src = store.parseheader().get("X-Source-Language")
    # the texts are read only when the file does not declare the language
    return _lang(src, (u.source for u in units)), _lang(tgt, (_target(fmt, u, tgt) for u in units))


def _lang(declared: str | None, texts) -> dict:
    if declared and declared.strip() and declared.strip() not in ("*all*", "x-unknown"):
        return {"lang": declared.strip().replace("_", "-"), "lang_source": "file"}
    sample = "\n".join(_text(t) for t in texts)
    return {"lang": detect_lang(sample) if sample.strip() else "und", "lang_source": "detected"}


def _document(p: Path, texts: list[str], lang: dict, meta: dict) -> Document:
    blocks, segments, pos, step = [], [], 0, len(SEPARATOR)
    for i, text in enumerate(texts):
        end = pos + len(text)
        blocks.append(Block(i, pos, end, "unit"))
        segments.append(Segment(i, pos, end, text, i, "unit"))
        pos = end + step
    return Document(display(p), SEPARATOR.join(texts), lang["lang"], tuple(blocks), tuple(segments),
                    lang["lang_source"], meta)
