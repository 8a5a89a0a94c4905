"""Numbers in running text, normalised across scripts and locales.

``find_numbers(text, lang)`` returns every number mention of a text with its value:
digits in the conventions of the language (``3,5`` in French and ``3.5`` in English
are both 3.5; ``10 000``, ``10,000`` and ``10 000`` are 10000), scale words
(``3,5 milliards`` = 3.5e9, English ``2 billion`` = 2e9, French ``2 billions`` = 2e12),
Chinese numerals and units (``3万`` = 30000, ``1.5亿`` = 150000000, ``三十`` = 30),
number words (``deux``), percentages. Each mention has a ``kind`` saying how much it
can be trusted as a quantity: only ``cardinal`` mentions are worth reporting when they
go missing; the others (years, dates, ordinals, section numbers, codes such as ``D1``,
vague amounts such as 数千亿, words) still count when looking for a value.

The word lists are data: ``data/num_scales.tsv``, ``data/num_words.tsv``,
``data/num_months.tsv``; Chinese numerals are read by :mod:`toolkit.cjk_numerals`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterator

from . import cjk_numerals as cjk
from .cjk_numerals import parse_chinese_numeral
from .lexicon import data_rows as _rows

__all__ = ["NumberMention", "find_numbers", "is_bare_scale", "number_values", "parse_chinese_numeral",
           "values_match", "format_number", "COMMA_DECIMAL_LANGS", "STRONG_KINDS"]

DATA = Path(__file__).parent / "data"

# Languages that write a decimal comma (and group thousands with spaces or periods).
COMMA_DECIMAL_LANGS = frozenset({
    "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sk", "sv", "da", "nb",
    "nn", "no", "fi", "tr", "ro", "hu", "el", "bg", "hr", "sl", "sr", "ca", "id", "vi"})
# Kinds: cardinal, year, date, time, ordinal, section, code, fraction, vague, approx, word.
STRONG_KINDS = frozenset({"cardinal"})

_SPACES = " \u00a0\u202f\u2009'\u2019"  # thousands separators, Swiss apostrophe too
_DIGIT_RE = re.compile(
    r"\d{1,3}(?:[ \u00a0\u202f\u2009'\u2019]\d{3}(?!\d))+(?:[.,]\d+)?"  # 10 000 / 1'234,5
    r"|\d+(?:[.,]\d+)*")                                        # 10,000.5 / 3,5 / 42
_URL_RE = re.compile(r"(?:https?://|ftp://|www\.)\S+|\S+@\S+\.\w+", re.I)
_ORDINAL_SUFFIX_RE = re.compile(r"(?:er|re|ère|e|ème|eme|ᵉ|ʳᵉ|ᵉʳ|nd|nde|st|rd|th|te|ten)(?![^\W\d_])", re.I)
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_URL_HINT_RE = re.compile(r"://|www\.|@", re.I)
_NON_SPACE_RE = re.compile(r"\S*")
_PERCENT_RE = re.compile(r"[ \u00a0\u202f]?(%|‰|pour ?cent|percent|per cent|prozent|por ciento|per cento)"
                         r"(?![^\W\d_])", re.I)



@dataclass(frozen=True)
class NumberMention:
    """One number written in a text.

    ``start``/``end`` cover the whole mention (numeral, scale word, percent sign);
    ``numeral_end`` ends the numeral itself (``10 000`` in ``10 000 %``).
    ``value`` is the reading in the text's own conventions with the scale applied;
    ``readings`` holds every plausible value when the separators are ambiguous.
    """

    start: int
    end: int
    text: str
    value: Decimal
    scale: int = 1
    unit: str | None = None
    kind: str = "cardinal"
    readings: tuple[Decimal, ...] = ()
    numeral_end: int = -1

    @property
    def numeral(self) -> str:
        """The numeral as written, without scale word or unit."""
        stop = self.numeral_end if self.numeral_end >= 0 else self.end
        return self.text[:stop - self.start]

    @property
    def values(self) -> tuple[Decimal, ...]:
        return self.readings or (self.value,)

    @property
    def strong(self) -> bool:  # a quantity worth reporting when it goes missing
        return self.kind in STRONG_KINDS


# -- data ------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def scale_words(lang: str) -> dict[str, int]:
    """Scale word → power of ten, for ``lang`` (English when the language is unknown)."""
    table: dict[str, dict[str, int]] = {}
    for code, word, power in _rows("num_scales.tsv"):
        table.setdefault(code, {})[word.lower()] = int(power)
    return table.get(lang) or table["en"]


@functools.lru_cache(maxsize=None)
def number_words(lang: str) -> dict[str, Decimal]:
    return {word.lower(): Decimal(value) for code, word, value in _rows("num_words.tsv") if code == lang}


@functools.lru_cache(maxsize=None)
def month_names(lang: str) -> dict[str, int]:
    lang = lang if lang in {"en", "fr", "de"} else "en"
    return {word.lower(): int(month) for code, word, month in _rows("num_months.tsv") if code == lang}


# -- digits ------------------------------------------------------------------------------

def read_numeral(token: str, lang: str) -> list[Decimal]:
    """Plausible values of a digit token, the language's own reading first."""
    comma_decimal = lang in COMMA_DECIMAL_LANGS
    if any(c in token for c in _SPACES):
        m = re.match(r"^([\d \u00a0\u202f\u2009'\u2019]+?)(?:([.,])(\d+))?$", token)
        head, tail = (m.group(1), m.group(3)) if m else (token, None)
        digits = re.sub(r"\D", "", head)
        return [Decimal(digits + ("." + tail if tail else ""))]
    commas, dots = token.count(","), token.count(".")
    if not commas and not dots:
        return [Decimal(token)]
    if commas and dots:
        dec = "," if token.rfind(",") > token.rfind(".") else "."
        grp = "." if dec == "," else ","
        if token.count(dec) > 1:
            return []
        return [Decimal(token.replace(grp, "").replace(dec, "."))]
    sep = "," if commas else "."
    parts = token.split(sep)
    grouped = 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:]) and parts[0] != "0"
    if len(parts) > 2:
        return [Decimal("".join(parts))] if grouped else []
    as_decimal = Decimal(parts[0] + "." + parts[1])
    as_grouped = Decimal("".join(parts))
    if not grouped:
        return [as_decimal]
    own_decimal = (sep == ",") == comma_decimal
    return [as_decimal, as_grouped] if own_decimal else [as_grouped, as_decimal]


