"""MARK — markup: Markdown and HTML residue, unbalanced quotes and brackets, placeholders.

A plain-text target (``.txt``, extracted HTML) must not carry Markdown or HTML; a
Markdown target (``.md``) may, so there only genuinely stray markers are reported.
Bilingual files keep their own inline tags, which MARK004 compares with the source.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from typing import Iterator

from .base import Context, Hit, rule
from .typo import Regions, protected_regions

MARKUP = "Design and markup/Markup"
_MD_SUFFIXES = (".md", ".markdown")
_BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".sdlxliff", ".tmx", ".po", ".pot")
_CODE_RE = re.compile(r"```.*?```|`[^`\n]+`", re.S)
_BOLD_RE = re.compile(r"(?<![*\\])\*\*(?!\*)|(?<![_\w\\])__(?![_\s])|(?<=[^\s_])__(?![_\w])")
_HEADING_RE = re.compile(r"^[ \t]*(#{1,6})[ \t]+(?=\S)|(?<=[.!?:»\"”] )(#{2,6})[ \t]+(?=[^\W\d_])", re.M)
_LINK_RE = re.compile(r"(!?)\[([^\]\n]{1,200})\]\(((?:https?://|www\.|mailto:|/|#|\./)[^()\s]*)\)")
_TAG_RE = re.compile(
    r"</?[A-Za-z][\w.-]*(?::[\w.-]+)?(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*\s*/?>")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")


def _mode(ctx: Context) -> str:
    path = ctx.target.path.lower()
    if path.endswith(_MD_SUFFIXES):
        return "markdown"
    if path.endswith(_BILINGUAL_SUFFIXES):
        return "bilingual"
    return "plain"


def _code(ctx: Context) -> Regions:
    return ctx.memo("mark-code", lambda: Regions(
        [(m.start(), m.end()) for m in _CODE_RE.finditer(ctx.target.text)]))


def _finditer(pattern: re.Pattern, text: str, *needed: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, skipped when ``text`` holds none of the strings that
    every match contains (a quick test before a slow scan)."""
    return pattern.finditer(text) if any(n in text for n in needed) else iter(())


