"""Speed, measured side by side with a peer in one run (``make bench``).

1. Checking bilingual units: the same sentence pairs (real English–French pairs from the
   WMT21 terminology dev set, repeated to a few thousand units) as a PO file and as an
   XLIFF file are checked by translate-toolkit's ``pofilter`` with all its checks and by
   mtqa with every rule on; the same pairs as the paragraphs of one article
   (``source.en.txt`` + ``mt.fr.txt``) are audited by mtqa.
2. One article, cold: ``mtqa audit corpora/dojo`` as a new process (start-up included),
   next to a bare ``python -c pass``.
3. Scaling: the Dojo article repeated 1× to 64× as one block (paragraphs separated by
   single newlines, the hardest shape), each audited in a new process: wall time, CPU
   time and peak RSS, with the ratio to 1×.
4. One long alignment: a novel-length pair of the alignment benchmark, in-process.
5. Glossary anchors of the aligner: a 100,000-row invented glossary against 60 + 60
   sentences (``glossary_keys``), in-process.

Run as ``python -m toolkit.evaluation.bench [--units N] [--shared ../shared]``.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCALES = (1, 4, 16, 64)


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


def write_xliff(pairs: list[tuple[str, str]], path: Path) -> None:
    from translate.storage.xliff import xlifffile

    store = xlifffile(sourcelanguage="en", targetlanguage="fr")
    for n, (src, tgt) in enumerate(pairs):
        unit = store.addsourceunit(src)
        unit.target = tgt
        unit.setid(str(n))
    path.write_bytes(bytes(store))


def write_article(pairs: list[tuple[str, str]], folder: Path) -> None:
    """One article whose paragraphs are the pairs (one blank line between paragraphs)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "source.en.txt").write_text("\n\n".join(s for s, _ in pairs) + "\n", encoding="utf-8")
    (folder / "mt.fr.txt").write_text("\n\n".join(t for _, t in pairs) + "\n", encoding="utf-8")


def run_child(argv: list[str]) -> dict:
    """Run a command to its end: wall and CPU seconds and peak RSS of that process alone."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} failed ({proc.returncode}): {err.strip()[-300:]}")
    return {"wall_s": round(wall, 3), "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
            "peak_rss_mib": round(usage.ru_maxrss / 1024)}


def bench_pofilter(store: Path, workdir: Path) -> dict:
    exe = Path(sys.executable).with_name("pofilter")
    if not exe.exists():
        exe = Path(shutil.which("pofilter") or "pofilter")
    return run_child([str(exe), "--progress=none", "-i", str(store),
                      "-o", str(workdir / ("pofilter-out" + store.suffix))])


def bench_mtqa_child(path: Path) -> dict:
    """:func:`bench_mtqa` in a new process whose models are loaded (on other texts) before
    the clock starts: warm, and with no caches filled by an earlier measurement."""
    out = subprocess.run([sys.executable, "-m", "toolkit.evaluation.bench", "--measure", str(path)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_mtqa(path: Path) -> dict:
    """Check a bilingual file or an article folder in this process."""
    from ..api import load_article
    from ..engine import run_rules

    wall, cpu = time.perf_counter(), time.process_time()
    article = load_article(path)
    findings = run_rules(article)
    return {"wall_s": round(time.perf_counter() - wall, 3), "cpu_s": round(time.process_time() - cpu, 3),
            "findings": len(findings), "units": len(article.target.segments)}


def per_cpu_s(units: int, run: dict) -> int:
    """Units per CPU second: on a shared machine, CPU time is what a tool costs (wall
    time, kept in the JSON, also counts the time other processes held the cores)."""
    return round(units / max(run["cpu_s"], 1e-9))


def mtqa_exe() -> str:
    return str(Path(sys.executable).with_name("mtqa"))


def bench_cold(folder: Path, runs: int = 3) -> dict:
    """Median of ``runs`` new processes auditing ``folder``, and of a bare interpreter."""
    audit = [run_child([mtqa_exe(), "audit", str(folder), "--no-exit", "-f", "json"])
             for _ in range(runs)]
    bare = [run_child([sys.executable, "-c", "pass"]) for _ in range(runs)]
    med = lambda xs, k: sorted(x[k] for x in xs)[len(xs) // 2]  # noqa: E731
    return {"wall_s": med(audit, "wall_s"), "cpu_s": med(audit, "cpu_s"),
            "peak_rss_mib": med(audit, "peak_rss_mib"), "python_wall_s": med(bare, "wall_s")}


def scaled_article(folder: Path, times: int, out: Path) -> Path:
    """``folder``'s article ``times`` over, its translation as one block (single newlines)."""
    out.mkdir(parents=True, exist_ok=True)
    for p in folder.iterdir():
        name = p.name.split(".")[0]
        if name == "source":
            (out / p.name).write_text("\n\n".join([p.read_text(encoding="utf-8").strip()] * times) + "\n",
                                      encoding="utf-8")
        elif name == "mt":
            lines = "\n".join(x for x in p.read_text(encoding="utf-8").splitlines() if x.strip())
            (out / p.name).write_text("\n".join([lines] * times) + "\n", encoding="utf-8")
        elif p.name.startswith("glossary."):
            shutil.copy(p, out / p.name)
    return out


