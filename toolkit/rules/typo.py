"""TYPO — French typography: no-break spaces, guillemets, apostrophes, spacing.

Every rule here looks at a French target alone (``needs_translation=False``) and skips
what is not running text: URLs, e-mail addresses, code spans, HTML tags and entities,
Markdown link targets (see :func:`protected_regions`). The rules must be precise: each
pattern they report is wrong in French whatever the context, and each exception
(times ``10:30``, ratios, emoticons, ``?!``, code such as ``a:b``) is left alone.
"""
from __future__ import annotations

import bisect
import functools
import re
from pathlib import Path
from typing import Iterator

from .base import Context, Hit, rule

NBSP, NNBSP = "\u00a0", "\u202f"
NO_BREAK = NBSP + NNBSP
CATEGORY = "Linguistic conventions/Punctuation"
DATA = Path(__file__).resolve().parent.parent / "data"

_PROTECTED_RE = re.compile(
    r"```.*?```"                                   # fenced code
    r"|`[^`\n]+`"                                  # inline code
    r"|(?:https?|ftp)://[^\s<>«»\"]+|www\.[^\s<>«»\"]+"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"               # e-mail addresses
    r"|</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>"        # HTML/XML tags
    r"|&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#x[0-9A-Fa-f]{1,6});"  # entities
    r"|\]\([^()\s]*\)"                             # Markdown link targets
    r"|\{\{[^{}\n]*\}\}|\{[\w.:,#-]*\}|%\(\w+\)[sdif]",  # placeholders
    re.S)