def _marker_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The marker plus the ordinary space that separates it from the text, so that
    deleting the span leaves clean text (`` **`` at a line end, ``** `` at a line start)."""
    prev = text[start - 1] if start else "\n"
    nxt = text[end] if end < len(text) else "\n"
    if nxt in "\r\n" and prev in " \t":
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    elif nxt in " \t" and (prev in " \t\r\n"):
        while end < len(text) and text[end] in " \t":
            end += 1
    return start, end


@rule(id="MARK001", literal_fix=True, name="markdown-residue", category=MARKUP, severity="minor",
      needs_translation=False)
def markdown_residue(ctx: Context) -> Iterator[Hit]:
    r"""Markdown markup left in a plain-text target.

    ## What it does
    In a plain-text target, reports bold markers `**` and `__` (paired or not; the span
    takes the ordinary space that separates a marker from the text, so that deleting
    the span leaves clean text), heading markers `#` at the start of a line or inside
    running text, and links `[text](url)`. In a Markdown target (`.md`) only stray bold
    markers are reported: markers with a space or a line end on both sides, which
    cannot open or close anything.

    ## Why is this bad?
    The reader of a plain-text or web article sees the asterisks and hashes: markup of
    the source or of the translation engine leaked into the text.

    ## Example
    ```text
    bad (fr): La finale aura lieu dimanche. **
    bad (fr): Le chef a **goûté** la sauce.
    bad (fr): ## Recette du jour\n\nPréchauffez le four.
    good (fr): La finale aura lieu dimanche.
    good (fr): Calcul : 2 * 3 = 6 et le mot-clé #recette.
    ```

    ## Options
    None.

    ## Known problems
    Python names such as `__init__` outside code spans are reported in plain text.
    """
    text = ctx.target.text
    mode = _mode(ctx)
    code = _code(ctx)
    for m in _finditer(_BOLD_RE, text, "**", "__"):
        if m.start() in code:
            continue
        prev = text[m.start() - 1] if m.start() else "\n"
        nxt = text[m.end()] if m.end() < len(text) else "\n"
        stray = prev.isspace() and nxt.isspace()
        if mode != "plain" and not stray:
            continue
        start, end = _marker_span(text, m.start(), m.end())
        what = "stray bold marker" if stray else "Markdown bold marker"
        yield Hit(start, end, f"{what} '{m.group(0)}' in the text: delete it", "")
    if mode != "plain":
        return
    for m in _finditer(_HEADING_RE, text, "#"):
        if m.start() in code:
            continue
        group = 1 if m.group(1) else 2
        yield Hit(m.start(group), m.end(), "Markdown heading marker in the text: delete it", "")
    for m in _finditer(_LINK_RE, text, "]("):
        if m.start() in code:
            continue
        if m.group(1):
            yield Hit(m.start(), m.end(), "Markdown image in the text", "")
        else:
            yield Hit(m.start(), m.end(), "Markdown link in the text: keep the link text only",
                      m.group(2))


@rule(id="MARK002", literal_fix=True, name="html-residue", category=MARKUP, severity="minor",
      needs_translation=False)
def html_residue(ctx: Context) -> Iterator[Hit]:
    r"""HTML or XML tags and character entities in a plain-text target.

    ## What it does
    In a plain-text target (not Markdown, not a bilingual file), reports tags such as
    `<b>`, `</p>`, `<br/>`, `<span class="x">` and character entities such as `&nbsp;`,
    `&amp;`, `&#233;`; the suggestion for an entity is the character it stands for.

    ## Why is this bad?
    The reader sees raw markup: the text was extracted or translated without decoding
    its HTML.

    ## Example
    ```text
    bad (fr): Le <b>match</b> commence à 20 h.
    bad (fr): Sel&nbsp;: une pincée.
    good (fr): Le match commence à 20 h, écrivez à <info@exemple.org> si 3 < 5.
    ```

    ## Options
    None.

    ## Known problems
    A comparison written without spaces (`a <b> c`) looks like a tag.
    """
    if _mode(ctx) != "plain":
        return
    text = ctx.target.text
    code = _code(ctx)
    for m in _TAG_RE.finditer(text):
        if m.start() not in code:
            yield Hit(m.start(), m.end(), f"HTML/XML tag {m.group(0)} in plain text: delete it", "")
    for m in _ENTITY_RE.finditer(text):
        decoded = html.unescape(m.group(0))
        if m.start() not in code and decoded != m.group(0):
            yield Hit(m.start(), m.end(), f"HTML entity {m.group(0)} in plain text", decoded)


_PAIRS = {"»": "«", "”": "“", ")": "(", "]": "["}
_QUOTE_LANGS = {"fr", "en", "es", "it", "pt", "nl", "ca", "gl", "eu", "oc", "br"}
_ENUM_RE = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}|[A-Za-z]|[ivx]{1,4})\)")
_SMILEY_RE = re.compile(r"[:;=]-?[()\[\]]|[()]-?[:;]|\^\^")
_MARK_RE = re.compile(r'[«“(\[»”)\]"]')


def _unbalanced(text: str, start: int, end: int, lang: str, skip: Regions) -> list[tuple[int, str]]:
    """(position, problem) of the marks of ``text[start:end]`` that have no partner."""
    quotes = lang in _QUOTE_LANGS
    chunk = text[start:end]
    marks = [(m.start(), m.group()) for m in _MARK_RE.finditer(chunk)]
    if not marks:
        return []
    # Enumerations (1) and emoticons :) are ignored when they close nothing.
    loose = {start + m.end() - 1 for m in _ENUM_RE.finditer(chunk)}
    loose |= {start + i for m in _SMILEY_RE.finditer(chunk) for i in range(m.start(), m.end())}
    n_straight = sum(1 for i, c in marks if c == '"' and not (i and chunk[i - 1].isdigit()))
    stack: list[tuple[str, int]] = []
    out: list[tuple[int, str]] = []
    for i, c in marks:
        p = start + i
        if p in skip or (p in loose and c in "(["):
            continue
        if c in "«“" and not quotes:
            continue
        if c in "«“([":
            stack.append((c, p))
        elif c in _PAIRS:
            if c in "»”" and not quotes:
                continue
            want = _PAIRS[c]
            if any(s == want for s, _ in stack):
                while stack[-1][0] != want:
                    s, q = stack.pop()
                    out.append((q, "open"))
                stack.pop()
            elif p not in loose:
                out.append((p, "close"))
        elif quotes and not (i and chunk[i - 1].isdigit()):  # straight quote
            if stack and stack[-1][0] == '"':
                stack.pop()
            elif n_straight % 2 and stack and stack[-1][0] in "«“":
                out.append((p, "mismatch"))
            else:
                stack.append((c, p))
    out.extend((q, "open") for _, q in stack)
    return sorted(out)


@rule(id="MARK003", literal_fix=True, name="unbalanced-marks", category="Linguistic conventions/Punctuation",
      severity="minor", needs_translation=False)
def unbalanced_marks(ctx: Context) -> Iterator[Hit]:
    r"""Quotation marks or brackets that open without closing, or close without opening.

    ## What it does
    In each paragraph of the target, pairs `«` with `»`, `“` with `”`, `(` with `)`,
    `[` with `]` and straight quotes `"` with each other, and reports each mark left
    alone: a `«` never closed (the span takes the space after it), a `)` that closes
    nothing, a lone straight `"` that ends a quotation opened with `«`. Enumerations
    such as `1)` and emoticons are left alone.

    ## Why is this bad?
    An unbalanced quote or bracket leaves the reader unsure where a quotation or an
    aside ends; it often shows a spurious mark added by the translation.

    ## Example
    ```text
    bad (fr): Le coach a promis «\u00a0une belle saison" aux supporters.
    bad (fr): Le vol (direct part à 8 h.
    good (fr): Le coach a promis «\u00a0une belle saison\u00a0» aux supporters (enfin).
    good (fr): Étapes : 1) laver, 2) couper :)
    ```

    ## Options
    None.

    ## Known problems
    A quotation that runs over several paragraphs, with `«` opening each of them and
    `»` only at the end, is reported unless the next paragraph opens with `«` or `»`.
    """
    text = ctx.target.text
    lang = (ctx.target.lang or "").split("-")[0].lower()
    skip = ctx.memo("protected-regions", lambda: protected_regions(text))
    blocks = ctx.target.blocks
    for n, block in enumerate(blocks):
        following = text[blocks[n + 1].start:blocks[n + 1].start + 1] if n + 1 < len(blocks) else ""
        for p, problem in _unbalanced(text, block.start, block.end, lang, skip):
            mark = text[p]
            if problem == "open":
                if mark == "«" and following in "«»" and following:
                    continue  # a quotation that goes on in the next paragraph
                end = p + 1
                if mark == "«":
                    while end < block.end and text[end] in " \u00a0\u202f":
                        end += 1
                yield Hit(p, end, f"'{mark}' is never closed in this paragraph")
            elif problem == "close":
                start = p
                if mark == "»":
                    while start > block.start and text[start - 1] in " \u00a0\u202f":
                        start -= 1
                yield Hit(start, p + 1, f"'{mark}' closes nothing in this paragraph")
            else:
                yield Hit(p, p + 1, "lone straight quote '\"' where the closing '»' or '”' is due")


_PH_RE = re.compile(
    r"\{\{\s*[\w.]+\s*\}\}"                                  # {{var}}
    r"|\$\{[\w.]+\}"                                         # ${var}
    r"|\{\s*[\w.]+\s*(?:[:,][^{}\n]*)?\}"                    # {0} {name} {0,number}
    r"|%\(\w+\)[-+0#]*\d*(?:\.\d+)?[sdifxXeEgGcr]"           # %(name)s
    r"|%\d+\$[-+0#]*\d*(?:\.\d+)?[sdifxXeEgGc@]"             # %1$s
    r"|%[-+0#]*\d*(?:\.\d+)?(?:ll|l|h|z)?[sdifuxXeEgGc@](?![A-Za-z])"  # %s %d %.2f
    r"|</?(?:x|g|bx|ex|ph|bpt|ept|it|mrk|pc|sc|ec|sub)\b[^<>]*?/?>")  # XLIFF/TMX inline tags


def _norm(ph: str) -> str:
    if ph.startswith("{{"):
        return "{{" + ph.strip("{} ") + "}}"
    if ph.startswith("<"):
        return re.sub(r"\s+", " ", ph)
    return ph


def _family(ph: str) -> str:
    return ph[:2] if ph[:2] in ("{{", "${", "%(") else ph[:1]


def placeholders(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(start, end, normalised form) of each placeholder or inline tag of ``text``."""
    return [(offset + m.start(), offset + m.end(), _norm(m.group(0))) for m in _PH_RE.finditer(text)]


