"""PAGE — web-page chrome (share buttons, menus, disclaimers) mixed into an article.

Scraped translations often keep what surrounded the article on its web page: share and
comment widgets, counters (``0/500``), app promotion, a language menu, a disclaimer.
The detector works on physical lines of the target text:

1. each line gets evidence tags: a short line made mostly of UI words
   (``data/page_ui_words.txt``), a language autonym (``data/language_autonyms.txt``),
   a counter, disclaimer phrases (``data/page_disclaimer_cues.txt``), a bullet glyph, a
   script other than the document's, no sentence punctuation;
2. lines are *strong* (UI words, autonym, counter, disclaimer), *weak* (short, no
   sentence punctuation: could be chrome or a heading) or *text*;
3. maximal runs of strong/weak lines (blank lines allowed, a text line breaks the run)
   are trimmed of weak lines at both ends and kept when they hold at least
   ``page_min_lines`` strong lines with a strong share of at least one half;
4. a kept run is extended over adjacent disclaimer sentences and link lines; a run of
   disclaimers alone is kept only at the start or the end of the document;
5. two kept blocks separated by at most three lines that are not sentences (the
   headlines of a "read also" list) become one block.

With a source and an alignment, target lines in the trailing 0-1 beads (target text
with no source after the last aligned sentence) weigh half a strong line.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable

from ..textutil import fold, script_of
from .base import Context, Hit, rule

SHORT = 60  # a chrome line is short; a sentence of the article is rarely this short
MIN_LINES = 3  # strong lines a block needs (a heading or a byline is never chrome)
BULLETS = "•·▪▫◦‣∙●○■□►▸▹➤➢→-–—*+|>#"
_END_SENTENCE = re.compile(r"[.!?…:;。！？：；](?:[\"'»”’)\]）」』*\s]*)$")
_COUNTER = re.compile(r"\d[\d\s.,\u00a0\u202f]*[kKmM万]?(?:\s*/\s*\d[\d\s.,]*[kKmM]?)?")
_PAREN = re.compile(r"\s*[(（][^)）]*[)）]\s*$")
_LINES = re.compile(r"[^\r\n]+")


# -- data lists ----------------------------------------------------------------------

def _data_lines(name: str) -> list[str]:
    text = resources.files("toolkit.data").joinpath(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern:
    """One alternation: Latin phrases as whole words (boundaries checked once, outside
    the alternation, so most positions fail fast), CJK phrases anywhere."""
    words, cjk = [], []
    for phrase in sorted({fold(p) for p in phrases}, key=len, reverse=True):
        body = r"[\s\-]*".join(re.escape(w) for w in re.split(r"[\s\-]+", phrase))
        (words if any(ch.isascii() for ch in phrase) else cjk).append(body)
    parts = [rf"(?<!\w)(?:{'|'.join(words)})(?!\w)"] if words else []
    if cjk:
        parts.append("|".join(cjk))
    return re.compile("|".join(parts))


@functools.lru_cache(maxsize=None)
def ui_words() -> re.Pattern:
    """Compiled matcher of the UI words list (folded text)."""
    return _phrase_regex(_data_lines("page_ui_words.txt"))


@functools.lru_cache(maxsize=None)
def disclaimer_cues() -> re.Pattern:
    return _phrase_regex(_data_lines("page_disclaimer_cues.txt"))


@functools.lru_cache(maxsize=None)
def autonyms() -> frozenset[str]:
    return frozenset(_norm_name(n) for n in _data_lines("language_autonyms.txt"))


def _norm_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("ʻ", "‘").replace("'", "‘")
    return " ".join(_PAREN.sub("", name).split()).casefold()


# -- line analysis -------------------------------------------------------------------

@dataclass(frozen=True)
class Line:
    start: int
    end: int
    kind: str  # "strong" | "weak" | "text"
    tags: frozenset[str]
    cues: int = 0  # distinct disclaimer phrases


def analyse_line(text: str, main_script: str = "latin") -> tuple[str, frozenset[str], int]:
    """Kind, evidence tags and disclaimer-cue count of one line of text."""
    body = text.strip().lstrip(BULLETS).strip()
    tags = set()
    if body != text.strip():
        tags.add("bullet")
    folded = fold(body)
    short = len(body) <= SHORT
    ends = bool(_END_SENTENCE.search(body))
    cues = len({m.group(0) for m in disclaimer_cues().finditer(folded)})
    if cues:
        tags.add("disclaimer")
    if not body:
        return "weak", frozenset(tags), cues
    if len(body) <= 12 and _COUNTER.fullmatch(body):
        tags.add("counter")
    elif _norm_name(body) in autonyms():
        tags.add("autonym")
    elif short and _ui_coverage(folded) >= 0.4:
        tags.add("ui")
    if short and _line_script(body) not in (main_script, "common"):
        tags.add("script")
    strong = tags & {"counter", "autonym", "ui"} or cues >= 2
    if strong:
        return "strong", frozenset(tags), cues
    if short and (not ends or "script" in tags):
        return "weak", frozenset(tags), cues
    return "text", frozenset(tags), cues


def _ui_coverage(folded: str) -> float:
    letters = sum(ch.isalnum() for ch in folded)
    if not letters:
        return 0.0
    covered = sum(sum(ch.isalnum() for ch in m.group(0)) for m in ui_words().finditer(folded))
    squashed = "".join(ch for ch in folded if ch.isalnum())
    if not covered and squashed and ui_words().fullmatch(squashed):
        return 1.0  # "qrCode", "SignUp": UI words written without spaces
    return covered / letters


def _line_script(text: str) -> str:
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            s = script_of(ch)
            counts[s] = counts.get(s, 0) + 1
    return max(counts, key=counts.get) if counts else "common"


# -- blocks --------------------------------------------------------------------------

@dataclass(frozen=True)
class ChromeBlock:
    start: int
    end: int
    lines: int
    kinds: tuple[str, ...]


class _Overlaps:
    """Does ``[s, e)`` overlap one of the given ranges, i.e. is there a range ``(a, b)``
    with ``a < e`` and ``s < b``? The largest end among the ranges that start before
    ``e`` says it, in log time (a line per range was quadratic on long articles)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self.starts = [a for a, _ in ordered]
        self.reach, best = [], None
        for _, b in ordered:
            best = b if best is None or b > best else best
            self.reach.append(best)

    def __call__(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e)  # the ranges with a < e
        return k > 0 and s < self.reach[k - 1]