def _latin_letter(ch: str) -> bool:
    return ch.isalpha() and ord(ch) < 0x2E80


def _line_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 12):pos].rstrip(" \t\u00a0*#>-•")
    return not before.strip(" \t\u00a0*#>-•") and pos <= 12 or before.endswith("\n")


def _skip_spaces(text: str, pos: int) -> int:
    return pos + 1 if text[pos:pos + 1] in (" ", "\u00a0", "\u202f") else pos


def _scale_after(text: str, pos: int, lang: str) -> tuple[int, int]:
    """(multiplier, end) of a scale word or Chinese unit right after ``pos``."""
    m = cjk.SCALE_RE.match(text, pos)
    if m:
        return cjk.scale_of(m.group(0)), m.end()
    m = _WORD_RE.match(text, _skip_spaces(text, pos))
    power = scale_words(lang).get(m.group(0).lower()) if m else None
    if power is None:
        return 1, pos
    return 10**power, m.end() + (1 if text[m.end():m.end() + 1] == "." and len(m.group(0)) <= 4 else 0)


def _unit_after(text: str, pos: int) -> tuple[str | None, int]:
    m = _PERCENT_RE.match(text, pos)
    return (("‰" if m.group(1) == "‰" else "%"), m.end()) if m else (None, pos)


def _near_month(text: str, start: int, end: int, lang: str) -> bool:
    """A day or year next to a month name (4 juillet, July 4, 4. Juli)."""
    months = month_names(lang)
    after = re.match(r"[.]?[ \u00a0\u202f]?([^\W\d_]+)", text[end:end + 16])
    if after and after.group(1).lower() in months:
        return True
    before = re.search(r"([^\W\d_]+)\.?[ \u00a0\u202f]?$", text[max(0, start - 16):start])
    return bool(before and before.group(1).lower() in months)


