"""Export of candidate new terms: CSV in the glossary format, and TBX."""
from __future__ import annotations

import csv
import io

from ..terms.report import TermReport, TermRow
from ..terms.tbx import to_tbx


def _rows(report: TermReport) -> list[tuple[str, list[str], str]]:
    out = []
    for r in report.candidates:
        renders = [x.label for x in sorted(r.renderings, key=lambda x: -x.count) if x.kind != "miss"]
        if not renders:
            continue
        source = r.source or renders[0]
        note = _note(r)
        out.append((source, renders, note))
    return out


def _note(r: TermRow) -> str:
    seen = ", ".join(f"{x.label} ×{x.count}" for x in r.renderings)
    return f"candidate ({r.origin}); renderings seen: {seen}"


def render_csv(report: TermReport) -> str:
    """Candidate terms as glossary rows (``source,target,forbidden,case_sensitive,note``):
    the most frequent rendering as target, the others listed in the note for review."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["source", "target", "forbidden", "case_sensitive", "note"])
    for source, renders, note in _rows(report):
        w.writerow([source, renders[0], "", "true" if renders[0] != renders[0].lower() else "false",
                    note])
    return buf.getvalue()


def render_tbx(report: TermReport) -> str:
    first = report.document_info[0] if report.document_info else {}
    src = (first.get("src_lang") or report.src_lang or "und").split("-")[0]
    tgt = (first.get("tgt_lang") or report.tgt_lang or "und").split("-")[0]
    return to_tbx(((s, r[:1], n) for s, r, n in _rows(report)), src, tgt)