def find_chrome(text: str, trailing: Iterable[tuple[int, int]] = (),
                min_lines: int = MIN_LINES, translated: Iterable[tuple[int, int]] = ()) -> list[ChromeBlock]:
    """Page-chrome blocks of ``text``; ``trailing`` = target ranges with no source,
    ``translated`` = target ranges that surely translate a source sentence (article text:
    a block is never extended over them, e.g. an article's own closing risk warning)."""
    main = _line_script(text[:5000])
    unaligned, translates = _Overlaps(trailing), _Overlaps(translated)
    lines = []
    for m in _LINES.finditer(text):
        if not m.group(0).strip():
            continue
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        e = m.start() + len(m.group(0).rstrip())
        kind, tags, cues = analyse_line(m.group(0), main)
        if unaligned(s, e):
            tags = tags | {"unaligned"}
        if translates(s, e):
            tags, kind = tags | {"translated"}, "text"  # it renders a source sentence
        lines.append(Line(s, e, kind, tags, cues))
    blocks = []
    i = 0
    while i < len(lines):
        if lines[i].kind == "text":
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind != "text":
            j += 1
        run = _trim(lines, i, j)
        if run and _accept(lines, *run, min_lines):
            blocks.append(_extend(lines, *run))
        i = j
    return [_describe(lines, a, b) for a, b in _bridge(lines, _merge(blocks), text)]


MAX_GAP = 3  # lines between two blocks that a link list may fill


