"""Glossary model and loaders (CSV/TSV).

A glossary row is ``source,target,forbidden,case_sensitive,note``; ``target`` and
``forbidden`` may list variants separated by ``|``; several rows with the same source
accept any of their targets.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError

TRUE = {"true", "yes", "1", "y"}
FALSE = {"false", "no", "0", "n", ""}


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

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def pairs(self) -> list[tuple[str, str]]:
        """(source, target) pairs, e.g. as alignment anchors."""
        return [(e.source, t) for e in self.entries for t in e.targets if t]


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def parse_rows(lines: Iterable[str], origin: str = "<glossary>", delimiter: str = ",",
               header: bool | None = None) -> Glossary:
    """Parse CSV/TSV text lines. A header row (``source,target,…``) is recognised and skipped."""
    rows = list(csv.reader(list(lines), delimiter=delimiter))
    entries = []
    start = 0
    if rows and (header or (header is None and [c.strip().lower() for c in rows[0][:2]] == ["source", "target"])):
        start = 1
    for number, row in enumerate(rows[start:], start=start + 1):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            raise InputError(f"{origin}:{number}: a glossary row needs a source and a target, got {row!r}")
        case = (row[3].strip().lower() if len(row) > 3 else "")
        if case not in TRUE | FALSE:
            raise InputError(f"{origin}:{number}: case_sensitive must be true or false, got {row[3]!r}")
        entries.append(Entry(row[0].strip(), _split(row[1]), _split(row[2]) if len(row) > 2 else (),
                             case in TRUE, row[4].strip() if len(row) > 4 else "", number))
    return Glossary(tuple(entries), origin)


def load_glossary(path: str | Path) -> Glossary:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: glossary not found")
    data = p.read_bytes()
    if b"\x00" in data:
        raise InputError(f"{p}: glossary is a binary file, expected UTF-8 CSV/TSV")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{p}: glossary is not UTF-8 (byte {exc.start}); re-save it as UTF-8") from None
    delimiter = "\t" if p.suffix.lower() == ".tsv" else ","
    try:
        return parse_rows(io.StringIO(text).read().splitlines(), str(p), delimiter)
    except csv.Error as exc:
        raise InputError(f"{p}: malformed CSV: {exc}") from None
