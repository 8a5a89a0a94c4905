"""The glossary report as Markdown."""
from __future__ import annotations

from ..terms.report import TermReport, TermRow


def _pct(v) -> str:
    return "–" if v is None else f"{v:.0%}"


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


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
    out = ["# Glossary report", "",
           f"- Documents: {len(report.documents)} ({', '.join(report.documents)})",
           f"- Glossary: {report.glossary or 'none (terms discovered)'}"]
    if adh:
        out.append(f"- Adherence: {_pct(adh.get('micro'))} micro ({adh.get('accepted')}/"
                   f"{adh.get('occurrences')}), {_pct(adh.get('macro'))} macro")
    out.append(f"- Consistency: C_strict {_pct(con.get('c_strict'))}, C_match "
               f"{_pct(con.get('c_match'))}, C_first {_pct(con.get('c_first'))}")
    out.append(f"- Batch agreement {_pct(s.get('agreement'))}, dispersion {s.get('dispersion')}; "
               f"disagreeing documents: {', '.join(s.get('disagreeing') or []) or 'none'}")
    out += ["", "## Glossary terms", "",
            "| term | approved | occurrences | renderings | adherence | C_strict | agreement | forbidden hits |",
            "|---|---|---:|---|---:|---:|---:|---|"]
    for r in report.terms:
        forb = ", ".join(f"{p.text} ({p.label()})" for p in r.forbidden) or "0"
        out.append(f"| {_cell(r.name)} | {_cell(' | '.join(r.targets))} | {r.occurrences} | "
                   f"{_cell(_rend(r))} | {_pct(r.adherence)} | {_pct(r.c_strict)} | "
                   f"{_pct(r.agreement)} | {_cell(forb)} |")
    out += ["", "## Candidate new terms", "", "| term | origin | occurrences | renderings | C_strict |",
            "|---|---|---:|---|---:|"]
    for r in report.candidates:
        out.append(f"| {_cell(r.name)} | {r.origin} | {r.occurrences} | {_cell(_rend(r))} | "
                   f"{_pct(r.c_strict)} |")
    return "\n".join(out) + "\n"
