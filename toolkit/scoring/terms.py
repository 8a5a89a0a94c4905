"""Term adherence and consistency (DESIGN.md "Scores").

For glossary entry *e* and each occurrence *o* of its source term, ρ(o) is the approved
target found in the aligned target (lemma match), another rendering (a forbidden variant,
a form variant, a partial target) or a miss (see :mod:`toolkit.terms.analysis`).

* adherence = accepted occurrences / occurrences, micro (pooled) and macro (mean over terms);
* within-document consistency for terms with ≥ 2 occurrences: C_strict, C_match, C_first;
* batch consistency for terms seen in ≥ 2 documents: agreement, dispersion, and the
  documents that disagree.

Without a glossary, discovered candidate terms are scored the same way and marked
``"discovered": true``. Every value is JSON-serialisable.
"""
from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..model import Article
from ..terms.analysis import ArticleTerms, analyse_article
from ..terms.consistency import across, ratio, within
from ..terms.discover import Candidate, candidates




def term_rows(analysis: ArticleTerms) -> list[dict]:
    """One summary per glossary term that occurs in the article."""
    rows = []
    for t, occs in sorted(analysis.by_term().items()):
        e = analysis.base.terms[t]
        rend = [o.rendering for o in occs]
        kinds = Counter(o.kind for o in occs)
        forbidden_hits = sum(1 for m in analysis.matches if m.role == "forbidden" and t in m.terms
                             and (m.start, m.end) in analysis.reportable)
        w = within([rend])
        rows.append({
            "source": e.source, "target": e.target, "targets": list(e.targets),
            "occurrences": len(occs), "accepted": kinds["accepted"],
            "adherence": ratio((kinds["accepted"], len(occs))),
            "c_strict": w["c_strict"], "c_match": w["c_match"], "c_first": w["c_first"],
            "renderings": dict(Counter(r for r in rend if r is not None).most_common()),
            "kinds": {k: kinds[k] for k in ("accepted", "forbidden", "variant", "partial", "miss")
                      if kinds[k]},
            "misses": kinds["miss"], "forbidden": forbidden_hits, "discovered": False,
        })
    return rows


def candidate_rows(cands: Sequence[Candidate]) -> list[dict]:
    rows = []
    for c in cands:
        rend = [o.rendering for o in c.occurrences]
        w = within([rend])
        rows.append({"key": c.key, "label": c.label, "source": c.source, "origin": c.origin,
                     "occurrences": len(rend), "renderings": dict(c.renderings().most_common()),
                     "misses": sum(1 for r in rend if r is None),
                     "c_strict": w["c_strict"], "c_match": w["c_match"], "c_first": w["c_first"],
                     "discovered": True})
    return rows


def _adherence(rows: list[dict]) -> dict:
    occ = sum(r["occurrences"] for r in rows)
    acc = sum(r["accepted"] for r in rows)
    per = [r["accepted"] / r["occurrences"] for r in rows if r["occurrences"]]
    return {"micro": ratio((acc, occ)), "macro": round(sum(per) / len(per), 4) if per else None,
            "accepted": acc, "occurrences": occ, "terms": len(rows)}


def score_terms(article: Article) -> dict:
    """Adherence and consistency of one article (glossary terms, else discovered terms)."""
    analysis = analyse_article(article)
    cands = candidates(article, analysis)
    out: dict = {"glossary": analysis is not None,
                 "discovered_terms": candidate_rows(cands)}
    if analysis is not None:
        rows = term_rows(analysis)
        groups = [[o.rendering for o in occs] for occs in analysis.by_term().values()]
        out.update({"basis": analysis.basis, "discovered": False, "adherence": _adherence(rows),
                    "consistency": within(groups), "terms": rows,
                    "forbidden_hits": sum(r["forbidden"] for r in rows)})
    else:
        groups = [[o.rendering for o in c.occurrences] for c in cands]
        out.update({"basis": "discovered", "discovered": True, "adherence": None,
                    "consistency": within(groups), "terms": [], "forbidden_hits": 0})
    return out


def batch_part(article: Article) -> dict:
    """What the batch scores need of one article, small and picklable: computed where the
    article was audited, so a batch keeps neither the articles nor a second analysis."""
    analysis = analyse_article(article)
    part: dict = {"name": article.name, "glossary": analysis is not None, "rows": [], "terms": [],
                  "discovered": []}
    if analysis is not None:
        part["rows"] = term_rows(analysis)
        for t, occs in analysis.by_term().items():
            e = analysis.base.terms[t]
            part["terms"].append((e.source, list(e.targets), [o.rendering for o in occs]))
    for c in candidates(article, analysis):
        part["discovered"].append((c.key, [o.rendering for o in c.occurrences]))
    return part


def score_terms_batch(articles: Sequence[Article]) -> dict:
    """Batch view: pooled adherence and consistency, and per-term agreement across documents."""
    return combine_terms_batch([batch_part(a) for a in articles])


def combine_terms_batch(parts: Sequence[dict]) -> dict:
    """The batch view from the :func:`batch_part` of every article, in batch order."""
    per_term: dict[str, dict[str, list]] = {}
    prefer: dict[str, list[str]] = {}
    disc: dict[str, dict[str, list]] = {}
    rows_all, groups, dgroups = [], [], []
    any_glossary = False
    for part in parts:
        if part["glossary"]:
            any_glossary = True
            rows_all += part["rows"]
            for source, targets, rend in part["terms"]:
                groups.append(rend)
                per_term.setdefault(source, {})[part["name"]] = rend
                prefer[source] = targets
        for key, rend in part["discovered"]:
            dgroups.append(rend)
            disc.setdefault(key, {})[part["name"]] = rend
    terms = []
    for source, docs in per_term.items():
        if len(docs) >= 2:
            terms.append({"source": source, "discovered": False, **across(docs, prefer[source])})
    dterms = [{"key": k, "discovered": True, **across(docs)} for k, docs in disc.items()
              if len(docs) >= 2]
    main = terms if any_glossary else dterms
    return {
        "documents": len(parts), "glossary": any_glossary, "discovered": not any_glossary,
        "adherence": _merge_adherence(rows_all) if any_glossary else None,
        "consistency": within(groups if any_glossary else dgroups),
        "agreement": _mean([t["agreement"] for t in main]),
        "dispersion": _mean([t["dispersion"] for t in main]),
        "terms": terms, "discovered_terms": dterms,
        "disagreeing": sorted({d for t in main for d in t["disagreeing"]}),
    }


def _merge_adherence(rows: list[dict]) -> dict:
    by_source: dict[str, list[int]] = {}
    for r in rows:
        acc = by_source.setdefault(r["source"], [0, 0])
        acc[0] += r["accepted"]
        acc[1] += r["occurrences"]
    merged = [{"accepted": a, "occurrences": n} for a, n in by_source.values()]
    return _adherence(merged)


def _mean(values: list) -> float | None:
    vals = [v for v in values if v is not None]
    return round(sum(vals) / len(vals), 4) if vals else None
