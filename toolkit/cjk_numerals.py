"""Chinese numerals for :mod:`toolkit.numbers`: their characters, their value
(``三十`` = 30, ``1.5亿``'s 亿 = 10**8) and how much a numeral can be trusted as a quantity.
"""
from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
SCALE_CHARS = frozenset(UNITS) | frozenset(BIG)
ALL = "".join(DIGITS) + "".join(UNITS) + "".join(BIG)
NUMERAL_RE = re.compile(f"(百分之)?([数數几幾]?)([{ALL}]+)([多余餘几幾]?)")
SCALE_RE = re.compile(f"[{''.join(UNITS)}{''.join(BIG)}]+")
# Measure words and units after which a Chinese numeral is a real quantity.
MEASURE = set("个個名位人家次倍年岁歲天周週件台臺辆輛座所元块塊美欧歐英日港镑鎊里米克吨噸度条條项項"
                "只隻支张張份款届屆场場片颗顆枚架艘层層页頁章篇部本首批股户戶类類种種项")
DATE = set("月日号號")


def parse_chinese_numeral(text: str) -> int | None:
    """Value of a Chinese numeral: 三十 → 30, 二百零五 → 205, 三亿五千万 → 350000000,
    千亿 → 10**11, 二〇二四 → 2024. None when ``text`` is not a numeral."""
    if not text or any(ch not in ALL for ch in text):
        return None
    if not any(ch in UNITS or ch in BIG for ch in text):
        if len(text) == 1:
            return DIGITS[text]
        return int("".join(str(DIGITS[ch]) for ch in text))  # 二〇二四
    total, section, num = 0, 0, 0
    for ch in text:
        if ch in DIGITS:
            num = DIGITS[ch]
        elif ch in UNITS:
            section += (num or 1) * UNITS[ch]
            num = 0
        elif BIG[ch] == 10**4:
            total += ((section + num) or 1) * 10**4
            section = num = 0
        else:
            total = ((total + section + num) or 1) * BIG[ch]
            section = num = 0
    return total + section + num


def scale_of(units: str) -> int:
    """The multiplier of a run of unit characters (百万 = 10**6)."""
    value = 1
    for ch in units:
        value *= UNITS.get(ch) or BIG[ch]
    return value


def kind_of(text: str, start: int, end: int, numeral: str, percent: bool, vague: bool,
            more: bool) -> str:
    """The kind of a Chinese numeral at ``text[start:end]`` (see ``NumberMention.kind``)."""
    prev = text[start - 1] if start else ""
    nxt = text[end] if end < len(text) else ""
    if vague or re.search(f"[{''.join(DIGITS)}]{{2}}", numeral) and any(c in UNITS for c in numeral):
        return "vague"  # 数千亿, 几百, 三四十
    if more:
        return "approx"  # 一百多
    if prev == "第":
        return "ordinal"
    if nxt and nxt in DATE:
        return "date"
    if nxt == "年" and len(numeral) == 4 and not any(c in UNITS for c in numeral):
        return "year"
    if numeral[0] in UNITS or numeral[0] in BIG:
        return "approx"  # 千亿 alone: "hundreds of billions"
    if percent or (nxt and nxt in MEASURE and numeral not in ("一", "两", "兩")):
        return "cardinal"
    return "word"  # 一起, 三星, 千万 (adverb): too often part of a word
