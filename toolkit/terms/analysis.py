"""Term occurrences of one article: where each glossary source term occurs, and how the
aligned target rendered it.

For each occurrence *o* of a source term, the rendering ρ(o) is looked for in the target
segments of its bead (then, if not found, of the neighbouring beads: a tolerance for
alignment slips), in this order: an approved target (``accepted``), a forbidden variant
(``forbidden``), a form variant of an approved target that differs in case, hyphens or
spacing (``variant``), a partial approved target (``partial``: e.g. two of its three
words); otherwise ``miss``. Each target position serves one occurrence.

Without a source (or an alignment) the terms are counted on the target side only.
The analysis is computed once per article and cached (:func:`analyse_article`).
"""
from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Sequence

from ..glossary import Entry, Glossary
from ..model import Article, Document
from ..readers.base import base_lang
from ..textutil import is_cjk_lang
from .lemmas import Relevance
from .matcher import Form, Match, Matcher, compile_forms
from .nested import inside_longer
from .text import Token, apos, display_key, fold, tokenize, vkey

KINDS = ("accepted", "forbidden", "variant", "partial", "miss")
STOPWORDS = frozenset("le la les l de des du d un une et à a au aux en pour par sur dans the of "
                      "and to in for on a an".split())


@dataclass(frozen=True)
class Occurrence:
    term: int  # index into TermBase.terms
    kind: str  # one of KINDS
    rendering: str | None  # label compared for consistency; None for a miss
    source: tuple[int, int] | None = None  # offsets into the source document
    bead: int | None = None
    target: Match | None = None
    window: tuple[int, int] | None = None  # target offsets searched (the aligned sentences)
    anaphor: tuple[int, int] | None = None  # a miss: a short definite mention (*la commission*) there


@dataclass(frozen=True)
class TermBase:
    terms: tuple[Entry, ...]
    src_lang: str
    tgt_lang: str
    target_forms: tuple[Form, ...]
    source_forms: tuple[Form, ...]

    def preferred(self, term: int) -> str:
        return self.terms[term].target


@dataclass
class ArticleTerms:
    """Everything the TERM rules, the scores and the report need about one article."""

    base: TermBase
    occurrences: list[Occurrence] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)  # every form found in the target
    reportable: set = field(default_factory=set)  # forbidden/variant matches (start, end) to report
    basis: str = "source"  # "source": occurrences come from the source; "target": target only

    def by_term(self) -> dict[int, list[Occurrence]]:
        out: dict[int, list[Occurrence]] = {}
        for o in self.occurrences:
            out.setdefault(o.term, []).append(o)
        return out


_BASES: "OrderedDict[tuple, TermBase]" = OrderedDict()
_TOKENS: "OrderedDict[tuple, list[list[Token]]]" = OrderedDict()
_ANALYSES: "OrderedDict[tuple, ArticleTerms]" = OrderedDict()


def _cached(cache: OrderedDict, key, make, size: int = 32):
    if key in cache:
        cache.move_to_end(key)
        return cache[key]
    value = cache[key] = make()
    if len(cache) > size:
        cache.popitem(last=False)
    return value


def termbase(glossary: Glossary, src_lang: str, tgt_lang: str) -> TermBase:
    """Compiled forms of a glossary for one language pair (cached)."""
    def make() -> TermBase:
        terms = glossary.terms()
        tgt_items = []
        for i, e in enumerate(terms):
            tgt_items += [(t, "accepted", i, e.case_sensitive) for t in e.targets]
            tgt_items += [(f, "forbidden", i, e.case_sensitive) for f in e.forbidden]
        src_items = [(e.source, "source", i, e.case_sensitive) for i, e in enumerate(terms)]
        return TermBase(terms, src_lang, tgt_lang, tuple(compile_forms(tgt_items, tgt_lang)),
                        tuple(compile_forms(src_items, src_lang)))

    return _cached(_BASES, (glossary, src_lang, tgt_lang), make, 16)


