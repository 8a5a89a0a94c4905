"""Map the units of a bilingual file back to the file: one Origin per side.

For XML formats (XLIFF 1.2/2.0, TMX) each unit's ``<source>``/``<target>``/``<seg>``
element is found in the raw file from the line lxml gives (``sourceline``), searching
forward from the previous unit; PO strings are found in file order (``msgid`` /
``msgstr`` lines); CSV cells by a forward search from the previous row. The decoded
text is then paired with the raw characters by :mod:`toolkit.readers.locate`. A unit
that cannot be paired keeps its element (or row) as location and gets no fix.
"""
from __future__ import annotations

import bisect
import functools
import re

from ..model import Origin, Piece, line_starts
from .locate import _TAG, align_markup, align_po, find_cell

_XML_NS = "{http://www.w3.org/XML/1998/namespace}lang"
_PO_STRING = re.compile(r'^(msgctxt|msgid|msgstr(?:\[0\])?) "', re.M)


def origins(fmt: str, text: str, store, units, sources: list[str], targets: list[str], tgt_lang: str,
            separator: str):
    """(source Origin, target Origin, line of each unit, name of each unit)."""
    bases = _bases(sources, separator), _bases(targets, separator)
    if fmt in ("xliff", "xliff2", "tmx"):
        return _xml(fmt, text, units, sources, targets, tgt_lang, bases)
    if fmt == "po":
        return _po(text, store, units, sources, targets, bases)
    return _csv(text, units, sources, targets, bases)


def _bases(texts: list[str], separator: str) -> list[int]:
    out, pos = [], 0
    for t in texts:
        out.append(pos)
        pos += len(t) + len(separator)
    return out


def _finish(text: str, pieces: tuple[list, list], names: list[str], bases, lines):
    units = [tuple(zip(b, names)) for b in bases]
    return (Origin(text, tuple(pieces[0]), units[0]), Origin(text, tuple(pieces[1]), units[1]),
            lines, names)


def _fallback(value: str, base: int, start: int, end: int) -> list[Piece]:
    """The whole unit located at its element, with no fix."""
    return [Piece(base, base + len(value), start, max(start, end), False, None)]


# -- XML ------------------------------------------------------------------------------------

def _local(el) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _child(el, name: str):
    if el is None:
        return None
    for c in el:
        if _local(c) == name:
            return c
    return None


def _xml_elements(fmt: str, unit, tgt_lang: str):
    """(unit element, source element, target element, unit name)."""
    el = unit.xmlelement
    if fmt == "tmx":
        nodes = unit.getlanguageNodes()
        tgt = next((n for n in nodes[1:] if n.get(_XML_NS) == tgt_lang), nodes[1] if len(nodes) > 1 else None)
        name = f"tu {el.get('tuid')}" if el.get("tuid") else None
        return el, _child(nodes[0] if nodes else None, "seg"), _child(tgt, "seg"), name
    if fmt == "xliff2":
        parent = el.getparent()
        uid = parent.get("id") if parent is not None else None
        name = f"unit {uid}" + (f" segment {el.get('id')}" if el.get("id") else "") if uid else None
        return el, _child(el, "source"), _child(el, "target"), name
    return el, _child(el, "source"), _child(el, "target"), \
        (f"trans-unit {el.get('id')}" if el.get("id") else None)


@functools.lru_cache(maxsize=None)
def _open_tag(tag: str) -> re.Pattern:
    return re.compile(rf"<(?:[\w.-]+:)?{tag}\b")


def _element_content(raw: str, starts: list[int], el, tag: str, after: int) -> tuple[int, int, bool] | None:
    """(start of the element's start tag, start of its content, self-closing) in ``raw``."""
    if el is None or not el.sourceline:
        return None
    pos = max(starts[min(el.sourceline, len(starts)) - 1], after)
    m = _open_tag(tag).search(raw, pos)
    if m is None:
        return None
    t = _TAG.match(raw, m.start())
    if t is None:
        return None
    return m.start(), t.end(), t.group(0).endswith("/>")


