"""Sentence-alignment evaluation on the gold sets: ``python -m toolkit.evaluation.align``.

Every folder of ``--data`` (default ``../shared/benchmarks/align``) and every
``corpora/*/align/`` folder is a set. Two layouts are recognised:

* ``<stem>.<l1>``, ``<stem>.<l2>`` and gold beads ``<stem>.<l1><l2>`` side by side
  (``dev.de dev.fr dev.defr``); a set may hold several such documents;
* a ``gold/`` folder next to two folders holding files of the same names
  (``eng/X.txt isl/X.txt gold/X.txt``); the source folder is the one whose name comes
  first in the gold file's pairing, else alphabetically.

Sets that the project may not ship are read where they lie, from the folders listed in
``$MTQA_ALIGN_EXTRA`` (separated by ``:``) or ``--extra``: a checkout of the MAC
repository (zh–en, read by :mod:`toolkit.evaluation.mac`) and folders in either layout
above, such as the ``text+berg`` test folder of the Bertalign repository. Without
them, those rows are skipped with a note.

Scores are micro-averaged per set (see ``align_score.py``); each row is printed beside
the project's target for it and the strict F1 of a banded Gale–Church reference
(``gale_church.py``); then the speed of the aligner against that reference, and how
its time and memory grow with the length of a text (``align_speed.py``). Figures are
written as JSON with ``--json``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..align import align_sentences
from ..align.io import read_presegmented
from . import gale_church
from .align_score import BeadPair, Counts, count, read_beads, scores

__all__ = ["Doc", "Item", "discover", "load", "extra_sets", "evaluate", "TARGETS", "main"]

EXTRA_ENV = "MTQA_ALIGN_EXTRA"
MAC_ALL = "mac-dev+test"
# What each set must reach: (figure, threshold); "not worse" targets hold the figures
# measured before the dictionary anchors and the deletion model came in.
TARGETS: dict[str, list[tuple[str, float]]] = {
    MAC_ALL: [("f1_strict", 0.75)],
    "textberg-dev": [("f1_strict", 0.870), ("f1_null", 0.60)],
    "text+berg": [("f1_strict", 0.874), ("f1_null", 0.60)],
    "transread-enfr-dev": [("f1_strict", 0.90)],
    "parice-enis": [("f1_strict", 0.901)],
    "dojo-zhfr": [("f1_strict", 1.0)],
}
EXPECTED_EXTRA = {MAC_ALL: "MAC (github.com/bfsujason/mac)",
                  "text+berg": "Text+Berg test (text+berg/ of github.com/bfsujason/bertalign)"}

_LANG3 = {"eng": "en", "isl": "is", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de",
          "zho": "zh", "chi": "zh", "cmn": "zh", "spa": "es", "ita": "it", "jpn": "ja",
          "por": "pt", "nld": "nl", "rus": "ru"}


@dataclass
class Doc:
    name: str
    src: Path
    tgt: Path
    gold: Path
    src_lang: str
    tgt_lang: str


@dataclass
class Item:
    """One document, read: sentences of both sides and gold beads."""

    name: str
    src: list[str]
    tgt: list[str]
    gold: list[BeadPair]
    src_lang: str
    tgt_lang: str


def load(docs: list[Doc]) -> list[Item]:
    return [Item(d.name, read_presegmented(d.src), read_presegmented(d.tgt),
                 read_beads(d.gold), d.src_lang, d.tgt_lang) for d in docs]


def _lang(code: str) -> str:
    code = code.lower()
    return _LANG3.get(code, code)


def _stem_layout(folder: Path) -> list[Doc]:
    docs = []
    for gold in sorted(folder.iterdir()):
        if not gold.is_file() or not gold.suffix or len(gold.suffix) < 5:
            continue
        pair = gold.suffix[1:]
        stem = gold.with_suffix("")
        for cut in range(2, len(pair) - 1):
            l1, l2 = pair[:cut], pair[cut:]
            s, t = stem.with_suffix("." + l1), stem.with_suffix("." + l2)
            if s.is_file() and t.is_file():
                docs.append(Doc(stem.name, s, t, gold, _lang(l1), _lang(l2)))
                break
    return docs


def _folder_layout(folder: Path) -> list[Doc]:
    gold_dir = folder / "gold"
    if not gold_dir.is_dir():
        return []
    sides = sorted(d for d in folder.iterdir() if d.is_dir() and d.name != "gold")
    if len(sides) != 2:
        return []
    order = _side_order(folder.name, sides)
    s_dir, t_dir = order
    docs = []
    for gold in sorted(gold_dir.iterdir()):
        s, t = s_dir / gold.name, t_dir / gold.name
        if gold.is_file() and s.is_file() and t.is_file():
            docs.append(Doc(gold.stem, s, t, gold, _lang(s_dir.name), _lang(t_dir.name)))
    return docs


def _side_order(set_name: str, sides: list[Path]) -> list[Path]:
    """Source first: the side whose language appears first in the set's name (en-is)."""
    name = set_name.lower()
    pos = []
    for d in sides:
        code = _lang(d.name)
        k = name.find(code)
        pos.append(k if k >= 0 else 99)
    return sides if pos[0] <= pos[1] else sides[::-1]