def document_tokens(doc: Document, forms: Sequence[Form] | None = None) -> list[list[Token]]:
    """Tokens of each segment of ``doc`` (cached). With ``forms``, only the segments where
    a lemma can change a match against them are lemmatised (see ``text.tokenize``)."""
    lang = base_lang(doc.lang)
    if is_cjk_lang(lang):
        return [[] for _ in doc.segments]
    key = (doc.path, doc.text, lang, tuple((s.start, s.end) for s in doc.segments),
           None if forms is None else tuple(forms))
    return _cached(_TOKENS, key, lambda: tokenize([(s.text, s.start) for s in doc.segments], lang,
                                                  relevant=None if forms is None else relevance(forms)))


def relevance(forms: Sequence[Form]) -> Relevance:
    """What ``forms`` need from lemmas: per form, the keys a match must meet (those of its
    content words, as for partial matches; any word for forms without content words) and
    all the keys it is matched under. Forms with case-exact tokens are always kept."""
    items = []
    for f in forms:
        every = set(f.family)
        for ft in f.tokens:
            every |= ft.keys
        if f.tokens:
            every.add(fold(f.tokens[0].text))
        content = None
        if not any(ft.exact for ft in f.tokens):
            words = [ft for ft in f.tokens if fold(ft.text) not in STOPWORDS and
                     any(c.isalnum() for c in ft.text)] or list(f.tokens)
            content = set(f.family).union(*(ft.keys for ft in words))
            if f.tokens:
                content.add(fold(f.tokens[0].text))
        items.append((None if content is None else frozenset(content), frozenset(every)))
    return Relevance(items)


def analyse_article(article: Article, window: int = 1) -> ArticleTerms | None:
    """The term analysis of ``article`` against its glossary (None without a glossary)."""
    if article.glossary is None or not len(article.glossary):
        return None
    src = article.source
    key = (article.name, article.target.path, article.target.text, src.text if src else None,
           article.beads, article.glossary, window)
    return _cached(_ANALYSES, key, lambda: _analyse(article, window), 16)


def _analyse(article: Article, window: int) -> ArticleTerms:
    tgt_doc, src_doc = article.target, article.source
    tgt_lang = base_lang(tgt_doc.lang)
    src_lang = base_lang(src_doc.lang) if src_doc else (article.glossary.src_lang or "und")
    base = termbase(article.glossary, src_lang, tgt_lang)
    result = ArticleTerms(base)
    matcher = _per_base(base, "target-matcher", lambda: Matcher(base.target_forms, tgt_lang))
    tokens = document_tokens(tgt_doc, base.target_forms)
    per_seg: dict[int, list[Match]] = {}
    wanted = _per_base(base, "variant-keys", lambda: _wanted(base))
    for seg, toks in zip(tgt_doc.segments, tokens):
        claimed: set[int] = set()
        found = matcher.find(toks, seg.text, seg.start, seg.index, claimed)
        found += _variants(wanted, toks, seg.text, seg.start, seg.index, claimed, matcher.cjk)
        per_seg[seg.index] = sorted(found, key=lambda m: m.start)
        result.matches.extend(per_seg[seg.index])
    if src_doc is None or not article.beads:
        result.basis = "target"
        for m in result.matches:
            for t in m.terms[:1]:
                result.occurrences.append(Occurrence(t, m.role, _label(m), None, None, m))
            if m.role in ("forbidden", "variant"):
                result.reportable.add((m.start, m.end))
        return result
    _assign(article, base, per_seg, tokens, window, result)
    return result


def _wanted(base: TermBase) -> dict[str, list[Form]]:
    """Approved targets by variant key (see :func:`_variants`)."""
    wanted: dict[str, list[Form]] = {}
    for f in base.target_forms:
        if f.role == "accepted" and f.vkey:
            wanted.setdefault(f.vkey, []).append(f)
    return wanted