@rule(id="MARK004", literal_fix=True, name="placeholder-mismatch", category=MARKUP, severity="major",
      needs=("source", "alignment"))
def placeholder_mismatch(ctx: Context) -> Iterator[Hit]:
    r"""Placeholders or inline tags of the source lost, altered or added in the target.

    ## What it does
    For each aligned pair of source and target sentences, compares the placeholders
    (`{0}`, `{name}`, `{{var}}`, `${var}`, `%s`, `%1$s`, `%(name)s`) and the inline tags
    of bilingual formats (`<x id="1"/>`, `<g id="2">…</g>`, `<ph>`, `<bpt>`…). A target
    placeholder that differs from a lost source placeholder is reported as altered (the
    suggestion is the source form); a lost one is reported on the target sentence; an
    added one on itself. Outside bilingual files a difference is reported only when the
    whole documents differ too, so that a misaligned sentence is not blamed.

    ## Why is this bad?
    Software fills placeholders at run time and rebuilds formatting from inline tags: a
    lost or altered one breaks the message or the layout.

    ## Example
    ```text
    source (en): Hello {name}, you have {count} new messages.
    bad (fr): Bonjour {nom}, vous avez {count} nouveaux messages.
    bad (fr): Bonjour, vous avez {count} nouveaux messages.
    good (fr): Bonjour {name}, vous avez {count} nouveaux messages.
    ```

    ## Options
    None.

    ## Known problems
    ICU plural and select messages with nested braces are compared only by their
    outer variable name.
    """
    src_doc = ctx.source
    tgt_text = ctx.target.text
    bilingual = _mode(ctx) == "bilingual"
    doc_src = Counter(p for _, _, p in placeholders(src_doc.text))
    doc_tgt = Counter(p for _, _, p in placeholders(tgt_text))
    if not doc_src and not doc_tgt:
        return
    for bead, srcs, tgts in ctx.pairs():
        if not srcs or not tgts:
            continue
        sp = [x for s in srcs for x in placeholders(s.text, s.start)]
        tp = [x for t in tgts for x in placeholders(t.text, t.start)]
        missing = list((Counter(p for *_, p in sp) - Counter(p for *_, p in tp)).elements())
        extra = list((Counter(p for *_, p in tp) - Counter(p for *_, p in sp)).elements())
        if not bilingual:
            missing = [p for p in missing if doc_tgt[p] < doc_src[p]]
            extra = [p for p in extra if doc_tgt[p] > doc_src[p]]
        lost_spans = []
        for ph in missing:
            s_start, s_end, _ = next(x for x in sp if x[2] == ph)
            twin = next((x for x in extra if _family(x) == _family(ph)), None)
            if twin is not None:
                extra.remove(twin)
                t_start, t_end, _ = next(x for x in tp if x[2] == twin)
                yield Hit(t_start, t_end, f"placeholder {ph} of the source altered to {twin}", ph,
                          source=(s_start, s_end), bead=bead.id)
            else:
                lost_spans.append((ph, s_start, s_end))
        if lost_spans:
            names = ", ".join(ph for ph, *_ in lost_spans)
            yield Hit(tgts[0].start, tgts[-1].end, f"placeholder {names} of the source missing in the target",
                      source=lost_spans[0][1:], bead=bead.id)
        for ph in extra:
            t_start, t_end, _ = next(x for x in tp if x[2] == ph)
            yield Hit(t_start, t_end, f"placeholder {ph} is not in the source", "", bead=bead.id)


RULES = (markdown_residue, html_residue, unbalanced_marks, placeholder_mismatch)