def discover(roots: list[Path]) -> list[tuple[str, list[Doc]]]:
    """(set name, documents) for every gold set found under the given roots."""
    sets = []
    for root in roots:
        if not root.is_dir():
            continue
        candidates = [root] + sorted(d for d in root.iterdir() if d.is_dir())
        for folder in candidates:
            docs = _stem_layout(folder) or _folder_layout(folder)
            if docs:
                name = folder.name if folder != root else root.name
                if name == "align":
                    name = folder.parent.name
                sets.append((name, docs))
    return sets


def extra_sets(paths: list[Path]) -> list[tuple[str, list[Item]]]:
    """Sets read from folders outside the project (see the module docstring)."""
    from . import mac

    sets = []
    for root in paths:
        if not root.is_dir():
            continue
        if mac.is_mac_root(root):
            for split in mac.SPLITS:
                items = [Item(c.name, c.src, c.tgt, c.gold, "zh", "en")
                         for c in mac.chapters(root, split)]
                if items:
                    sets.append((f"mac-{split}", items))
            continue
        sets += [(name, load(docs)) for name, docs in discover([root])]
    return sets


def _row(name: str, items: list[Item], baseline: bool) -> dict:
    total, gc_total = Counts(), Counts()
    n_src = n_tgt = 0
    seconds = gc_seconds = 0.0
    per_doc = []
    for it in items:
        t0 = time.perf_counter()
        beads = align_sentences(it.src, it.tgt, src_lang=it.src_lang, tgt_lang=it.tgt_lang)
        dt = time.perf_counter() - t0
        c = count(it.gold, [(b.src, b.tgt) for b in beads])
        total = total + c
        if baseline:
            t0 = time.perf_counter()
            gc_total = gc_total + count(it.gold, gale_church.align(it.src, it.tgt))
            gc_seconds += time.perf_counter() - t0
        n_src += len(it.src)
        n_tgt += len(it.tgt)
        seconds += dt
        per_doc.append({"doc": it.name, "src": len(it.src), "tgt": len(it.tgt),
                        "seconds": round(dt, 3),
                        **{k: round(v, 4) for k, v in scores(c).items()}})
    pair = f"{items[0].src_lang}-{items[0].tgt_lang}"
    row = {"set": name, "pair": pair, "documents": len(items), "src": n_src, "tgt": n_tgt,
           "seconds": round(seconds, 3), **{k: round(v, 4) for k, v in scores(total).items()},
           "per_document": per_doc, "counts": vars(total)}
    if baseline:
        row["gale_church"] = {"seconds": round(gc_seconds, 3),
                              **{k: round(v, 4) for k, v in scores(gc_total).items()}}
        row["gc_counts"] = vars(gc_total)
    return row


def _combined(name: str, rows: list[dict]) -> dict:
    """One row summing the counts of several (the two MAC splits)."""
    total = sum((Counts(**r["counts"]) for r in rows), Counts())
    row = {"set": name, "pair": rows[0]["pair"], "documents": sum(r["documents"] for r in rows),
           "src": sum(r["src"] for r in rows), "tgt": sum(r["tgt"] for r in rows),
           "seconds": round(sum(r["seconds"] for r in rows), 3),
           **{k: round(v, 4) for k, v in scores(total).items()}, "per_document": [],
           "counts": vars(total)}
    if all("gc_counts" in r for r in rows):
        gc = sum((Counts(**r["gc_counts"]) for r in rows), Counts())
        row["gale_church"] = {"seconds": round(sum(r["gale_church"]["seconds"] for r in rows), 3),
                              **{k: round(v, 4) for k, v in scores(gc).items()}}
        row["gc_counts"] = vars(gc)
    return row


