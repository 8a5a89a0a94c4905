"""The glossary report of a batch: per term, how it was rendered where.

:func:`build_report` reads article folders (or bilingual files), matches the glossary (if
any) and discovers candidate terms, and returns a :class:`TermReport` that the
``glossary_*`` reporters render. :func:`summary_lines` gives a short plain-text summary
for a terminal.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from ..glossary import Glossary, load_glossary
from ..model import Article
from .analysis import Occurrence, analyse_article
from .consistency import across, ratio, within
from .text import display_key

Progress = Callable[[str, int, int], None]


@dataclass
class Place:
    document: str
    file: str
    line: int
    column: int
    start: int
    end: int
    text: str

    def label(self) -> str:
        """``article/file:line:column`` (just ``file:…`` when the article is that file)."""
        where = self.file if self.document in ("", self.file) else f"{self.document}/{self.file}"
        return f"{where}:{self.line}:{self.column}"


@dataclass
class Rendering:
    label: str
    kind: str  # accepted | forbidden | variant | partial | miss
    count: int = 0
    places: list[Place] = field(default_factory=list)


@dataclass
class TermRow:
    source: str | None
    target: str | None
    targets: list[str]
    note: str = ""
    discovered: bool = False
    origin: str = "glossary"
    occurrences: int = 0
    accepted: int = 0
    per_document: dict[str, int] = field(default_factory=dict)
    renderings: list[Rendering] = field(default_factory=list)
    forbidden: list[Place] = field(default_factory=list)
    adherence: float | None = None
    c_strict: float | None = None
    c_match: float | None = None
    c_first: float | None = None
    agreement: float | None = None
    dispersion: float | None = None
    disagreeing: list[str] = field(default_factory=list)
    _groups: dict = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return self.source or " / ".join(r.label for r in self.renderings)


@dataclass
class TermReport:
    documents: list[str]
    glossary: str | None
    summary: dict
    terms: list[TermRow]
    candidates: list[TermRow]
    src_lang: str = ""
    tgt_lang: str = ""
    # One entry per document: its own glossary and language pair.
    document_info: list[dict] = field(default_factory=list)
    # One entry per document that could not be read: {"file": ..., "message": ...}.
    errors: list[dict] = field(default_factory=list)

    def to_json(self) -> dict:
        def row(r: TermRow) -> dict:
            d = asdict(r)
            d.pop("_groups", None)
            return d
        return {"documents": self.documents, "glossary": self.glossary, "summary": self.summary,
                "terms": [row(r) for r in self.terms], "candidates": [row(r) for r in self.candidates],
                "src_lang": self.src_lang, "tgt_lang": self.tgt_lang, "document_info": self.document_info,
                "errors": self.errors}


def _place(article: Article, start: int, end: int) -> Place:
    doc = article.target
    line, col = doc.line_col(start)
    return Place(article.name, Path(doc.path).name if doc.path else article.name, line, col,
                 start, end, doc.text[start:end])


def _source_place(article: Article, o: Occurrence) -> Place | None:
    if o.source is None or article.source is None:
        return None
    line, col = article.source.line_col(o.source[0])
    return Place(article.name, Path(article.source.path).name, line, col, o.source[0], o.source[1],
                 article.source.text[o.source[0]:o.source[1]])


def _add(row: TermRow, article: Article, occs: Sequence[Occurrence]) -> None:
    row.occurrences += len(occs)
    row.accepted += sum(1 for o in occs if o.kind == "accepted")
    row.per_document[article.name] = row.per_document.get(article.name, 0) + len(occs)
    row._groups.setdefault(article.name, []).extend(o.rendering for o in occs)
    for o in occs:
        label = o.rendering if o.rendering is not None else "(missing)"
        kind = o.kind if o.rendering is not None else "miss"
        rend = next((r for r in row.renderings if r.label == label), None)
        if rend is None:
            rend = Rendering(label, kind)
            row.renderings.append(rend)
        rend.count += 1
        if o.target is not None:
            rend.places.append(_place(article, o.target.start, o.target.end))
        else:
            p = _source_place(article, o)
            if p is not None:
                rend.places.append(p)


def _finish(row: TermRow, prefer: Sequence[str] = ()) -> None:
    groups = row._groups
    w = within(groups.values())
    row.c_strict, row.c_match, row.c_first = w["c_strict"], w["c_match"], w["c_first"]
    if not row.discovered:
        row.adherence = ratio((row.accepted, row.occurrences))
    if len(groups) >= 2:
        a = across(groups, prefer)
        row.agreement, row.dispersion, row.disagreeing = a["agreement"], a["dispersion"], a["disagreeing"]
    row.renderings.sort(key=lambda r: (r.kind == "miss", -r.count, r.label))


def _source_terms(article: Article, cands: dict[str, TermRow]) -> None:
    """Names and compound terms of the source with their renderings learnt from the beads
    (:mod:`.extract`), so that the batch view shows a term rendered differently in
    different documents even without a glossary."""
    from .extract import extract
    from .matcher import Match

    known = {e.source for e in article.glossary or ()}
    for pair in extract(article):
        if not pair.specific or pair.origin == "source-name" or pair.source in known:
            continue  # Latin-script names are discovered by candidates() already
        occs = []
        for p in pair.places:
            target = Match(p.target[0], p.target[1], p.text, None, p.kind) if p.target else None
            label = pair.target if p.kind == "usual" else p.text  # inflections are one rendering
            occs.append(Occurrence(-1, "accepted" if target else "miss",
                                   display_key(label) if target else None, p.source,
                                   article.beads[p.bead].id, target))
        row = cands.setdefault("source-term:" + pair.source,
                               TermRow(pair.source, None, [], "", True, "source-terms"))
        _add(row, article, occs)


def build_report(paths: Sequence[str | Path], glossary: str | Path | Glossary | None = None,
                 progress: Progress | None = None) -> TermReport:
    """Read the articles under ``paths`` and gather every term's renderings.

    A document that cannot be read (an input error) becomes an entry of ``errors`` and the
    rest of the batch is read, as an audit does."""
    from ..api import find_articles, load_article
    from ..errors import InputError
    from ..scoring.terms import score_terms_batch
    from .discover import candidates

    gloss = load_glossary(glossary) if isinstance(glossary, (str, Path)) else glossary
    folders = find_articles(paths)
    articles: list[Article] = []
    rows: dict[str, TermRow] = {}
    cands: dict[str, TermRow] = {}
    prefer: dict[str, list[str]] = {}
    forb_seen: set = set()
    errors: list[dict] = []
    for n, folder in enumerate(folders, 1):
        if progress:
            progress(str(folder), n, len(folders))
        try:
            article = load_article(folder, gloss)
        except InputError as exc:
            errors.append({"file": str(folder), "message": str(exc)})
            continue
        articles.append(article)
        analysis = analyse_article(article)
        if analysis is not None:
            for t, occs in analysis.by_term().items():
                e = analysis.base.terms[t]
                row = rows.setdefault(e.source, TermRow(e.source, e.target, list(e.targets), e.note))
                prefer[e.source] = list(e.targets)
                _add(row, article, occs)
            for m in analysis.matches:
                if m.role == "forbidden" and (m.start, m.end) in analysis.reportable:
                    e = analysis.base.terms[m.terms[0]]
                    key = (article.name, m.start, m.end)
                    if key not in forb_seen:
                        forb_seen.add(key)
                        rows.setdefault(e.source, TermRow(e.source, e.target, list(e.targets), e.note))
                        rows[e.source].forbidden.append(_place(article, m.start, m.end))
        for c in candidates(article, analysis):
            row = cands.setdefault(c.key, TermRow(c.source, None, [], "", True, c.origin))
            _add(row, article, c.occurrences)
        _source_terms(article, cands)
    for source, row in rows.items():
        _finish(row, prefer.get(source, ()))
    for row in cands.values():
        _finish(row)
    first = articles[0] if articles else None
    src_lang = first.source.lang if first is not None and first.source is not None else ""
    tgt_lang = first.target.lang if first is not None else ""
    ordered = sorted(rows.values(), key=lambda r: (-(len(r.renderings) + len(r.forbidden)),
                                                   r.adherence if r.adherence is not None else 1,
                                                   r.source or ""))
    cand_rows = sorted(cands.values(), key=lambda r: (-len(r.renderings), -r.occurrences))
    info = [document_info(a) for a in articles]
    used = {i["glossary"] for i in info}
    if gloss is not None:
        glossary_name = getattr(gloss, "path", None)
    elif len(used) == 1:
        glossary_name = next(iter(used))
    else:
        glossary_name = "each article's own (" + ", ".join(
            f"{i['name']}: {i['glossary'] or 'none'}" for i in info) + ")"
    pairs = {(i["src_lang"], i["tgt_lang"]) for i in info}
    if len(pairs) > 1:
        src_lang = ", ".join(sorted({i["src_lang"] or "?" for i in info}))
        tgt_lang = ", ".join(sorted({i["tgt_lang"] or "?" for i in info}))
    return TermReport([a.name for a in articles], glossary_name,
                      score_terms_batch(articles), ordered, cand_rows, src_lang, tgt_lang, info, errors)


def document_info(article: Article) -> dict:
    """A document's name, target file, own glossary and language pair (never None for text)."""
    return {"name": article.name, "file": Path(article.target.path).name,
            "glossary": getattr(article.glossary, "path", None) if article.glossary is not None else None,
            "src_lang": article.source.lang if article.source is not None else "",
            "tgt_lang": article.target.lang}


