"""TBX (TermBase eXchange) import and export.

Parsing goes through ``defusedxml``: no DTD entities, no external resources, no network,
so hostile files (entity expansion, external entities) are refused with an InputError.
A concept (``termEntry``/``conceptEntry``) becomes one glossary entry: the source-language
term is the source; target-language terms are approved targets unless marked deprecated
or superseded (then they are forbidden variants). ``termNote type="caseSensitive"``
(or a note saying so) is honoured; ``descrip``/``note`` text is kept as the note.
"""
from __future__ import annotations

from typing import Iterable
from xml.etree.ElementTree import Element, ParseError

from ..errors import InputError

# (source, targets, forbidden, case_sensitive, note) as ``toolkit.glossary.make_entry`` takes
# them: ``|``-separated variants, "true"/"false". This module does not import the glossary
# model (the glossary loader imports this one).
Row = tuple[str, str, str, str, str]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FORBIDDEN_STATUS = ("deprecated", "superseded", "forbidden", "notrecommended", "admitted-no",
                    "rejected")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _lang(el: Element) -> str:
    return (el.get(XML_LANG) or el.get("lang") or "").strip()


def _base(lang: str) -> str:
    return lang.split("-")[0].split("_")[0].lower()


def _text(el: Element) -> str:
    return " ".join("".join(el.itertext()).split())


def parse_tbx(data: bytes, origin: str = "<tbx>", src_lang: str | None = None,
              tgt_lang: str | None = None) -> tuple[list[tuple[int, Row]], str | None, str | None]:
    """Glossary rows from TBX bytes (TBX 2 ``martif`` or TBX 3 ``tbx``): a list of
    ``(concept number, row)`` and the source and target languages."""
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputError(f"{origin}: refused: the TBX declares entities or external resources "
                         f"({type(exc).__name__})") from None
    except ParseError as exc:
        line, col = getattr(exc, "position", (0, 0))
        raise InputError(f"{origin}:{line}: malformed TBX (XML error at column {col + 1}): "
                         f"{str(exc).split(':')[0]}") from None
    if _local(root.tag) not in ("martif", "tbx"):
        raise InputError(f"{origin}: not a TBX file (root element <{_local(root.tag)}>, expected "
                         "<martif> or <tbx>)")
    concepts = [el for el in root.iter() if _local(el.tag) in ("termEntry", "conceptEntry")]
    langs: list[str] = []
    for c in concepts:
        for ls in c:
            if _local(ls.tag) == "langSet" and _base(_lang(ls)) not in langs:
                langs.append(_base(_lang(ls)))
    src = _base(src_lang or _lang(root) or (langs[0] if langs else ""))
    if src not in langs and langs:
        src = langs[0]
    others = [x for x in langs if x != src]
    tgt = _base(tgt_lang) if tgt_lang else (others[0] if others else "")
    rows: list[tuple[int, Row]] = []
    for number, concept in enumerate(concepts, 1):
        row = _row(concept, src, tgt, origin, number)
        if row is not None:
            rows.append((number, row))
    if not rows:
        raise InputError(f"{origin}: no term entry with both a {src or '?'} and a {tgt or '?'} term")
    return rows, src or None, tgt or None


def _terms(lang_set: Element) -> list[tuple[str, bool, bool]]:
    """(term, forbidden?, case_sensitive?) for each term of a langSet."""
    out = []
    for group in lang_set:
        if _local(group.tag) not in ("tig", "ntig", "termSec"):
            continue
        term, forbidden, case = "", False, False
        for el in group.iter():
            name = _local(el.tag)
            if name == "term" and not term:
                term = _text(el)
            elif name in ("termNote", "descrip"):
                kind = (el.get("type") or "").lower()
                value = _text(el).lower().replace(" ", "").replace("_", "")
                if kind in ("administrativestatus", "normativeauthorization", "usagestatus",
                            "administrative status"):
                    forbidden = forbidden or any(s in value for s in FORBIDDEN_STATUS)
                elif kind in ("casesensitive", "case-sensitive", "casesensitivity"):
                    case = value in ("true", "yes", "1", "casesensitive", "sensitive")
        if term:
            out.append((term, forbidden, case))
    return out


def _notes(concept: Element) -> str:
    kinds = ("definition", "note", "context", "explanation", "comment")
    parts = []
    for el in concept.iter():
        name = _local(el.tag)
        if name == "note" or (name == "descrip" and (el.get("type") or "").lower() in kinds):
            text = _text(el)
            if text and text not in parts:
                parts.append(text)
    return " ".join(parts)


def _row(concept: Element, src: str, tgt: str, origin: str, number: int) -> Row | None:
    by_lang: dict[str, list[tuple[str, bool, bool]]] = {}
    for ls in concept:
        if _local(ls.tag) == "langSet":
            by_lang.setdefault(_base(_lang(ls)), []).extend(_terms(ls))
    sources = [t for t, bad, _ in by_lang.get(src, []) if not bad]
    targets = by_lang.get(tgt, [])
    if not sources or not targets:
        return None
    approved = [t for t, bad, _ in targets if not bad]
    forbidden = [t for t, bad, _ in targets if bad]
    if not approved:
        raise InputError(f"{origin}: term entry {number} ({sources[0]!r}) has only deprecated "
                         f"{tgt} terms, no approved one")
    case = any(c for _, _, c in targets) or any(c for _, _, c in by_lang.get(src, []))
    return (sources[0], "|".join(approved), "|".join(forbidden), "true" if case else "false",
            _notes(concept))


def to_tbx(rows: Iterable[tuple[str, Iterable[str], str]], src_lang: str, tgt_lang: str,
           title: str = "Candidate terms") -> str:
    """A TBX 2 (ISO 30042:2008, TBX-Basic) document for (source term, target renderings,
    note) rows (export of candidates), with the ``martifHeader`` that TBX requires."""
    from xml.sax.saxutils import escape, quoteattr

    from .. import __version__

    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<martif type="TBX-Basic" xml:lang={quoteattr(src_lang)}>',
           "  <martifHeader>",
           "    <fileDesc>",
           f"      <titleStmt><title>{escape(title)}</title></titleStmt>",
           f"      <sourceDesc><p>Exported by mtqa {escape(__version__)} ({escape(src_lang)} to "
           f"{escape(tgt_lang)}); to be reviewed before use.</p></sourceDesc>",
           "    </fileDesc>",
           '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>',
           "  </martifHeader>",
           "  <text>", "    <body>"]
    for n, (source, targets, note) in enumerate(rows, 1):
        out.append(f'      <termEntry id="c{n}">')
        if note:
            out.append(f"        <note>{escape(note)}</note>")
        out.append(f"        <langSet xml:lang={quoteattr(src_lang)}><tig><term>{escape(source)}"
                   "</term></tig></langSet>")
        out.append(f"        <langSet xml:lang={quoteattr(tgt_lang)}>")
        for t in targets:
            out.append(f"          <tig><term>{escape(t)}</term></tig>")
        out.append("        </langSet>")
        out.append("      </termEntry>")
    out += ["    </body>", "  </text>", "</martif>", ""]
    return "\n".join(out)