def _digit_kind(text: str, m: re.Match, lang: str) -> str:
    start, end, token = m.start(), m.end(), m.group(0)
    prev = text[start - 1] if start else "\n"
    prev2 = text[start - 2] if start > 1 else "\n"
    nxt = text[end] if end < len(text) else "\n"
    if _latin_letter(prev) or prev in "#_" or (prev in "-‑" and _latin_letter(prev2)):
        return "code"  # D1, v3.5, GPT-4, #12
    if prev in "/:-–" and prev2.isdigit() or nxt in "/:-–" and text[end + 1:end + 2].isdigit():
        return "time" if ":" in (prev + nxt) else "fraction"  # 10:30, 3/4, 2023-05-01, 5-10
    if re.match(r"\d+(?:\.\d+){2,}$", token) and not re.match(r"\d{1,3}(?:\.\d{3})+$", token):
        return "code"  # 1.2.3, 192.168.0.1, 2024.01.05
    if _latin_letter(nxt):
        if _ORDINAL_SUFFIX_RE.match(text, end) and token.isdigit():
            return "ordinal"
        if re.match(r"[hH]\d", text[end:end + 2]):
            return "time"  # 10h30
    if nxt in cjk.DATE:
        return "date"
    if token.isdigit() and len(token) == 4 and (1800 <= int(token) <= 2199 or nxt == "年"):
        return "year"
    rest = text[end:end + 3]
    if _line_start(text, start) and (
            token.isdigit() and len(token) >= 2 and token[0] == "0"  # 01 Title
            or token.isdigit() and int(token) < 100 and re.match(r"[.)] ", rest)  # 2. Item
            or re.match(r"\d+(?:\.\d+)+$", token) and re.match(r" [A-ZÀ-Ý]", rest)):  # 1.2 Title
        return "section"
    if _near_month(text, start, end, lang):
        return "date"
    return "cardinal"


# -- the public API ------------------------------------------------------------------------

def find_numbers(text: str, lang: str = "") -> list[NumberMention]:
    """Every number mention of ``text`` (a sentence or a whole document), in order."""
    return _find(text, (lang or "").split("-")[0].lower(), True)


_MAYBE_NUMBER_RE = re.compile(f"[0-9{cjk.ALL}]")
_MAYBE_CJK_RE = re.compile(f"[{cjk.ALL}]")


def number_values(text: str, lang: str = "") -> list[float]:
    """Every plausible value (all readings, scales applied) of the numerals of ``text``,
    once each: the digits and Chinese numerals that can stand for a quantity, without
    number words and codes (``D1``). Fast on text without digits."""
    if not _MAYBE_NUMBER_RE.search(text):
        return []
    found = _find(text, (lang or "").split("-")[0].lower(), False)
    return list(dict.fromkeys(float(v) for n in found if n.kind not in ("code", "word")
                              for v in n.values))


def _urls(text: str) -> list[tuple[int, int]]:
    """Spans of ``_URL_RE`` in ``text``. A match holds no whitespace and has "://", "www."
    or "@", so only the whitespace-free runs around those are searched."""
    runs: list[tuple[int, int]] = []
    for hint in _URL_HINT_RE.finditer(text):
        if runs and hint.start() < runs[-1][1]:
            continue
        start = hint.start()
        while start and not text[start - 1].isspace():
            start -= 1
        end = _NON_SPACE_RE.match(text, hint.start()).end()
        runs.append((start, end))
    return [(u.start(), u.end()) for s, e in runs for u in _URL_RE.finditer(text, s, e)]


def _word_numbers(text: str, words: dict) -> Iterator[re.Match]:
    """The ``_WORD_RE`` matches of ``text`` made of number words only, in order."""
    found = {w for w in set(_WORD_RE.findall(text)) if all(p in words for p in w.lower().split("-"))}
    if not found:
        return iter(())
    return _word_pattern(frozenset(found)).finditer(text)


@functools.lru_cache(maxsize=64)
def _word_pattern(found: frozenset) -> re.Pattern:
    # exactly the ``_WORD_RE`` matches whose text is in ``found``: not inside a longer run
    # of letters and hyphenated letters, on either side
    alternatives = "|".join(re.escape(w) for w in sorted(found, key=lambda w: (-len(w), w)))
    return re.compile(rf"(?<![^\W\d_])(?<![^\W\d_]-)(?:{alternatives})(?![^\W\d_])(?!-[^\W\d_])")


