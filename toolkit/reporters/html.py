"""A self-contained HTML audit report for reviewers (no network, every text escaped).

For each article: a score card (MQM quality, term adherence and consistency, finding
counts, reference metrics with their sacrebleu signatures), then the source and the
translation side by side, one row per aligned bead, with each finding highlighted in
place and listed under its sentence with rule, message and fix. Filters by rule,
severity and article (also from the address: ``report.html#severity=major&rule=NUM``)
and a switch to show only the rows that have findings. Articles come worst first.
"""
from __future__ import annotations

import bisect
from html import escape

from ..model import ArticleResult, AuditResult, Finding, Severity
from .triage import article_row, article_scores, fmt, reference_text

CSS = """body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem auto;max-width:96rem;padding:0 1rem;color:#222}
h1{margin:.2rem 0}h2{margin:2rem 0 .5rem;border-bottom:2px solid #ddd}.muted{color:#666;font-size:.9em}
.cards{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0}.card{border:1px solid #ddd;border-radius:6px;
padding:.4rem .7rem;min-width:8rem}.card b{display:block;font-size:1.2em}.fail b{color:#b00}.pass b{color:#070}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e4e4e4;padding:.35rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.n{color:#888;font-size:.85em;white-space:nowrap}
td.src,td.tgt{width:46%;white-space:pre-wrap;overflow-wrap:anywhere}mark{background:#ffe08a;border-radius:2px}
mark.major,mark.critical{background:#ffc2c2}mark.neutral{background:#d3eefc}mark.src{background:#e7e2ff}
ul.findings{margin:.3rem 0 0;padding-left:1.1rem;font-size:.9em;white-space:normal}.sev{font-weight:600}
.sev.critical,.sev.major{color:#b00}.sev.minor{color:#a60}.sev.neutral{color:#067}.hidden{display:none}
#filters{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #ddd;z-index:1}
#filters label{margin-right:1rem}table.triage td,table.triage th{text-align:right}
table.triage td:first-child,table.triage th:first-child{text-align:left}mark.off{background:none}"""

JS = """(function(){const q=s=>document.querySelector(s),rows=[...document.querySelectorAll('tr.bead')],
items=[...document.querySelectorAll('li.finding')],marks=[...document.querySelectorAll('mark[data-rule]')];
const sel={rule:q('#f-rule'),severity:q('#f-severity'),article:q('#f-article')},only=q('#f-only');
function ok(el){const r=sel.rule.value,s=sel.severity.value;return (!r||el.dataset.rule.startsWith(r))&&
(!s||el.dataset.severity===s)}
function apply(){const a=sel.article.value;let shown=0;
items.forEach(li=>li.classList.toggle('hidden',!ok(li)));marks.forEach(m=>m.classList.toggle('off',!ok(m)));
rows.forEach(tr=>{const hit=[...tr.querySelectorAll('li.finding')].some(ok),
show=(!a||tr.dataset.article===a)&&(hit||(!only.checked&&!sel.rule.value&&!sel.severity.value));
tr.classList.toggle('hidden',!show);if(show)shown++});
document.querySelectorAll('section.article').forEach(s=>s.classList.toggle('hidden',!!a&&s.dataset.article!==a));
q('#shown').textContent=shown+' of '+rows.length+' rows shown'}
const h=new URLSearchParams(location.hash.slice(1));for(const k in sel){if(h.has(k))sel[k].value=h.get(k)}
if(h.has('only'))only.checked=true;
Object.values(sel).concat([only]).forEach(e=>e.addEventListener('change',apply));apply();
document.body.dataset.ready='yes'})();"""


def render(result: AuditResult, **_: object) -> str:
    mqm = result.scores.get("mqm", {})
    verdict = "FAIL" if result.failed() else "PASS"
    findings = result.findings
    order = [row["article"] for row in article_scores(result)]
    by_name = {a.article.name: a for a in result.articles}
    head = (f"<p><strong class='verdict'>{verdict}</strong> — {len(findings)} findings in "
            f"{len(result.articles)} article(s); fails on {escape(result.fail_on.label)} and above"
            + (f" or MQM quality under {result.fail_under:g}" if result.fail_under is not None else "")
            + (f"; batch MQM quality {mqm['quality']:.1f}" if "quality" in mqm else "") + "</p>")
    gate = "".join(f"<p class='sev major'>Quality gate: {escape(n)} is below {result.fail_under:g}</p>"
                   for n in result.below_quality())
    gate += "".join(f"<p class='sev critical'>ERROR {escape(e.message)}</p>" for e in result.errors)
    parts = ["<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
             "<meta name='viewport' content='width=device-width,initial-scale=1'>",
             f"<title>mtqa audit</title><style>{CSS}</style></head><body>", "<h1>mtqa audit</h1>", head, gate,
             _filters(result, order), _triage(result)]
    for name in order:
        parts.append(_article(by_name[name]))
    parts.append(f"<p class='muted'>{escape(result.signature)}</p><script>{JS}</script></body></html>")
    return "\n".join(parts) + "\n"


