"""A self-contained HTML audit report (no network): findings per article, text escaped."""
from __future__ import annotations

from html import escape

from ..model import AuditResult

CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{cursor:pointer;background:#f4f4f4}mark{background:#ffd6d6}
.major,.critical{color:#b00;font-weight:600}.minor{color:#a60}.neutral{color:#067}code{white-space:pre-wrap}"""
JS = """document.querySelectorAll('th').forEach((th,i)=>th.onclick=()=>{const t=th.closest('table'),
b=t.tBodies[0],r=[...b.rows],d=th.dataset.d=th.dataset.d==='a'?'d':'a';r.sort((x,y)=>{const p=x.cells[i]
.innerText,q=y.cells[i].innerText,n=parseFloat(p)-parseFloat(q);return (isNaN(n)?p.localeCompare(q):n)*
(d==='a'?1:-1)});r.forEach(x=>b.appendChild(x))});"""


def render(result: AuditResult, **_: object) -> str:
    parts = ["<!doctype html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width,initial-scale=1'>",
             f"<title>mtqa audit</title><style>{CSS}</style></head><body>", "<h1>mtqa audit</h1>"]
    mqm = result.scores.get("mqm", {})
    verdict = "FAIL" if result.failed() else "PASS"
    parts.append(f"<p><strong>{verdict}</strong> — {len(result.findings)} findings in "
                 f"{len(result.articles)} article(s)"
                 + (f"; MQM quality {mqm['quality']:.1f}" if mqm else "") + "</p>")
    for error in result.errors:
        parts.append(f"<p class='critical'>ERROR {escape(error.path)}: {escape(error.message)}</p>")
    for art in result.articles:
        text = art.article.target.text
        parts.append(f"<h2>{escape(art.article.name)}</h2><table><thead><tr><th>line</th><th>rule</th>"
                     "<th>severity</th><th>category</th><th>text in context</th><th>message</th><th>fix</th>"
                     "</tr></thead><tbody>")
        for f in art.findings:
            t = f.target
            ctx = ""
            if t:
                left = text[max(0, t.doc_start - 40):t.doc_start]
                right = text[t.doc_end:t.doc_end + 40]
                shown = t.text if len(t.text) <= 200 else t.text[:100] + " … " + t.text[-100:]
                ctx = f"{escape(left)}<mark>{escape(shown)}</mark>{escape(right)}"
            parts.append(f"<tr><td>{t.line if t else ''}</td><td>{escape(f.rule_id)} {escape(f.rule_name)}</td>"
                         f"<td class='{f.severity.label}'>{f.severity.label}</td><td>{escape(f.category)}</td>"
                         f"<td><code>{ctx}</code></td><td>{escape(f.message)}</td>"
                         f"<td>{escape(f.suggestion or '')}</td></tr>")
        parts.append("</tbody></table>")
    parts.append(f"<p><small>{escape(result.signature)}</small></p><script>{JS}</script></body></html>")
    return "\n".join(parts) + "\n"