def summary_lines(report: TermReport) -> list[str]:
    """A few lines for a terminal: batch figures and the terms that need attention."""
    s = report.summary
    adh = s.get("adherence") or {}
    con = s.get("consistency") or {}

    def pct(v) -> str:
        return "n/a" if v is None else f"{v:.1%}"

    lines = [f"{len(report.documents)} document(s); glossary: {report.glossary or 'none (terms discovered)'}"]
    lines += [f"  ERROR {e['message']}" for e in report.errors]
    if len(report.document_info) > 1:
        for i in report.document_info:
            lines.append(f"  {i['name']}: {i['src_lang'] or '?'} → {i['tgt_lang'] or '?'}, glossary "
                         f"{i['glossary'] or 'none (terms discovered)'}")
    if adh:
        lines.append(f"adherence {pct(adh.get('micro'))} micro ({adh.get('accepted')}/"
                     f"{adh.get('occurrences')}), {pct(adh.get('macro'))} macro over {adh.get('terms')} terms")
    lines.append(f"consistency C_strict {pct(con.get('c_strict'))}, C_match {pct(con.get('c_match'))}, "
                 f"C_first {pct(con.get('c_first'))} ({con.get('groups', 0)} term groups)")
    if s.get("agreement") is not None:
        dispersion = "n/a" if s.get("dispersion") is None else f"{s['dispersion']:.2f}"
        lines.append(f"batch agreement {pct(s['agreement'])}, dispersion {dispersion}; "
                     f"disagreeing: {', '.join(s.get('disagreeing') or []) or 'none'}")
    for r in report.terms:
        if len(r.renderings) > 1 or r.forbidden:
            rend = ", ".join(f"{x.label} ×{x.count}" for x in r.renderings)
            lines.append(f"  {r.source} → {r.target or '(no approved target)'}: {rend}; "
                         f"forbidden hits {len(r.forbidden)}")
    for r in report.candidates[:10]:
        rend = ", ".join(f"{x.label} ×{x.count}" for x in r.renderings)
        lines.append(f"  candidate {r.name}: {rend}")
    return lines