def bench_scaling(folder: Path, workdir: Path, scales=SCALES) -> list[dict]:
    rows = []
    for n in scales:
        art = scaled_article(folder, n, workdir / f"x{n}")
        size = sum(p.stat().st_size for p in art.glob("mt.*"))
        row = {"times": n, "mt_bytes": size,
               **run_child([mtqa_exe(), "audit", str(art), "--no-exit", "-f", "json"])}
        rows.append(row)
    base = rows[0]
    for row in rows:
        for k in ("wall_s", "cpu_s", "peak_rss_mib"):
            row[k.rsplit("_", 1)[0] + "_ratio"] = round(row[k] / max(base[k], 1e-9), 2)
    return rows


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


def bench_glossary(rows: int = 100_000, sentences: int = 60) -> dict:
    """CPU seconds of the aligner's glossary keys for a large invented glossary (words made
    of random syllables, so that most terms are absent from the sentences, as in life)."""
    import random

    from ..align.features import SideFeatures, glossary_keys

    rng = random.Random(7)
    syllables = [c + v for c in "bcdfgklmnprstvz" for v in "aeiou"]
    word = lambda: "".join(rng.choice(syllables) for _ in range(rng.randint(2, 4)))  # noqa: E731
    lexicon = [(f"{word()} {word()}", word()) for _ in range(rows)]
    src = [" ".join(word() for _ in range(20)) for _ in range(sentences)]
    tgt = [" ".join(word() for _ in range(22)) for _ in range(sentences)]
    fs = SideFeatures([set() for _ in src], [set() for _ in src])
    ft = SideFeatures([set() for _ in tgt], [set() for _ in tgt])
    started = time.process_time()
    glossary_keys(lexicon, src, tgt, fs, ft, False, False)
    return {"rows": rows, "sentences": sentences, "cpu_s": round(time.process_time() - started, 3),
            "keys": sum(map(len, fs.keys + ft.keys))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit.evaluation.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", default="../shared", help="folder holding benchmarks/")
    parser.add_argument("--units", type=int, default=4000, help="bilingual units to check")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)),
                        help="sizes of the scaling run, as multiples of the Dojo article")
    parser.add_argument("--json", dest="json_out", default="out/bench.json")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # one warm measurement, in a child
    args = parser.parse_args(argv)
    if args.measure:
        from ..nlp import preload

        preload()
        bench_mtqa(Path("corpora/vaccins-enfr"))  # the rest of the lazy loading
        print(json.dumps(bench_mtqa(Path(args.measure))))
        return 0
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
        # New processes first, while this one is small: Linux counts the RSS a child
        # inherits at fork in its peak, so a child started later would show ours.
        figures["cold_audit_dojo"] = bench_cold(Path("corpora/dojo"))
        scales = tuple(int(x) for x in args.scales.split(",") if x.strip())
        figures["scaling"] = bench_scaling(Path("corpora/dojo"), work, scales)
        po, xlf, art = work / "bench.en-fr.po", work / "bench.en-fr.xlf", work / "article"
        write_po(pairs, po)
        write_xliff(pairs, xlf)
        write_article(pairs, art)
        for kind, path in (("po", po), ("xliff", xlf)):
            peer, ours = bench_pofilter(path, work), bench_mtqa_child(path)
            figures[kind] = {"pofilter": {**peer, "units_per_s": per_cpu_s(len(pairs), peer)},
                             "mtqa": {**ours, "units_per_s": per_cpu_s(len(pairs), ours)}}
        ours = bench_mtqa_child(art)
        figures["paragraphs"] = {"mtqa": {**ours, "units_per_s": per_cpu_s(ours["units"], ours)},
                                 "pofilter": figures["po"]["pofilter"]}
    figures["align"] = bench_align(Path(args.shared))
    figures["glossary_keys"] = bench_glossary()
    figures["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(table(figures))
    out = Path(args.json_out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def table(f: dict) -> str:
    lines = [f"{'check (units per CPU second)':<46}{'mtqa':>12}{'pofilter':>12}{'ratio':>9}", "-" * 79]
    for kind, label in (("po", "PO units checked per second"), ("xliff", "XLIFF units checked per second"),
                        ("paragraphs", "article paragraphs checked per second")):  # per CPU second
        a, b = f[kind]["mtqa"]["units_per_s"], f[kind]["pofilter"]["units_per_s"]
        lines.append(f"{label:<46}{a:>12,}{b:>12,}{a / max(b, 1):>8.2f}×")
    lines.append(f"{'  (' + str(f['units']) + ' units; PO: mtqa / pofilter cpu s)':<46}"
                 f"{f['po']['mtqa']['cpu_s']:>12}{f['po']['pofilter']['cpu_s']:>12}")
    c = f["cold_audit_dojo"]
    lines.append(f"{'cold audit of corpora/dojo, wall s (cpu s)':<46}{c['wall_s']:>12}{'':>12}")
    lines.append(f"{'  same, cpu s / peak RSS MiB':<46}{c['cpu_s']:>12}{c['peak_rss_mib']:>12}")
    lines.append(f"{'  bare python -c pass, wall s':<46}{c['python_wall_s']:>12}")
    lines.append("")
    lines.append(f"{'scaling (Dojo as one block)':<28}{'MT KiB':>8}{'wall s':>9}{'×1':>7}{'cpu s':>9}"
                 f"{'×1':>7}{'RSS MiB':>9}{'×1':>7}")
    for r in f["scaling"]:
        lines.append(f"{str(r['times']) + '×':<28}{r['mt_bytes'] // 1024:>8}{r['wall_s']:>9}{r['wall_ratio']:>7}"
                     f"{r['cpu_s']:>9}{r['cpu_ratio']:>7}{r['peak_rss_mib']:>9}{r['peak_rss_ratio']:>7}")
    if f.get("align"):
        a = f["align"]
        lines.append("")
        lines.append(f"{'align ' + a['book'] + ' ' + str(a['src']) + '×' + str(a['tgt']) + ' (s)':<46}"
                     f"{a['seconds']:>12}   ~0.5 hunalign (published)")
        lines.append(f"{'  same ×10 (s), ratio':<46}{a['seconds_10x']:>12}{a['ratio_10x']:>11}×")
    if f.get("glossary_keys"):
        g = f["glossary_keys"]
        lines.append(f"{'glossary keys, ' + format(g['rows'], ',') + ' rows x ' + str(g['sentences']) + ' sentences, cpu s':<46}"
                     f"{g['cpu_s']:>12}")
    lines.append(f"{'peak memory of this process (MiB)':<46}{f['peak_rss_mib']:>12}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