def _variants(wanted: dict[str, list[Form]], toks: Sequence[Token], text: str, offset: int,
              segment: int, claimed: set[int], cjk: bool) -> list[Match]:
    """Form variants of approved targets (case, hyphen, spacing) among unclaimed tokens."""
    if cjk:
        return []
    out = []
    for i, first in enumerate(toks):
        if not first.is_word or i in claimed:
            continue
        key = ""
        for j in range(i, min(i + 4, len(toks))):
            if j in claimed or not toks[j].is_word:
                break
            key += vkey(toks[j].text)
            for f in wanted.get(key, ()):
                surface = text[first.start - offset:toks[j].end - offset]
                same = apos(surface) == apos(f.text) if f.case_sensitive else \
                    fold(surface) == fold(f.text)
                if not same and _hyphen_or_case_only(surface, f.text):
                    out.append(Match(first.start, toks[j].end, surface, f, "variant",
                                     segment, (i, j + 1)))
    chosen, used = [], set()
    for m in sorted(out, key=lambda m: -(m.end - m.start)):
        cells = set(range(*m.tok))
        if not cells & claimed and not cells & used:
            used |= cells
            chosen.append(m)
    claimed |= used
    return chosen


def _hyphen_or_case_only(surface: str, form: str) -> bool:
    """A variant differs only by case, hyphens, spaces or apostrophes, not by accents alone."""
    strip = lambda s: "".join(c for c in apos(s).lower() if c.isalnum())  # noqa: E731
    return strip(surface) == strip(form)


def _label(m: Match) -> str:
    if m.role in ("accepted", "forbidden"):
        return m.form.text
    return display_key(m.text)


def _source_occurrences(article: Article, base: TermBase) -> list[tuple[int, int, int, int]]:
    """(term, start, end, source segment) of each source term occurrence, longest first."""
    src = article.source
    matcher = _per_base(base, "source-matcher", lambda: Matcher(base.source_forms, base.src_lang))
    tokens = document_tokens(src, base.source_forms)
    out = []
    for seg, toks in zip(src.segments, tokens):
        found = matcher.find(toks, seg.text, seg.start, seg.index)
        inside = inside_longer(seg.text, [(m.start - seg.start, m.end - seg.start) for m in found]) \
            if matcher.cjk and found else set()
        for m in found:
            if (m.start - seg.start, m.end - seg.start) not in inside:
                out.append((m.form.terms[0], m.start, m.end, seg.index))
    return out


def _assign(article: Article, base: TermBase, per_seg: dict[int, list[Match]],
            tokens: list[list[Token]], window: int, result: ArticleTerms) -> None:
    beads = list(article.beads)
    bead_of_src = {i: n for n, b in enumerate(beads) for i in b.src}
    pending: list[tuple[int, int, int, int]] = []  # (bead position, term, start, end)
    for term, s, e, seg in _source_occurrences(article, base):
        if seg in bead_of_src:
            pending.append((bead_of_src[seg], term, s, e))
    pending.sort(key=lambda p: (p[0], p[2]))
    used: set[tuple[int, int]] = set()
    done: dict[int, Occurrence] = {}
    terms_near: dict[int, set[int]] = {}
    for n, (pos, term, _, _) in enumerate(pending):
        for k in range(max(0, pos - window), min(len(beads), pos + window + 1)):
            terms_near.setdefault(k, set()).add(term)
    tgt = article.target.segments
    for spread in (0, window):
        for n, (pos, term, s, e) in enumerate(pending):
            if n in done:
                continue
            near = range(max(0, pos - spread), min(len(beads), pos + spread + 1))
            pool = [m for k in near for i in beads[k].tgt for m in per_seg.get(i, ())]
            for kind in ("accepted", "forbidden", "variant"):
                hit = next((m for m in pool if m.role == kind and term in m.terms
                            and (m.start, m.end) not in used), None)
                if hit:
                    used.add((hit.start, hit.end))
                    done[n] = Occurrence(term, kind, _label(hit), (s, e), beads[pos].id, hit,
                                         _span(tgt, beads[pos].tgt))
                    break
    for n, (pos, term, s, e) in enumerate(pending):
        if n not in done:
            bead = beads[pos]
            part = _partial(base, term, bead.tgt, tgt, tokens, used)
            earlier = any(o.kind == "accepted" and o.term == term and pending[k][0] < pos
                          for k, o in done.items())
            # a lone head noun after an article, the full term used before: a short mention
            short = _anaphor(base, term, bead.tgt, tokens, used) \
                if earlier and (part is None or part.tok[1] - part.tok[0] == 1) else None
            if part is not None and short is None:
                used.add((part.start, part.end))
                done[n] = Occurrence(term, "partial", _label(part), (s, e), bead.id, part,
                                     _span(tgt, bead.tgt))
            else:
                done[n] = Occurrence(term, "miss", None, (s, e), bead.id, None, _span(tgt, bead.tgt),
                                     short)
    result.occurrences = [done[n] for n in range(len(pending))]
    seg_bead = {i: n for n, b in enumerate(beads) for i in b.tgt}
    for m in result.matches:
        if m.role not in ("forbidden", "variant"):
            continue
        near = terms_near.get(seg_bead.get(m.segment, -1), set())
        if (m.start, m.end) in used or set(m.terms) & near:
            result.reportable.add((m.start, m.end))