# The same without e-mail addresses, for text without "@" (that branch is slow to fail).
_PROTECTED_NO_AT_RE = re.compile(_PROTECTED_RE.pattern.replace(
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", ""), re.S)


class Regions:
    """Sorted, non-overlapping ranges with a fast membership test."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts = [s for s, _ in ranges]
        self.ranges = ranges

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and self.ranges[i][0] <= pos < self.ranges[i][1]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.ranges[i][1] > start


def protected_regions(text: str) -> Regions:
    """Ranges of ``text`` that are not running text (code, URLs, tags, placeholders)."""
    pattern = _PROTECTED_RE if "@" in text else _PROTECTED_NO_AT_RE
    return Regions([(m.start(), m.end()) for m in pattern.finditer(text)])


def is_french(ctx: Context) -> bool:
    return (ctx.target.lang or "").lower().startswith("fr")


def _protected(ctx: Context) -> Regions:
    return ctx.memo("protected-regions", lambda: protected_regions(ctx.target.text))


@functools.lru_cache(maxsize=1)
def emoticons() -> tuple[str, ...]:
    lines = (DATA / "typo_emoticons.txt").read_text(encoding="utf-8").splitlines()
    return tuple(sorted((x.strip() for x in lines if x.strip() and not x.startswith("#")),
                        key=len, reverse=True))


def _space_run_start(text: str, pos: int, chars: str = " \t") -> int:
    """Start of the run of ``chars`` that ends at ``pos``."""
    while pos > 0 and text[pos - 1] in chars:
        pos -= 1
    return pos


def _is_emoticon(text: str, pos: int) -> bool:
    if pos and not text[pos - 1].isspace():
        return False
    return any(text.startswith(e, pos) for e in emoticons())


@rule(id="TYPO001", literal_fix=True, name="space-before-high-punctuation", category=CATEGORY, severity="minor",
      needs_translation=False)
def space_before_high_punctuation(ctx: Context) -> Iterator[Hit]:
    r"""A French `:` `;` `!` or `?` without the no-break space it needs before it.

    ## What it does
    In a French target, finds a colon, semicolon, exclamation or question mark that is
    glued to the previous word (the span is the mark) or separated from it by an
    ordinary, breakable space (the span is the space and the mark). Either U+00A0
    NO-BREAK SPACE or U+202F NARROW NO-BREAK SPACE is accepted. A run such as `?!` is
    one mark.

    ## Why is this bad?
    French typography puts a (narrow) no-break space before these marks. Without it the
    text looks foreign; with an ordinary space the mark can be thrown alone to the start
    of the next line.

    ## Example
    ```text
    bad (fr): Le chef l’a dit: la sauce doit réduire.
    bad (fr): Qui a gagné la course ?
    good (fr): Le chef l’a dit\u00a0: la sauce doit réduire.
    good (fr): Qui a gagné la course\u202f? Rendez-vous à 10:30 sur https://exemple.org :)
    ```

    ## Options
    None. The suggestion uses U+00A0 before `:` and U+202F before `;`, `!` and `?`.

    ## Known problems
    A foreign-language quotation inside a French text (an English title ending in `?`)
    is reported too. Code outside backticks with `a:b` is left alone only when nothing
    separates the colon from what follows.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    protected = _protected(ctx)
    for m in re.finditer(r"[!?]+|[:;]", text):
        p, mark = m.start(), m.group(0)
        if p == 0 or p in protected:
            continue
        prev = text[p - 1]
        nxt = text[m.end()] if m.end() < len(text) else "\n"
        if prev in NO_BREAK or prev in "\n\r" or prev in "([{/\\" or (p - 1) in protected:
            continue
        if mark in ":;" and (_is_emoticon(text, p) or not (nxt.isspace() or nxt in "»”\"'),.*")):
            continue  # 10:30, a:b, std::vector, :) , &nbsp;
        if mark in "!?" and (nxt.isalnum() or nxt in "=&"):
            continue  # Yahoo!Mail, ?id=3
        fix = (NBSP if mark == ":" else NNBSP) + mark
        if prev in " \t":
            start = _space_run_start(text, p)
            if start == 0 or text[start - 1] in "\n\r" or text[start - 1] in NO_BREAK:
                continue
            yield Hit(start, m.end(), f"ordinary space before '{mark}': use a no-break space", fix)
        elif not prev.isspace():
            yield Hit(p, m.end(), f"no space before '{mark}': French puts a no-break space before it", fix)


@rule(id="TYPO002", literal_fix=True, name="guillemet-spacing", category=CATEGORY, severity="minor",
      needs_translation=False)
def guillemet_spacing(ctx: Context) -> Iterator[Hit]:
    r"""French guillemets « » without a no-break space inside them.

    ## What it does
    In a French target, finds an opening `«` not followed by a no-break space (U+00A0 or
    U+202F) and a closing `»` not preceded by one. The span is the guillemet with the
    ordinary space next to it (or the guillemet alone when there is no space). When both
    guillemets of a quotation are wrong, one finding covers the whole quotation.

    ## Why is this bad?
    French sets guillemets off with no-break spaces; an ordinary space lets a line end
    between the guillemet and the word it belongs to, and no space at all is not French.

    ## Example
    ```text
    bad (fr): Le marathon a été un « grand moment » pour la ville.
    bad (fr): Elle appelle ce plat «sa signature».
    good (fr): Le marathon a été un «\u00a0grand moment\u00a0» pour la ville.
    ```

    ## Options
    None. The suggestion uses U+00A0.

    ## Known problems
    Guillemets used as arrows or as the quotation marks of another language inside a
    French text are reported too.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    protected = _protected(ctx)
    opens: list[tuple[int, int, bool]] = []   # start, end, bad
    for m in re.finditer("«", text):
        p = m.start()
        if p in protected:
            continue
        nxt = text[p + 1] if p + 1 < len(text) else "\n"
        if nxt in "\n\r" or nxt == "»":
            continue
        if nxt in NO_BREAK:
            opens.append((p, p + 1, False))
            continue
        end = p + 1
        while end < len(text) and text[end] in " \t":
            end += 1
        opens.append((p, end, True))
    closes: list[tuple[int, int, bool]] = []
    for m in re.finditer("»", text):
        p = m.start()
        if p in protected or p == 0:
            continue
        prev = text[p - 1]
        if prev in "\n\r" or prev == "«":
            continue
        if prev in NO_BREAK:
            closes.append((p, p + 1, False))
            continue
        start = _space_run_start(text, p)
        closes.append((start, p + 1, True))
    used_closes: set[int] = set()
    hits: list[Hit] = []
    for i, (os_, oe, obad) in enumerate(opens):
        nxt_open = opens[i + 1][0] if i + 1 < len(opens) else len(text)
        pair = next((c for c in closes if os_ < c[0] < nxt_open), None)
        if pair and "\n" not in text[os_:pair[1]] and obad and pair[2]:
            inner = text[oe:pair[1] - 1].strip(" \t")
            hits.append(Hit(os_, pair[1], "guillemets without no-break spaces inside",
                            f"«{NBSP}{inner}{NBSP}»"))
            used_closes.add(pair[0])
        elif obad:
            hits.append(Hit(os_, oe, "no no-break space after '«'", "«" + NBSP))
    for cs, ce, cbad in closes:
        if cbad and cs not in used_closes:
            hits.append(Hit(cs, ce, "no no-break space before '»'", NBSP + "»"))
    yield from hits


def _straight_quotes(text: str, start: int, end: int, protected: Regions) -> list[int]:
    out = []
    for m in re.finditer('"', text[start:end]):
        p = start + m.start()
        if p in protected:
            continue
        prev = text[p - 1] if p else " "
        if prev.isdigit():
            continue  # 15" (inches, seconds)
        if prev == "=" or text[p + 1:p + 2] == ":":
            continue  # attribute="…", "key": value
        out.append(p)
    return out


@rule(id="TYPO003", literal_fix=True, name="straight-double-quotes", category=CATEGORY, severity="minor",
      needs_translation=False)
def straight_double_quotes(ctx: Context) -> Iterator[Hit]:
    r"""Straight double quotes `"…"` in French running text.

    ## What it does
    In a French target, finds pairs of straight quotes `"` in a paragraph and reports
    each of them: the opening one (with any ordinary space after it) should become
    `«` + no-break space, the closing one (with any ordinary space before it) no-break
    space + `»`. A paragraph with an odd number of straight quotes is left to MARK003
    (unbalanced quotes).

    ## Why is this bad?
    French quotes with guillemets; straight quotes are a typewriter or keyboard
    leftover, common in machine translation from English or Chinese.

    ## Example
    ```text
    bad (fr): Le guide parle d’un "trésor caché" au bord du lac.
    good (fr): Le guide parle d’un «\u00a0trésor caché\u00a0» au bord du lac.
    good (fr): L’écran mesure 15" et le code est `print("ok")`.
    ```

    ## Options
    None.

    ## Known problems
    Quotes inside code that is not marked as code (no backticks) are reported.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    protected = _protected(ctx)
    for block in ctx.target.blocks:
        chunk = text[block.start:block.end]
        if "{" in chunk and "}" in chunk:
            continue  # looks like code or JSON
        quotes = _straight_quotes(text, block.start, block.end, protected)
        if len(quotes) < 2 or len(quotes) % 2:
            continue
        for q_open, q_close in zip(quotes[::2], quotes[1::2]):
            if "\n" in text[q_open:q_close]:
                continue
            end = q_open + 1
            while end < len(text) and text[end] in " \t":
                end += 1
            yield Hit(q_open, end, 'straight opening quote: French uses «', "«" + NBSP)
            start = _space_run_start(text, q_close)
            yield Hit(start, q_close + 1, 'straight closing quote: French uses »', NBSP + "»")


_APOSTROPHE_RE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")


@rule(id="TYPO004", literal_fix=True, name="mixed-apostrophes", category=CATEGORY, severity="minor",
      needs_translation=False)
def mixed_apostrophes(ctx: Context) -> Iterator[Hit]:
    r"""Straight and typographic apostrophes mixed in one text.

    ## What it does
    Counts the apostrophes between letters (`l'eau`, `l’eau`) of a French target
    outside page chrome. When both the straight `'` and the typographic `’` occur, the
    one used most is the house style and every occurrence of the other is reported
    (a tie counts for `’`).

    ## Why is this bad?
    A text should use one apostrophe. Mixed apostrophes show pasted or patched text and
    break searches for a word.

    ## Example
    ```text
    bad (fr): L’équipe d’Italie a gagné l’étape, puis l'arrivée.
    good (fr): L’équipe d’Italie a gagné l’étape, puis l’arrivée.
    good (fr): L'équipe d'Italie a gagné l'étape, puis l'arrivée.
    ```

    ## Options
    None.

    ## Known problems
    A text that deliberately quotes code or English with straight apostrophes inside a
    text using `’` is reported.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    protected = _protected(ctx)
    found = [m.start() for m in _APOSTROPHE_RE.finditer(text)
             if m.start() not in protected and not ctx.in_chrome(m.start())]
    straight = [p for p in found if text[p] == "'"]
    curly = [p for p in found if text[p] == "’"]
    if not straight or not curly:
        return
    if len(curly) >= len(straight):
        wrong, right, n_right = straight, "’", len(curly)
    else:
        wrong, right, n_right = curly, "'", len(straight)
    for p in wrong:
        yield Hit(p, p + 1, f"apostrophe {text[p]} in a text that uses {right} "
                            f"({n_right} to {len(wrong)})", right)


@rule(id="TYPO005", literal_fix=True, name="bad-spacing", category=CATEGORY, severity="minor",
      needs_translation=False)
def bad_spacing(ctx: Context) -> Iterator[Hit]:
    r"""A space before a comma or a period, or several spaces in a row.

    ## What it does
    In a French target, finds spaces right before `,` or `.` (the span is the spaces and
    the mark) and runs of two or more ordinary spaces between words (the span is the
    run). An ellipsis, a file extension (`.txt`) or a decimal (`.5`) is left alone, and
    so is indentation at the start of a line.

    ## Why is this bad?
    No space goes before a comma or a period in French; doubled spaces are typing or
    conversion leftovers.

    ## Example
    ```text
    bad (fr): Le train part à midi , pas avant.
    bad (fr): Le train part à midi.  Il arrive le soir.
    good (fr): Le train part à midi, pas avant. Il arrive le soir (voir horaires.pdf)...
    ```

    ## Options
    None.

    ## Known problems
    Text laid out in columns with spaces is reported.
    """
    if not is_french(ctx):
        return
    text = ctx.target.text
    protected = _protected(ctx)
    for m in re.finditer(r"[ \t\u00a0\u202f]+([,.])", text):
        p = m.start(1)
        if p in protected or m.start() == 0:
            continue
        before = text[m.start() - 1]
        after = text[p + 1] if p + 1 < len(text) else "\n"
        if before in "\n\r([«\u2026" or after.isalnum() or (text[p] == "." and after == "."):
            continue
        yield Hit(m.start(), p + 1, f"space before '{text[p]}'", text[p])
    for m in re.finditer(r"(?<=[^\s]) {2,}(?=[^\s])", text):
        if m.start() in protected:
            continue
        yield Hit(m.start(), m.end(), f"{len(m.group(0))} spaces in a row", " ")


RULES = (space_before_high_punctuation, guillemet_spacing, straight_double_quotes,
         mixed_apostrophes, bad_spacing)