def _xml(fmt, text, units, sources, targets, tgt_lang, bases):
    starts = line_starts(text)
    tag = "seg" if fmt == "tmx" else None
    pieces: tuple[list, list] = ([], [])
    lines, names = [], []
    after = [0, 0]
    for n, unit in enumerate(units):
        el, src_el, tgt_el, name = _xml_elements(fmt, unit, tgt_lang)
        lines.append(el.sourceline)
        names.append(name or f"unit #{n + 1}")
        for side, (node, value) in enumerate(((src_el, sources[n]), (tgt_el, targets[n]))):
            base = bases[side][n]
            found = _element_content(text, starts, node, tag or ("source", "target")[side], after[side])
            if found is None:  # no element (a missing target): the unit is the place
                line_start = starts[min(el.sourceline or 1, len(starts)) - 1]
                pieces[side].extend(_fallback(value, base, line_start, line_start))
                continue
            tag_start, content, closed = found
            if closed:
                pieces[side].extend(_fallback(value, base, tag_start, tag_start))
                after[side] = content
                continue
            end = content + len(value)
            if value and text.startswith(value, content) and text.startswith("</", end) \
                    and "&" not in value and "<" not in value:  # the usual case: the text as is
                pieces[side].append(Piece(base, base + len(value), content, end, True, "xml"))
                after[side] = end
                continue
            aligned = align_markup(value, text, content, base, "xml")
            if aligned is None:
                close = text.find("</", content)
                pieces[side].extend(_fallback(value, base, content, close if close > 0 else content))
                after[side] = content
                continue
            items, end = aligned
            if not value:
                items = [Piece(base, base, content, content, True, "xml")]
            pieces[side].extend(items)
            after[side] = end
    return _finish(text, pieces, names, bases, lines)


# -- PO -------------------------------------------------------------------------------------

def _po(text, store, units, sources, targets, bases):
    """PO entries are found in file order: the k-th ``msgid`` line of the file belongs to
    the k-th entry translate-toolkit reads (obsolete ``#~`` entries are not at a line start)."""
    entries, current = [], {}
    for m in _PO_STRING.finditer(text):
        key = m.group(1).split("[")[0]
        if key in ("msgctxt", "msgid") and "msgid" in current or key == "msgctxt" and current:
            entries.append(current)
            current = {}
        current.setdefault(key, m.end() - 1)
    if current:
        entries.append(current)
    wanted = {id(u) for u in units}
    order = [u for u in store.units if not (getattr(u, "isobsolete", lambda: False)())]
    by_unit = dict(zip((id(u) for u in order), entries)) if len(order) == len(entries) else {}
    starts = line_starts(text)
    pieces: tuple[list, list] = ([], [])
    lines, names = [], []
    for n, unit in enumerate(units):
        entry = by_unit.get(id(unit)) if id(unit) in wanted else None
        ctx = unit.getcontext() if hasattr(unit, "getcontext") else ""
        short = sources[n] if len(sources[n]) <= 60 else sources[n][:59] + "…"
        names.append((f'msgctxt "{ctx}" ' if ctx else "") + f'msgid "{short}"')
        msgid = entry.get("msgid") if entry else None
        lines.append(bisect.bisect_right(starts, msgid) if msgid is not None else None)
        for side, key, value in ((0, "msgid", sources[n]), (1, "msgstr", targets[n])):
            base = bases[side][n]
            pos = entry.get(key) if entry else None
            aligned = align_po(value, text, pos, base) if pos is not None else None
            if aligned is None:
                at = pos if pos is not None else (msgid or 0)
                pieces[side].extend(_fallback(value, base, at, at))
                continue
            items = aligned[0] or [Piece(base, base, pos + 1, pos + 1, True, "po")]
            pieces[side].extend(items)
    return _finish(text, pieces, names, bases, lines)


# -- CSV / TSV ------------------------------------------------------------------------------

def _csv(text, units, sources, targets, bases):
    import csv

    delimiter = "\t" if "\t" in text.split("\n", 1)[0] else ","
    header = [c.strip().lower() for c in next(csv.reader(text.splitlines()[:1], delimiter=delimiter), [])]
    src_col = next((i for i, c in enumerate(header) if c in ("source", "original", "msgid")), 0)
    tgt_col = next((i for i, c in enumerate(header) if c in ("target", "translation", "msgstr")), 1)
    starts = line_starts(text)
    pos = starts[1] if len(starts) > 1 else len(text)
    pieces: tuple[list, list] = ([], [])
    lines, names = [], []
    for n in range(len(units)):
        order = [(0, sources[n]), (1, targets[n])]
        if tgt_col < src_col:
            order.reverse()
        row_start, line = pos, None
        for side, value in order:
            base = bases[side][n]
            found = find_cell(value, text, pos, delimiter, base)
            if found is None:
                pieces[side].extend(_fallback(value, base, row_start, row_start))
                continue
            items, cell_start, cell_end = found
            pieces[side].extend(items)
            pos = cell_end
            if line is None:
                line = bisect.bisect_right(starts, cell_start)
        lines.append(line)
        names.append(f"row {line}" if line else f"row #{n + 1}")
    return _finish(text, pieces, names, bases, lines)
