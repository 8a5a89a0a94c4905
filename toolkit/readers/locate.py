"""Find where a unit's text sits in its file: the pieces of an :class:`~toolkit.model.Origin`.

The parsers (translate-toolkit, lxml) give each unit's text decoded — entities resolved,
inline tags dropped, white space collapsed, PO escapes undone — and at best the line of
its element. This module walks the raw file from that point and pairs each character
of the decoded text with the characters of the file it was read from, so that a finding
can point at the file's own line and column and a fix can be written back safely.

It parses nothing: it only steps over what the parser already understood (tags,
comments, CDATA markers, character references, PO string quotes and escapes, CSV
quotes). When the decoded text and the file do not line up, it gives up (``None``) and
the reader falls back to the unit's element as location, with no fix.
"""
from __future__ import annotations

import html
import re

from ..model import Piece

WS = " \t\r\n"
_TAG = re.compile(r"<(?:[^'\">]|\"[^\"]*\"|'[^']*')*>")
_TAG_NAME = re.compile(r"<([A-Za-z][\w:.-]*)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,7}|[A-Za-z][A-Za-z0-9]{0,31});")
_XML_SPECIAL = re.compile(r"[<&]")
_PO_SPECIAL = re.compile(r'["\\]')
_PO_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b",
               "f": "\f", "v": "\v"}


class _Pieces:
    """Pieces of one unit, merging adjacent linear runs."""

    def __init__(self, base: int, escape: str | None):
        self.base, self.escape, self.runs = base, escape, []

    def add(self, i: int, j: int, p: int, q: int, linear: bool = True, escape: str | None = "same") -> None:
        escape = self.escape if escape == "same" else escape
        a, b = self.base + i, self.base + j
        runs = self.runs
        if linear and runs:
            last = runs[-1]
            if last[4] and last[1] == a and last[3] == p and last[5] == escape:
                last[1], last[3] = b, q
                return
        runs.append([a, b, p, q, linear, escape])

    @property
    def items(self) -> list[Piece]:
        return [Piece(*run) for run in self.runs]


def _markup_end(raw: str, p: int, skip: frozenset[str]) -> int | None:
    """End of the tag, comment or processing instruction at ``raw[p]`` (for an element
    named in ``skip``, the end of the whole element)."""
    if raw.startswith("<!--", p):
        q = raw.find("-->", p + 4)
        return None if q < 0 else q + 3
    if raw.startswith("<?", p):
        q = raw.find("?>", p + 2)
        return None if q < 0 else q + 2
    m = _TAG.match(raw, p)
    if m is None:
        return None
    end = m.end()
    name = _TAG_NAME.match(raw, p)
    if skip and name and name.group(1).lower() in skip and not m.group(0).endswith("/>"):
        tag = name.group(1).lower()
        depth, pattern = 1, re.compile(rf"<(/?){re.escape(tag)}\b[^>]*>", re.I)
        for mm in pattern.finditer(raw, end):
            if tag in ("script", "style") and not mm.group(1):
                continue
            depth += -1 if mm.group(1) else 1
            if depth == 0:
                return mm.end()
        return None
    return end


