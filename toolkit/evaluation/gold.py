"""Score audits against gold MQM annotations (DESIGN.md "Evaluation against gold annotations").

Run as ``python -m toolkit.evaluation.gold corpora [--json out/eval.json] [--no-glossary]``. For every
folder with a ``gold.jsonl``: a gold entry is *found* when a non-neutral finding's
target span overlaps it (the page-chrome entry: when findings cover most of it);
precision = non-neutral findings overlapping some gold span / all non-neutral findings;
false-alarm rate = ``negatives.jsonl`` spans overlapped by a non-neutral finding.
A separate column, ``R sem+hint``, counts a semantic entry as found when any finding,
neutral review hints included, overlaps it.

With ``--no-glossary`` every article is read, aligned and audited as if its folder had no
glossary (most real batches have none): the figures then measure what the rules find
from the source, the target and the lexicons alone.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

CHROME = "Non-article content/Page chrome"
CHROME_COVER = 0.8  # share of a chrome entry that findings must cover


@dataclass(frozen=True)
class Span:
    start: int
    end: int


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Half-open overlap; an empty span counts as a point."""
    a_end = max(a_end, a_start + 1)
    b_end = max(b_end, b_start + 1)
    return a_start < b_end and b_start < a_end


def coverage(start: int, end: int, spans: Sequence[tuple[int, int]]) -> float:
    covered = 0
    pos = start
    for s, e in sorted(spans):
        s, e = max(s, pos), min(e, end)
        if e > s:
            covered += e - s
            pos = e
    return covered / max(end - start, 1)


def read_jsonl(path: Path) -> list[dict]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from None
    return rows


def score(gold: list[dict], findings: list[dict], negatives: list[dict] = ()) -> dict:
    """Recall per detectable class and per MQM top-level category, precision, false alarms.

    ``findings`` are dicts with ``severity`` and ``target`` {start, end} (the JSON contract).
    """
    spans = [(f["target"]["start"], f["target"]["end"]) for f in findings
             if f["severity"] != "neutral" and f.get("target")]
    found_ids = set()
    for g in gold:
        if g["category"] == CHROME:
            hit = coverage(g["start"], g["end"], [s for s in spans if overlaps(*s, g["start"], g["end"])]) >= CHROME_COVER
        else:
            hit = any(overlaps(s, e, g["start"], g["end"]) for s, e in spans)
        if hit:
            found_ids.add(g["id"])
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_cat: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold:
        for table, key in ((by_class, g.get("detectable", "?")), (by_cat, g["category"].split("/")[0])):
            table[key][1] += 1
            table[key][0] += g["id"] in found_ids
    # Semantic entries that a neutral review hint points at too (a separate figure: the
    # columns above count non-neutral findings only).
    all_spans = [(f["target"]["start"], f["target"]["end"]) for f in findings if f.get("target")]
    semantic = [g for g in gold if g.get("detectable") == "semantic"]
    review_found = sum(1 for g in semantic if g["id"] in found_ids or
                       any(overlaps(s, e, g["start"], g["end"]) for s, e in all_spans))
    true_pos = sum(1 for s, e in spans if any(overlaps(s, e, g["start"], g["end"]) for g in gold))
    false_alarms = [n for n in negatives if any(overlaps(s, e, n["start"], n["end"]) for s, e in spans)]

    def ratio(pair):
        return round(pair[0] / pair[1], 4) if pair[1] else None

    gr = [by_class.get("glossary", [0, 0]), by_class.get("rule", [0, 0])]
    gr_pair = [gr[0][0] + gr[1][0], gr[0][1] + gr[1][1]]
    return {
        "gold": len(gold),
        "found": len(found_ids),
        "recall": ratio([len(found_ids), len(gold)]),
        "recall_glossary_rule": ratio(gr_pair),
        "recall_by_detectable": {k: {"found": v[0], "total": v[1], "recall": ratio(v)} for k, v in sorted(by_class.items())},
        "recall_by_category": {k: {"found": v[0], "total": v[1], "recall": ratio(v)} for k, v in sorted(by_cat.items())},
        "review_found_semantic": review_found,
        "review_recall_semantic": ratio([review_found, len(semantic)]),
        "findings": len(spans),
        "true_positive_findings": true_pos,
        "precision": ratio([true_pos, len(spans)]),
        "negatives": len(negatives),
        "false_alarms": len(false_alarms),
        "false_alarm_rate": ratio([len(false_alarms), len(negatives)]),
        "missed": sorted(g["id"] for g in gold if g["id"] not in found_ids),
        "false_alarm_ids": sorted(n.get("id", "?") for n in false_alarms),
    }


