"""Find glossary forms in text: longest match first, each text position used once.

Two modes, chosen by language:

* **characters** (Chinese, Japanese, Korean): a form is found as a character sequence,
  with no word boundaries, except that a Latin or digit edge must not touch another
  Latin letter or digit (``D1`` is not found in ``D10``);
* **tokens** (everything else): a form is a token sequence; a token matches a form token
  when their keys meet (folded surface, lemma, singular), so inflected forms match.
  Capitalised tokens of a case-sensitive form must match exactly (apostrophes unified).
  An approved one-word form also matches as a part of a hyphenated compound token.
  A single-word regular French -er verb that is an *approved* target also matches its
  inflections and derived nouns (entraîner → entraîne, entraînement); forbidden variants
  never get this widening, so *former* (forbidden) does not catch *forme* or *formation*.

Public entry points: :func:`compile_forms`, :class:`Matcher`, :func:`find_in_text`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from ..textutil import fold, is_cjk_lang
from .text import Token, apos, er_verbs, keys_for, split, verb_family, vkey

ROLE_ORDER = {"accepted": 0, "forbidden": 1, "variant": 2, "partial": 3}


@dataclass(frozen=True)
class FormToken:
    text: str  # apostrophes unified
    keys: frozenset
    exact: bool  # must match the surface exactly (capitalised token of a case-sensitive form)


@dataclass(frozen=True)
class Form:
    """One string to look for: an approved target, a forbidden variant, or a source term."""

    id: int
    text: str
    role: str  # "accepted" | "forbidden" | "source"
    terms: tuple[int, ...]  # indices of the terms this form belongs to
    case_sensitive: bool
    tokens: tuple[FormToken, ...] = ()
    family: frozenset = frozenset()  # extra single-token keys (verb inflections)

    @property
    def vkey(self) -> str:
        return vkey(self.text)


@dataclass(frozen=True)
class Match:
    """A form found in a text: document offsets plus the token range (token mode)."""

    start: int
    end: int
    text: str
    form: Form
    role: str
    segment: int = -1
    tok: tuple[int, int] = (-1, -1)

    @property
    def terms(self) -> tuple[int, ...]:
        return self.form.terms


def compile_forms(items: Iterable[tuple[str, str, int, bool]], lang: str) -> list[Form]:
    """Forms from (text, role, term index, case_sensitive); equal forms are shared by terms."""
    cjk = is_cjk_lang(lang)
    base = lang.split("-")[0].lower()
    by_key: dict[tuple[str, str, bool], list[int]] = {}
    for text, role, term, cs in items:
        text = " ".join(text.split())
        if text:
            by_key.setdefault((text, role, cs), []).append(term)
    forms = []
    verbs = set() if cjk else er_verbs([text for text, role, _ in by_key if role == "accepted"], base)
    for n, ((text, role, cs), terms) in enumerate(by_key.items()):
        toks: tuple[FormToken, ...] = ()
        family: frozenset = frozenset()
        if not cjk:
            toks = tuple(FormToken(apos(t), keys_for(t, "", base), cs and t != t.lower())
                         for _, _, t in split(text))
            if role == "accepted" and len(toks) == 1 and text in verbs:
                family = verb_family(text)
        forms.append(Form(n, text, role, tuple(dict.fromkeys(terms)), cs, toks, family))
    return forms


def _token_ok(ft: FormToken, tok: Token) -> bool:
    if ft.exact:
        t = apos(tok.text)
        return t == ft.text or t == ft.text + "s"
    return bool(ft.keys & tok.keys)


class Matcher:
    """Finds a fixed set of forms in tokens (or characters, for CJK languages)."""

    def __init__(self, forms: Sequence[Form], lang: str):
        self.forms = list(forms)
        self.cjk = is_cjk_lang(lang)
        self._index: dict[str, list[Form]] = {}
        self._ac = None
        for f in self.forms:
            if self.cjk or not f.tokens:
                continue
            for key in f.tokens[0].keys | f.family | {fold(f.tokens[0].text)}:
                self._index.setdefault(key, []).append(f)

    def candidates(self, tokens: Sequence[Token], segment: int = -1) -> list[Match]:
        out = []
        for i, tok in enumerate(tokens):
            seen = set()
            for key in tok.keys:
                for f in self._index.get(key, ()):
                    if f.id in seen:
                        continue
                    seen.add(f.id)
                    n = len(f.tokens)
                    if i + n > len(tokens):
                        continue
                    if n == 1 and f.family and fold(tok.text) in f.family:
                        ok = not f.tokens[0].exact or _token_ok(f.tokens[0], tok)
                    else:
                        ok = all(_token_ok(ft, tokens[i + k]) for k, ft in enumerate(f.tokens))
                    if ok:
                        s, e = tok.start, tokens[i + n - 1].end
                        out.append(Match(s, e, "", f, f.role, segment, (i, i + n)))
            if "-" in tok.text.strip("-"):
                out += self._compound_candidates(tok, i, segment)
        return out

    def _compound_candidates(self, tok: Token, i: int, segment: int) -> list[Match]:
        """An approved one-word target that is one part of a hyphenated compound token
        (a place name inside a station or district name: *Lyon-Sud* for *Lyon*). Only
        approved forms: a forbidden word inside a compound is another word."""
        out = []
        for part in tok.text.split("-"):
            key = fold(part)
            for f in self._index.get(key, ()):
                if f.role != "accepted" or len(f.tokens) != 1:
                    continue
                ft = f.tokens[0]
                ok = apos(part) in (ft.text, ft.text + "s") if ft.exact else key in ft.keys
                if ok and all(m.form.id != f.id for m in out):
                    out.append(Match(tok.start, tok.end, "", f, f.role, segment, (i, i + 1)))
        return out

    def find(self, tokens: Sequence[Token], text: str, offset: int, segment: int = -1,
             claimed: set[int] | None = None) -> list[Match]:
        """Matches in one segment (``text`` starts at document ``offset``), longest first;
        ``claimed`` (token indices, or character offsets in CJK mode) is updated."""
        claimed = set() if claimed is None else claimed
        if self.cjk:
            cands = self._char_candidates(text, offset, segment)
            span = lambda m: range(m.start, m.end)  # noqa: E731
        else:
            cands = self.candidates(tokens, segment)
            span = lambda m: range(*m.tok)  # noqa: E731
        return select(cands, claimed, span, text, offset)

    def _char_candidates(self, text: str, offset: int, segment: int) -> list[Match]:
        """Every occurrence (overlaps included) of every form, in one pass over the text
        per case mode (an Aho–Corasick automaton): linear in the text, whatever the
        number of forms."""
        lowered = text.lower() if len(text.lower()) == len(text) else text
        out = []
        for automaton, hay in zip(self._automata(), (text, lowered)):
            if automaton is None:
                continue
            for last, (size, forms) in automaton.iter(hay):
                pos, end = last + 1 - size, last + 1
                if _edges_ok(text, pos, end):
                    out.extend(Match(pos + offset, end + offset, "", f, f.role, segment) for f in forms)
        return out

    def _automata(self):
        """(case-sensitive, case-insensitive) automata of the forms (None when empty), built once."""
        if self._ac is None:
            import ahocorasick

            needles: tuple[dict, dict] = ({}, {})
            for f in self.forms:
                needle = f.text if f.case_sensitive else f.text.lower()
                needles[0 if f.case_sensitive else 1].setdefault(needle, []).append(f)
            built = []
            for table in needles:
                if not table:
                    built.append(None)
                    continue
                automaton = ahocorasick.Automaton()
                for needle, forms in table.items():
                    automaton.add_word(needle, (len(needle), tuple(forms)))
                automaton.make_automaton()
                built.append(automaton)
            self._ac = tuple(built)
        return self._ac


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _edges_ok(text: str, start: int, end: int) -> bool:
    if start > 0 and _latin(text[start]) and _latin(text[start - 1]):
        return False
    if end < len(text) and _latin(text[end - 1]) and _latin(text[end]):
        return False
    return True


def select(cands: list[Match], claimed: set[int], span, text: str, offset: int) -> list[Match]:
    """Longest match first (then approved before forbidden, then leftmost); a position is
    used once. Between forms found on the same span, the entries that have a form written
    exactly as in the text come first, and an entry is represented by its first listed
    form (so the result does not depend on the order of ``cands``)."""
    exact = {(m.start, m.end, m.role, m.terms) for m in cands
             if apos(text[m.start - offset:m.end - offset]) == apos(m.form.text)}
    cands.sort(key=lambda m: (-(m.end - m.start), ROLE_ORDER.get(m.role, 9), m.start,
                              (m.start, m.end, m.role, m.terms) not in exact, m.terms, m.form.id))
    chosen = []
    for m in cands:
        cells = span(m)
        if any(c in claimed for c in cells):
            continue
        claimed.update(cells)
        chosen.append(Match(m.start, m.end, text[m.start - offset:m.end - offset], m.form, m.role,
                            m.segment, m.tok))
    chosen.sort(key=lambda m: m.start)
    return chosen


def find_in_text(text: str, forms: Sequence[str], lang: str = "fr", case_sensitive: bool = False,
                 role: str = "accepted") -> list[tuple[int, int, str]]:
    """Convenience: (start, end, form) of each of ``forms`` found in ``text`` (one-off use,
    e.g. an aligner's lexicon check); longest match first, each position used once."""
    from .text import tokenize

    compiled = compile_forms(((f, role, i, case_sensitive) for i, f in enumerate(forms)), lang)
    matcher = Matcher(compiled, lang)
    tokens = [] if matcher.cjk else tokenize([(text, 0)], lang)[0]
    return [(m.start, m.end, m.form.text) for m in matcher.find(tokens, text, 0)]
