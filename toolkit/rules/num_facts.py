"""NUM — dates and currencies of the source changed in the translation.

The second module of the NUM family (:mod:`toolkit.rules.num` has number format and
values). Dates and currencies are read by :mod:`toolkit.dates`.
"""
from __future__ import annotations

from typing import Iterable

from ..dates import DateMention, currencies_agree, currency_at, find_dates
from ..numbers import values_match
from .base import Context, Hit, rule
from .num import _in, _lang, _mentions, _windows

MIN_CONFIDENCE = 0.5


def _dates(ctx: Context, side: str) -> list[DateMention]:
    doc = ctx.target if side == "target" else ctx.source
    return ctx.memo(f"dates-{side}", lambda: find_dates(doc.text, _lang(doc)))


@rule(id="NUM003", name="date-mismatch", category="Accuracy/Mistranslation", severity="major",
      needs=("source", "alignment"))
def date_mismatch(ctx: Context) -> Iterable[Hit]:
    r"""A date or year of the source written as another date in the translation.

    ## What it does
    Reads the dates of each aligned pair of sentences — `14 March 2025`, `March 14`,
    `12 juin 2025`, `1er mai`, `2025年6月12日`, `6月20日`, and years alone (`1965`,
    `1965年`) — as year, month and day. A source date that no target date nearby agrees
    with (same value in every field both state) is reported on the one target date of
    the sentence that states the same fields and agrees with no source date, with the
    source date as the fix.

    ## Why is this bad?
    A wrong day, month or year moves an event: a deadline, a hearing, a record. Number
    checks leave dates alone because their numbers are not quantities.

    ## Example
    ```text
    source (en): The ferry service resumes on 21 April 2026.
    bad (fr): Le service de ferry reprendra le 12 avril 2026.
    good (fr): Le service de ferry reprendra le 21 avril 2026.
    ```
    ```text
    source (zh): 该博物馆建于1928年。
    bad (fr): Le musée a été construit en 1982.
    good (fr): Le musée a été construit en 1928.
    ```

    ## Options
    None.

    ## Known problems
    A date rewritten relatively (*l’an dernier* for 2024) is not checked; a date that
    the source states in another sentence of the same paragraph counts as present.
    """
    src_all, tgt_all = _dates(ctx, "source"), _dates(ctx, "target")
    if not src_all or not tgt_all:
        return
    for bead, srcs, tgts in ctx.pairs():
        if not srcs or not tgts or bead.confidence < MIN_CONFIDENCE:
            continue
        s_dates = _in(src_all, srcs[0].start, srcs[-1].end)
        if not s_dates:
            continue
        t_dates = _in(tgt_all, tgts[0].start, tgts[-1].end)
        s_win, t_win = _windows(ctx, srcs, tgts)
        near_t = [d for s, e in t_win for d in _in(tgt_all, s, e)]
        near_s = [d for s, e in s_win for d in _in(src_all, s, e)]
        for s in s_dates:
            if any(s.agrees(t) for t in near_t):
                continue
            stray = [t for t in t_dates if t.fields == s.fields and not any(t.agrees(x) for x in near_s)]
            if len(stray) == 1:
                t = stray[0]
                said = ctx.source.text[s.start:s.end]
                yield Hit(t.start, t.end, f"the source says {said} ({s.describe()}), the translation "
                          f"{ctx.target.text[t.start:t.end]} ({t.describe()})",
                          "Write the date of the source.", source=(s.start, s.end), bead=bead.id)


@rule(id="NUM004", name="currency-mismatch", category="Accuracy/Mistranslation", severity="major",
      needs=("source", "alignment"))
def currency_mismatch(ctx: Context) -> Iterable[Hit]:
    r"""An amount of the source translated with the same value in another currency.

    ## What it does
    For each number of an aligned source sentence that carries a currency (`$5`,
    `£2.4m`, `5 euros`, `1800万元`, `300美元`) and the target number that matches its
    value, reads the currency written around the target number (`5 dollars`,
    `2,4 millions de livres`, `300 €`). When both carry a currency and they differ, the
    target currency is reported. A bare `$` agrees with every dollar, a bare `¥` with the
    yen and the yuan.

    ## Why is this bad?
    Pounds turned into dollars or yuan into euros change the amount as surely as a wrong
    digit, and a number check sees the right digits.

    ## Example
    ```text
    source (en): The bakery raised £40,000 from its customers.
    bad (fr): La boulangerie a levé 40 000 dollars auprès de ses clients.
    good (fr): La boulangerie a levé 40 000 livres auprès de ses clients.
    ```
    ```text
    source (zh): 这张门票售价300元。
    bad (fr): Ce billet coûte 300 euros.
    good (fr): Ce billet coûte 300 yuans.
    ```

    ## Options
    None.

    ## Known problems
    An amount converted into another currency has another value and is left to NUM002.
    """
    src_lang, tgt_lang = _lang(ctx.source), _lang(ctx.target)
    src_all, tgt_all = _mentions(ctx, "source"), _mentions(ctx, "target")
    for bead, srcs, tgts in ctx.pairs():
        if not srcs or not tgts or bead.confidence < MIN_CONFIDENCE:
            continue
        t_ment = [m for t in tgts for m in _in(tgt_all, t.start, t.end)]
        for s in (m for x in srcs for m in _in(src_all, x.start, x.end)):
            s_cur = currency_at(ctx.source.text, src_lang, s.start, s.end)
            if s_cur is None:
                continue
            for t in t_ment:
                if not values_match(s, t):
                    continue
                t_cur = currency_at(ctx.target.text, tgt_lang, t.start, t.end)
                if t_cur and not currencies_agree(s_cur[0], t_cur[0]):
                    yield Hit(t_cur[1], t_cur[2], f"the source amount {s.text} is in {s_cur[0]}, the "
                              f"translation writes {ctx.target.text[t_cur[1]:t_cur[2]]} ({t_cur[0]})",
                              "Keep the currency of the source.", source=(s_cur[1], s_cur[2]), bead=bead.id)
                break


RULES = (date_mismatch, currency_mismatch)
