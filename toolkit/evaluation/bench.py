"""Speed, measured side by side with a peer in one run (``make bench``).

1. Checking bilingual units: the same PO file (real English–French sentence pairs
   from the WMT21 terminology dev set, repeated to a few thousand units) is checked by
   translate-toolkit's ``pofilter`` with all its checks and by mtqa with every rule on.
2. One article, cold: ``mtqa audit corpora/dojo`` as a new process (start-up included).
3. One long alignment: a novel-length pair of the alignment benchmark, in-process.

Run as ``python -m toolkit.evaluation.bench [--units N] [--shared ../shared]``.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

def sgm_segments(path: Path) -> list[str]:
    """Plain segments of a WMT SGML file (term tags stripped), in file order."""
    from .terms import read_sgm

    return [plain for _, plain, _ in read_sgm(path).values()]


def write_po(pairs: list[tuple[str, str]], path: Path) -> None:
    from translate.storage.po import pofile

    store = pofile()
    store.updateheader(add=True, Language="fr", Content_Type="text/plain; charset=UTF-8")
    for n, (src, tgt) in enumerate(pairs):
        unit = store.addsourceunit(src)
        unit.target = tgt
        unit.setcontext(str(n))  # repeated sentences stay distinct units
    path.write_bytes(bytes(store))


def bench_pofilter(po: Path, workdir: Path) -> float:
    exe = Path(sys.executable).with_name("pofilter")
    if not exe.exists():
        exe = Path(shutil.which("pofilter") or "pofilter")
    started = time.perf_counter()
    subprocess.run([str(exe), "--progress=none", "-i", str(po), "-o", str(workdir / "pofilter-out.po")],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def bench_mtqa_units(po: Path) -> tuple[float, int]:
    from ..api import load_article
    from ..engine import run_rules

    started = time.perf_counter()
    article = load_article(po)
    findings = run_rules(article)
    return time.perf_counter() - started, len(findings)


def bench_cold_audit(folder: Path) -> float:
    exe = Path(sys.executable).with_name("mtqa")
    started = time.perf_counter()
    subprocess.run([str(exe), "audit", str(folder), "--no-exit", "-f", "json", "-o", "/dev/null"],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def bench_align(shared: Path) -> dict | None:
    from ..align import align_sentences
    from ..align.io import read_presegmented

    base = shared / "benchmarks" / "align" / "transread-enfr-dev"
    books = sorted(base.glob("*.en"))
    if not books:
        return None
    book = max(books, key=lambda p: p.stat().st_size)
    src = read_presegmented(book)
    tgt = read_presegmented(book.with_suffix(".fr"))
    started = time.perf_counter()
    align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
    once = time.perf_counter() - started
    started = time.perf_counter()
    align_sentences(src * 10, tgt * 10, src_lang="en", tgt_lang="fr")
    tenfold = time.perf_counter() - started
    return {"book": book.stem, "src": len(src), "tgt": len(tgt), "seconds": round(once, 3),
            "seconds_10x": round(tenfold, 3), "ratio_10x": round(tenfold / max(once, 1e-9), 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", help="folder holding benchmarks/")
    parser.add_argument("--units", type=int, default=4000, help="bilingual units to check")
    parser.add_argument("--json", dest="json_out", default="out/bench.json")
    args = parser.parse_args(argv)
    terms = Path(args.shared) / "benchmarks" / "terms" / "wmt21-enfr-dev"
    if not terms.is_dir():
        print(f"bench: {terms} not found (it holds the sentence pairs to check)", file=sys.stderr)
        return 2
    src = sgm_segments(terms / "dev.en-fr.en.sgm")
    tgt = sgm_segments(terms / "dev.en-fr.fr.sgm")
    pairs = list(zip(src, tgt))
    pairs = (pairs * (args.units // len(pairs) + 1))[: args.units]
    figures: dict = {"units": len(pairs)}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        po = work / "bench.en-fr.po"
        write_po(pairs, po)
        peer = bench_pofilter(po, work)
        ours, findings = bench_mtqa_units(po)
    figures["pofilter"] = {"seconds": round(peer, 2), "units_per_s": round(len(pairs) / peer)}
    figures["mtqa"] = {"seconds": round(ours, 2), "units_per_s": round(len(pairs) / ours), "findings": findings}
    figures["cold_audit_dojo_s"] = round(bench_cold_audit(Path("corpora/dojo")), 2)
    figures["align"] = bench_align(Path(args.shared))
    figures["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

    print(f"{'check':<44}{'mtqa':>14}{'peer':>22}")
    print("-" * 80)
    print(f"{'bilingual units checked per second':<44}{figures['mtqa']['units_per_s']:>14,}"
          f"{figures['pofilter']['units_per_s']:>14,} pofilter")
    print(f"{'  (' + str(len(pairs)) + ' units, seconds)':<44}{figures['mtqa']['seconds']:>14}"
          f"{figures['pofilter']['seconds']:>14} pofilter")
    print(f"{'cold audit of corpora/dojo (s)':<44}{figures['cold_audit_dojo_s']:>14}")
    if figures["align"]:
        a = figures["align"]
        print(f"{'align ' + a['book'] + ' ' + str(a['src']) + '×' + str(a['tgt']) + ' (s)':<44}{a['seconds']:>14}"
              f"{'~0.5 hunalign (published)':>22}")
        print(f"{'  same ×10 (s), ratio':<44}{a['seconds_10x']:>14}{a['ratio_10x']:>14}×")
    print(f"{'peak memory (MiB)':<44}{figures['peak_rss_mib']:>14}")
    out = Path(args.json_out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
