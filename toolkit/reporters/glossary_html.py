"""The glossary report as one self-contained HTML file (inline CSS and JS, no network).

All text from articles and glossaries is escaped with :func:`html.escape`.
"""
from __future__ import annotations

from html import escape

from ..terms.report import Rendering, TermReport, TermRow

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;
max-width:1200px;padding:0 1rem;color:#1d232a;background:#fafafa}
h1{font-size:1.4rem;margin:.2rem 0}h2{font-size:1.1rem;margin-top:2rem}
.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.card{background:#fff;border:1px solid #dde1e6;border-radius:6px;padding:.5rem .8rem;min-width:9rem}
.card b{display:block;font-size:1.3rem}.muted{color:#5f6b7a;font-size:.85rem}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid #e4e7eb;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f4;cursor:pointer;user-select:none;position:sticky;top:0}
th.sorted-asc::after{content:" \\25B2"}th.sorted-desc::after{content:" \\25BC"}
.bar{display:inline-block;height:.6rem;background:#4c7bd9;border-radius:2px;margin-right:.3rem;
vertical-align:middle}.bar.forbidden{background:#d9534f}.bar.variant,.bar.partial{background:#e0a030}
.bar.miss{background:#9aa4b1}.rend{white-space:nowrap}.kind{font-size:.75rem;color:#5f6b7a}
details summary{cursor:pointer;color:#2d5fb8}code{font-size:.85rem}
.bad{color:#b52b27;font-weight:600}.wrap{overflow-x:auto}.ok{color:#2e7d32}
"""

JS = """
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('th').forEach(function(th,i){th.addEventListener('click',function(){
  var asc=!th.classList.contains('sorted-asc');
  t.querySelectorAll('th').forEach(function(h){h.classList.remove('sorted-asc','sorted-desc')});
  th.classList.add(asc?'sorted-asc':'sorted-desc');
  var body=t.tBodies[0],rows=Array.prototype.slice.call(body.rows);
  rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-sort')||a.cells[i].textContent,
   y=b.cells[i].getAttribute('data-sort')||b.cells[i].textContent,
   nx=parseFloat(x),ny=parseFloat(y);
   var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y);return asc?c:-c});
  rows.forEach(function(r){body.appendChild(r)});});});});
document.getElementById('status').textContent='Sorted tables ready: '+
 document.querySelectorAll('table.sortable tbody tr').length+' rows';
"""


def _pct(v) -> str:
    return "–" if v is None else f"{v:.0%}"


def _num(v) -> str:
    return "-1" if v is None else str(v)


def _bars(rends: list[Rendering]) -> str:
    total = sum(r.count for r in rends) or 1
    out = []
    for r in rends:
        width = max(2, round(120 * r.count / total))
        places = "".join(f"<li><code>{escape(p.label())}</code> {escape(p.text)}</li>" for p in r.places)
        detail = (f"<details><summary>{len(r.places)} place(s)</summary><ul>{places}</ul></details>"
                  if r.places else "")
        out.append(f'<div class="rend"><span class="bar {escape(r.kind)}" style="width:{width}px">'
                   f'</span><span class="rendering">{escape(r.label)}</span> '
                   f'<span class="count">×{r.count}</span> <span class="kind">{escape(r.kind)}</span>'
                   f"{detail}</div>")
    return "".join(out)


def _row(r: TermRow, discovered: bool) -> str:
    docs = "<br>".join(f"{escape(d)}: {n}" for d, n in r.per_document.items())
    forb = "".join(f"<li><code>{escape(p.label())}</code> {escape(p.text)}</li>" for p in r.forbidden)
    forb_cell = (f'<span class="bad">{len(r.forbidden)}</span><details><summary>where</summary>'
                 f"<ul>{forb}</ul></details>") if r.forbidden else "0"
    cells = [
        f'<td data-sort="{escape(r.name)}">{escape(r.name)}'
        + (f'<details class="muted"><summary>note</summary>{escape(r.note)}</details>'
           if r.note else "") + "</td>",
    ]
    if not discovered:
        cells.append(f"<td>{escape(' | '.join(r.targets))}</td>")
    cells += [
        f'<td data-sort="{r.occurrences}">{r.occurrences}<div class="muted">{docs}</div></td>',
        f'<td data-sort="{len(r.renderings)}">{_bars(r.renderings)}</td>',
    ]
    if not discovered:
        cells.append(f'<td data-sort="{_num(r.adherence)}">{_pct(r.adherence)}</td>')
    cells += [f'<td data-sort="{_num(r.c_strict)}">{_pct(r.c_strict)}</td>',
              f'<td data-sort="{_num(r.c_match)}">{_pct(r.c_match)}</td>',
              f'<td data-sort="{_num(r.agreement)}">{_pct(r.agreement)}'
              + (f'<div class="muted">disagree: {escape(", ".join(r.disagreeing))}</div>'
                 if r.disagreeing else "") + "</td>"]
    if not discovered:
        cells.append(f'<td data-sort="{len(r.forbidden)}">{forb_cell}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


def _table(rows: list[TermRow], discovered: bool, table_id: str) -> str:
    head = ["Term"] + ([] if discovered else ["Approved target"]) + ["Occurrences", "Renderings"]
    head += ([] if discovered else ["Adherence"]) + ["C_strict", "C_match", "Batch agreement"]
    head += [] if discovered else ["Forbidden hits"]
    ths = "".join(f"<th>{h}</th>" for h in head)
    body = "".join(_row(r, discovered) for r in rows) or \
        f'<tr><td colspan="{len(head)}">none</td></tr>'
    return (f'<div class="wrap"><table class="sortable" id="{table_id}"><thead><tr>{ths}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _documents(report: TermReport) -> str:
    """Each document with its own glossary and language pair."""
    if len(report.document_info) < 2:
        return ""
    rows = "".join(f"<tr><td>{escape(i['name'])}</td><td>{escape(i['file'])}</td>"
                   f"<td>{escape(i['src_lang'] or '?')} → {escape(i['tgt_lang'] or '?')}</td>"
                   f"<td>{escape(i['glossary'] or 'none: terms were discovered')}</td></tr>"
                   for i in report.document_info)
    return ('<h2>Documents</h2><div class="wrap"><table id="documents"><thead><tr><th>Document</th>'
            f"<th>File</th><th>Languages</th><th>Glossary</th></tr></thead><tbody>{rows}</tbody></table></div>")


def _errors(report: TermReport) -> str:
    """The documents that could not be read, one line each."""
    if not report.errors:
        return ""
    items = "".join(f"<li>ERROR {escape(e['message'])}</li>" for e in report.errors)
    return f'<h2>Unreadable documents</h2><ul id="errors">{items}</ul>\n'


def render(report: TermReport) -> str:
    s = report.summary
    adh = s.get("adherence") or {}
    con = s.get("consistency") or {}
    forb = sum(len(r.forbidden) for r in report.terms)
    cards = [("Documents", str(len(report.documents))),
             ("Adherence (micro)", _pct(adh.get("micro")) + (f" <span class='muted'>{adh.get('accepted')}/"
                                                              f"{adh.get('occurrences')}</span>" if adh else "")),
             ("Adherence (macro)", _pct(adh.get("macro"))),
             ("C_strict", _pct(con.get("c_strict"))), ("C_match", _pct(con.get("c_match"))),
             ("C_first", _pct(con.get("c_first"))), ("Batch agreement", _pct(s.get("agreement"))),
             ("Dispersion", "–" if s.get("dispersion") is None else f"{s['dispersion']:.2f}"),
             ("Forbidden hits", str(forb)), ("Candidate terms", str(len(report.candidates)))]
    card_html = "".join(f'<div class="card"><span class="muted">{escape(k)}</span><b>{v}</b></div>'
                        for k, v in cards)
    disagree = ", ".join(s.get("disagreeing") or [])
    gloss = escape(report.glossary or "none: terms were discovered")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Glossary report</title><style>{CSS}</style></head><body>
<h1>Glossary report</h1>
<div class="muted">Glossary: {gloss} · {escape(report.src_lang)} → {escape(report.tgt_lang)} ·
documents: {escape(", ".join(report.documents))}</div>
<section id="summary"><h2>Batch summary</h2><div class="cards">{card_html}</div>
<div class="muted">Documents that disagree with the batch majority: {escape(disagree) or "none"}.
Adherence: approved renderings / source-term occurrences. C_strict: agreeing pairs of
renderings within a document (a miss agrees with nothing); C_match: the same over matched
renderings only.</div></section>
{_errors(report)}{_documents(report)}
<h2>Glossary terms</h2>{_table(report.terms, False, "terms")}
<h2>Candidate new terms</h2>{_table(report.candidates, True, "candidates")}
<p class="muted" id="status">Tables are static (JavaScript off).</p>
<script>{JS}</script></body></html>
"""
