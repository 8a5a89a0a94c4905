"""Bilingual files — XLIFF 1.2/2.0, TMX, PO, CSV/TSV — read through translate-toolkit.

``read_bilingual(path)`` returns ``(source, target)`` Documents. Each translation unit
becomes one Block and one Segment (kind ``unit``) of each Document. A Document's
``text`` is *synthetic*: its units joined by a blank line; its ``origin``
(:class:`~toolkit.model.Origin`) maps every character back to the file, so the spans of
findings carry the file's own offsets, line and column and the unit's name
(``trans-unit ID``, ``tu ID``, ``msgctxt … msgid …``, ``row N``).
``meta["units"]`` describes each unit (id, line of its element, locations, notes).
A unit with an empty target becomes an empty segment (its start equals its end).

An XLIFF file with several ``<file>`` elements holds several documents:
``file_parts(path)`` lists them and ``read_bilingual(path, part=k)`` reads the k-th.

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


_FILE_TAG = re.compile(rb"<(?:[\w.-]+:)?file[\s>/]")
_cache: dict = {}  # the last file parsed: its parts are read one after the other


def file_parts(path: str | Path) -> list[str]:
    """Names of the ``<file>`` elements of an XLIFF file when it has more than one (each is
    a document of its own); ``[]`` for a single-document file. Never raises: a file that
    cannot be read is reported when it is read."""
    p = Path(path)
    if p.suffix.lower() not in XML_SUFFIXES - {".tmx"}:
        return []
    try:
        data = read_bytes(p, "bilingual file")
    except (InputError, OSError):
        return []
    if len(_FILE_TAG.findall(data)) < 2:
        return []
    import io

    from lxml import etree

    names = []
    try:
        for _, el in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False, no_network=True,
                                     load_dtd=False):
            if etree.QName(el).localname == "file" and el.getparent() is not None \
                    and el.getparent().getparent() is None:
                names.append(el.get("original") or el.get("id") or str(len(names) + 1))
    except (etree.XMLSyntaxError, OSError, ValueError):
        return []
    return names if len(names) > 1 else []


def read_bilingual(path: str | Path, part: int | None = None) -> tuple[Document, Document]:
    """Read a bilingual file (or the ``part``-th ``<file>`` of an XLIFF file) into
    (source, target) Documents, or raise one clear InputError."""
    p = Path(path)
    text, fmt, store = _load(p)
    units, sources, names = [], [], []
    files = _file_elements(store) if part is not None else None
    if files is not None and not 0 <= part < len(files):
        raise InputError(f"{p}: has no <file> number {part + 1}")
    for unit in store.units:
        if getattr(unit, "isheader", lambda: False)() or getattr(unit, "isobsolete", lambda: False)():
            continue
        if files is not None and _file_of(unit, files) != part:
            continue
        source = _text(unit.source)
        if source.strip():
            units.append(unit)
            sources.append(source)
    where = f"<file> {part + 1} of " if part is not None else ""
    if not units:
        raise InputError(f"{p}: no translation units found in {where}this {fmt.upper()} file")
    file_element = next((el for el, i in files.items() if i == part), None) if files else None
    src_lang, tgt_lang = _languages(fmt, store, units, file_element)
    rows = []
    for n, unit in enumerate(units):
        locations = [loc for loc in unit.getlocations() or () if loc]
        uid = (locations[0] if locations else n + 1) if fmt == "csv" else unit.getid() or n + 1
        rows.append({
            "id": str(uid).split("\x04")[-1],
            "line": None,
            "locations": locations,
            "notes": _notes(unit),
        })
    targets = [_text(_target(fmt, unit, tgt_lang)) for unit in units]
    from .bilingual_map import origins

    src_origin, tgt_origin, lines, names = origins(fmt, text, store, units, sources, targets,
                                                   tgt_lang["lang"], SEPARATOR)
    for row, line in zip(rows, lines):
        row["line"] = line
    meta = {"format": fmt, "units": rows, "part": part,
            "offsets": "synthetic text: units joined by a blank line, in file order; "
                       "the origin maps it to the file"}
    return (_document(p, sources, src_lang, dict(meta, side="source"), src_origin),
            _document(p, targets, tgt_lang, dict(meta, side="target"), tgt_origin))


def _load(p: Path):
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{p}: not a bilingual file (expected {', '.join(sorted(SUFFIXES))})")
    try:
        st = p.stat()
        key = (str(p.resolve()), st.st_size, st.st_mtime_ns)
    except OSError:
        key = None
    if key is not None and _cache.get("key") == key:
        return _cache["value"]
    text = decode(_read_bytes(p), display(p), "bilingual file")
    if suffix in XML_SUFFIXES:
        fmt, store = _read_xml(p, text, suffix)
    elif suffix in PO_SUFFIXES:
        fmt, store = "po", _parse(p, "PO", lambda: _po().parsestring(text.encode("utf-8")))
    else:
        _check_csv_header(p, text, "\t" if suffix == ".tsv" else ",")
        fmt, store = "csv", _parse(p, "CSV", lambda: _csv().parsestring(text.encode("utf-8")))
    _cache.clear()
    if key is not None:
        _cache.update(key=key, value=(text, fmt, store))
    return text, fmt, store


def _file_elements(store) -> dict:
    root = store.document.getroot()
    return {el: i for i, el in enumerate(
        el for el in root if isinstance(el.tag, str) and el.tag.rsplit("}", 1)[-1] == "file")}


def _file_of(unit, files: dict) -> int | None:
    el = unit.xmlelement
    while el is not None:
        if el.tag.rsplit("}", 1)[-1] == "file":
            return files.get(el)
        el = el.getparent()
    return None


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


def _languages(fmt: str, store, units, file_element=None) -> tuple[dict, dict]:
    src = tgt = None
    if fmt == "xliff" and file_element is not None:
        src, tgt = file_element.get("source-language"), file_element.get("target-language")
    elif fmt in ("xliff", "xliff2"):
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


def _document(p: Path, texts: list[str], lang: dict, meta: dict, origin=None) -> Document:
    blocks, segments, pos, step = [], [], 0, len(SEPARATOR)
    for i, text in enumerate(texts):
        end = pos + len(text)
        blocks.append(Block(i, pos, end, "unit"))
        segments.append(Segment(i, pos, end, text, i, "unit"))
        pos = end + step
    return Document(display(p), SEPARATOR.join(texts), lang["lang"], tuple(blocks), tuple(segments),
                    lang["lang_source"], meta, origin)
