"""Meaning cues of a sentence: negations, directions of change, bounds, approximations
and modality, in English, French and Chinese.

``cues(text, lang)`` finds them with the bilingual word lists of
``data/meaning_cues.tsv`` (one cue per line, with its class and language; see the
file's header for the classes and their sources). The rules of the MEAN family and
NUM003/NUM004 compare the cues of a source sentence with those of its translation: a
negation the translation lost, a rise translated as a fall, *more than* turned into
*less than*, *may* turned into a certainty.

Matching is case-insensitive, on whole words for Latin scripts (a cue ending in ``*``
matches any word it starts; one starting with ``*`` any word it ends) and on
characters for Chinese, where the words that hold a negation character without
negating (不过 "but", 未来 "future") are masked first. A French negation is ``ne``/``n’``
followed within five words by one of the ``ne-follow`` words (``ne … que`` is not one).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import data_rows, zipf
from .meaning_scan import Scan, base, cue_words, languages, may_match, pattern

CLASSES = ("neg", "neg-lex", "up", "down", "more", "less", "approx", "may", "must", "hi", "lo")
_MASK = "\u25a1"  # a masked character: not a letter, not a cue


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    cls: str
    text: str


@functools.lru_cache(maxsize=None)
def _ne_pattern() -> re.Pattern:
    follow = "|".join(re.escape(w) for w in sorted(cue_words("fr", "ne-follow"), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:ne\s+|n')(?:[^\s.,;:!?]+\s+){{0,4}}?(?:{follow})(?![\w-])", re.I)


def _normalise(text: str) -> str:
    """Same length as ``text``: typographic apostrophes straightened, for matching."""
    return text.replace("’", "'").replace("\u02bc", "'")


def _mask(text: str, lang: str, scan: Scan | None = None) -> str:
    scan = scan or Scan(text, lang)
    spans = [(m.start(), m.end()) for m in scan.finditer("not-neg", text)]
    if spans:
        parts, last = [], 0
        for a, b in spans:
            parts += [text[last:a], _MASK * (b - a)]
            last = b
        text = "".join(parts) + text[last:]
    if lang == "zh":
        text = _mask_zh_words(text)
    return text


_NEGATIVE_GLOSS = re.compile(r"^(?:to )?(?:not|no|never|without|cannot|can't|nothing|none|neither|"
                             r"un[a-z]+|in[a-z]+|im[a-z]+)\b|n't\b| not\b", re.I)
_LESS_GLOSS = re.compile(r"^(?:to )?[a-z]+less\b", re.I)  # wireless, countless


def _negative_word(word: str, loose: bool = False) -> bool:
    """A dictionary word that negates: the first gloss of one of its readings starts
    with a negation (未能 "cannot", 无法 "unable", 尚未 "not yet"), unlike 别称
    "another name" or 不可或缺 "necessary"; proper nouns never negate."""
    from .knowledge import cedict

    entries = cedict.load().lookup(word)
    if any(e.is_proper for e in entries):
        return False
    return any(e.renderings and (_NEGATIVE_GLOSS.search(e.renderings[0]) or
                                 loose and _LESS_GLOSS.search(e.renderings[0])) for e in entries)


_BRAND_RE = re.compile(r"[不没未无非别勿否莫][\u4e00-\u9fff]?(?=[A-Za-z])")


def _mask_zh_words(text: str) -> str:
    """Mask the negation characters that sit inside a CC-CEDICT word that does not
    negate (longest-match segmentation)."""
    if not pattern("zh", "neg").search(text):
        return text
    from .knowledge import cedict

    chars = list(text)
    neg = pattern("zh", "neg")
    for start, end, word in cedict.load().words(text):
        # four-character idioms (雷打不动 "unshakeable") are rendered as a whole
        if neg.search(word) and (end - start >= 4 or not _negative_word(word)):
            for i in range(start, end):
                chars[i] = _MASK
    for m in _BRAND_RE.finditer(text):  # 无界AI: a brand name glued to Latin letters
        for i in range(m.start(), m.end()):
            chars[i] = _MASK
    return "".join(chars)


def _negation_words(text: str) -> list[tuple[int, int]]:
    """Chinese words that hold a negation character and are not counted as a negation
    but whose meaning holds one (无数 "countless", 不断 "unceasing"): a translation may
    fairly render them with *sans* or *ne … pas* (*sans nombre*, *sans cesse*)."""
    from .knowledge import cedict

    neg = pattern("zh", "neg")
    if not neg.search(text):
        return []
    masked = _mask(text, "zh")
    out = []
    for start, end, word in cedict.load().words(text):
        if neg.search(word) and not neg.search(masked[start:end]) and _negative_word(word, loose=True):
            out.append((start, end))
    return out


# "trop lourd pour être soulevé", "too heavy to be lifted": a negative result
_TOO_RE = {"fr": re.compile(r"(?<![\w-])trop\s+(?:[^\s.,;:!?]+\s+){1,4}?pour(?![\w-])", re.I),
           "en": re.compile(r"(?<![\w-])too\s+(?:[^\s.,;:!?]+\s+){1,3}?to(?![\w-])", re.I)}
_TOO_WORD = {"fr": "trop", "en": "too"}
# "le plus grand … jamais construit": jamais without ne after a superlative means "ever"
_EVER_RE = re.compile(r"(?<![\w-])(?:plus|moins|meilleure?s?|pire|premi(?:er|ère)s?|seule?s?|derni(?:er|ère)s?)"
                      r"\s+(?:[^\s.,;:!?]+\s+){0,8}?(jamais)(?![\w-])", re.I)


_WORD_RE = re.compile(r"[^\W\d_]{5,}")


def _prefixed_negative(word: str, lang: str, prefixes: tuple[str, ...], shortest: int = 4) -> bool:
    """``unable``, ``impossible``, ``illégal``: a negating prefix before a word that is
    itself at least as frequent (``income`` is not ``in-come``: *come* is frequent, but
    the rule only suppresses reports, so a few such words cost little)."""
    low = word.lower()
    for p in prefixes:
        rest = low[len(p):]
        if low.startswith(p) and len(rest) >= shortest and zipf(rest, lang) >= max(3.0, zipf(low, lang)):
            return True
    return False


def cues(text: str, lang: str) -> list[Cue]:
    """Every cue of ``text`` in ``lang`` (empty for a language without cue lists), in order."""
    lang = base(lang)
    if lang not in languages():
        return []
    norm = _normalise(text)
    found: list[Cue] = []
    scan = Scan(norm, lang)
    masked = _mask(norm, lang, scan)
    neg_spans: list[tuple[int, int]] = []
    if lang == "fr":  # (each match begins with ne or n'; the patterns below hold jamais, trop, too)
        neg_spans += [(m.start(), m.end()) for m in scan.finditer_from(_ne_pattern(), masked, "ne", "n'")]
    ever = {m.start(1) for m in _EVER_RE.finditer(masked)} if lang == "fr" and scan.has("jamais") else set()
    if scan.may_match("neg"):
        for m in scan.finditer("neg", masked):
            if m.start() in ever and not re.search(r"(?<![\w-])(?:ne|n')(?![\w-])", masked[:m.start()][-60:], re.I):
                continue
            if not any(s <= m.start() < e for s, e in neg_spans):
                neg_spans.append((m.start(), m.end()))
    found += [Cue(s, e, "neg", text[s:e]) for s, e in neg_spans]
    for cls in CLASSES[1:]:
        found += [Cue(m.start(), m.end(), cls, text[m.start():m.end()]) for m in scan.finditer(cls, norm)
                  if not (cls == "may" and lang == "en" and m.group(0) == "May")]  # the month
    if lang in _TOO_RE and scan.has(_TOO_WORD[lang]):
        found += [Cue(m.start(), m.end(), "neg-lex", text[m.start():m.end()]) for m in _TOO_RE[lang].finditer(norm)]
    if lang == "zh":
        found += [Cue(a, b, "neg-word", text[a:b]) for a, b in _negation_words(norm)]
    prefixes, short = cue_words(lang, "neg-prefix"), cue_words(lang, "neg-prefix-short")
    if (prefixes or short) and lang not in ("zh", "ja"):
        starts = tuple(prefixes) + tuple(short)
        for m in _WORD_RE.finditer(norm):
            word = m.group(0)
            # str.startswith with the tuple: the quick test that most words fail
            if word.lower().startswith(starts) and (_prefixed_negative(word, lang, prefixes)
                                                    or _prefixed_negative(word, lang, short, 3)):
                found.append(Cue(m.start(), m.end(), "neg-lex", text[m.start():m.end()]))
    found.sort(key=lambda c: (c.start, c.end, c.cls))
    return found


def count(found: list[Cue], cls: str) -> int:
    return sum(1 for c in found if c.cls == cls)


def near(found: list[Cue], cls: str, start: int, end: int, before: int = 24, after: int = 12) -> list[Cue]:
    """Cues of ``cls`` that end at most ``before`` characters before ``start`` or begin at
    most ``after`` characters after ``end`` (a bound or approximation of a number)."""
    return [c for c in found if c.cls == cls and start - before <= c.end <= start + 1
            or c.cls == cls and end - 1 <= c.start <= end + after]


@dataclass(frozen=True)
class Problem:
    """A meaning cue of the source that the translation lost or turned around.

    ``kind``: ``negation-lost``, ``negation-added``, ``polarity``, ``modality-lost``,
    ``modality-changed``. ``target`` is the span of the target cue that carries the
    problem (None when the problem is an absence: the whole sentence is meant);
    ``source`` the span of the source cue.
    """

    kind: str
    message: str
    target: tuple[int, int] | None
    source: tuple[int, int] | None
    weak: bool = False  # the other side has a word that may carry the negation


def _first(found: list[Cue], cls: str) -> tuple[int, int] | None:
    c = next((c for c in found if c.cls == cls), None)
    return (c.start, c.end) if c else None


def _nearest(found: list[Cue], cls: str, rel: float, length: int) -> tuple[int, int] | None:
    """The cue of ``cls`` whose relative position in its text is nearest ``rel``."""
    pool = [c for c in found if c.cls == cls]
    if not pool:
        return None
    c = min(pool, key=lambda c: abs(c.start / max(length, 1) - rel))
    return c.start, c.end


def _quote(found: list[Cue], cls: str) -> str:
    return ", ".join(dict.fromkeys(f"“{c.text}”" for c in found if c.cls == cls))


BOUND_NAMES = {"more": "more than", "less": "less than"}


def _bounds(found: list[Cue], text: str, lang: str) -> list[Cue]:
    """The more/less cues that stand next to a number (超过 30万, plus de 300, 30% 以上)."""
    from .numbers import find_numbers

    marks = [c for c in found if c.cls in ("more", "less")]
    if not marks:
        return []
    numbers = find_numbers(text, lang)
    return [c for c in marks if any(c in near(marks, c.cls, n.start, n.end, before=4, after=3)
                                    for n in numbers)]


# 近五年来 / 最近三年: "over the last five years", not "nearly five years"
_RECENT_AFTER = re.compile(r"\s*[年月天日周週]?(?:以来|来|內|内)")


def _recent(src: str, cue: Cue, number_end: int) -> bool:
    """A Chinese 近 that means "the last" (近五年来, 最近三年), not "nearly"."""
    if cue.text != "近":
        return False
    before = src[cue.start - 1:cue.start] if cue.start else ""
    unit_end = number_end + 1 if src[number_end:number_end + 1] in "年月天日周週个個" else number_end
    if src[number_end:number_end + 1] in "个個":
        unit_end += 1
    # 附近 "nearby", 最近 "recent", 靠近/邻近/临近 "close to (a place)"
    return before in ("最", "这", "這", "在", "附", "靠", "邻", "鄰", "临", "臨", "就", "亲", "親") or bool(_RECENT_AFTER.match(src, unit_end)) and src[unit_end:unit_end + 2] != "多"


def _approximations(s: list[Cue], src: str, src_lang: str, t: list[Cue], tgt: str,
                    tgt_lang: str) -> list[Problem]:
    """An approximate source number (about 120, 约46万, 一百多) whose matching target number
    has no approximation and no bound next to it (120 alone)."""
    from .numbers import find_numbers, values_match

    if not count(s, "approx") and "多" not in src and "余" not in src:
        return []
    out = []
    # a number word (*cinq*) or a year-like number (约3000年 "some 3,000 years") may carry it too
    t_numbers = [n for n in find_numbers(tgt, tgt_lang) if n.kind in ("cardinal", "approx", "word", "year")]
    for n in find_numbers(src, src_lang):
        cue = [c for c in near(s, "approx", n.start, n.end, before=2, after=0) if not _recent(src, c, n.end)] or (
            [Cue(n.start, n.end, "approx", n.text)] if n.kind == "approx" and n.text[-1:] in "多余餘" else [])
        if not cue or n.kind not in ("cardinal", "approx", "year"):
            continue
        same = [m for m in t_numbers if values_match(n, m)]
        if len(same) == 1 and not any(near(t, cls, same[0].start, same[0].end, before=3, after=20)
                                      for cls in ("approx", "more", "less")):
            m = same[0]
            out.append(Problem("approx-lost", f"the source gives an approximate value ({cue[0].text} "
                               f"{n.text}), the translation an exact one ({m.text})",
                               (m.start, m.end), (cue[0].start, n.end)))
    return out


MODAL_NAMES = {"may": "possibility", "must": "obligation"}


@functools.lru_cache(maxsize=1)
def _litotes_table() -> tuple[tuple[str, tuple[re.Pattern, ...]], ...]:
    """(adjective, antonym patterns), longest adjective first, from ``meaning_litotes_zh.tsv``."""
    rows = data_rows("meaning_litotes_zh.tsv")
    return tuple((adj, tuple(re.compile(rf"(?<![^\W\d_]){re.escape(x.strip())}") for x in stems.split(",")
                             if x.strip()))
                 for adj, stems in sorted(rows, key=lambda r: -len(r[0])))


def _litotes_rendered(cues_s: list[Cue], src: str, tgt: str) -> bool:
    """Every Chinese negation of ``src`` is a litotes (不高, 并不多, 不太长) whose adjective's
    antonym is in ``tgt`` (faible, peu, court): a negation rendered by its meaning."""
    low = tgt.lower()
    for c in (c for c in cues_s if c.cls == "neg"):
        i = c.end
        while i < len(src) and src[i] in "很太算":
            i += 1
        antonyms = next((pats for adj, pats in _litotes_table() if src.startswith(adj, i)), None)
        if antonyms is None or not any(p.search(low) for p in antonyms):
            return False
    return True


def compare(src: str, src_lang: str, tgt: str, tgt_lang: str) -> list[Problem]:
    """Problems of one aligned pair of texts (offsets into ``src`` and ``tgt``); none
    when either language has no cue lists."""
    if base(src_lang) not in languages() or base(tgt_lang) not in languages():
        return []
    s, t = cues(src, src_lang), cues(tgt, tgt_lang)
    if not s and not t:
        return []

    def at(cls_s: str, cls_t: str) -> tuple[int, int] | None:  # target cue placed like the source's
        first = _first(s, cls_s)
        return _nearest(t, cls_t, first[0] / max(len(src), 1) if first else 0.0, len(tgt))

    out: list[Problem] = []
    sn, tn = count(s, "neg"), count(t, "neg")
    if sn and not tn and not count(t, "neg-lex") and not (
            base(src_lang) == "zh" and _litotes_rendered(s, src, tgt)):
        out.append(Problem("negation-lost", f"the source is negative ({_quote(s, 'neg')}), the "
                           "translation has no negation", None, _first(s, "neg")))
    elif tn and not sn and not count(s, "neg-lex"):
        weak = count(s, "neg-word") > 0
        out.append(Problem("negation-added", f"the translation is negative ({_quote(t, 'neg')}), "
                           "the source has no negation" + (f" (but {_quote(s, 'neg-word')} may "
                           "hold one)" if weak else ""), _first(t, "neg"), None, weak))
    for a, b in (("up", "down"), ("down", "up")):
        if count(s, a) and not count(s, b) and count(t, b) and not count(t, a):
            out.append(Problem("polarity", f"the source says {a} ({_quote(s, a)}), the translation "
                               f"{b} ({_quote(t, b)})", at(a, b), _first(s, a)))
    sb, tb = _bounds(s, src, src_lang), _bounds(t, tgt, tgt_lang)
    for a, b in (("more", "less"), ("less", "more")):
        if count(sb, a) and not count(sb, b) and count(tb, b) and not count(tb, a):
            out.append(Problem("bound", f"the source says {BOUND_NAMES[a]} ({_quote(sb, a)}), the "
                               f"translation {BOUND_NAMES[b]} ({_quote(tb, b)})",
                               _first(tb, b), _first(sb, a)))
    out += _approximations(s, src, src_lang, t, tgt, tgt_lang)
    from .meaning_bounds import approximations_added, bounds_lost, comparison_flips

    out += bounds_lost(s, src, src_lang, t, tgt, tgt_lang)
    out += approximations_added(s, src, src_lang, t, tgt, tgt_lang)
    out += comparison_flips(s, src, t, tgt)
    for cls, other in (("may", "must"), ("must", "may")):
        if count(s, cls) and not count(t, cls):
            if count(t, other):
                out.append(Problem("modality-changed", f"the source expresses {MODAL_NAMES[cls]} "
                                   f"({_quote(s, cls)}), the translation {MODAL_NAMES[other]} "
                                   f"({_quote(t, other)})", at(cls, other), _first(s, cls)))
            else:
                out.append(Problem("modality-lost", f"the source expresses {MODAL_NAMES[cls]} "
                                   f"({_quote(s, cls)}), the translation states it as a fact",
                                   None, _first(s, cls)))
    return out
