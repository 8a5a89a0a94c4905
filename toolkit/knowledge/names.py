"""Established renderings of well-known names: companies, banks, exchanges, organisations,
countries, places, people, currencies and units, in Chinese, English and French.

The table is the data file ``toolkit/data/names_zh_en_fr.tsv`` (its header states how the
entries were chosen and where they come from). It answers two questions a reviser asks
without a glossary: *what is this Chinese or English name called in French?* (a fix for a
transliteration such as the pinyin of a bank's nickname) and *where are known names in
this source text?* (terms whose rendering should not change within an article).

A Chinese form marked ``~`` in the file is also an ordinary word (苹果 "apple"): it is
looked up (:meth:`NameTable.lookup`) but never searched for in a text
(:meth:`NameTable.find`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterator

from ..lexicon import data_rows
from ..textutil import HAN_RE, fold

FILE = "names_zh_en_fr.tsv"
KINDS = frozenset({"company", "bank", "exchange", "index", "organisation", "country", "place",
                   "person", "currency", "unit"})


@dataclass(frozen=True)
class Name:
    """One entity and its forms; the first form of each language is the usual one."""

    kind: str
    zh: tuple[str, ...]          # searchable Chinese forms
    zh_words: tuple[str, ...]    # Chinese forms that are also ordinary words (lookup only)
    en: tuple[str, ...]
    fr: tuple[str, ...]

    @property
    def kind_label(self) -> str:
        """``a bank``, ``an organisation``… for messages."""
        label = {"index": "a stock index", "exchange": "an exchange", "unit": "a unit",
                 "organisation": "an organisation", "person": "a person", "place": "a place",
                 "currency": "a currency"}.get(self.kind)
        return label or f"a {self.kind}"

    def forms(self, lang: str) -> tuple[str, ...]:
        """The forms of ``lang`` (``zh`` gives every Chinese form)."""
        if lang == "zh":
            return self.zh + self.zh_words
        return {"en": self.en, "fr": self.fr}.get(lang, ())

    def preferred(self, lang: str) -> str:
        """The usual rendering in ``lang`` (French, else English)."""
        forms = self.forms(lang) or self.en
        return forms[0]

    def accepted(self, lang: str) -> tuple[str, ...]:
        """Renderings a ``lang`` text may use: its own forms, then the English ones (a
        company's English name is usual in French; the reverse is not needed)."""
        own = self.forms(lang)
        return own + tuple(f for f in self.en if f not in own) if lang != "en" else own


def key(text: str) -> str:
    """Comparison key of a rendering: folded, without spaces, hyphens, dots, apostrophes."""
    return re.sub(r"[\s\-‐’'·.&]", "", fold(text))


class NameTable:
    """The names of the data file, indexed by every form."""

    def __init__(self, names: tuple[Name, ...]):
        self.names = names
        self._by_form: dict[str, list[Name]] = {}
        for n in names:
            for form in (*n.zh, *n.zh_words, *n.en, *n.fr):
                bucket = self._by_form.setdefault(form, [])
                if n not in bucket:
                    bucket.append(n)
        self._zh_forms = sorted({f for n in names for f in n.zh}, key=len, reverse=True)
        # Latin forms searched in texts: names (a capital or a digit), not lower-case words
        # such as currency or unit names ("real", "won", "foot" are ordinary English too).
        self._latin = {f for n in names for f in (*n.en, *n.fr)
                       if len(f) >= 2 and (f[:1].isupper() or any(c.isdigit() for c in f))}

    def __len__(self) -> int:
        return len(self.names)

    def __iter__(self):
        return iter(self.names)

    def lookup(self, form: str) -> tuple[Name, ...]:
        """The entries with this exact form (Chinese, English or French)."""
        return tuple(self._by_form.get(form, ()))

    def covering(self, text: str, start: int, end: int) -> tuple[str, int, int, Name] | None:
        """A Chinese form (ordinary-word forms included) written in ``text`` over the span
        ``start:end``, longest first, as ``(form, form_start, form_end, name)``."""
        piece = text[start:end]
        best = None
        for form, names in self._by_form.items():
            if len(form) < len(piece) or piece not in form or not HAN_RE.search(form):
                continue
            k = form.find(piece)
            while k != -1:
                at = start - k
                if at >= 0 and text.startswith(form, at) and (best is None or len(form) > len(best[0])):
                    best = (form, at, at + len(form), names[0])
                k = form.find(piece, k + 1)
        return best

    def find(self, text: str, lang: str) -> Iterator[tuple[int, int, str, Name]]:
        """Searchable forms of the names in ``text``: Chinese forms by longest match, Latin
        forms that are names (capitalised, or with a digit) as whole words written as in the
        table (case-sensitive)."""
        if lang == "zh":
            automaton = _automaton(self)
            taken = -1
            found = sorted(((end - len(form) + 1, -len(form), form)
                            for end, form in automaton.iter(text)), key=lambda t: (t[0], t[1]))
            for s, neg, form in found:
                if s < taken:
                    continue
                yield s, s - neg, form, self._by_form[form][0]
                taken = s - neg
            return
        pattern = _latin_pattern(self)
        if not self._latin:
            yield from ((m.start(), m.end(), m.group(), self._by_form[m.group()][0]) for m in pattern.finditer(text))
            return
        # every match begins where a form is written (the forms are literals after a
        # look-behind): the long alternation is tried only there, in order, as finditer would
        starts = sorted({end - size + 1 for end, size in _latin_automaton(self).iter(text)})
        last = 0
        for pos in starts:
            if pos < last:
                continue
            m = pattern.match(text, pos)
            if m is not None:
                last = m.end()
                yield m.start(), m.end(), m.group(), self._by_form[m.group()][0]


@functools.lru_cache(maxsize=4)
def _automaton(table: NameTable):
    import ahocorasick

    a = ahocorasick.Automaton()
    for form in table._zh_forms:
        a.add_word(form, form)
    a.make_automaton()
    return a


@functools.lru_cache(maxsize=4)
def _latin_automaton(table: NameTable):
    import ahocorasick

    a = ahocorasick.Automaton()
    for form in table._latin:
        a.add_word(form, len(form))
    a.make_automaton()
    return a


@functools.lru_cache(maxsize=4)
def _latin_pattern(table: NameTable) -> re.Pattern:
    forms = sorted(table._latin, key=len, reverse=True)
    return re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w&])")


def parse(rows: list[list[str]]) -> tuple[Name, ...]:
    """Entries from the file's rows; a malformed row raises ValueError naming it."""
    out = []
    for n, row in enumerate(rows, 1):
        if len(row) != 4 or row[0] not in KINDS:
            raise ValueError(f"{FILE}: entry {n} is not 'kind<TAB>zh<TAB>en<TAB>fr': {row!r}")
        kind, zh, en, fr = row
        zh_forms = [f for f in zh.split("|") if f and f != "-"]
        out.append(Name(kind, tuple(f for f in zh_forms if not f.startswith("~")),
                        tuple(f[1:] for f in zh_forms if f.startswith("~")),
                        tuple(f for f in en.split("|") if f and f != "-"),
                        tuple(f for f in fr.split("|") if f and f != "-")))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def load() -> NameTable:
    """The shipped name table (read once per process)."""
    return NameTable(parse(data_rows(FILE)))