def pooled(results: dict[str, dict]) -> dict:
    """Micro figures over several corpora's :func:`score` results (sums of counts)."""
    def ratio(num, den):
        return round(num / den, 4) if den else None

    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results.values():
        for k, v in r["recall_by_detectable"].items():
            by_class[k][0] += v["found"]
            by_class[k][1] += v["total"]
    total = {k: sum(r[k] for r in results.values())
             for k in ("gold", "found", "findings", "true_positive_findings", "negatives", "false_alarms")}
    gr = [sum(by_class[k][i] for k in ("glossary", "rule") if k in by_class) for i in (0, 1)]
    return {**total,
            "recall": ratio(total["found"], total["gold"]),
            "recall_glossary_rule": ratio(*gr),
            "recall_by_detectable": {k: {"found": v[0], "total": v[1], "recall": ratio(*v)}
                                     for k, v in sorted(by_class.items())},
            "review_recall_semantic": ratio(sum(r.get("review_found_semantic", 0) for r in results.values()),
                                            by_class["semantic"][1] if "semantic" in by_class else 0),
            "precision": ratio(total["true_positive_findings"], total["findings"]),
            "false_alarm_rate": ratio(total["false_alarms"], total["negatives"]),
            "seconds": round(sum(r.get("seconds", 0) for r in results.values()), 2)}


def evaluate_folder(folder: Path, use_glossary: bool = True) -> dict:
    from ..api import load_article
    from ..engine import run_rules

    started = time.perf_counter()
    article = load_article(folder) if use_glossary else _without_glossary(folder)
    findings = [f.to_json() for f in run_rules(article)]
    gold = read_jsonl(folder / "gold.jsonl")
    negatives = read_jsonl(folder / "negatives.jsonl") if (folder / "negatives.jsonl").is_file() else []
    out = score(gold, findings, negatives)
    out["seconds"] = round(time.perf_counter() - started, 2)
    # Findings outside any gold span, so a developer sees what lowers precision.
    out["unmatched_findings"] = [
        {"rule_id": f["rule_id"], "start": f["target"]["start"], "text": f["target"]["text"][:60]}
        for f in findings if f["severity"] != "neutral" and f.get("target")
        and not any(overlaps(f["target"]["start"], f["target"]["end"], g["start"], g["end"]) for g in gold)]
    return out


def _without_glossary(folder: Path):
    """The article of ``folder`` read, aligned and audited with no glossary at all (the
    folder's glossary file is ignored, also as an alignment lexicon)."""
    from dataclasses import replace

    from ..api import load_article
    from ..glossary import Glossary

    return replace(load_article(folder, Glossary(())), glossary=None)


HELD_OUT_MARK = "held-out evaluation corpus"


def is_held_out(folder: Path) -> bool:
    """A corpus written blind, without reference to the rules: its README says it is "A
    held-out evaluation corpus" in its opening lines."""
    readme = folder / "README.md"
    if not readme.is_file():
        return False
    head = readme.read_text(encoding="utf-8", errors="replace").splitlines()[:12]
    return any(HELD_OUT_MARK in line.lower() for line in head)


def grouped(results: dict[str, dict], held_out: set[str]) -> dict[str, dict]:
    """Per-corpus rows, then pooled rows for the held-out corpora, the others and all."""
    table = dict(results)
    if len(results) > 1:
        inside = {k: v for k, v in results.items() if k in held_out}
        outside = {k: v for k, v in results.items() if k not in held_out}
        if inside and outside:
            table[f"held out ({len(inside)})"] = pooled(inside)
            table[f"others ({len(outside)})"] = pooled(outside)
        table["all (pooled)"] = pooled(results)
    return table


