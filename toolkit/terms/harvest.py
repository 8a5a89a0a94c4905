"""Candidate glossary entries harvested from aligned articles (``mtqa glossary extract``).

Each article of a batch is read and aligned; :func:`toolkit.terms.extract.extract` gives
its term pairs (a source term, its usual rendering, where it met it). Pairs are pooled
over the batch by source term and rendering (compared case- and inflection-blind, the
first written form kept): a row says how often the rendering was seen, in how many
documents, how sure the association is (the count-weighted mean of the articles'
confidences), where the term came from (name layer, dictionary, source name…) and which
other renderings the batch used for the same source term. Terms already in an article's
glossary are left out: they are not candidates.

Renderers give the rows as glossary CSV (loadable by ``--glossary``: the extra columns
are ignored), TBX or JSON.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..textutil import fold
from .text import singular

Progress = Callable[[str, int, int], None]


@dataclass
class Candidate:
    source: str
    target: str
    count: int
    documents: list[str]
    confidence: float
    origin: str
    others: dict[str, int] = field(default_factory=dict)  # other renderings of the source

    def note(self) -> str:
        seen = ", ".join(f"{r} ×{n}" for r, n in self.others.items())
        where = f"{self.count} × in {len(self.documents)} document(s)"
        return f"candidate ({self.origin}, confidence {self.confidence:.2f}; {where})" + \
            (f"; other renderings: {seen}" if seen else "")


def _rkey(text: str) -> str:
    return " ".join(singular(w) for w in fold(text).split())


def harvest(paths: Sequence[str | Path], min_count: int = 2, min_confidence: float = 0.5,
            progress: Progress | None = None) -> tuple[list[Candidate], str, str]:
    """Candidates of the articles under ``paths``, best first; also the source and target
    languages met (for TBX)."""
    from ..api import find_articles, load_article
    from ..readers.base import base_lang
    from .extract import extract

    folders = find_articles(paths)
    pooled: dict[tuple[str, str], dict] = {}
    variants: dict[str, dict[str, int]] = {}
    src_lang = tgt_lang = ""
    for n, path in enumerate(folders, 1):
        if progress:
            progress(str(path), n, len(folders))
        article = load_article(path)
        if article.source is None:
            continue
        src_lang = src_lang or base_lang(article.source.lang)
        tgt_lang = tgt_lang or base_lang(article.target.lang)
        known = {e.source for e in article.glossary or ()}
        for pair in extract(article):
            if pair.source in known:
                continue
            slot = pooled.setdefault((pair.source, _rkey(pair.target)), {
                "target": pair.target, "count": 0, "docs": [], "weight": 0.0,
                "origin": pair.origin})
            slot["count"] += pair.count
            slot["weight"] += pair.confidence * pair.count
            if article.name not in slot["docs"]:
                slot["docs"].append(article.name)
            for v in pair.variants:
                others = variants.setdefault(pair.source, {})
                others[v.text] = others.get(v.text, 0) + 1
    by_source: dict[str, list[tuple[str, dict]]] = {}
    for (source, rkey), slot in pooled.items():
        by_source.setdefault(source, []).append((rkey, slot))
    out = []
    for (source, rkey), slot in pooled.items():
        confidence = round(slot["weight"] / slot["count"], 2) if slot["count"] else 0.0
        if slot["count"] < min_count and slot["origin"] != "name-layer":
            continue
        if confidence < min_confidence:
            continue
        others = {r: c for r, c in variants.get(source, {}).items() if _rkey(r) != rkey}
        for k2, other in by_source[source]:  # the batch rendered the term another way
            if k2 != rkey:
                others[other["target"]] = others.get(other["target"], 0) + other["count"]
        out.append(Candidate(source, slot["target"], slot["count"], slot["docs"], confidence,
                             slot["origin"], others))
    out.sort(key=lambda c: (-c.confidence, -c.count, c.source))
    return out, src_lang, tgt_lang


def render_csv(rows: Sequence[Candidate]) -> str:
    """Glossary CSV (``source,target,forbidden,case_sensitive,note``) plus the figures."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "target", "forbidden", "case_sensitive", "note", "count", "documents",
                "confidence", "origin"])
    for c in rows:
        w.writerow([c.source, c.target, "", "true" if c.target != c.target.lower() else "false",
                    c.note(), c.count, len(c.documents), f"{c.confidence:.2f}", c.origin])
    return buf.getvalue()


def render_tbx(rows: Sequence[Candidate], src_lang: str, tgt_lang: str) -> str:
    from .tbx import to_tbx

    return to_tbx(((c.source, [c.target], c.note()) for c in rows), src_lang or "und",
                  tgt_lang or "und")


def render_json(rows: Sequence[Candidate]) -> str:
    return json.dumps({"candidates": [asdict(c) for c in rows]}, ensure_ascii=False, indent=2) + "\n"
