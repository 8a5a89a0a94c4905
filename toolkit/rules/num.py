"""NUM — numbers: French number format, and source values lost or changed.

Values are read by :mod:`toolkit.numbers` (digits in each locale's conventions, scale
words, Chinese numerals and units, number words), so ``1.5亿`` matches ``150 millions``
and an English ``billion`` matches a French ``milliard``.
"""
from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path
from typing import Iterator

from ..numbers import NumberMention, find_numbers, format_number, is_bare_scale, values_match
from .base import Context, Hit, rule
from .typo import is_french, protected_regions

NNBSP = "\u202f"
DATA = Path(__file__).resolve().parent.parent / "data"
_CHECKED_KINDS = ("cardinal", "approx")


@functools.lru_cache(maxsize=1)
def label_words() -> frozenset[str]:
    lines = (DATA / "num_label_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def _lang(doc) -> str:
    return (doc.lang or "").split("-")[0].lower()


def _mentions(ctx: Context, side: str) -> list[NumberMention]:
    doc = ctx.target if side == "target" else ctx.source
    return ctx.memo(f"numbers-{side}", lambda: find_numbers(doc.text, _lang(doc)))


def _label_before(text: str, start: int) -> bool:
    """A version or section label before the number (version 2.1, Python 3.11)."""
    m = re.search(r"([^\W\d_][\w.-]*)\.?[ \u00a0\u202f]$", text[max(0, start - 30):start])
    if not m:
        return False
    word = m.group(1)
    if word.lower() in label_words():
        return True
    before = text[:start - len(m.group(0))].rstrip(" \u00a0\u202f")
    sentence_start = not before or before[-1] in ".!?\n:«\"“"
    return any(c.isupper() for c in word) and not sentence_start


def _regroup(numeral: str) -> str:
    return re.sub(r"(?<=\d)[ \u2009\u00a0\u202f](?=\d{3})", NNBSP, numeral)


@rule(id="NUM001", literal_fix=True, name="french-number-format", category="Locale conventions/Number format",
      severity="minor", needs_translation=False)
def french_number_format(ctx: Context) -> Iterator[Hit]:
    r"""A number not written the French way: thousands separator or decimal mark.

    ## What it does
    In a French target, reports numbers whose thousands are separated by an ordinary
    space (`10 000`), a comma (`10,000`) or a period (`1.000.000`), and decimals written
    with a point (`3.5`). The span is the number; the suggestion writes it with U+202F
    NARROW NO-BREAK SPACE between thousands and a decimal comma. U+00A0 and U+202F are
    both accepted. Years, times, dates (`2024.01.05`), versions and model names
    (`v3.5`, `GPT-3.5`, `version 2.1`, `Python 3.11`, `4.0`), section numbers (`1.2 Titre`),
    IP addresses and URLs are left alone.

    ## Why is this bad?
    French writes `3,5` and `10 000` with a no-break space; an ordinary space lets the
    number break across lines, and a comma or point reads as a different value.

    ## Example
    ```text
    bad (fr): Le stade compte 45 000 places.
    bad (fr): La recette demande 2.5 kilos de farine et 1,250,000 grains.
    good (fr): Le stade compte 45\u202f000 places pour 2,5 millions d’euros en 2024.
    good (fr): La version 2.1 de l’application sort le 2024.01.05 à 10:30, comme GPT-3.5.
    ```

    ## Options
    None.

    ## Known problems
    A number of five digits or more written without any separator (`45000`) is not
    reported: codes, postal codes and references look the same. Three decimals after a
    comma (`1,250`) are read as a thousands separator.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    protected = ctx.memo("protected-regions", lambda: protected_regions(text))
    for n in _mentions(ctx, "target"):
        if n.kind not in _CHECKED_KINDS or n.start in protected:
            continue
        numeral, end = n.numeral, n.start + len(n.numeral)
        if re.search(r"\d[ \u2009]\d{3}", numeral):
            yield Hit(n.start, end, "ordinary space as thousands separator: use a no-break space",
                      _regroup(numeral))
        elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d+", numeral):
            whole, frac = numeral.split(".")
            yield Hit(n.start, end, "English number format: French groups thousands with a "
                      "no-break space and uses a decimal comma", whole.replace(",", NNBSP) + "," + frac)
        elif re.fullmatch(r"[1-9]\d{0,2}(?:,\d{3}){2,}", numeral) or (
                re.fullmatch(r"[1-9]\d{0,2},\d{3}", numeral) and _comma_is_grouping(ctx, n)):
            yield Hit(n.start, end, "comma as thousands separator: French uses a no-break space "
                      "(a comma is the decimal mark)", numeral.replace(",", NNBSP))
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+|[1-9]\d{0,2}(?:\.\d{3}){2,}", numeral):
            whole, _, frac = numeral.partition(",")
            yield Hit(n.start, end, "period as thousands separator: French uses a no-break space",
                      whole.replace(".", NNBSP) + ("," + frac if frac else ""))
        elif re.fullmatch(r"\d+\.(?!0$)\d+", numeral) and not _label_before(text, n.start):
            whole, frac = numeral.split(".")
            if len(frac) == 3 and whole != "0" and len(whole) <= 3:
                yield Hit(n.start, end, "period in a number: French uses a no-break space between "
                          "thousands and a comma for decimals", f"{whole}{NNBSP}{frac}")
            else:
                yield Hit(n.start, end, "decimal point: French uses a decimal comma", f"{whole},{frac}")


_MONEY_RE = re.compile(r"[ \u00a0\u202f]?(?:[€$£¥]|euros?\b|dollars?\b|yuans?\b|francs?\b|livres?\b)", re.I)


def _comma_is_grouping(ctx: Context, n: NumberMention) -> bool:
    """``2,500`` is 2500 (not 2.5 with three decimals) next to a currency, or when the
    source writes the same digits with a comma in a language that groups with commas."""
    text = ctx.target.text
    if _MONEY_RE.match(text, n.start + len(n.numeral)) or (n.start and text[n.start - 1] in "$£€¥"):
        return True
    source = ctx.source
    if source is None or _lang(source) in {"fr", "de", "es", "it", "pt", "nl", "ru", "pl"}:
        return False
    return re.search(rf"(?<![\d.,]){re.escape(n.numeral)}(?![\d,]|\.\d)", source.text) is not None


# -- NUM002 -------------------------------------------------------------------------------

def _in(mentions: list[NumberMention], start: int, end: int) -> list[NumberMention]:
    """The mentions that start in ``[start, end)`` (``mentions`` is sorted by start)."""
    lo = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    return mentions[lo:bisect.bisect_left(mentions, end, lo, key=lambda m: m.start)]


def _block_window(doc, blocks: set[int], width: int = 1) -> tuple[int, int]:
    lo = max(0, min(blocks) - width)
    hi = min(len(doc.blocks) - 1, max(blocks) + width)
    return doc.blocks[lo].start, doc.blocks[hi].end


def _windows(ctx: Context, srcs, tgts) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Nearby text on each side, where a value counts as present despite the alignment."""
    src, tgt = ctx.source, ctx.target
    tgt_blocks = {t.block for t in tgts}
    src_blocks = {s.block for s in srcs}
    t_win = [_block_window(tgt, tgt_blocks)]
    s_win = [_block_window(src, src_blocks)]
    article_blocks = ctx.memo("num-article-blocks",
                              lambda: [b for b in tgt.blocks if not ctx.in_chrome(b.start, b.end)])
    if abs(len(article_blocks) - len(src.blocks)) <= max(2, len(src.blocks) // 10):
        # Paragraphs kept one for one: the paragraph with the same number is nearby too.
        t_win.append(_block_window(tgt, {min(b, len(tgt.blocks) - 1) for b in src_blocks}))
        s_win.append(_block_window(src, {min(b, len(src.blocks) - 1) for b in tgt_blocks}))
    return s_win, t_win


def _found(mention: NumberMention, others: list[NumberMention], windows) -> bool:
    return any(values_match(mention, o) or _within_magnitude(mention, o)
               for s, e in windows for o in _in(others, s, e))


def _within_magnitude(a: NumberMention, b: NumberMention) -> bool:
    """A bare Chinese scale (千亿 = "hundreds of billions") and a value of that order of
    magnitude: 千亿 stands for 10^11 up to (not including) 10^12."""
    for bare, other in ((a, b), (b, a)):
        if is_bare_scale(bare) and bare.value <= other.value < bare.value * 10:
            return True
    return False


# clause boundaries: a comma before a space (not the decimal comma), CJK commas, semicolons,
# colons, brackets, dashes between spaces
_CLAUSE_SEP = re.compile(r"[;:，；：、（）()]|,(?=\s)|\s[—–-]\s")


def _partner(text: str, lost: NumberMention, pairs) -> tuple[NumberMention, NumberMention] | None:
    """The matched source value nearest to ``lost`` in its own clause, with its translation:
    where the lost value belongs (每50公斤127元 → "127 yuans par kilogramme")."""
    best = None
    for s, t in pairs:
        lo, hi = (s.end, lost.start) if s.end <= lost.start else (lost.end, s.start)
        if hi < lo or _CLAUSE_SEP.search(text, lo, hi):
            continue
        if best is None or hi - lo < best[0]:
            best = (hi - lo, s, t)
    return best and (best[1], best[2])


def _near(text: str, start: int, end: int, lo: int, hi: int, words: int = 3) -> tuple[int, int]:
    """``[start, end)`` widened by up to ``words`` words each side, inside its clause of
    ``text[lo:hi]`` ("était de 127 yuans par kilogramme")."""
    a = max((m.end() for m in _CLAUSE_SEP.finditer(text, lo, start)), default=lo)
    m = _CLAUSE_SEP.search(text, end, hi)
    b = m.start() if m else hi
    left = list(_WORD.finditer(text, a, start))[-words:]
    right = list(_WORD.finditer(text, end, b))[:words]
    return (left[0].start() if left else start), (right[-1].end() if right else end)


_WORD = re.compile(r"[^\W_][\w’'-]*")


@rule(id="NUM002", literal_fix=True, name="number-mismatch", category="Accuracy/Mistranslation", severity="major",
      needs=("source", "alignment"))
def number_mismatch(ctx: Context) -> Iterator[Hit]:
    r"""A value of the source missing from its translation, or translated as another value.

    ## What it does
    For each aligned pair of sentences, reads the numbers of both sides as values —
    digits in each language's conventions, scale words (`billion` is a French
    `milliard`), Chinese numerals and units (`3万` = 30 000, `1.5亿` = 150 millions,
    `三十` = 30), number words (`deux`), percentages — and matches them, allowing
    rounding (`1 234 567` ≈ `1,2 million`). A source quantity with no match is reported:
    on the target number that replaced it when there is exactly one candidate (with the
    suggestion); a value that is simply gone is reported next to the translation of the
    value it goes with in its source clause (`每50公斤127元` → around `127 yuans`),
    otherwise on the target sentence. Years, dates, ordinals, section
    numbers such as `01`, codes such as `A320`, vague amounts (`数千`) and Chinese numerals
    that are not followed by a measure word are never reported as missing, and a value
    found in the neighbouring paragraphs counts as present (the alignment may be off).

    ## Why is this bad?
    A wrong number changes the facts of the article: a price, a dose, a score, a
    thousandfold error from a scale word (English billion, French billion).

    ## Example
    ```text
    source (en): The club sold 3.5 million tickets last season.
    bad (fr): Le club a vendu 3,5 milliards de billets la saison dernière.
    good (fr): Le club a vendu 3,5 millions de billets la saison dernière.
    ```
    ```text
    source (zh): 这家医院去年接待了1.5亿名患者。
    bad (fr): L’hôpital a accueilli 15 millions de patients l’an dernier.
    good (fr): L’hôpital a accueilli 150 millions de patients l’an dernier.
    ```
    ```text
    source (de): Die Bank verlangt 2 Prozent Zinsen für 12 Monate.
    bad (fr): La banque demande des intérêts pour douze mois.
    good (fr): La banque demande 2 % d’intérêts pendant douze mois.
    ```

    ## Options
    None.

    ## Known problems
    Unit and currency conversions (miles to kilometres, dollars to euros) are reported as
    different values. A value spelled in words in the source is never reported.
    """
    src_all, tgt_all = _mentions(ctx, "source"), _mentions(ctx, "target")
    if not src_all:
        return
    tgt_lang = _lang(ctx.target)
    for bead, srcs, tgts in ctx.pairs():
        if not srcs or not tgts or bead.confidence < 0.5:
            continue
        s_ment = [m for s in srcs for m in _in(src_all, s.start, s.end)]
        if not any(m.strong or is_bare_scale(m) for m in s_ment):
            continue
        t_ment = [m for t in tgts for m in _in(tgt_all, t.start, t.end)]
        used: set[int] = set()
        lost, pairs = [], []
        for s in sorted(s_ment, key=lambda m: not m.strong):
            match = next((i for i, t in enumerate(t_ment) if i not in used and
                          (values_match(s, t) or _within_magnitude(s, t))), None)
            if match is not None:
                used.add(match)
                pairs.append((s, t_ment[match]))
            elif s.strong and s.value > 1 or is_bare_scale(s):
                lost.append(s)
        if not lost:
            continue
        s_win, t_win = _windows(ctx, srcs, tgts)
        lost = [s for s in lost if not _found(s, tgt_all, t_win)]
        if not lost:
            continue
        stray = [t for i, t in enumerate(t_ment) if i not in used and (t.strong or t.kind == "word" and t.scale > 1)
                 and not _found(t, src_all, s_win)]
        # a bare scale (千亿, "hundreds of billions") is only wrong when another value stands for it
        lost = [s for s in lost if s.strong or len(stray) == 1 and not _within_magnitude(s, stray[0])]
        if not lost:
            continue
        if len(lost) == 1 and len(stray) == 1:
            s, t = lost[0], stray[0]
            fix = format_number(s.value, tgt_lang) if s.unit is None and t.unit is None else None
            value = format_number(s.value, "en") + (s.unit or "")
            said = s.text if value.replace(" ", "") == s.text.replace(" ", "") else f"{s.text} (= {value})"
            yield Hit(t.start, t.end, f"the source says {said}, the translation {t.text}", fix,
                      source=(s.start, s.end), bead=bead.id)
        elif not stray:
            names = ", ".join(s.text for s in lost)
            start, end, near = tgts[0].start, tgts[-1].end, ""
            partner = _partner(ctx.source.text, lost[0], pairs) if len(lost) == 1 else None
            if partner is not None:
                start, end = _near(ctx.target.text, partner[1].start, partner[1].end, start, end)
                near = f" (in the source it goes with {partner[0].text})"
            yield Hit(start, end, f"value {names} of the source missing from the translation{near}",
                      source=(lost[0].start, lost[0].end), bead=bead.id)
        else:
            names = ", ".join(s.text for s in lost)
            found = ", ".join(t.text for t in stray)
            yield Hit(tgts[0].start, tgts[-1].end, f"values of the source ({names}) differ from "
                      f"those of the translation ({found})", source=(lost[0].start, lost[0].end),
                      bead=bead.id)


RULES = (french_number_format, number_mismatch)
