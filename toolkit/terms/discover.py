"""Candidate terms found without a glossary.

* **Source names kept in the target**: Latin-script tokens in a CJK source (product
  names, codes, acronyms) and, in a Latin-script source, capitalised multi-word names or
  tokens with inner capitals or digits, seen at least twice. Each occurrence is looked up
  in its aligned target: the same form up to case, hyphens and spaces, else a word that
  starts like it (a respelling, e.g. an invented *Zentrix* → *zentrixes*), else a miss.
* **Target-side variants**: words or short word groups of the target that are the same
  form up to case, hyphens or spacing (an invented *OpenFoo / Openfoo / Open-Foo*), where
  the variants differ by more than the case of the first letter (sentence starts) and
  by more than the capital of a common word heading a name (*l’Office national …* /
  *l’office*).

Results are marked ``discovered``; they are scored like glossary terms.
"""
from __future__ import annotations

import re
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Article, Document
from ..readers.base import base_lang
from ..textutil import is_cjk_lang
from .analysis import ArticleTerms, Occurrence, analyse_article
from .matcher import Match
from .text import display_key, vkey
from .words import document_words

LATIN_IN_CJK = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
NAME_RE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+|\b[A-Za-z]+[A-Z0-9][\w-]*")
MIN_REPEAT = 2
_FOUND: "OrderedDict[tuple, list[Candidate]]" = OrderedDict()


@dataclass
class Candidate:
    key: str
    label: str
    source: str | None
    origin: str  # "source" | "target-variants"
    occurrences: list[Occurrence] = field(default_factory=list)

    def renderings(self) -> Counter:
        return Counter(o.rendering for o in self.occurrences if o.rendering is not None)


def discover(article: Article, exclude: Iterable[str] = (), window: int = 1) -> list[Candidate]:
    """Candidate terms of ``article``; ``exclude`` holds variant keys (see ``text.vkey``)
    of terms already in the glossary."""
    skip = frozenset(k for k in exclude if k)
    src = article.source
    key = (article.name, article.target.path, article.target.text, src.text if src else None,
           article.beads, skip, window)
    if key in _FOUND:
        _FOUND.move_to_end(key)
        return _FOUND[key]
    out = _FOUND[key] = _discover(article, skip, window)
    if len(_FOUND) > 16:
        _FOUND.popitem(last=False)
    return out


def _discover(article: Article, skip: frozenset, window: int) -> list[Candidate]:
    out = _source_names(article, skip, window) if article.source is not None and article.beads else []
    taken = {c.key for c in out}
    out += [c for c in _target_variants(article, skip) if c.key not in taken]
    for n, c in enumerate(out):
        c.occurrences = [Occurrence(n, o.kind, o.rendering, o.source, o.bead, o.target, o.window)
                         for o in c.occurrences]
    return out


def _source_names(article: Article, skip: frozenset, window: int) -> list[Candidate]:
    src, tgt = article.source, article.target
    cjk = is_cjk_lang(base_lang(src.lang))
    found: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    pattern = LATIN_IN_CJK if cjk else NAME_RE
    for seg in src.segments:
        for m in pattern.finditer(seg.text):
            text = m.group().strip()
            key = vkey(text)
            if len(key) < 2 or key in skip or key.isdigit():
                continue
            found[key].append((seg.start + m.start(), seg.start + m.start() + len(text), seg.index, text))
    if not any(len(occs) >= MIN_REPEAT for occs in found.values()):
        return []
    beads = list(article.beads)
    bead_of_src = {i: n for n, b in enumerate(beads) for i in b.src}
    words = document_words(tgt)
    used: set[tuple[int, int]] = set()
    out = []
    for key, occs in found.items():
        if len(occs) < MIN_REPEAT:
            continue
        cand = Candidate(key, occs[0][3], occs[0][3], "source")
        for s, e, seg, text in occs:
            pos = bead_of_src.get(seg)
            if pos is None:
                continue
            hit = None
            for spread in (0, window):
                near = range(max(0, pos - spread), min(len(beads), pos + spread + 1))
                hit = words.find_rendering(key, [i for k in near for i in beads[k].tgt], used)
                if hit:
                    break
            if hit:
                used.add((hit.start, hit.end))
            cand.occurrences.append(Occurrence(-1, "accepted" if hit else "miss",
                                               display_key(hit.text) if hit else None, (s, e),
                                               beads[pos].id, hit))
        out.append(cand)
    return out


def _target_variants(article: Article, skip: frozenset) -> list[Candidate]:
    tgt = article.target
    if is_cjk_lang(base_lang(tgt.lang)):
        return []
    lang = base_lang(tgt.lang)
    groups = _variant_groups(tgt, skip)
    out = []
    for key, spans in groups.items():
        forms = {display_key(_text(tgt, n, s, e)) for s, e, n, _, _ in spans}
        if len(forms) < 2 or not _real_variants(list(forms)):
            continue
        # keep the occurrences whose form is one of the variants, longest spans first
        chosen, used, opens = [], defaultdict(list), {}
        for s, e, n, i, j in sorted(spans, key=lambda p: -(p[1] - p[0])):
            if not any(a < e and s < b for a, b in used[n]):
                used[n].append((s, e))
                opens[s] = tgt.segments[n].start
                chosen.append(Match(s, e, _text(tgt, n, s, e), None, "accepted",
                                    tgt.segments[n].index, (i, j)))
        chosen.sort(key=lambda m: m.start)
        forms = Counter(display_key(m.text) for m in chosen)
        if len(forms) < 2 or not _real_variants(list(forms)) or _ordinary_words(list(forms), lang):
            continue
        if len({_case_neutral(tgt.text, opens[m.start], m, lang) for m in chosen}) < 2:
            continue
        label = " / ".join(f for f, _ in forms.most_common())
        cand = Candidate(key, label, None, "target-variants")
        cand.occurrences = [Occurrence(-1, "accepted", display_key(m.text), None, None, m)
                            for m in chosen]
        out.append(cand)
    return out


