"""Dates and currencies written next to numbers, in English, French and Chinese.

``find_dates(text, lang)`` reads ``14 March 2025``, ``March 14, 2025``, ``12 juin 2025``,
``1er mai``, ``2025年6月12日``, ``6月20日``, ``三月``, and years alone (``1965``, ``1965年``)
into :class:`DateMention` values with the fields they state (year, month, day).
``currency_at(text, lang, start, end)`` finds the currency written around an amount
(``$5``, ``5 dollars``, ``2,4 millions de livres``, ``1800万元``) with the names of
``data/num_currencies.tsv``. Month names come from ``data/num_months.tsv``.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from .cjk_numerals import parse_chinese_numeral
from .numbers import month_names

DATA = Path(__file__).parent / "data"
_CJK_NUM = "〇零一二三四五六七八九十"
_ZH_DATE_RE = re.compile(
    rf"(?:(\d{{4}}|[{_CJK_NUM}]{{4}})\s*年)?\s*(?:(\d{{1,2}}|[{_CJK_NUM}]{{1,3}})\s*月)?"
    rf"\s*(?:(\d{{1,2}}|[{_CJK_NUM}]{{1,3}})\s*[日号號])?")
_YEAR_RE = re.compile(r"(?<![\d.,\u202f\u00a0])(1[89]\d\d|20\d\d|21\d\d)(?![\d]|[.,]\d|\s?%)")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(k for k in ("year", "month", "day") if getattr(self, k) is not None)

    def agrees(self, other: "DateMention") -> bool:
        """Same value in every field both state, and at least one such field."""
        shared = self.fields & other.fields
        return bool(shared) and all(getattr(self, k) == getattr(other, k) for k in shared)

    def describe(self) -> str:
        return "-".join(str(v) for v in (self.year, self.month, self.day) if v is not None)


def _zh_value(token: str) -> int | None:
    return int(token) if token.isdigit() else parse_chinese_numeral(token)


def _zh_dates(text: str) -> list[DateMention]:
    out = []
    for m in _ZH_DATE_RE.finditer(text):
        if not m.group(0).strip() or not any(m.groups()):
            continue
        y, mo, d = (_zh_value(g) if g else None for g in m.groups())
        if m.group(3) and not m.group(2) and not m.group(1):
            continue  # 3日 alone: a duration or a day without its month
        if mo is not None and not 1 <= mo <= 12 or d is not None and not 1 <= d <= 31:
            continue
        out.append(DateMention(m.start(), m.end(), y, mo, d))
    return out


@functools.lru_cache(maxsize=None)
def _latin_date_re(lang: str) -> re.Pattern:
    months = month_names(lang)
    names = sorted((w for w in months if len(w) >= 3), key=len, reverse=True)
    # an abbreviation (a shorter name of the same month: "sept", "janv") may take a period
    abbreviated = {w for w in names if any(o != w and o.startswith(w) and months[o] == months[w] for o in names)}
    month = "(" + "|".join(re.escape(n) + (r"\.?" if n in abbreviated else "") for n in names) + ")"
    day = r"(\d{1,2})(?:er|re|st|nd|rd|th)?"
    year = r"(\d{4})"
    return re.compile(
        rf"(?<![\w]){day}\s+{month}(?:,?\s+{year})?(?![\w])"           # 14 March 2025
        rf"|(?<![\w]){month}\s+{day}(?:,?\s+{year})?(?![\w])"          # March 14, 2025
        rf"|(?<![\w]){month}(?:\s+{year})?(?![\w])", re.I)             # March 2025 / mars


def _latin_dates(text: str, lang: str) -> list[DateMention]:
    months = month_names(lang)
    out = []
    for m in _latin_date_re(lang).finditer(text):
        g = m.groups()
        if g[0]:
            d, mo, y = g[0], g[1], g[2]
        elif g[3]:
            mo, d, y = g[3], g[4], g[5]
        else:
            mo, d, y = g[6], None, g[7]
            if len(mo) < 4 and not y and mo.lower() != "may" or lang == "en" and mo == "may":
                continue  # "mar", "may" alone are words first
            if lang == "en" and mo.lower() == "may" and not mo[0].isupper():
                continue
        day = int(d) if d else None
        if day is not None and not 1 <= day <= 31:
            continue
        out.append(DateMention(m.start(), m.end(), int(y) if y else None, months[mo.lower().rstrip(".")], day))
    return out


def find_dates(text: str, lang: str) -> list[DateMention]:
    """Every date or year of ``text``, in order; a year inside a longer date is not
    repeated on its own."""
    lang = (lang or "").split("-")[0].lower()
    dates = _zh_dates(text) if lang in ("zh", "ja") else _latin_dates(text, lang if lang in ("en", "fr", "de") else "en")
    taken = sorted((d.start, d.end) for d in dates)
    starts = [s for s, _ in taken]
    reach = list(itertools.accumulate((e for _, e in taken), max))  # furthest end so far
    for m in _YEAR_RE.finditer(text):
        k = bisect.bisect_right(starts, m.start())  # the dates that start at or before it
        if not (k and m.start() < reach[k - 1]):  # inside none of them
            dates.append(DateMention(m.start(), m.end(), int(m.group(1))))
    return sorted(dates, key=lambda d: d.start)


# -- currencies ---------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _currency_rows() -> tuple[dict[str, list[tuple[str, str]]], dict[str, frozenset[str]]]:
    names: dict[str, list[tuple[str, str]]] = {}
    families: dict[str, frozenset[str]] = {}
    for line in (DATA / "num_currencies.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, word, code = line.split("\t")
        if lang == "*":
            families[word] = frozenset(code.split()) | {word}
        else:
            names.setdefault(lang, []).append((word.lower(), code))
    return names, families


@functools.lru_cache(maxsize=None)
def _currency_re(lang: str) -> tuple[re.Pattern, dict[str, str]]:
    rows = _currency_rows()[0].get(lang, [])
    alts, codes = [], {}
    for word, code in sorted(rows, key=lambda r: -len(r[0])):
        stem = word.rstrip("*")
        codes[stem] = code
        if not stem[:1].isalpha() or lang in ("zh", "ja"):
            alts.append(re.escape(stem))
        else:
            alts.append(rf"(?<![\w]){re.escape(stem)}" + (r"\w*" if word.endswith("*") else r"(?![\w])"))
    return re.compile("|".join(alts), re.I), codes


def _code(match: str, codes: dict[str, str]) -> str:
    low = match.lower()
    return next(code for stem, code in sorted(codes.items(), key=lambda kv: -len(kv[0])) if low.startswith(stem))


def currency_at(text: str, lang: str, start: int, end: int) -> tuple[str, int, int] | None:
    """The currency written right before an amount (``$``, ``£``, ``US$``) or after it
    (``dollars``, ``de livres``, ``元``, ``万元`` is read with the amount): its code or
    family, and its span."""
    lang = (lang or "").split("-")[0].lower()
    pattern, codes = _currency_re(lang)
    if not codes:
        return None
    before = text[max(0, start - 4):start]
    m = re.search(rf"(?:{pattern.pattern})\s?$", before, re.I)
    if m:
        return _code(m.group(0).strip(), codes), start - len(before) + m.start(), start - len(before) + m.end()
    gap = r"[万亿千百]*" if lang in ("zh", "ja") else r"[\s\u00a0\u202f]*(?:(?:de|d'|d’|of)\s*)?"
    m = re.compile(gap + f"(?:{pattern.pattern})", re.I).match(text, end)
    if m:
        inner = pattern.search(text, m.start(), m.end())
        return _code(inner.group(0), codes), inner.start(), inner.end()
    return None


def currencies_agree(a: str, b: str) -> bool:
    """Same currency, or a family sign (``$``, ``¥``) and one of its members."""
    families = _currency_rows()[1]
    return a == b or b in families.get(a, ()) or a in families.get(b, ())