def _find(text: str, lang: str, with_words: bool) -> list[NumberMention]:
    urls = _urls(text)
    out: list[NumberMention] = []

    def in_url(pos: int) -> bool:
        return any(s <= pos < e for s, e in urls)

    for m in _DIGIT_RE.finditer(text):
        if in_url(m.start()):
            continue
        token = m.group(0)
        readings = read_numeral(token, lang)
        if not readings:
            out.append(NumberMention(m.start(), m.end(), token, Decimal(0), kind="code",
                                     numeral_end=m.end()))
            continue
        kind = _digit_kind(text, m, lang)
        scale, end = (1, m.end()) if kind in ("code", "time", "ordinal", "date") else _scale_after(text, m.end(), lang)
        if scale == 1 and m.start() and text[m.start() - 1] in "$£€¥":
            glued = re.match(r"(k|m|bn)\b", text[end:end + 3])
            if glued:  # $5m, £2bn, €3k
                scale, end = {"k": 10**3, "m": 10**6, "bn": 10**9}[glued.group(1)], end + glued.end()
        unit, end = _unit_after(text, end)
        if kind == "year" and (scale != 1 or unit):
            kind = "cardinal"
        if end < len(text) and text[end] in "多余餘":
            kind, end = "approx", end + 1
        values = tuple(v * scale for v in readings)
        out.append(NumberMention(m.start(), end, text[m.start():end], values[0], scale, unit, kind,
                                 values, m.end()))
    for m in cjk.NUMERAL_RE.finditer(text) if _MAYBE_CJK_RE.search(text) else ():
        if in_url(m.start()) or (m.start() and text[m.start() - 1].isdigit()):
            continue  # a unit of a digit number (3万), already read
        percent, vague, numeral, more = m.group(1), m.group(2), m.group(3), m.group(4)
        value = parse_chinese_numeral(numeral)
        if value is None:
            continue
        kind = cjk.kind_of(text, m.start(), m.end(), numeral, bool(percent), bool(vague), bool(more))
        unit = "%" if percent else None
        out.append(NumberMention(m.start(), m.end(), m.group(0), Decimal(value), 1, unit, kind,
                                 (Decimal(value),), m.end()))
    words = number_words(lang) if with_words else None
    if words:
        for m in _word_numbers(text, words):
            parts = m.group(0).lower().split("-")
            value = _compose(parts, words)
            scale, end = _scale_after(text, m.end(), lang)
            out.append(NumberMention(m.start(), end, text[m.start():end], value * scale, scale, None,
                                     "word", (value * scale,), m.end()))
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _compose(parts: list[str], words: dict[str, Decimal]) -> Decimal:
    """vingt-cinq → 25, quatre-vingt-dix → 90, deux-cents → 200 (approximately enough)."""
    value = Decimal(0)
    for p in parts:
        value = value * words[p] if words[p] in (20, 100, 1000) and value else value + words[p]
    return value


def is_bare_scale(m: NumberMention) -> bool:
    """A Chinese scale written without a digit before it (千亿, 百亿, 万亿): an order of
    magnitude ("hundreds of billions"), not an exact value; its ``value`` is the scale."""
    return m.kind == "approx" and m.text[:1] in cjk.SCALE_CHARS


def _sig_digits(value: Decimal) -> int:
    return len(value.normalize().as_tuple().digits)


def close(a: Decimal, b: Decimal) -> bool:
    """Equal, or the same quantity rounded (1 234 567 ≈ 1,2 million)."""
    if a == b or a == 0 or b == 0:
        return a == b
    diff = abs(a - b) / max(abs(a), abs(b))
    return diff <= Decimal("0.01") or diff <= Decimal("0.05") and _sig_digits(a) != _sig_digits(b)


def values_match(a: NumberMention, b: NumberMention) -> bool:
    """Whether two mentions can denote the same quantity (any reading, rounding allowed;
    a percentage also matches its fraction: 50 % and "la moitié")."""
    return any(close(x, y) for x in _with_fractions(a) for y in _with_fractions(b))


def _with_fractions(m: NumberMention) -> tuple[Decimal, ...]:
    per = {"%": 100, "‰": 1000}.get(m.unit or "")
    return m.values + tuple(v / per for v in m.values) if per else m.values


def group_digits(digits: str, sep: str = "\u202f") -> str:
    """``1234567`` → ``1 234 567`` with ``sep`` (four-digit numbers stay unsplit)."""
    if len(digits) <= 4:
        return digits
    head = len(digits) % 3 or 3
    return digits[:head] + "".join(sep + digits[i:i + 3] for i in range(head, len(digits), 3))


def format_number(value: Decimal, lang: str = "fr") -> str:
    """A value written the way ``lang`` writes it: ``3,5 milliards``, ``12 000``, ``0,75``."""
    lang = (lang or "").split("-")[0].lower()
    comma = lang in COMMA_DECIMAL_LANGS
    names = {"fr": ((9, "milliard", "milliards"), (6, "million", "millions")),
             "en": ((12, "trillion", "trillion"), (9, "billion", "billion"), (6, "million", "million")),
             "de": ((9, "Milliarde", "Milliarden"), (6, "Million", "Millionen"))}.get(lang, ())
    for power, one, many in names:
        unit = Decimal(10) ** power
        if abs(value) >= unit:
            mantissa = value / unit
            word = one if abs(mantissa) < 2 else many
            return f"{_plain(mantissa, comma)} {word}"
    return _plain(value, comma)


def _plain(value: Decimal, comma: bool) -> str:
    text = format(value.normalize(), "f")
    whole, _, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = group_digits(whole.lstrip("-"), "\u202f" if comma else ",")
    return sign + whole + ((("," if comma else ".") + frac) if frac else "")