def _variant_groups(tgt: Document, skip: frozenset) -> dict[str, list[tuple[int, int, int, int, int]]]:
    """Keys of runs of one to three words written in two ways or more, each with its
    spans (start, end, segment, i, j + 1) in reading order, keys in order of appearance.

    A key written one way cannot vary: the written forms are compared first, over the
    distinct segment texts (a repeated segment adds no new form), and only the keys that
    vary are followed through the document."""
    words = document_words(tgt)
    grams_of: dict[str, list[tuple[str, str, int, int, int, int]]] = {}
    first_text: dict[str, str] = {}
    varied: set[str] = set()
    for seg, toks in zip(tgt.segments, words.tokens):
        if seg.text in grams_of:
            continue
        grams = grams_of[seg.text] = _grams(seg.text, seg.start, toks)
        for key, surface, _, _, _, _ in grams:
            if first_text.setdefault(key, surface) != surface:
                varied.add(key)
    varied -= skip
    groups: dict[str, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    if varied:
        kept: dict[str, list] = {}
        for n, seg in enumerate(tgt.segments):
            mine = kept.get(seg.text)
            if mine is None:
                mine = kept[seg.text] = [g for g in grams_of[seg.text] if g[0] in varied]
            for key, _, s, e, i, j in mine:
                groups[key].append((s + seg.start, e + seg.start, n, i, j))
    return groups


def _grams(text: str, base: int, toks: list) -> list[tuple[str, str, int, int, int, int]]:
    """Runs of one to three words of a segment that make a key of three or more
    characters, not all digits: (key, written form, start, end, i, j + 1), offsets
    relative to the segment."""
    out = []
    keys = [t[4] if t[5] else None for t in toks] + [None, None]
    for i, key in enumerate(keys[:-2]):
        if key is None:
            continue
        start = toks[i][0] - base
        for j in range(i, i + 3):
            if j > i:
                if keys[j] is None:
                    break
                key += keys[j]
            if len(key) >= 3 and not key.isdigit():
                end = toks[j][1] - base
                out.append((key, text[start:end], start, end, i, j + 1))
    return out


def _text(doc, n: int, start: int, end: int) -> str:
    s = doc.segments[n]
    return s.text[start - s.start:end - s.start]


COMMON_ZIPF = 4.0  # words this frequent are ordinary vocabulary, not terms


def _ordinary_words(forms: list[str], lang: str) -> bool:
    """Forms that differ only by spaces or hyphens and are made of common words
    (*peut être* / *peut-être*, *bien que* / *bien-que*): two spellings of ordinary
    language, often with two meanings, not one term written two ways."""
    from ..lexicon import zipf

    joined = {re.sub(r"[\s\-‐]+", "", f) for f in forms}
    if len(joined) != 1:  # the forms differ in more than spaces and hyphens (VELMORA / Velmora)
        return False
    parts = {p for f in forms for p in re.split(r"[\s\-‐]+", f.lower()) if p}
    return all(zipf(p, lang) >= COMMON_ZIPF for p in parts)


NAME_HEAD_ZIPF = 3.0  # a capitalised word this common is a common noun heading a name


def _case_neutral(doc_text: str, seg_start: int, m: Match, lang: str) -> str:
    """An occurrence's form with the capitals its place explains lowered: the first letter
    of a sentence (*L’agence* opening one), and the capital of a common word heading a
    name (*l’Agence* of *l’Agence nationale des forêts*, against *l’agence* later on:
    French capitalises only the first word of such a name). Capitals inside a word
    (*VELMORA*) or on a word that is no common word (*Quorlix* / *quorlix*) are kept."""
    from ..lexicon import zipf

    text = display_key(m.text)
    if not any(c.isalnum() for c in doc_text[seg_start:m.start]):
        text = text[:1].lower() + text[1:]
    words = re.split(r"([\s'\-‐]+)", text)
    return "".join(w.lower() if w[:1].isupper() and w[1:].islower() and zipf(w.lower(), lang) >= NAME_HEAD_ZIPF
                   else w for w in words)


def _real_variants(forms: list[str]) -> bool:
    """More than a sentence-initial capital (VELMORA/Velmora yes, Le/le no); a word group
    counts only when its forms differ in spacing or hyphens (case variants of a group are
    reported through its words)."""
    if len({f[:1].lower() + f[1:] for f in forms}) < 2:
        return False
    if any(" " in f for f in forms) and len({f.lower() for f in forms}) < 2:
        return False
    return True


_KEYS: dict[int, tuple[tuple, frozenset]] = {}


def glossary_keys(analysis: ArticleTerms | None) -> frozenset[str]:
    """Variant keys of every glossary string (computed once per glossary)."""
    if analysis is None:
        return frozenset()
    terms = analysis.base.terms
    got = _KEYS.get(id(terms))
    if got is None or got[0] is not terms:
        keys = set()
        for e in terms:
            keys.add(vkey(e.source))
            keys.update(vkey(t) for t in e.targets + e.forbidden)
        if len(_KEYS) >= 16:
            _KEYS.clear()
        got = _KEYS[id(terms)] = (terms, frozenset(keys))
    return got[1]


def candidates(article: Article, analysis: ArticleTerms | None = None) -> list[Candidate]:
    """Discovered term candidates of an article, glossary strings excluded."""
    analysis = analysis if analysis is not None else analyse_article(article)
    return discover(article, glossary_keys(analysis))
