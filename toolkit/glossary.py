"""Glossary model and loaders (CSV/TSV and TBX).

A glossary row is ``source,target,forbidden,case_sensitive,note``; ``target`` and
``forbidden`` may list variants separated by ``|``; several rows with the same source
accept any of their targets. An entry whose target equals its source is a
do-not-translate entry. ``case_sensitive`` applies to target and forbidden matching.
A header row is recognised (its column names may come in any order); without one
the columns are positional.

Errors are :class:`~toolkit.errors.InputError` naming the file and line.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError

TRUE = {"true", "yes", "1", "y"}
FALSE = {"false", "no", "0", "n", ""}
COLUMNS = ("source", "target", "forbidden", "case_sensitive", "note")
_ALIASES = {"src": "source", "term": "source", "tgt": "target", "translation": "target",
            "forbidden_variants": "forbidden", "deprecated": "forbidden", "case": "case_sensitive",
            "case-sensitive": "case_sensitive", "notes": "note", "comment": "note",
            "definition": "note"}


@dataclass(frozen=True)
class Entry:
    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    case_sensitive: bool = False
    note: str = ""
    line: int = 0

    @property
    def target(self) -> str:
        """The preferred (first) approved rendering."""
        return self.targets[0] if self.targets else ""

    @property
    def do_not_translate(self) -> bool:
        return bool(self.targets) and self.targets[0] == self.source


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    path: str = "<glossary>"
    src_lang: str | None = None
    tgt_lang: str | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def pairs(self) -> list[tuple[str, str]]:
        """(source, target) pairs, e.g. as alignment anchors."""
        return [(e.source, t) for e in self.entries for t in e.targets if t]

    def terms(self) -> tuple[Entry, ...]:
        """One merged entry per source term: rows with the same source pool their targets,
        forbidden variants and notes (case-sensitive if any row is); first-row order kept."""
        merged: dict[str, Entry] = {}
        for e in self.entries:
            m = merged.get(e.source)
            if m is None:
                merged[e.source] = e
                continue
            notes = m.note if not e.note or e.note in m.note else f"{m.note} {e.note}".strip()
            merged[e.source] = Entry(m.source, _union(m.targets, e.targets),
                                     _union(m.forbidden, e.forbidden),
                                     m.case_sensitive or e.case_sensitive, notes, m.line)
        return tuple(merged.values())

    def lookup(self, source: str) -> Entry | None:
        for e in self.terms():
            if e.source == source:
                return e
        return None


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(x for x in b if x not in a)


def _split(value: str) -> tuple[str, ...]:
    out: list[str] = []
    for v in (value or "").split("|"):
        v = " ".join(v.split())
        if v and v not in out:
            out.append(v)
    return tuple(out)


def _header_map(row: list[str]) -> dict[str, int] | None:
    names = [c.strip().lower().replace(" ", "_") for c in row]
    names = [_ALIASES.get(n, n) for n in names]
    if "source" in names and "target" in names:
        return {n: i for i, n in enumerate(names) if n in COLUMNS}
    return None


def make_entry(source: str, targets: str, forbidden: str = "", case: str = "", note: str = "",
               origin: str = "<glossary>", line: int = 0) -> Entry:
    """One validated entry; ``targets``/``forbidden`` are ``|``-separated."""
    where = f"{origin}:{line}" if line else origin
    source = " ".join((source or "").split())
    tgts = _split(targets)
    if not source or not tgts:
        raise InputError(f"{where}: a glossary row needs a source and a target")
    flag = (case or "").strip().lower()
    if flag not in TRUE | FALSE:
        raise InputError(f"{where}: case_sensitive must be true or false, got {case!r}")
    sensitive = flag in TRUE
    forb = _split(forbidden)
    same = {t if sensitive else t.casefold() for t in tgts}
    clash = [f for f in forb if (f if sensitive else f.casefold()) in same]
    if clash:
        raise InputError(f"{where}: {clash[0]!r} is both an approved target and a forbidden variant")
    return Entry(source, tgts, forb, sensitive, (note or "").strip(), line)


def parse_rows(lines: Iterable[str], origin: str = "<glossary>", delimiter: str = ",",
               header: bool | None = None) -> Glossary:
    """Parse CSV/TSV text lines. A header row (``source,target,…``) is recognised and skipped."""
    reader = csv.reader(list(lines), delimiter=delimiter, strict=True)
    entries: list[Entry] = []
    columns = {name: i for i, name in enumerate(COLUMNS)}
    positional = True
    width = len(COLUMNS)
    last_line = 0
    try:
        for n, row in enumerate(reader):
            first_line, last_line = last_line + 1, reader.line_num
            if n == 0 and header is not False:
                mapped = _header_map(row)
                if mapped is not None or header:
                    columns, positional = mapped or columns, mapped is None
                    width = len(row) if mapped else width
                    continue
            if last_line > first_line:
                _check_span(row, columns.get("note"), origin, first_line, last_line)
            if not row or all(not c.strip() for c in row):
                continue
            if row[0].lstrip().startswith("#"):
                continue
            if len(row) > width and any(c.strip() for c in row[width:]):
                raise InputError(f"{origin}:{first_line}: {len(row)} columns, expected at most "
                                 f"{width} ({','.join(COLUMNS)}); quote fields that contain "
                                 f"'{delimiter}'")

            def cell(name: str) -> str:
                i = columns.get(name)
                return row[i] if i is not None and i < len(row) else ""

            if len(row) < 2 and positional:
                raise InputError(f"{origin}:{first_line}: a glossary row needs a source and a "
                                 f"target, got {row!r}")
            entries.append(make_entry(cell("source"), cell("target"), cell("forbidden"),
                                      cell("case_sensitive"), cell("note"), origin, first_line))
    except csv.Error as exc:
        if "end of data" in str(exc):
            raise InputError(f"{origin}:{last_line + 1}: malformed CSV: a quote opened on this line "
                             "is never closed; close it or remove it") from None
        raise InputError(f"{origin}:{reader.line_num}: malformed CSV: {exc}") from None
    return Glossary(tuple(entries), origin)


def _check_span(row: list[str], note: int | None, origin: str, first: int, last: int) -> None:
    """A row read over several lines: only a quoted note may hold line breaks; anywhere else
    it is a quote left open that swallowed the rows after it."""
    broken = [i for i, c in enumerate(row) if "\n" in c or "\r" in c]
    if not broken or any(i != note for i in broken):
        raise InputError(f"{origin}:{first}: a quoted field runs from line {first} to line {last}: "
                         "a quote is not closed; close it (terms cannot span lines)")


def load_glossary(path: str | Path, src_lang: str | None = None,
                  tgt_lang: str | None = None) -> Glossary:
    """Read a CSV, TSV or TBX glossary (by extension; ``.xml`` is read as TBX)."""
    from .paths import display, read_bytes
    from .readers.base import decode

    p = Path(path)
    name = display(p)
    data = read_bytes(p, "glossary")
    suffix = p.suffix.lower()
    if suffix in (".tbx", ".xml"):
        from .terms.tbx import parse_tbx

        rows, src, tgt = parse_tbx(data, name, src_lang, tgt_lang)
        entries = tuple(make_entry(*row, origin=name, line=number) for number, row in rows)
        return Glossary(entries, name, src, tgt)
    text = decode(data, name, "glossary")
    if suffix == ".tsv" or (suffix not in (".csv",) and "\t" in text.split("\n", 1)[0]):
        delimiter = "\t"
    else:
        delimiter = ","
    glossary = parse_rows(text.splitlines(keepends=True), name, delimiter)
    if not glossary.entries:
        raise InputError(f"{name}: glossary has no entries")
    return Glossary(glossary.entries, name, src_lang, tgt_lang)
