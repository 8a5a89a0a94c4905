"""Numbers as alignment anchors, normalised across scripts and locales.

``extract_numbers(text, lang)`` returns the set of canonical values written in a
sentence, so that ``3,5`` matches ``3.5``, ``1 000`` matches ``1,000``, ``1.2万``
matches ``12 000``, ``35亿`` matches ``3,5 milliards`` and ``三十`` matches ``30``.

A separator that could be either a decimal mark or a thousands separator (``1,500``
in a text of unknown locale) yields both readings; the caller treats a sentence's
numbers as a set, so either reading can match.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["extract_numbers", "parse_chinese_numeral", "canonical"]

# Space-like characters used as thousands separators (space, NBSP, narrow NBSP,
# thin space) and the Swiss apostrophe.
_GROUP_SPACES = " \u00a0\u202f\u2009'\u2019"

_NUM_RE = re.compile(
    r"(?<![\w.,])"
    r"(\d{1,3}(?:[ \u00a0\u202f\u2009'\u2019]\d{3}(?!\d))+(?:[.,]\d+)?"  # 1 000 / 1 000,5
    r"|\d+(?:[.,]\d+)*)"                                            # 1,000.5 / 3,5 / 42
    r"(?:\s?(%|‰))?"
)

# Scale words after a number. Values per language where they differ.
_SCALE_WORDS = {
    "thousand": 10**3, "thousands": 10**3, "mille": 10**3, "tausend": 10**3,
    "k": 10**3,
    "million": 10**6, "millions": 10**6, "millionen": 10**6, "mio": 10**6, "mn": 10**6,
    "millón": 10**6, "millones": 10**6, "milioni": 10**6, "milione": 10**6,
    "milliard": 10**9, "milliards": 10**9, "milliarde": 10**9, "milliarden": 10**9,
    "mrd": 10**9, "md": 10**9, "mds": 10**9, "bn": 10**9, "miliardi": 10**9,
    "trillion": 10**12, "trillions": 10**12,
}
# "billion" is 10^9 in English and 10^12 in most continental languages.
_LONG_SCALE_LANGS = {"fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn",
                     "fi", "pl", "cs", "sk", "hu", "ro", "is", "ca", "hr", "sl", "sr"}

_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
               "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CJK_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CJK_BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
_CJK_CHARS = "".join(_CJK_DIGITS) + "".join(_CJK_UNITS) + "".join(_CJK_BIG)
_CJK_NUM_RE = re.compile(f"[{_CJK_CHARS}]+")
_CJK_SUFFIX_RE = re.compile(f"[{''.join(_CJK_UNITS)}{''.join(_CJK_BIG)}]+")
_WORD_AFTER_RE = re.compile(r"\s?([A-Za-zÀ-ÿ]+)\.?")


def canonical(value: Decimal) -> str:
    """A stable string for a numeric value: ``12000``, ``3.5``, ``0.25``."""
    if value == value.to_integral_value():
        return str(int(value))
    text = format(value.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral such as 三十, 二百零五, 一千二百万, 三亿; None if invalid."""
    if not text:
        return None
    total = 0      # completed parts above 亿/万
    section = 0    # current part below the next big unit
    digit = None   # last digit seen
    seen = False
    for ch in text:
        if ch in _CJK_DIGITS:
            if digit is not None and digit != 0 and _CJK_DIGITS[ch] != 0:
                # Digit strings like 二〇二四 (read digit by digit).
                return _digit_string(text)
            digit = _CJK_DIGITS[ch]
            seen = True
        elif ch in _CJK_UNITS:
            section += (1 if digit is None else digit) * _CJK_UNITS[ch]
            digit = None
            seen = True
        elif ch in _CJK_BIG:
            if not seen and total == 0:
                return None
            big = _CJK_BIG[ch]
            section += digit or 0
            digit = None
            if section == 0:
                total = total * big if total else big
            else:
                total = (total + section) * big if total and big > 10**4 else total + section * big
            section = 0
        else:
            return None
    return total + section + (digit or 0)


def _digit_string(text: str) -> int | None:
    digits = []
    for ch in text:
        if ch not in _CJK_DIGITS:
            return None
        digits.append(str(_CJK_DIGITS[ch]))
    return int("".join(digits))


def _readings(token: str) -> list[Decimal]:
    """All plausible values of a digit token with separators."""
    # Thousands grouped with spaces or apostrophes.
    if any(c in token for c in _GROUP_SPACES):
        head, sep, tail = token, "", ""
        m = re.match(r"^([\d \u00a0\u202f\u2009'\u2019]+)(?:([.,])(\d+))?$", token)
        if m:
            head, sep, tail = m.group(1), m.group(2) or "", m.group(3) or ""
        digits = re.sub(r"\D", "", head)
        return [_dec(digits + ("." + tail if sep else ""))]
    commas, dots = token.count(","), token.count(".")
    if commas and dots:
        dec_sep = "," if token.rfind(",") > token.rfind(".") else "."
        grp_sep = "." if dec_sep == "," else ","
        return [_dec(token.replace(grp_sep, "").replace(dec_sep, "."))]
    if not commas and not dots:
        return [_dec(token)]
    sep = "," if commas else "."
    parts = token.split(sep)
    grouped = len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])
    if len(parts) > 2:
        return [_dec("".join(parts))] if grouped else [_dec(p) for p in parts]
    decimal_reading = _dec(parts[0] + "." + parts[1])
    if grouped and parts[0] != "0":
        return [_dec("".join(parts)), decimal_reading]
    return [decimal_reading]


def _dec(text: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex only passes digits
        return Decimal(0)


def _scale_after(text: str, pos: int, lang: str) -> int:
    """Multiplier written right after a number (万, 亿, million, milliard …)."""
    m = _CJK_SUFFIX_RE.match(text, pos)
    if m:
        value = parse_chinese_numeral("一" + m.group(0)) if m.group(0)[0] in _CJK_UNITS \
            else _big_product(m.group(0))
        return value or 1
    m = _WORD_AFTER_RE.match(text, pos)
    if m:
        word = m.group(1).lower()
        if word in ("billion", "billions", "billionen"):
            return 10**12 if lang in _LONG_SCALE_LANGS else 10**9
        if word == "k" and m.group(0).startswith(" "):
            return 1
        return _SCALE_WORDS.get(word, 1)
    return 1


def _big_product(units: str) -> int | None:
    value = 1
    for ch in units:
        if ch not in _CJK_BIG:
            return None
        value *= _CJK_BIG[ch]
    return value


def extract_numbers(text: str, lang: str = "") -> set[str]:
    """Canonical values of the numbers in ``text`` (digits, CJK numerals, scale words)."""
    lang = (lang or "").split("-")[0].lower()
    found: set[str] = set()
    covered: list[tuple[int, int]] = []
    for m in _NUM_RE.finditer(text):
        token = m.group(1).rstrip(" \u00a0\u202f\u2009'\u2019")
        end = m.start(1) + len(token)
        scale = _scale_after(text, end, lang)
        for value in _readings(token):
            found.add(canonical(value * scale))
        covered.append((m.start(), end))
    for m in _CJK_NUM_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue  # a scale suffix already handled (1.2万)
        chunk = m.group(0)
        if chunk in ("一", "两", "兩", "零", "〇", "十") or len(chunk) == 1 and chunk in _CJK_BIG:
            continue  # too common inside ordinary words to be an anchor
        value = parse_chinese_numeral(chunk)
        if value is not None and value > 0:
            found.add(str(value))
    return found