def evaluate(sets: list[tuple[str, list[Item]]], baseline: bool = False) -> list[dict]:
    rows = [_row(name, items, baseline) for name, items in sets if items]
    macs = [r for r in rows if r["set"].startswith("mac-")]
    if len(macs) > 1:
        rows.append(_combined(MAC_ALL, macs))
    for r in rows:
        # figures are compared as printed (3 decimals)
        checks = [(k, v, round(r[k], 3) >= v) for k, v in TARGETS.get(r["set"], [])]
        r["targets"] = [{"figure": k, "min": v, "met": ok} for k, v, ok in checks]
    return rows


def _target_text(row: dict) -> str:
    short = {"f1_strict": "strict", "f1_null": "null"}
    return " ".join(f"{short.get(t['figure'], t['figure'])}>={t['min']:.3f}:"
                    f"{'ok' if t['met'] else 'MISS'}" for t in row.get("targets", []))


def format_table(rows: list[dict]) -> str:
    head = (f"{'set':<20} {'pair':<5} {'#src':>5} {'#tgt':>5} | {'strict P':>8} {'R':>5} "
            f"{'F1':>5} | {'lax F1':>6} | {'null P':>6} {'R':>5} {'F1':>5} | {'sec':>5} | "
            f"{'GC F1':>5} {'sec':>5} | target")
    lines = [head, "-" * len(head)]
    for r in rows:
        gc = r.get("gale_church")
        gc_txt = f"{gc['f1_strict']:>5.3f} {gc['seconds']:>5.2f}" if gc else f"{'':>5} {'':>5}"
        lines.append(
            f"{r['set']:<20} {r['pair']:<5} {r['src']:>5} {r['tgt']:>5} | "
            f"{r['precision_strict']:>8.3f} {r['recall_strict']:>5.3f} {r['f1_strict']:>5.3f} | "
            f"{r['f1_lax']:>6.3f} | "
            f"{r['precision_null']:>6.3f} {r['recall_null']:>5.3f} {r['f1_null']:>5.3f} | "
            f"{r['seconds']:>5.2f} | {gc_txt} | {_target_text(r)}")
    return "\n".join(lines)


def _extra_paths(arg: str | None) -> list[Path]:
    value = arg if arg is not None else os.environ.get(EXTRA_ENV, "")
    return [Path(p) for p in value.split(os.pathsep) if p.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m toolkit.evaluation.align",
                                 description="Score the sentence aligner on gold beads.")
    ap.add_argument("--data", default="../shared/benchmarks/align",
                    help="folder of benchmark sets (default: %(default)s)")
    ap.add_argument("--corpora", default="corpora",
                    help="project corpora; each <name>/align/ with gold beads is a set")
    ap.add_argument("--extra", default=None,
                    help=f"folders of sets not shipped (MAC, Text+Berg test), ':'-separated "
                         f"(default: ${EXTRA_ENV})")
    ap.add_argument("--json", dest="json_out", help="write the figures here as JSON")
    ap.add_argument("--per-doc", action="store_true", help="also print one row per document")
    ap.add_argument("--baseline", action="store_true",
                    help="also run the Gale-Church reference on every set")
    ap.add_argument("--speed", action="store_true",
                    help="time the aligner against Gale-Church and its growth with length")
    ap.add_argument("--scale-max", type=int, default=16,
                    help="longest text of the growth check, in copies (default: %(default)s)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"error: benchmark folder {data} not found", file=sys.stderr)
        return 2
    roots = [data] + sorted(p for p in Path(args.corpora).glob("*/align") if p.is_dir())
    sets = [(name, load(docs)) for name, docs in discover(roots)]
    extra = extra_sets(_extra_paths(args.extra))
    if not sets and not extra:
        print(f"error: no gold alignment sets under {data}", file=sys.stderr)
        return 2
    rows = evaluate(sets + extra, baseline=args.baseline)
    table_rows = []
    for r in rows:
        table_rows.append(r)
        if args.per_doc and r["documents"] > 1:
            for d in r["per_document"]:
                table_rows.append({"set": "  " + d["doc"][:18], "pair": r["pair"], **d})
    print(format_table(table_rows))
    found = {r["set"] for r in rows}
    for name, what in EXPECTED_EXTRA.items():
        if name not in found:
            print(f"note: {name} skipped: {what} not found; point ${EXTRA_ENV} at it")
    figures: dict = {"sets": rows}
    if args.speed:
        from . import align_speed

        figures["speed"] = align_speed.run(data, args.scale_max)
        print(align_speed.format_report(figures["speed"]))
    if args.json_out:
        out = Path(args.json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
