"""Shared reading steps: safe bytes → text, language from the file name or detection."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import InputError

MAX_BYTES = 50 * 1024 * 1024  # an article or a bilingual file larger than this is refused
LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def read_text(path: str | Path, what: str = "file") -> str:
    """Decode a file as UTF-8 (BOM removed, newlines kept), or raise one clear InputError."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: {what} not found")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, expected a {what}")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: {what} is {size // (1024 * 1024)} MiB, larger than the "
                             f"{MAX_BYTES // (1024 * 1024)} MiB limit; split it")
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read {what}: {exc.strerror or exc}") from None
    return decode(data, str(p), what)


def decode(data: bytes, name: str, what: str = "file") -> str:
    if not data.strip():
        raise InputError(f"{name}: {what} is empty")
    if b"\x00" in data[:8192]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise InputError(f"{name}: {what} is UTF-16; re-save it as UTF-8")
        raise InputError(f"{name}: {what} is binary, expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = " (it looks like Latin-1/Windows-1252)" if _looks_latin1(data) else ""
        raise InputError(f"{name}: {what} is not valid UTF-8 at byte {exc.start}{hint}; "
                         "re-save it as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: {what} is empty")
    return text


def _looks_latin1(data: bytes) -> bool:
    return any(0xC0 <= b <= 0xFF for b in data) and not any(0x80 <= b <= 0x9F for b in data[:0])


def lang_from_name(path: str | Path) -> str | None:
    """``source.zh.txt`` → ``zh``; ``mt.fr-CA.md`` → ``fr-CA``; ``article.txt`` → None."""
    parts = Path(path).name.split(".")
    for part in reversed(parts[1:-1]):
        if LANG_RE.match(part):
            return part.replace("_", "-")
    return None


def detect_lang(text: str) -> str:
    """Language of a text: script first (fast, certain), then langdetect with a fixed seed."""
    from ..textutil import CJK_RE

    sample = text[:20000]
    cjk = len(CJK_RE.findall(sample))
    letters = sum(ch.isalpha() for ch in sample) or 1
    if cjk / letters > 0.3:
        if re.search(r"[\u3040-\u30ff]", sample):
            return "ja"
        if re.search(r"[\uac00-\ud7af]", sample):
            return "ko"
        return "zh"
    return langdetect_best(sample)[0]


@functools.lru_cache(maxsize=4096)
def langdetect_best(text: str) -> tuple[str, float]:
    """langdetect's most probable language and its probability, seeded so that the same
    text always gets the same answer; ``("und", 0.0)`` when it cannot tell."""
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text)[0]
        return best.lang.split("-")[0], best.prob
    except LangDetectException:
        return "und", 0.0


def base_lang(lang: str) -> str:
    return lang.split("-")[0].lower()