def markdown(table: dict[str, dict], held_out: set[str]) -> str:
    """The figures as the README's Markdown table."""
    lines = ["| corpus | gold | recall | recall glossary+rule | recall glossary | recall rule | "
             "recall semantic | semantic incl. hints | precision | false alarms |",
             "|---|" + "---:|" * 9]

    def f2(x):
        return "–" if x is None else f"{x:.2f}"

    for name, r in table.items():
        d = r["recall_by_detectable"]
        pooled_row = name.startswith(("held out (", "others (", "all (pooled)"))
        label = f"**{name}**" if pooled_row else f"{name} (held out)" if name in held_out else name
        lines.append(f"| {label} | {r['gold']} | {f2(r['recall'])} | {f2(r['recall_glossary_rule'])} | "
                     f"{f2(d.get('glossary', {}).get('recall'))} | {f2(d.get('rule', {}).get('recall'))} | "
                     f"{f2(d.get('semantic', {}).get('recall'))} | {f2(r.get('review_recall_semantic'))} | "
                     f"{f2(r['precision'])} | {r['false_alarms']}/{r['negatives']} |")
    return "\n".join(lines)


def _fmt(x) -> str:
    return "  –  " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.gold", description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="?", default="corpora", help="folder of article folders")
    parser.add_argument("--json", dest="json_out", help="write the figures here")
    parser.add_argument("--verbose", "-v", action="store_true", help="list missed entries and false alarms")
    parser.add_argument("--no-glossary", action="store_true",
                        help="ignore every folder's glossary (audit and alignment)")
    parser.add_argument("--markdown", action="store_true", help="also print the figures as a Markdown table")
    args = parser.parse_args(argv)
    root = Path(args.corpora)
    folders = sorted(p.parent for p in root.glob("*/gold.jsonl"))
    if not folders:
        print(f"eval: no */gold.jsonl under {root}", file=sys.stderr)
        return 2
    results = {}
    for folder in folders:
        try:
            results[folder.name] = evaluate_folder(folder, use_glossary=not args.no_glossary)
        except Exception as exc:  # report which corpus broke, as one line
            print(f"eval: {folder}: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 2
    print("without glossaries" if args.no_glossary else "with each folder's glossary")
    header = f"{'corpus':<18}{'gold':>5}{'R all':>8}{'R gl+rule':>10}{'R gloss':>9}{'R rule':>8}{'R sem':>8}{'R sem+hint':>11}{'P':>8}{'FA':>8}{'sec':>7}"
    print(header)
    print("-" * len(header))
    held_out = {f.name for f in folders if is_held_out(f)}
    table = grouped(results, held_out)
    for name, r in table.items():
        d = r["recall_by_detectable"]
        print(f"{name:<18}{r['gold']:>5}{_fmt(r['recall']):>8}{_fmt(r['recall_glossary_rule']):>10}"
              f"{_fmt(d.get('glossary', {}).get('recall')):>9}{_fmt(d.get('rule', {}).get('recall')):>8}"
              f"{_fmt(d.get('semantic', {}).get('recall')):>8}{_fmt(r.get('review_recall_semantic')):>11}"
              f"{_fmt(r['precision']):>8}"
              f"{_fmt(r['false_alarm_rate']):>8}{r['seconds']:>7.1f}")
    for name, r in results.items():
        cats = ", ".join(f"{k} {v['found']}/{v['total']}" for k, v in r["recall_by_category"].items())
        print(f"\n{name}: recall by category: {cats}")
        print(f"{name}: {r['true_positive_findings']}/{r['findings']} findings on gold spans; "
              f"{r['false_alarms']}/{r['negatives']} negatives flagged")
        if args.verbose:
            print(f"  missed: {', '.join(r['missed']) or 'none'}")
            for f in r["unmatched_findings"]:
                print(f"  outside gold: {f['rule_id']} @{f['start']} {f['text']!r}")
            if r["false_alarm_ids"]:
                print(f"  false alarms: {', '.join(r['false_alarm_ids'])}")
    if args.markdown:
        print("\n" + markdown(table, held_out))
    if args.json_out:
        out = Path(args.json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(table, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
