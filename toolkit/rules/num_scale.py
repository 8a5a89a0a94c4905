"""NUM (scale) — an approximate amount of the source written with the wrong scale.

NUM002 (:mod:`toolkit.rules.num`) reports exact quantities that the translation lost;
amounts the source gives as approximate (Chinese 3万余, 一千多, 1.5亿多: "more than …")
are left out there, since a translation may round them. A scale error is another matter:
the same digits a thousand times too big (万 read as *million*) is a wrong number,
whatever the rounding.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable

from ..numbers import close, format_number, is_bare_scale
from .base import Context, Hit, rule
from .num import _in, _lang, _mentions, _windows

MIN_CONFIDENCE = 0.5
_TARGET_KINDS = ("cardinal", "approx", "word")


def _power_of_ten(ratio: Decimal) -> int:
    """k when ``ratio`` is 10**k (k ≠ 0, within rounding), else 0."""
    if ratio <= 0:
        return 0
    k = round(ratio.log10())
    if k == 0:
        return 0
    return int(k) if close(ratio, Decimal(10) ** k) else 0


@rule(id="NUM007", name="approximate-amount-scale", category="Accuracy/Mistranslation",
      severity="major", needs=("source", "alignment"))
def approximate_amount_scale(ctx: Context) -> Iterable[Hit]:
    r"""An approximate amount of the source (3万余, 一百多) is a power of ten off in the translation.

    ## What it does
    For each aligned pair of sentences, takes the source amounts written with digits or
    numerals and an approximation suffix (`1.5万余` "more than 15,000", `两百多`
    "two hundred odd"). When no target number nearby is within a tenth of the amount, and
    exactly one target number of the pair has the same digits times a power of ten
    (`1,5 million`, `150 000`), that number is reported with the amount as the fix.

    ## Why is this bad?
    A scale word read wrongly (万 is ten thousand, not a million; 亿 is a hundred
    million) multiplies the amount: the order of magnitude is the fact a reader keeps.

    ## Example
    ```text
    source (zh): 这个湿地公园每年接待游客2.4万余人次。
    bad (fr): Ce parc humide accueille plus de 2,4 millions de visiteurs par an.
    good (fr): Ce parc humide accueille plus de 24\u202f000 visiteurs par an.
    ```

    ## Options
    None.

    ## Known problems
    A unit changed in the translation (tonnes for kilograms) reads as a scale error when
    the amount is approximate; exact amounts are NUM002's.
    """
    src_all, tgt_all = _mentions(ctx, "source"), _mentions(ctx, "target")
    approx = [m for m in src_all if m.kind == "approx" and not is_bare_scale(m) and m.value > 1]
    if not approx:
        return
    tgt_lang = _lang(ctx.target)
    for bead, srcs, tgts in ctx.pairs():
        if not srcs or not tgts or bead.confidence < MIN_CONFIDENCE:
            continue
        s_ment = [m for s in srcs for m in _in(src_all, s.start, s.end) if m in approx]
        if not s_ment:
            continue
        t_ment = [m for t in tgts for m in _in(tgt_all, t.start, t.end) if m.kind in _TARGET_KINDS]
        if not t_ment:
            continue
        windows = None
        for s in s_ment:
            if any(abs(v - s.value) <= s.value / 10 for t in t_ment for v in t.values):
                continue
            scaled = [(t, k) for t in t_ment for k in {_power_of_ten(v / s.value) for v in t.values} if k]
            if len(scaled) != 1:
                continue
            if windows is None:
                windows = _windows(ctx, srcs, tgts)[1]
            nearby = [t for a, b in windows for t in _in(tgt_all, a, b)]
            if any(abs(v - s.value) <= s.value / 10 for t in nearby for v in t.values):
                continue
            t, k = scaled[0]
            fix = f"write about {format_number(s.value, tgt_lang)}" + (f" {s.unit}" if s.unit else "")
            yield Hit(t.start, t.end, f"the source says {s.text} (about {format_number(s.value, 'en')}), "
                      f"the translation {t.text}: {10 ** abs(k):,} times too {'big' if k > 0 else 'small'}",
                      fix, source=(s.start, s.end), bead=bead.id)


RULES = (approximate_amount_scale,)
