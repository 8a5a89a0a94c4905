"""ENT — names and codes of the source that the target lost."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterable

from ..lexicon import (acronyms_en_fr, case_key, find_word, is_acronym, may_contain, tokens,
                       word_pattern, zipf)
from ..model import Severity
from ..readers.base import base_lang
from ..textutil import CJK_LANGS, CJK_RE, fold
from .base import Context, Hit, rule

# A Latin token of a CJK source: letters and digits, with inner - . + & (GPT-4o, X5, R&D).
CODE_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9&+.\-]*[A-Za-z0-9+])?")
COMMON_EN = 4.0   # an English word this frequent inside a CJK source is usually translated
RARE_EN = 3.5     # a capitalised English name with a word rarer than this is a proper name
NOUN_CAPITALISING = {"de", "lb", "gsw"}  # languages that capitalise every noun
FUZZY_PREFIX = 5  # names of this length or more match on their first letters (Zurich ~ Zürich)


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int


def _cjk_names(text: str, base: int) -> list[Name]:
    out = []
    for m in CODE_RE.finditer(text):
        word = m.group()
        letters = sum(c.isalpha() for c in word)
        if letters == 0 or len(word) < 2:
            continue
        if not any(c.isdigit() for c in word) and zipf(word.lower(), "en") >= (
                COMMON_EN if not is_acronym(word) or len(word) > 3 else 9):
            continue  # "App", "Logo", "NEW": ordinary words that get translated
        out.append(Name(word, base + m.start(), base + m.end()))
    return out


ORDINAL_RE = re.compile(r"^\d+(?:st|nd|rd|th|s|er|re|e|ème|nd|ten|te)$", re.I)


def _code_part(word: str) -> str | None:
    """``COVID-19-infected`` → ``COVID-19``; ``30-day``, ``1930s``, ``53rd`` → None."""
    parts = word.split("-")
    while parts and parts[-1].isalpha() and parts[-1].islower():
        parts.pop()
    while parts and parts[0].isalpha() and parts[0].islower():
        parts.pop(0)
    code = "-".join(parts)
    if not code or not any(c.isalpha() for c in code) or ORDINAL_RE.match(code):
        return None
    if not any(c.isdigit() for c in code) and not is_acronym(code):
        return None
    return code if len(code) >= 2 else None


@functools.lru_cache(maxsize=8192)  # ENT001 and ENT002 read the same sentences
def _latin_names(text: str, base: int, capitals: bool = True) -> tuple[Name, ...]:
    """Acronyms, codes, and capitalised sequences holding a rare word (a proper name)."""
    return tuple(_find_latin_names(text, base, capitals))


def _find_latin_names(text: str, base: int, capitals: bool) -> list[Name]:
    out = []
    toks = tokens(text, split_elision=False)
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.has_digit or is_acronym(t.text):
            # acronyms are often translated between Latin-script languages (COPD → BPCO):
            # only codes holding a digit are checked (X7, COVID-19)
            code = _code_part(t.text) if t.has_digit else None
            if code:
                k = t.text.index(code)
                out.append(Name(code, base + t.start + k, base + t.start + k + len(code)))
            i += 1
            continue
        if capitals and t.text[:1].isupper() and not t.initial:
            j = i
            while j + 1 < len(toks) and toks[j + 1].text[:1].isupper() and \
                    text[toks[j].end:toks[j + 1].start] in (" ", "-"):
                j += 1
            words = [w.text for w in toks[i:j + 1]]
            if any(zipf(w.lower(), "en") < RARE_EN for w in words):
                out.append(Name(" ".join(words), base + toks[i].start, base + toks[j].end))
            i = j + 1
            continue
        i += 1
    return out


def _initials(text: str) -> set[str]:
    words = [t.text for t in tokens(text, split_elision=False)]
    caps = [w[0].lower() for w in words]
    return {"".join(caps[i:i + n]) for n in range(2, 6) for i in range(len(caps) - n + 1)}


QUANTITY_RE = re.compile(r"(\d+)(?:[.,](\d+))?([A-Za-z]+)")


def _quantity_present(name: str, window: str) -> bool:
    """``14.6GWh`` is written ``14,6 GWh`` in French: same digits, any decimal mark and space."""
    m = QUANTITY_RE.fullmatch(name)
    if not m:
        return False
    whole, frac, unit = m.groups()
    number = re.escape(whole) + (r"[.,]" + re.escape(frac) if frac else "")
    return re.search(r"(?<![\d.,])" + number + r"[\s\u00a0\u202f]*" + re.escape(unit) + r"(?!\w)",
                     window) is not None


GLUED_RE = re.compile(r"^(?:([A-Za-z]{2,})(\d[\d.\-]{2,})|(\d[\d.\-]{2,})([A-Za-z]{2,}))$")


def _glued_code_present(name: str, window: str) -> bool:
    """A code glued to a common word (``4711Pay``, ``Web2048``): the word is translated
    (*le service de paiement 4711*), the code part must be there."""
    m = GLUED_RE.match(name)
    if not m:
        return False
    word, code = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
    if zipf(word.lower(), "en") < RARE_EN:
        return False
    return re.search(r"(?<![\w.,])" + re.escape(code) + r"(?![\w]|[.,]\d)", window) is not None


def _present(name: str, window: str, folded: str | Callable[[], str], renderings: Iterable[str]) -> bool:
    """``folded`` is the window folded, or a function giving it (only asked for when needed)."""
    if _quantity_present(name, window) or _glued_code_present(name, window):
        return True
    for form in (name, *renderings):
        if any(True for _ in find_word(form, window)):
            return True
    if callable(folded):
        folded = folded()
    key = fold(name)
    parts = [p for p in re.split(r"[\s\-]+", key) if p]
    if len(parts) > 1 and any(len(p) >= 3 and zipf(p, "en") < RARE_EN and re.search(
            r"(?<!\w)" + re.escape(p[:FUZZY_PREFIX]), folded) for p in parts):
        return True
    if not any(c.isdigit() for c in key) and len(key) >= FUZZY_PREFIX + 1 and \
            re.search(r"(?<!\w)" + re.escape(key[:FUZZY_PREFIX]), folded):
        return True
    if is_acronym(name) and name.isalpha() and name.lower() in _initials(window):
        return True
    return False


def _used(name: str, text: str, renderings: Iterable[str], key: str | None = None) -> bool:
    """The name, a rendering of it, or one of its rare words, written as such in ``text``
    (``key``: ``lexicon.case_key`` of ``text``, to skip forms it cannot hold)."""
    rare = [w for w in re.split(r"[\s\-]+", name) if len(w) >= 4 and zipf(w.lower(), "en") < RARE_EN]
    return any((key is None or may_contain(form, key)) and word_pattern(form).search(text)
               for form in (name, *renderings, *rare))


def _renderings(ctx: Context, name: str) -> list[str]:
    out = list(acronyms_en_fr().get(name, ())) if base_lang(ctx.target.lang) == "fr" else []
    for e in ctx.glossary or ():
        if e.source.lower() == name.lower() or (name in e.source and CJK_RE.search(e.source)):
            out.extend(e.targets)
    return out


# A paragraph longer than this is a text without blank lines (one block for the whole
# article): its lines stand for paragraphs, so that a window stays local and the rule
# linear in the length of the text. Real paragraphs are far shorter.
PARAGRAPH_MAX = 3000


def _windows(ctx: Context) -> list[str]:
    """For each bead, the target text of its paragraph(s) and of the beads around it
    (once per article: ENT001, ENT002 and ENT003 read them)."""
    return ctx.memo("ent:windows", lambda: _bead_windows(ctx))


def _bead_windows(ctx: Context) -> list[str]:
    tgt = ctx.target
    blocks = {b.index: b for b in tgt.blocks}
    beads = list(ctx.beads)
    piece_of: dict[int, str] = {}
    out = []
    for k, bead in enumerate(beads):
        pieces = []
        for b in beads[max(0, k - 1):k + 2]:
            for i in b.tgt:
                if i not in piece_of:
                    piece_of[i] = _paragraph(tgt, tgt.segments[i], blocks.get(tgt.segments[i].block))
                pieces.append(piece_of[i])
        out.append("\n".join(dict.fromkeys(pieces)))
    return out


def _paragraph(doc, seg, block) -> str:
    """The paragraph of ``seg``: its block; in an overlong block, its line (or itself)."""
    if block is None:
        return seg.text
    if block.end - block.start <= PARAGRAPH_MAX:
        return doc.text[block.start:block.end]
    start = doc.text.rfind("\n", block.start, seg.start) + 1 or block.start
    end = doc.text.find("\n", seg.end, block.end)
    end = block.end if end == -1 else end
    if end - start <= PARAGRAPH_MAX:
        return doc.text[max(start, block.start):end]
    return seg.text


class _Lazy:
    """``f(arg)``, computed on the first call only."""

    def __init__(self, f: Callable[[str], str], arg: str) -> None:
        self.f, self.arg, self.value = f, arg, None

    def __call__(self) -> str:
        if self.value is None:
            self.value = self.f(self.arg)
        return self.value


@rule(id="ENT001", name="missing-name", category="Accuracy/Omission", severity="minor",
      needs=("source", "alignment"))
def missing_name(ctx: Context) -> Iterable[Hit]:
    """A name or code of the source sentence is missing from the target.

    ## What it does
    Collects the names of each source sentence: Latin tokens of a Chinese, Japanese or
    Korean source (model names, product codes, acronyms), and in a Latin-script source
    the codes holding a digit and the capitalised names holding at least one rare word
    (only codes for German, which capitalises every noun). Each must
    appear in the target paragraph of the aligned sentence or of its neighbours (±1 bead,
    to survive alignment errors), case-insensitively, as itself, as its glossary
    rendering, as the usual French form of an acronym (AI → IA), spelt out (AWS → Amazon
    Web Services), or for long names with the same first letters (Zurich → Zürich).
    In a text without blank lines (one block of thousands of characters), each line
    stands for a paragraph. A code holding a digit is major (a model number is meaning), other names minor.
    For a Latin-script source, a name is only reported when the translation uses it
    elsewhere: acronyms and names are often translated between such languages
    (COPD → BPCO), and a name the translation never uses was adapted, not lost.

    ## Why is this bad?
    A lost name or model number changes who or what the sentence is about; it is the
    most visible kind of omission.

    ## Example
    ```text
    source (zh): 这款X7跑步机适合家庭使用。
    bad (fr): Ce tapis de course convient à un usage domestique.
    good (fr): Ce tapis de course X7 convient à un usage domestique.
    ```
    ```text
    source (en): Kowalczyk Partners approved the loan.\\n\\nRates rose.\\n\\nIt was signed by Kowalczyk Partners.
    bad (fr): Kowalczyk Partners a approuvé le prêt.\\n\\nLes taux ont monté.\\n\\nIl a été signé hier.
    good (fr): Kowalczyk Partners a approuvé le prêt.\\n\\nLes taux ont monté.\\n\\nIl a été signé par Kowalczyk Partners.
    ```
    ```text
    source (zh): 该医院引进了AI辅助诊断系统。
    good (fr): L’hôpital a adopté un système de diagnostic assisté par IA.
    ```

    ## Options
    None. A name with a translated form can be given in the glossary.

    ## Known problems
    English names made of common words (*White House*), translated exonyms and the
    acronyms of a Latin-script source (often translated: COPD → BPCO) are not checked. Latin tokens of a CJK source that are ordinary English words (*App*) are
    skipped.
    """
    if ctx.source is None or not ctx.beads:
        return
    lang = base_lang(ctx.source.lang)
    cjk = lang in CJK_LANGS
    proper = lang not in NOUN_CAPITALISING  # capitals mark names, not German nouns
    windows = _windows(ctx)
    whole = "\n".join(s.text for s in ctx.article_segments())
    whole_key = case_key(whole)
    used: dict[tuple[str, tuple[str, ...]], bool] = {}  # the same name asked again
    for k, (bead, src, tgt) in enumerate(ctx.pairs()):
        if not src or not tgt or any(ctx.in_chrome(t.start, t.end) for t in tgt):
            continue
        window = windows[k]
        folded = _Lazy(fold, window)
        seen = set()
        for seg in src:
            names = _cjk_names(seg.text, seg.start) if cjk else _latin_names(seg.text, seg.start, proper)
            for n in names:
                if n.text.lower() in seen:
                    continue
                seen.add(n.text.lower())
                renderings = _renderings(ctx, n.text)
                if _present(n.text, window, folded, renderings):
                    continue
                key = (n.text, tuple(renderings))
                if not cjk and key not in used:
                    used[key] = _used(n.text, whole, renderings, whole_key)
                if not cjk and not used[key]:
                    continue  # never in the translation as such: translated or adapted
                major = any(c.isdigit() for c in n.text)
                yield Hit(tgt[0].start, tgt[-1].end, f"'{n.text}' of the source is missing from "
                          "the translation", f"keep '{n.text}'", source=(n.start, n.end), bead=bead.id,
                          severity=Severity.MAJOR if major else None)


RULES = (missing_name,)