def align_markup(text: str, raw: str, p: int, base: int, escape: str, limit: int | None = None,
                 skip: frozenset[str] = frozenset()) -> tuple[list[Piece], int] | None:
    """Pieces pairing ``text`` (decoded element content) with ``raw`` from ``p`` (XML or HTML).

    White space the parser collapsed or stripped, and ``<br>`` turned into a line break,
    are accepted; those pieces are not linear, and text next to a tag never merges with
    the text across it.
    """
    out = _Pieces(base, escape)
    limit = len(raw) if limit is None else limit
    i, n, cdata = 0, len(text), False
    while i < n:
        if p >= limit:
            if text[i] in WS:  # trailing white space the file does not have
                out.add(i, i + 1, p, p, False, None)
                i += 1
                continue
            return None
        r = raw[p]
        if cdata:
            if raw.startswith("]]>", p):
                cdata, p = False, p + 3
                continue
        elif r == "<":
            if raw.startswith("<![CDATA[", p):
                cdata, p = True, p + 9
                continue
            q = _markup_end(raw, p, skip)
            if q is None:
                return None
            p = q
            continue
        elif r == "&":
            m = _ENTITY.match(raw, p)
            if m is not None:
                value = html.unescape(m.group(0))
                if value != m.group(0) and text.startswith(value, i):
                    out.add(i, i + len(value), p, m.end(), False)
                    i, p = i + len(value), m.end()
                    continue
        if not cdata and r != "&":  # fast path: plain text up to the next tag or reference
            m = _XML_SPECIAL.search(raw, p, limit)
            stop = m.start() if m else limit
            if stop > p + 1 and text.startswith(raw[p:stop], i) and \
                    not (raw[stop - 1] in WS and i + stop - p < n and text[i + stop - p] in WS):
                out.add(i, i + stop - p, p, stop)
                i, p = i + stop - p, stop
                continue
        c = text[i]
        if c in WS and r in WS:  # white space: collapsed runs become one piece
            k = i
            while k < n and text[k] in WS:
                k += 1
            q = p
            while q < limit and raw[q] in WS:
                q += 1
            if text[i:k] == raw[p:q]:
                out.add(i, k, p, q, True, None if cdata else "same")
                i, p = k, q
                continue
            for j in range(i, k - 1):  # all but the last one to one, the last takes the rest
                f = min(p + 1, q)
                out.add(j, j + 1, p, f, False, None if cdata else "same")
                p = f
            out.add(k - 1, k, p, q, False, None if cdata else "same")
            i, p = k, q
        elif c == r:
            out.add(i, i + 1, p, p + 1, True, None if cdata else "same")
            i, p = i + 1, p + 1
        elif r in WS:  # white space the parser dropped
            p += 1
        elif c in WS:  # a line break made from <br>, or white space the file lacks
            out.add(i, i + 1, p, p, False, None)
            i += 1
        else:
            return None
    return out.items, p


def align_po(text: str, raw: str, p: int, base: int) -> tuple[list[Piece], int] | None:
    """Pieces for a PO string that starts at the opening quote ``raw[p]``."""
    out = _Pieces(base, "po")
    if p >= len(raw) or raw[p] != '"':
        return None
    p += 1
    i, n, size = 0, len(text), len(raw)
    while True:
        if p >= size:
            return None
        special = _PO_SPECIAL.search(raw, p)
        stop = special.start() if special else size
        if stop > p:  # plain characters up to the next quote or backslash: the text's own
            if i + stop - p > n or text[i:i + stop - p] != raw[p:stop]:
                return None
            out.add(i, i + stop - p, p, stop)
            i, p = i + stop - p, stop
            continue
        if raw[p] == '"':  # end of this literal: a continuation line or the end of the string
            q = p + 1
            while q < size and raw[q] in " \t\r\n":
                q += 1
            if q < size and raw[q] == '"' and "\n" in raw[p:q]:
                p = q + 1
                continue
            return (out.items, p) if i == n else None
        # a backslash: an escape, one character of the text
        if i >= n or p + 1 >= size:  # (a backslash that ends the file leaves the string open)
            return None
        value = _PO_ESCAPES.get(raw[p + 1])
        if value is None or text[i] != value:
            return None
        out.add(i, i + 1, p, p + 2, False)
        i, p = i + 1, p + 2


def find_cell(value: str, raw: str, p: int, delimiter: str, base: int) -> tuple[list[Piece], int, int] | None:
    """Find the CSV cell holding ``value`` at or after ``raw[p]``: (pieces, cell start, cell end)."""
    quoted = '"' + value.replace('"', '""') + '"'
    candidates = []
    for form in (quoted, value) if value else (quoted,):
        q = raw.find(form, p)
        while q >= 0:
            before = raw[q - 1] if q > 0 else "\n"
            after = raw[q + len(form)] if q + len(form) < len(raw) else "\n"
            if before in delimiter + "\r\n" and after in delimiter + "\r\n":
                candidates.append((q, form))
                break
            q = raw.find(form, q + 1)
    if not value:  # an empty cell right after the next delimiter
        q = raw.find(delimiter, p)
        if q >= 0:
            candidates.append((q + 1, ""))
    if not candidates:
        return None
    q, form = min(candidates)
    if form is quoted and (value or raw.startswith('""', q)):
        out = _Pieces(base, "csv-quoted")
        i, f = 0, q + 1
        while i < len(value):
            if value[i] == '"':
                out.add(i, i + 1, f, f + 2, False)
                f += 2
            else:
                out.add(i, i + 1, f, f + 1)
                f += 1
            i += 1
        if not value:
            return [Piece(base, base, q + 1, q + 1, True, "csv-quoted")], q, q + len(form)
        return out.items, q, q + len(form)
    kind = "bare:" + delimiter
    return [Piece(base, base + len(value), q, q + len(value), True, kind)], q, q + len(form)
