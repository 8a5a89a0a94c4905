"""NUM (format) — percentages and clock times written the French way.

NUM001 (:mod:`toolkit.rules.num`) checks the digits of a number; these rules check what
follows it: the space before a percent sign and the way a time of day is written in
running text. Both look at a French target alone.
"""
from __future__ import annotations

import re
from typing import Iterator

from .base import Context, Hit, rule
from .typo import is_french, protected_regions

NNBSP = "\u202f"

# a number, then no space or an ordinary space, then a percent or per-mille sign that
# ends the token (``%20`` in a URL, ``%d`` or ``%s`` placeholders are not percentages)
_PERCENT_RE = re.compile(r"(?<![\w.,%])(\d+(?:[.,\u202f\u00a0]\d+)*)( ?)([%‰])(?![\w%(])")
# a time of day in running text: after a preposition of time, or before "heure(s)"
_TIME_RE = re.compile(r"(?<![\d:.,/])([01]?\d|2[0-3]):([0-5]\d)(?![\d:.,/]\d|\d)")
_TIME_BEFORE_RE = re.compile(r"(?:^|[\s(])(?:à|vers|dès|avant|après|jusqu['’]à|entre|et|de|d['’]|"
                             r"depuis|aux alentours de|autour de|partir de)[\s\u00a0]+$", re.I)
_TIME_AFTER_RE = re.compile(r"[\s\u00a0]+(?:heures?|h\b|UTC|GMT|du (?:matin|soir)|heure locale)", re.I)


def _protected(ctx: Context):
    return ctx.memo("protected-regions", lambda: protected_regions(ctx.target.text))


@rule(id="NUM005", literal_fix=True, name="percent-sign-spacing", category="Locale conventions/Number format",
      severity="minor", needs_translation=False)
def percent_sign_spacing(ctx: Context) -> Iterator[Hit]:
    r"""A percent sign glued to its number, or after an ordinary space.

    ## What it does
    In a French target, reports `50%` and `50 %` written with an ordinary space; the
    suggestion puts U+202F NARROW NO-BREAK SPACE between the number and the sign (U+00A0
    is accepted too). The same for the per-mille sign `‰`. URLs, code, `%20`-style
    escapes and placeholders such as `%d` or `%(name)s` are left alone.

    ## Why is this bad?
    French typography separates the percent sign from its number by a no-break space:
    glued, it reads as English; with an ordinary space, the line may break between the
    number and its sign.

    ## Example
    ```text
    bad (fr): Les loyers ont augmenté de 12% en un an.
    bad (fr): Le taux de participation atteint 64 % dans la région.
    good (fr): Les loyers ont augmenté de 12\u202f% en un an, soit 3,5\u00a0% de plus.
    ```

    ## Options
    None.

    ## Known problems
    A percentage inside a quoted English title or a table copied as is is reported too.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    if "%" not in text and "‰" not in text:
        return
    protected = _protected(ctx)
    for m in _PERCENT_RE.finditer(text):
        if m.start() in protected or m.start(3) in protected or ctx.in_chrome(m.start()):
            continue
        what = "glued to its number" if not m.group(2) else "after an ordinary space"
        yield Hit(m.start(), m.end(), f"percent sign {what}: French puts a no-break space before it",
                  m.group(1) + NNBSP + m.group(3))


@rule(id="NUM006", literal_fix=True, name="french-time-format", category="Locale conventions/Number format",
      severity="minor", needs_translation=False)
def french_time_format(ctx: Context) -> Iterator[Hit]:
    r"""A time of day written `14:30` in French running text instead of `14 h 30`.

    ## What it does
    In a French target, reports a clock time `HH:MM` that stands in a sentence — after a
    preposition of time (*à*, *vers*, *dès*, *avant*, *après*, *jusqu’à*, *entre … et*,
    *depuis*) or before *heure(s)*, *UTC*, *heure locale* — and suggests `14 h 30` with
    no-break spaces. A time standing alone, as in a dateline or a timestamp
    (`12 mars 2025, 16:05`), is left alone, as are durations, scores and ratios
    (`3:1`), URLs and code.

    ## Why is this bad?
    French running text writes the hour with `h` (`14 h 30`): the colon form is the
    English or digital-display convention.

    ## Example
    ```text
    bad (fr): Le train part à 14:30 de la gare centrale.
    good (fr): Le train part à 14\u00a0h\u00a030 de la gare centrale.
    good (fr): Publié le 12 mars 2025, 16:05
    ```

    ## Options
    None.

    ## Known problems
    Timetables written in sentences (*départs à 6:10, 6:40, 7:10*) get one finding per
    time.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    if ":" not in text:
        return
    protected = _protected(ctx)
    for m in _TIME_RE.finditer(text):
        if m.start() in protected or ctx.in_chrome(m.start()):
            continue
        before = text[max(0, m.start() - 24):m.start()]
        if not (_TIME_BEFORE_RE.search(before) or _TIME_AFTER_RE.match(text, m.end())):
            continue
        hour, minute = m.group(1), m.group(2)
        yield Hit(m.start(), m.end(), "time written with a colon: French running text writes the hour with h",
                  f"{int(hour)}\u00a0h\u00a0{minute}")


RULES = (percent_sign_spacing, french_time_format)