DEFINITE = frozenset("le la les l' ce cet cette ces the this that these those".split())


def _anaphor(base: TermBase, term: int, seg_ids: Sequence[int], tokens, used) -> tuple[int, int] | None:
    """A shortened mention of a multi-word approved target already used in full earlier:
    its head noun (first content word) after a definite article or a demonstrative
    (*la commission* after *la commission des finances publiques*)."""
    from .matcher import _token_ok

    for f in base.target_forms:
        if f.role != "accepted" or term not in f.terms or len(f.tokens) < 2:
            continue
        head = next((ft for ft in f.tokens if fold(ft.text) not in STOPWORDS and
                     any(c.isalnum() for c in ft.text)), None)
        if head is None:
            continue
        for si in seg_ids:
            toks = tokens[si]
            for i in range(1, len(toks)):
                if (_token_ok(head, toks[i]) and fold(apos(toks[i - 1].text)) in DEFINITE
                        and not any(a < toks[i].end and toks[i - 1].start < b for a, b in used)):
                    return toks[i - 1].start, toks[i].end
    return None


def _span(segments, indices: Sequence[int]) -> tuple[int, int] | None:
    if not indices:
        return None
    return segments[indices[0]].start, segments[indices[-1]].end


_PER_BASE: "OrderedDict[tuple[int, str], tuple[TermBase, object]]" = OrderedDict()


def _per_base(base: TermBase, what: str, make):
    """``make()``, computed once per term base (a batch shares one glossary's)."""
    got = _PER_BASE.get((id(base), what))
    if got is None or got[0] is not base:
        got = _PER_BASE[(id(base), what)] = (base, make())
        while len(_PER_BASE) > 64:
            _PER_BASE.popitem(last=False)
    return got[1]


def _accepted_of(base: TermBase) -> dict[int, list[Form]]:
    """Approved target forms of each term, in form order."""
    def make() -> dict[int, list[Form]]:
        table: dict[int, list[Form]] = {}
        for f in base.target_forms:
            if f.role == "accepted":
                for t in f.terms:
                    table.setdefault(t, []).append(f)
        return table

    return _per_base(base, "accepted", make)


def _partial(base: TermBase, term: int, seg_ids: Sequence[int], segments, tokens, used) -> Match | None:
    """The longest run of target tokens equal to a contiguous part of an approved
    multi-word target, covering at least half of its content words."""
    from .matcher import _token_ok

    best = None
    for f in _accepted_of(base).get(term, ()):
        if len(f.tokens) < 2:
            continue
        content = [k for k, ft in enumerate(f.tokens) if fold(ft.text) not in STOPWORDS and
                   any(c.isalnum() for c in ft.text)]
        if len(content) < 2:
            continue
        for si in seg_ids:
            toks = tokens[si]
            for i in range(len(toks)):
                for k0 in range(len(f.tokens)):
                    n = 0
                    while (i + n < len(toks) and k0 + n < len(f.tokens)
                           and _token_ok(f.tokens[k0 + n], toks[i + n])):
                        n += 1
                    hit = [k for k in range(k0, k0 + n) if k in content]
                    if n and len(hit) * 2 >= len(content) and len(hit) < len(content):
                        s, e = toks[i].start, toks[i + n - 1].end
                        if any(a < e and s < b for a, b in used):
                            continue
                        if best is None or e - s > best.end - best.start:
                            text = segments[si].text[s - segments[si].start:e - segments[si].start]
                            best = Match(s, e, text, f, "partial", si, (i, i + n))
    return best
