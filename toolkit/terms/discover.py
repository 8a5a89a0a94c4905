"""Candidate terms found without a glossary.

* **Source names kept in the target**: Latin-script tokens in a CJK source (product
  names, codes, acronyms) and, in a Latin-script source, capitalised multi-word names or
  tokens with inner capitals or digits, seen at least twice. Each occurrence is looked up
  in its aligned target: the same form up to case, hyphens and spaces, else a word that
  starts like it (a respelling, e.g. an invented *Zentrix* → *zentrixes*), else a miss.
* **Target-side variants**: words or short word groups of the target that are the same
  form up to case, hyphens or spacing (an invented *OpenFoo / Openfoo / Open-Foo*), where
  the variants differ by more than the case of the first letter (sentence starts).

Results are marked ``discovered``; they are scored like glossary terms.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from ..model import Article
from ..readers.base import base_lang
from .analysis import Occurrence, document_tokens
from .matcher import Match
from .text import apos, display_key, is_cjk_lang, vkey

LATIN_IN_CJK = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*")
NAME_RE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)+|\b[A-Za-z]+[A-Z0-9][\w-]*")
MIN_REPEAT = 2


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
    skip = {k for k in exclude if k}
    out = _source_names(article, skip, window) if article.source is not None and article.beads else []
    taken = {c.key for c in out}
    out += [c for c in _target_variants(article, skip) if c.key not in taken]
    for n, c in enumerate(out):
        c.occurrences = [Occurrence(n, o.kind, o.rendering, o.source, o.bead, o.target, o.window)
                         for o in c.occurrences]
    return out


def _source_names(article: Article, skip: set[str], window: int) -> list[Candidate]:
    src, tgt = article.source, article.target
    cjk = is_cjk_lang(base_lang(src.lang))
    found: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    for seg in src.segments:
        pattern = LATIN_IN_CJK if cjk else NAME_RE
        for m in pattern.finditer(seg.text):
            text = m.group().strip()
            key = vkey(text)
            if len(key) < 2 or key in skip or key.isdigit():
                continue
            found[key].append((seg.start + m.start(), seg.start + m.start() + len(text), seg.index, text))
    beads = list(article.beads)
    bead_of_src = {i: n for n, b in enumerate(beads) for i in b.src}
    tokens = document_tokens(tgt)
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
                hit = _find_rendering(key, [i for k in near for i in beads[k].tgt], tokens, tgt, used)
                if hit:
                    break
            if hit:
                used.add((hit.start, hit.end))
            cand.occurrences.append(Occurrence(-1, "accepted" if hit else "miss",
                                               display_key(hit.text) if hit else None, (s, e),
                                               beads[pos].id, hit))
        out.append(cand)
    return out


def _find_rendering(key: str, seg_ids, tokens, tgt, used) -> Match | None:
    fuzzy = None
    for si in seg_ids:
        toks, seg = tokens[si], tgt.segments[si]
        for i, tok in enumerate(toks):
            acc = ""
            for j in range(i, min(i + 4, len(toks))):
                if not toks[j].is_word:
                    break
                acc += vkey(toks[j].text)
                span = (tok.start, toks[j].end)
                if span in used:
                    continue
                text = seg.text[tok.start - seg.start:toks[j].end - seg.start]
                if acc == key:
                    return Match(tok.start, toks[j].end, text, None, "accepted", si, (i, j + 1))
                if (j == i and fuzzy is None and len(key) >= 4 and acc != key
                        and acc.startswith(key[:-1]) and len(acc) <= len(key) + 3):
                    fuzzy = Match(tok.start, tok.end, text, None, "variant", si, (i, i + 1))
    return fuzzy


def _target_variants(article: Article, skip: set[str]) -> list[Candidate]:
    tgt = article.target
    if is_cjk_lang(base_lang(tgt.lang)):
        return []
    tokens = document_tokens(tgt)
    groups: dict[str, list[Match]] = defaultdict(list)
    for seg, toks in zip(tgt.segments, tokens):
        for i, tok in enumerate(toks):
            if not tok.is_word:
                continue
            acc = ""
            for j in range(i, min(i + 3, len(toks))):
                if not toks[j].is_word:
                    break
                acc += _tkey(toks[j].text)
                text = seg.text[tok.start - seg.start:toks[j].end - seg.start]
                if len(acc) >= 3 and not acc.isdigit():
                    groups[acc].append(Match(tok.start, toks[j].end, text, None, "accepted",
                                             seg.index, (i, j + 1)))
    out = []
    for key, matches in groups.items():
        if key in skip:
            continue
        forms = Counter(display_key(m.text) for m in matches)
        if len(forms) < 2 or not _real_variants(list(forms)):
            continue
        # keep the occurrences whose form is one of the variants, longest spans first
        chosen, used = [], set()
        for m in sorted(matches, key=lambda m: -(m.end - m.start)):
            if not any(a < m.end and m.start < b for a, b in used):
                used.add((m.start, m.end))
                chosen.append(m)
        chosen.sort(key=lambda m: m.start)
        forms = Counter(display_key(m.text) for m in chosen)
        if len(forms) < 2 or not _real_variants(list(forms)):
            continue
        label = " / ".join(f for f, _ in forms.most_common())
        cand = Candidate(key, label, None, "target-variants")
        cand.occurrences = [Occurrence(-1, "accepted", display_key(m.text), None, None, m)
                            for m in chosen]
        out.append(cand)
    return out


def _tkey(text: str) -> str:
    """Target variant key: lower case, without spaces and hyphens; accents and apostrophes
    kept (basé/base and qu'elle/quelle are different words, not variants)."""
    return "".join(c for c in apos(text).lower() if c.isalnum() or c == "'")


def _real_variants(forms: list[str]) -> bool:
    """More than a sentence-initial capital (NVIDIA/Nvidia yes, Le/le no); a word group
    counts only when its forms differ in spacing or hyphens (case variants of a group are
    reported through its words)."""
    if len({f[:1].lower() + f[1:] for f in forms}) < 2:
        return False
    if any(" " in f for f in forms) and len({f.lower() for f in forms}) < 2:
        return False
    return True
