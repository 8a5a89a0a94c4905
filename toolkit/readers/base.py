"""Shared reading steps: safe bytes → text, language from the file name or detection."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from ..errors import InputError
from ..paths import DEFAULT_MAX_MB, display, printable, read_bytes

MAX_BYTES = DEFAULT_MAX_MB * 1024 * 1024  # the default; see toolkit.paths.max_bytes
LANG_RE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")


def read_text(path: str | Path, what: str = "file") -> str:
    """Decode a regular file as UTF-8 (BOM removed, newlines kept), or raise one clear
    InputError (missing, a folder or pipe, too large, unreadable, binary, not UTF-8)."""
    return decode(read_bytes(path, what), display(path), what)


def decode(data: bytes, name: str, what: str = "file") -> str:
    """UTF-8 text of ``data`` (BOM removed), or one InputError saying what the bytes look like."""
    if not data.strip():
        raise InputError(f"{name}: {what} is empty")
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        raise InputError(f"{name}: {what} is UTF-32; re-save it as UTF-8")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{name}: {what} is UTF-16; re-save it as UTF-8")
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_utf16(data):
            raise InputError(f"{name}: {what} looks like UTF-16 without a byte-order mark; "
                             "re-save it as UTF-8")
        raise InputError(f"{name}: {what} contains a NUL byte at byte {nul}: a binary file, "
                         "expected UTF-8 text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        guess = legacy_encoding(data)
        hint = f" (it looks like {guess})" if guess else ""
        raise InputError(f"{name}:{line}: {what} is not UTF-8: invalid byte 0x{data[exc.start]:02x} at "
                         f"byte {exc.start}{hint}; re-save it as UTF-8") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{name}: {what} is empty")
    return text


def _looks_utf16(data: bytes) -> bool:
    """Mostly ASCII text stored as UTF-16: NULs fill one of the two byte positions."""
    sample = data[:4096]
    half = max(1, len(sample) // 2)
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    return max(even, odd) > 0.3 and min(even, odd) < 0.05


_HIGH_RUN = re.compile(rb"[\x80-\xff]+")
_HIGH_BYTES = bytes(range(0x80, 0x100))
CJK_LEGACY = ("gb18030", "big5", "shift_jis", "euc_kr")


def legacy_encoding(data: bytes) -> str | None:
    """A guess at the legacy encoding of bytes that are not UTF-8, or None.

    CJK text in GB18030, Big5, Shift-JIS or EUC-KR is mostly high bytes and decodes in one
    of them; Latin-1/Windows-1252 text is mostly ASCII with isolated high bytes (one
    accented letter at a time)."""
    sample = data[:65536]
    visible = len(sample.translate(None, b" \t\r\n")) or 1
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if not high:
        return None
    if high / visible >= 0.3:
        cut = sample if len(data) <= len(sample) else sample[:sample.rfind(b"\n") + 1]
        for encoding in CJK_LEGACY:
            try:
                cut.decode(encoding)
            except UnicodeDecodeError:
                continue
            return "a legacy CJK encoding such as GB18030, Big5 or Shift-JIS"
        return None
    runs = [len(m.group()) for m in _HIGH_RUN.finditer(sample)]
    if sum(1 for n in runs if n == 1) / len(runs) >= 0.6:
        return "Latin-1/Windows-1252"
    return None


def lang_from_name(path: str | Path) -> str | None:
    """``source.zh.txt`` → ``zh``; ``mt.fr-CA.md`` → ``fr-CA``; ``article.txt`` → None."""
    parts = Path(path).name.split(".")
    for part in reversed(parts[1:-1]):
        if LANG_RE.match(part) and is_language_tag(part):
            return part.replace("_", "-")
    return None


def is_language_tag(tag: str) -> bool:
    """True for a valid BCP-47 (RFC 5646) tag whose primary subtag is a registered language
    (``zh``, ``fr-CA``, ``zh-Hans-CN``); False for ``zz``, ``fr-``, ``x-private`` or ``txt``.
    Checked against the IANA subtag registry shipped with ``langcodes``."""
    import langcodes

    tag = tag.strip().replace("_", "-")
    if not LANG_RE.match(tag):
        return False
    try:
        if not langcodes.tag_is_valid(tag):
            return False
        primary = langcodes.Language.get(tag).language
    except (ValueError, LookupError):
        return False
    return bool(primary) and primary.lower() in known_languages()


@functools.lru_cache(maxsize=1)
def known_languages() -> frozenset[str]:
    """Primary language subtags that langdetect (its profiles) or spaCy (its ``spacy.lang``
    packages) know; found on disk, without importing spaCy."""
    import importlib.util

    names: set[str] = set()
    for package, sub in (("langdetect", "profiles"), ("spacy", "lang")):
        spec = importlib.util.find_spec(package)
        for root in (spec.submodule_search_locations or []) if spec else []:
            folder = Path(root) / sub
            if folder.is_dir():
                names.update(p.name.split("-")[0].split(".")[0].lower() for p in folder.iterdir()
                             if not p.name.startswith(("_", ".")))
    names.discard("xx")
    return frozenset(n for n in names if n.isalpha() and 2 <= len(n) <= 3)


def check_language(tag: str | None, option: str) -> str | None:
    """``tag`` normalised (``en_US`` → ``en-US``), or a UsageError naming ``option``."""
    if tag is None:
        return None
    if not is_language_tag(tag):
        from ..errors import UsageError

        raise UsageError(f"{option} {printable(tag)!r}: not a BCP-47 language tag (RFC 5646) of a "
                         "language mtqa can segment (e.g. zh, fr, en-GB, zh-Hant)")
    return tag.strip().replace("_", "-")


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