def _bridge(lines: list[Line], blocks: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join two chrome blocks separated by at most ``MAX_GAP`` lines that are no sentences
    (no closing punctuation, at most two short lines long, not a translation of the source):
    the headlines of a "read also" list, between share buttons and a cookie banner."""
    out: list[tuple[int, int]] = []
    for a, b in blocks:
        if out and a - out[-1][1] <= MAX_GAP and all(
                "translated" not in ln.tags and ln.end - ln.start <= 2 * SHORT
                and not _END_SENTENCE.search(text[ln.start:ln.end]) for ln in lines[out[-1][1]:a]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _trim(lines: list[Line], i: int, j: int) -> tuple[int, int] | None:
    while i < j and lines[i].kind != "strong":
        i += 1
    while j > i and lines[j - 1].kind != "strong":
        j -= 1
    return (i, j) if j > i else None


def _accept(lines: list[Line], i: int, j: int, min_lines: int) -> bool:
    run = lines[i:j]
    strong = [ln for ln in run if ln.kind == "strong"]
    points = len(strong) + sum(0.5 for ln in run if ln.kind == "weak" and "unaligned" in ln.tags)
    if all(ln.tags & {"disclaimer"} and not ln.tags & {"ui", "autonym", "counter"} for ln in strong):
        at_edge = i == 0 or j == len(lines)
        return at_edge and sum(ln.cues for ln in run) >= 3
    return len(strong) >= min_lines and points / len(run) >= 0.5


def _extend(lines: list[Line], i: int, j: int) -> tuple[int, int]:
    def joins(ln: Line) -> bool:
        if "translated" in ln.tags:
            return False
        return ln.cues >= 1 or bool(ln.tags & {"ui", "counter", "autonym"})

    while i > 0 and joins(lines[i - 1]):
        i -= 1
    while j < len(lines) and joins(lines[j]):
        j += 1
    return i, j


def _merge(blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in sorted(blocks):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


def _describe(lines: list[Line], i: int, j: int) -> ChromeBlock:
    run = lines[i:j]
    kinds = []
    if any(ln.cues for ln in run):
        kinds.append("disclaimer")
    if any(ln.tags & {"ui", "counter"} for ln in run):
        kinds.append("share/comment widgets and links")
    if sum("autonym" in ln.tags for ln in run) >= 3:
        kinds.append("language menu")
    return ChromeBlock(run[0].start, run[-1].end, len(run), tuple(kinds))


def trailing_unaligned(ctx: Context) -> list[tuple[int, int]]:
    """Target ranges of the 0-1 beads that end the alignment (text after the last source)."""
    if ctx.source is None or not ctx.beads:
        return []
    segs = ctx.target.segments
    out = []
    for bead in reversed(ctx.beads):
        if bead.src:
            break
        out.extend((segs[k].start, segs[k].end) for k in bead.tgt if k < len(segs))
    return out


def translated_ranges(ctx: Context, min_confidence: float = 0.8) -> list[tuple[int, int]]:
    """Target ranges of beads that pair text with a source sentence, confidently."""
    if ctx.source is None or not ctx.beads:
        return []
    segs = ctx.target.segments
    return [(segs[k].start, segs[k].end) for bead in ctx.beads
            if bead.src and bead.confidence >= min_confidence for k in bead.tgt if k < len(segs)]


def chrome_blocks(ctx: Context) -> list[ChromeBlock]:
    segs = ctx.target.segments
    if segs and all(s.kind == "unit" for s in segs):
        return []  # bilingual files: every unit was put there to be translated (UI strings too)
    min_lines = int(ctx.options.get("page_min_lines", MIN_LINES))
    return ctx.memo("page-chrome", lambda: find_chrome(ctx.target.text, trailing_unaligned(ctx), min_lines,
                                                       translated_ranges(ctx)))


def chrome_regions(ctx: Context) -> Iterable[tuple[int, int]]:
    """Target offsets of page-chrome blocks; the engine hides them from other rules."""
    return [(b.start, b.end) for b in chrome_blocks(ctx)]


@rule(id="PAGE001", name="web-page-chrome", category="Non-article content/Page chrome",
      severity="major", needs_translation=False, sees_chrome=True)
def web_page_chrome(ctx: Context) -> Iterable[Hit]:
    """Web-page chrome (share widgets, language menu, disclaimer) is mixed into the article.

    ## What it does
    Finds blocks of lines that belong to the web page around the article rather than to
    the article: runs of short lines made of UI words (share, comment, like, follow,
    download the app, log in, read more… in English, French, Spanish, German, Italian,
    Portuguese and Chinese), counters such as `0/500`, bullet glyphs, language menus
    (lines that are language names written in their own language, in several scripts),
    and the disclaimers printed next to them (third-party content, for information only,
    not financial advice). It reports one finding per block, spanning the whole block,
    and says what the block holds and how many lines it has; two blocks separated by up
    to three lines that are not sentences (the headlines of a *read also* list) are one
    block. The other rules do not
    look inside these blocks. Bilingual files (XLIFF, TMX, PO, CSV) are not checked:
    their units were extracted on purpose, and short UI strings are their normal content.

    ## Why is this bad?
    Text scraped with the article is not part of the translation: it inflates word
    counts and scores, hides the real errors in noise, and must not be published.

    ## Example
    ```text
    bad (fr): Le musée rouvre samedi après deux ans de travaux.\\nPartager\\nJ'aime\\nCommenter\\n0/500\\n• Deutsch\\n• Italiano\\n• 한국어
    bad (en): The ferry schedule changes on Monday.\\n\\nThis site may show third-party content for information purposes only. It is not financial advice and we do not guarantee its accuracy or completeness.
    good (fr): Ingrédients :\\n• 200 g de farine\\n• 3 œufs\\n• 1 pincée de sel\\nAuteur : Jeanne Martin\\nPhoto : Paul Roux
    good (fr): La nouvelle appli permet de partager un trajet et de commenter chaque étape.
    ```

    ## Options
    `page_min_lines` (default 3): strong lines (UI words, counters, autonyms) a block
    needs. A block of disclaimers alone must stand at the start or the end of the
    document and hold three disclaimer phrases. The word lists are data files:
    `page_ui_words.txt`, `language_autonyms.txt`, `page_disclaimer_cues.txt`.

    ## Known problems
    An article that itself lists UI labels or language names (a software manual, a
    review of an app) can be taken for chrome when three such lines follow each other.
    Chrome in a language outside the lists is found only through its counters,
    autonyms and bullets. Offsets are lines of the target text: chrome and article
    sharing one line are reported together.
    """
    for block in chrome_blocks(ctx):
        what = ", ".join(block.kinds) or "page widgets"
        yield Hit(block.start, block.end,
                  f"Web-page chrome, not article text: {what} ({block.lines} lines).",
                  "Delete the block: it was scraped from the page around the article.")


RULES = (web_page_chrome,)
