"""Sentence-alignment evaluation on the gold sets: ``python -m toolkit.evaluation.align``.

Every folder of ``--data`` (default ``../shared/benchmarks/align``) and every
``corpora/*/align/`` folder is a set. Two layouts are recognised:

* ``<stem>.<l1>``, ``<stem>.<l2>`` and gold beads ``<stem>.<l1><l2>`` side by side
  (``dev.de dev.fr dev.defr``); a set may hold several such documents;
* a ``gold/`` folder next to two folders holding files of the same names
  (``eng/X.txt isl/X.txt gold/X.txt``); the source folder is the one whose name comes
  first in the gold file's pairing, else alphabetically.

Scores are micro-averaged per set (see ``align_score.py``). Prints one table and
writes the figures as JSON with ``--json``.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ..align import align_sentences
from ..align.io import read_presegmented
from .align_score import Counts, count, read_beads, scores

__all__ = ["Doc", "discover", "evaluate", "main"]

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


def evaluate(sets: list[tuple[str, list[Doc]]]) -> list[dict]:
    rows = []
    for name, docs in sets:
        total = Counts()
        n_src = n_tgt = 0
        seconds = 0.0
        per_doc = []
        for doc in docs:
            src, tgt = read_presegmented(doc.src), read_presegmented(doc.tgt)
            gold = read_beads(doc.gold)
            t0 = time.perf_counter()
            beads = align_sentences(src, tgt, src_lang=doc.src_lang, tgt_lang=doc.tgt_lang)
            dt = time.perf_counter() - t0
            test = [(b.src, b.tgt) for b in beads]
            c = count(gold, test)
            total = total + c
            n_src += len(src)
            n_tgt += len(tgt)
            seconds += dt
            per_doc.append({"doc": doc.name, "src": len(src), "tgt": len(tgt),
                            "seconds": round(dt, 3),
                            **{k: round(v, 4) for k, v in scores(c).items()}})
        pair = f"{docs[0].src_lang}-{docs[0].tgt_lang}"
        rows.append({"set": name, "pair": pair, "documents": len(docs), "src": n_src,
                     "tgt": n_tgt, "seconds": round(seconds, 3),
                     **{k: round(v, 4) for k, v in scores(total).items()},
                     "per_document": per_doc})
    return rows


def format_table(rows: list[dict]) -> str:
    head = (f"{'set':<22} {'pair':<6} {'#src':>5} {'#tgt':>5} | {'strict P':>8} {'R':>5} "
            f"{'F1':>5} | {'lax P':>5} {'R':>5} {'F1':>5} | {'null P':>6} {'R':>5} | {'sec':>5}")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(
            f"{r['set']:<22} {r['pair']:<6} {r['src']:>5} {r['tgt']:>5} | "
            f"{r['precision_strict']:>8.3f} {r['recall_strict']:>5.3f} {r['f1_strict']:>5.3f} | "
            f"{r['precision_lax']:>5.3f} {r['recall_lax']:>5.3f} {r['f1_lax']:>5.3f} | "
            f"{r['precision_null']:>6.3f} {r['recall_null']:>5.3f} | {r['seconds']:>5.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m toolkit.evaluation.align",
                                 description="Score the sentence aligner on gold beads.")
    ap.add_argument("--data", default="../shared/benchmarks/align",
                    help="folder of benchmark sets (default: %(default)s)")
    ap.add_argument("--corpora", default="corpora",
                    help="project corpora; each <name>/align/ with gold beads is a set")
    ap.add_argument("--json", dest="json_out", help="write the figures here as JSON")
    ap.add_argument("--per-doc", action="store_true", help="also print one row per document")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not data.is_dir():
        print(f"error: benchmark folder {data} not found", file=sys.stderr)
        return 2
    roots = [data] + sorted(p for p in Path(args.corpora).glob("*/align") if p.is_dir())
    sets = discover(roots)
    if not sets:
        print(f"error: no gold alignment sets under {data}", file=sys.stderr)
        return 2
    rows = evaluate(sets)
    table_rows = []
    for r in rows:
        table_rows.append(r)
        if args.per_doc and r["documents"] > 1:
            for d in r["per_document"]:
                table_rows.append({"set": "  " + d["doc"][:20], "pair": r["pair"], **d})
    print(format_table(table_rows))
    if args.json_out:
        out = Path(args.json_out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"sets": rows}, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
