"""The glossary report as Markdown; every piece of user text is escaped."""
from __future__ import annotations

from ..terms.report import TermReport, TermRow
from .markdown import escape


def _pct(v) -> str:
    return "–" if v is None else f"{v:.0%}"


def _num(v) -> str:
    return "–" if v is None else str(v)


def _rend(r: TermRow) -> str:
    parts = []
    for x in r.renderings:
        where = ", ".join(p.label() for p in x.places[:5]) + (" …" if len(x.places) > 5 else "")
        parts.append(f"{x.label} ×{x.count} ({x.kind}{': ' + where if where else ''})")
    return "; ".join(parts)


def render(report: TermReport) -> str:
    s = report.summary
    adh = s.get("adherence") or {}
    con = s.get("consistency") or {}
    dispersion = "–" if s.get("dispersion") is None else f"{s['dispersion']:.2f}"
    out = ["# Glossary report", "",
           f"- Documents: {len(report.documents)} ({escape(', '.join(report.documents))})",
           f"- Glossary: {escape(report.glossary or 'none (terms discovered)')}",
           f"- Languages: {escape(report.src_lang or '?')} → {escape(report.tgt_lang or '?')}"]
    if adh:
        out.append(f"- Adherence: {_pct(adh.get('micro'))} micro ({_num(adh.get('accepted'))}/"
                   f"{_num(adh.get('occurrences'))}), {_pct(adh.get('macro'))} macro")
    out.append(f"- Consistency: C_strict {_pct(con.get('c_strict'))}, C_match "
               f"{_pct(con.get('c_match'))}, C_first {_pct(con.get('c_first'))}")
    out.append(f"- Batch agreement {_pct(s.get('agreement'))}, dispersion {dispersion}; "
               f"disagreeing documents: {escape(', '.join(s.get('disagreeing') or [])) or 'none'}")
    if report.errors:
        out += ["", "## Unreadable documents", ""] + [f"- ERROR {escape(e['message'])}" for e in report.errors]
    if report.document_info:
        out += ["", "## Documents", "", "| document | file | languages | glossary |", "|---|---|---|---|"]
        for i in report.document_info:
            out.append(f"| {escape(i['name'])} | {escape(i['file'])} | {escape(i['src_lang'] or '?')} → "
                       f"{escape(i['tgt_lang'] or '?')} | {escape(i['glossary'] or 'none (terms discovered)')} |")
    out += ["", "## Glossary terms", "",
            "| term | approved | occurrences | renderings | adherence | C_strict | agreement | forbidden hits |",
            "|---|---|---:|---|---:|---:|---:|---|"]
    for r in report.terms:
        forb = ", ".join(f"{p.text} ({p.label()})" for p in r.forbidden) or "0"
        out.append(f"| {escape(r.name)} | {escape(' / '.join(r.targets))} | {r.occurrences} | "
                   f"{escape(_rend(r))} | {_pct(r.adherence)} | {_pct(r.c_strict)} | "
                   f"{_pct(r.agreement)} | {escape(forb)} |")
    out += ["", "## Candidate new terms", "", "| term | origin | occurrences | renderings | C_strict |",
            "|---|---|---:|---|---:|"]
    for r in report.candidates:
        out.append(f"| {escape(r.name)} | {escape(r.origin)} | {r.occurrences} | {escape(_rend(r))} | "
                   f"{_pct(r.c_strict)} |")
    return "\n".join(out) + "\n"
