"""Small text helpers shared by readers, rules and scoring (no heavy imports here)."""
from __future__ import annotations

import re
import unicodedata

# Han, Hiragana, Katakana, Hangul: scripts written without spaces between words.
CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
HAN_RUN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# Languages written in CJK scripts, mostly without spaces between words.
CJK_LANGS = frozenset({"zh", "ja", "ko", "yue", "wuu", "cmn", "lzh"})
LATIN_WORD_RE = re.compile(r"[^\W\d_](?:[\w’'\-]*\w)?", re.UNICODE)


class _CombiningDropper(dict):
    """A ``str.translate`` table, filled as characters are met, that deletes combining marks."""

    def __missing__(self, cp: int):
        value = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = value
        return value


_DROP_COMBINING = _CombiningDropper()
_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|n|t|\\)")


def count_words(text: str, lang: str = "") -> int:
    """Words for MQM normalisation: each CJK character counts as one word (CAT-tool usage)."""
    cjk = len(CJK_RE.findall(text))
    latin = len(LATIN_WORD_RE.findall(CJK_RE.sub(" ", text)))
    return cjk + latin


def is_cjk_lang(lang: str) -> bool:
    """``zh``, ``zh-Hant``, ``ja_JP``, ``yue``…: a language written in a CJK script."""
    return (lang or "").split("-")[0].split("_")[0].lower() in CJK_LANGS


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes: a key for loose comparison."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    if text.isascii():  # nothing to strip: the common case, made cheap
        return text
    return unicodedata.normalize("NFD", text).translate(_DROP_COMBINING)


def unescape(value: str) -> str:
    r"""Decode ``\n``, ``\t``, ``\\`` and ``\uXXXX`` in documentation examples (other text kept)."""

    def sub(m: re.Match) -> str:
        code = m.group(1)
        if code == "n":
            return "\n"
        if code == "t":
            return "\t"
        if code == "\\":
            return "\\"
        return chr(int(code[1:], 16))

    return _ESCAPE_RE.sub(sub, value)


def script_of(ch: str) -> str:
    """A coarse script name for one character: latin, han, kana, hangul, cyrillic, arabic…"""
    if ch.isascii():
        return "latin" if ch.isalpha() else "common"
    name = unicodedata.name(ch, "")
    for script in ("LATIN", "CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "ARABIC",
                   "GREEK", "HEBREW", "THAI", "DEVANAGARI"):
        if name.startswith(script) or f" {script} " in f" {name} ":
            return {"CJK": "han", "HIRAGANA": "kana", "KATAKANA": "kana"}.get(script, script.lower())
    return "common" if not ch.isalpha() else "other"