def _filters(result: AuditResult, order: list[str]) -> str:
    rules = sorted({f.rule_id for f in result.findings})
    families = sorted({r.rstrip("0123456789") for r in rules})
    rule_opts = "".join(f"<option value='{escape(r)}'>{escape(r)}*</option>" for r in families)
    rule_opts += "".join(f"<option value='{escape(r)}'>{escape(r)}</option>" for r in rules)
    sev_opts = "".join(f"<option value='{s.label}'>{s.label}</option>" for s in reversed(Severity))
    art_opts = "".join(f"<option value='{escape(n, quote=True)}'>{escape(n)}</option>" for n in order)
    return ("<div id='filters'><label>Rule <select id='f-rule'><option value=''>all</option>"
            f"{rule_opts}</select></label><label>Severity <select id='f-severity'><option value=''>all"
            f"</option>{sev_opts}</select></label><label>Article <select id='f-article'><option value=''>"
            f"all</option>{art_opts}</select></label><label><input type='checkbox' id='f-only'> only rows "
            "with findings</label><span class='muted' id='shown'>filters need JavaScript</span></div>")


def _triage(result: AuditResult) -> str:
    rows = []
    for row in article_scores(result):
        sev = row["by_severity"]
        passed = "–" if row["pass"] is None else ("pass" if row["pass"] else "fail")
        rows.append(f"<tr><td><a href='#a-{_id(row['article'])}'>{escape(row['article'])}</a></td>"
                    f"<td>{fmt(row['quality'])}</td><td>{passed}</td><td>{fmt(row['term_adherence'], pct=True)}</td>"
                    + "".join(f"<td>{sev[k]}</td>" for k in ("critical", "major", "minor", "neutral"))
                    + f"<td>{escape(reference_text(row['reference']))}</td></tr>")
    return ("<h2>Articles, worst first</h2><table class='triage' id='triage'><thead><tr><th>article</th>"
            "<th>MQM quality</th><th>gate</th><th>term adherence</th><th>critical</th><th>major</th>"
            "<th>minor</th><th>neutral</th><th>reference</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _id(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name)


def _cards(ar: ArticleResult) -> str:
    row = article_row(ar)
    sev = row["by_severity"]
    cls = "" if row["pass"] is None else (" pass" if row["pass"] else " fail")
    cards = [("MQM quality", fmt(row["quality"]), cls),
             ("threshold", fmt(row["threshold"], 0), ""),
             ("penalty / 1,000 words", fmt(row["penalty"]), ""),
             ("term adherence", fmt(row["term_adherence"], pct=True), ""),
             ("term consistency", fmt(row["term_consistency"], pct=True), ""),
             ("findings", f"{sev['critical']} critical · {sev['major']} major · {sev['minor']} minor · "
                          f"{sev['neutral']} neutral", "")]
    for name, metric in (row["reference"] or {}).items():
        cards.append((f"{name} (vs reference)", f"{metric['score']:.1f}", ""))
    out = "".join(f"<div class='card{c}'><span class='muted'>{escape(k)}</span><b>{escape(v)}</b></div>"
                  for k, v, c in cards)
    sigs = "".join(f"<div class='muted'>{escape(k)} signature: <code>{escape(m['signature'])}</code></div>"
                   for k, m in (row["reference"] or {}).items())
    return f"<div class='cards'>{out}</div>{sigs}"


def _article(ar: ArticleResult) -> str:
    art = ar.article
    name = escape(art.name, quote=True)
    langs = f"{art.source.lang if art.source else '?'} → {art.target.lang}"
    gloss = getattr(art.glossary, "path", None) if art.glossary is not None else None
    head = (f"<section class='article' data-article='{name}' id='a-{_id(art.name)}'><h2>{escape(art.name)}</h2>"
            f"<div class='muted'>{escape(art.target.path)} ({escape(langs)})"
            + (f" · glossary {escape(str(gloss))}" if gloss else "") + "</div>"
            + "".join(f"<div class='muted'>note: {escape(n)}</div>" for n in art.notes) + _cards(ar))
    rows, placed = _rows(ar)
    table = ("<table class='side-by-side'><thead><tr><th>#</th><th>source</th><th>translation</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>")
    rest = [f for f in ar.findings if id(f) not in placed]
    extra = ""
    if rest:
        extra = ("<h3>Other findings</h3><table><tbody><tr class='bead' data-article='" + name + "'><td>"
                 + _finding_list(rest) + "</td></tr></tbody></table>")
    return head + table + extra + "</section>"


def _rows(ar: ArticleResult) -> tuple[list[str], set[int]]:
    """One row per bead (or per target segment when there is no source)."""
    art = ar.article
    tgt, src = art.target, art.source
    groups: list[tuple[str, tuple[int, ...], tuple[int, ...]]] = []
    if art.beads and src is not None:
        groups = [(f"{b.kind}" + (f" · {b.confidence:.2f}" if b.confidence < 1 else ""), b.src, b.tgt)
                  for b in art.beads]
    else:
        groups = [("", (), (s.index,)) for s in tgt.segments]
    placed: set[int] = set()
    by_target = _Index([f for f in ar.findings if f.target is not None], lambda f: f.target.doc_start)
    by_source = _Index([f for f in ar.findings if f.target is None and f.source is not None],
                       lambda f: f.source.doc_start)
    out = []
    name = escape(art.name, quote=True)
    for n, (label, s_ids, t_ids) in enumerate(groups, 1):
        t_range = _range(tgt, t_ids)
        s_range = _range(src, s_ids) if src is not None else None
        mine = [f for f in by_target.within(t_range) if id(f) not in placed]
        if not mine:  # omissions point at the source only
            mine = [f for f in by_source.within(s_range) if id(f) not in placed]
        placed.update(id(f) for f in mine)
        src_html = _highlight(src.text, s_range, [f.source for f in mine if f.source], "src") if s_range else ""
        tgt_html = _highlight(tgt.text, t_range, [f.target for f in mine if f.target], None, mine) if t_range else ""
        where = f"{tgt.line_col(t_range[0])[0]}" if t_range else ""
        out.append(f"<tr class='bead' data-article='{name}'><td class='n'>{n}<br>{escape(label)}"
                   f"{'<br>line ' + where if where else ''}</td><td class='src'>{src_html}</td>"
                   f"<td class='tgt'>{tgt_html}{_finding_list(mine) if mine else ''}</td></tr>")
    return out, placed


class _Index:
    """Findings sorted by offset, to take those starting in a range without a full scan."""

    def __init__(self, findings: list[Finding], key) -> None:
        self.findings = sorted(findings, key=key)
        self.starts = [key(f) for f in self.findings]

    def within(self, rng: tuple[int, int] | None) -> list[Finding]:
        if rng is None:
            return []
        lo = bisect.bisect_left(self.starts, rng[0])
        hi = bisect.bisect_left(self.starts, max(rng[1], rng[0] + 1))
        return self.findings[lo:hi]


def _range(doc, ids: tuple[int, ...]) -> tuple[int, int] | None:
    if doc is None or not ids:
        return None
    segs = [doc.segments[i] for i in ids if 0 <= i < len(doc.segments)]
    return (min(s.start for s in segs), max(s.end for s in segs)) if segs else None


def _highlight(text: str, rng: tuple[int, int], spans, kind: str | None,
               findings: list[Finding] | None = None) -> str:
    """The text of ``rng`` with each span in a <mark> (overlaps split into pieces)."""
    start, end = rng
    marks = []
    for i, s in enumerate(spans):
        s_start, s_end = getattr(s, "doc_start", s.start), getattr(s, "doc_end", s.end)  # spans: own text
        a, b = max(s_start, start), min(max(s_end, s_start), end)
        if a <= b:
            f = findings[i] if findings else None
            marks.append((a, b, f))
    cuts = sorted({start, end, *(a for a, _, _ in marks), *(b for _, b, _ in marks)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        cover = [f for (x, y, f) in marks if x <= a and b <= y]
        if not cover:
            out.append(piece)
        elif kind == "src":
            out.append(f"<mark class='src'>{piece}</mark>")
        else:
            worst = max(cover, key=lambda f: f.severity)
            title = "; ".join(f"{f.rule_id}: {f.message}" for f in cover)
            out.append(f"<mark class='{worst.severity.label}' data-rule='{escape(worst.rule_id)}' "
                       f"data-severity='{worst.severity.label}' title='{escape(title, quote=True)}'>{piece}</mark>")
    for a, b, f in marks:  # an empty span (an insertion point) still shows
        if a == b and f is not None and kind != "src":
            out.append(f"<mark class='{f.severity.label}' data-rule='{escape(f.rule_id)}' "
                       f"data-severity='{f.severity.label}' title='{escape(f.message, quote=True)}'>‸</mark>")
    return "".join(out)


def _finding_list(findings: list[Finding]) -> str:
    items = []
    for f in findings:
        t = f.target
        where = (f"{t.line}:{t.column}" + (f" {t.unit}" if t.unit else "")) if t else (f"source {f.source.line}:{f.source.column}" if f.source else "")
        fix = ""
        if f.suggestion is not None:
            shown = escape(_visible(f.suggestion)) if f.suggestion else "(delete)"
            fix = f"<br><span class='fix'>Fix: <code>{shown}</code></span>"
        items.append(f"<li class='finding' data-rule='{escape(f.rule_id)}' data-severity='{f.severity.label}'>"
                     f"<span class='sev {f.severity.label}'>{f.severity.label}</span> <b>{escape(f.rule_id)}</b> "
                     f"{escape(f.rule_name)} <span class='muted'>{escape(where)} · {escape(f.category)}</span><br>"
                     f"{escape(f.message)}{fix}</li>")
    return f"<ul class='findings'>{''.join(items)}</ul>"



def _visible(s: str) -> str:
    """No-break spaces made visible in a fix (typography fixes are otherwise invisible)."""
    return s.replace("\u202f", "⍽").replace("\u00a0", "·")
