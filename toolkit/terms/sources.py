"""The source terms of an article, for :mod:`toolkit.terms.extract`: names of the name layer
in any source; in a Chinese source, CC-CEDICT proper nouns, nouns and compounds of two or
three adjacent dictionary words; in a Latin-script source, capitalised multi-word names.
"""
from __future__ import annotations

import functools
import re

from ..model import Article
from ..readers.base import base_lang
from ..textutil import HAN_RE, fold, is_cjk_lang

UNKNOWN_HEAD_RE = re.compile(r"[\u4e00-\u9fff]{2,4}$")
NAME_RUN_RE = re.compile(r"\b[A-Z][\w’'-]*(?:\s+(?:of|the|de|du|des|la|le|for|and|&)?\s*[A-Z][\w’'-]*)+")


@functools.lru_cache(maxsize=None)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop words of ``lang`` (French or English), folded; empty for other languages.

    Read from the one module file ``spacy/lang/<lang>/stop_words.py`` (a word list with no
    imports), without importing spaCy or its language package: ``spacy.lang.fr`` compiles
    its tokenizer exceptions on import, seconds that an audit does not need."""
    import importlib.util
    from pathlib import Path

    if lang not in ("fr", "en"):
        return frozenset()
    spec = importlib.util.find_spec("spacy")  # finds the package without running it
    for root in (spec.submodule_search_locations or []) if spec else []:
        path = Path(root) / "lang" / lang / "stop_words.py"
        if path.is_file():
            module_spec = importlib.util.spec_from_file_location(f"_mtqa_stop_words_{lang}", path)
            module = importlib.util.module_from_spec(module_spec)
            module_spec.loader.exec_module(module)
            return frozenset(fold(w) for w in module.STOP_WORDS)
    return frozenset()  # pragma: no cover - spaCy is a dependency


def _noun_gloss(glosses: tuple[str, ...]) -> bool:
    """A CC-CEDICT word read as a noun: its first gloss is no verb ("to …") and no English
    function word."""
    if not glosses:
        return False
    first = glosses[0].lower()
    if first.startswith(("to ", "(", "-")):
        return False
    words = re.findall(r"[a-z]+", first)
    stops = stop_words("en")
    return bool(words) and not all(w in stops for w in words)


def _content_gloss(glosses: tuple[str, ...]) -> bool:
    """A word that can be part of a compound term: its first gloss has a content word."""
    if not glosses:
        return False
    stops = stop_words("en")
    return any(w not in stops for w in re.findall(r"[a-z]+", glosses[0].lower()))


def _spelt_in_target(han: str, article: Article, bead) -> bool:
    """The pinyin of ``han`` is a capitalised word of the bead's target: the characters
    no dictionary knows are a name (岳川… rendered *Yuechuan*)."""
    from pypinyin import lazy_pinyin

    key = "".join(lazy_pinyin(han, v_to_u=True)).replace("ü", "u")
    for i in bead.tgt:
        for w in re.findall(r"[A-ZÀ-Ý][\w’'-]*", article.target.segments[i].text):
            if fold(w).replace("-", "").replace("'", "") == key:
                return True
    return False


def source_terms(article: Article) -> dict[str, tuple[str, list[tuple[int, int, int]]]]:
    """Source term → (origin, [(bead position, start, end)]), one occurrence per bead."""
    from ..knowledge import cedict, names

    src = article.source
    lang = base_lang(src.lang)
    beads = article.beads
    table = names.load()
    dictionary = cedict.load() if is_cjk_lang(lang) else None
    found: dict[str, tuple[str, list[tuple[int, int, int]]]] = {}

    def add(term: str, origin: str, k: int, s: int, e: int) -> None:
        got = found.setdefault(term, (origin, []))
        if not got[1] or got[1][-1][0] != k:
            got[1].append((k, s, e))

    for k, bead in enumerate(beads):
        for i in bead.src:
            seg = src.segments[i]
            taken: list[tuple[int, int]] = []
            for s, e, form, _ in table.find(seg.text, "zh" if is_cjk_lang(lang) else "en"):
                add(form, "name-layer", k, seg.start + s, seg.start + e)
                taken.append((s, e))
            if dictionary is not None:
                run: list[tuple[int, int, str]] = []  # adjacent content words: compounds
                prev = 0
                for s, e, word in dictionary.words(seg.text):
                    gap, prev = seg.text[prev:s], e
                    if any(a < e and s < b for a, b in taken) or not HAN_RE.search(word):
                        run = []
                        continue
                    head = UNKNOWN_HEAD_RE.search(gap)
                    if head and any(_spelt_in_target(head.group()[:n], article, bead)
                                    for n in range(2, len(head.group()) + 1)):
                        a = s - len(head.group())  # a name: unknown part + dictionary word
                        add(seg.text[a:e], "compound", k, seg.start + a, seg.start + e)
                    glosses = dictionary.renderings(word)
                    if any(x.is_proper for x in dictionary.lookup(word)):
                        add(word, "proper-noun", k, seg.start + s, seg.start + e)
                    elif _noun_gloss(glosses):
                        add(word, "dictionary", k, seg.start + s, seg.start + e)
                    if not _content_gloss(glosses):
                        run = []
                        continue
                    run = (run if run and run[-1][1] == s else []) + [(s, e, word)]
                    for n in (2, 3):
                        if len(run) >= n:
                            a, b = run[-n][0], run[-1][1]
                            add(seg.text[a:b], "compound", k, seg.start + a, seg.start + b)
            elif not is_cjk_lang(lang):
                for m in NAME_RUN_RE.finditer(seg.text):
                    a, name = m.start(), m.group()
                    first = name.split()[0]
                    if fold(first) in stop_words("en"):  # "The Riverton Cup" → "Riverton Cup"
                        a += len(first) + (len(name) - len(name[len(first):].lstrip()) - len(first))
                        name = seg.text[a:m.end()]
                    if " " in name and not any(x < m.end() and a < y for x, y in taken):
                        add(name, "source-name", k, seg.start + a, seg.start + m.end())
    kept = {t: v for t, v in found.items() if len(v[1]) >= 2 or v[0] == "name-layer"}
    return _outermost(kept)


def _outermost(terms: dict[str, tuple[str, list[tuple[int, int, int]]]]) -> dict:
    """Drop the occurrences of a term that lie inside an occurrence of a longer kept term
    (自动驾驶 inside 自动驾驶软件): there the longer term is what was translated."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for _, occs in terms.values():
        for k, s, e in occs:
            spans.setdefault(k, []).append((s, e))
    out = {}
    for term, (origin, occs) in terms.items():
        left = [(k, s, e) for k, s, e in occs
                if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans[k])]
        if len(left) >= 2 or (left and origin == "name-layer"):
            out[term] = (origin, left)
    return out


