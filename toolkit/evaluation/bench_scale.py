"""Batch scale-out, measured side by side in one run (``make bench-scale``).

Batches are built in a temporary folder from copies of the ``corpora/`` articles (never
written into the repository) and from tiny invented articles; every figure is one whole
``mtqa audit`` process (start-up included), its wall time and the peak RSS of its largest
process:

1. a batch of 30 articles with ``--jobs 1`` and with ``--jobs 2`` (speed-up = ratio);
2. 200 tiny articles, ``--jobs 1`` and ``--jobs 0``;
3. peak memory for 100 and for 1,000 tiny articles (flat in batch size?);
4. a batch of 10 articles on ``--engine dask --jobs 2``: is its JSON identical to ``--jobs 1``?

Run as ``python -m toolkit.evaluation.bench_scale [--json out/bench-scale.json]``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TINY = [("The council voted the pool budget last night.\n",
         "Le conseil a voté le budget de la piscine hier soir.\n"),
        ("The library opens at 9 am on Saturdays.\n", "La bibliothèque ouvre à 9 heures le samedi.\n"),
        ("The covered market hosts 24 local producers.\n", "Le marché couvert accueille 42 producteurs.\n"),
        ("Parking near the station costs 3 euros per hour.\n",
         "Le parking près de la gare coûte 3 euros de l'heure.\n"),
        ("The mayor thanked the volunteers.\n", "Le maire a remercié les bénévoles.\n")]


def copy_batch(corpora: Path, dest: Path, n: int) -> Path:
    sources = sorted(p for p in corpora.iterdir() if (p / "glossary.csv").exists())
    for i in range(n):
        src = sources[i % len(sources)]
        folder = dest / f"a{i:03d}-{src.name}"
        folder.mkdir(parents=True)
        for f in src.iterdir():
            if f.name.split(".")[0] in ("source", "mt", "reference", "glossary"):
                shutil.copy(f, folder / f.name)
    return dest


def tiny_batch(dest: Path, n: int) -> Path:
    """``n`` articles of 2 or 3 sentences (one paragraph), so that the fixed cost of each
    article (reading, splitting, aligning, rules) is what the figure measures."""
    for i in range(n):
        folder = dest / f"t{i:05d}"
        folder.mkdir(parents=True)
        pairs = [TINY[(i + k) % len(TINY)] for k in range(2 + i % 2)]
        (folder / "source.en.txt").write_text(" ".join(s.strip() for s, _ in pairs) + "\n", encoding="utf-8")
        (folder / "mt.fr.txt").write_text(" ".join(t.strip() for _, t in pairs) + "\n", encoding="utf-8")
    return dest


def run(batch: Path, out: Path, *options: str) -> dict:
    """One ``mtqa audit`` process: wall seconds, CPU seconds (its own and its waited-for
    children's, user + system) and peak RSS (MB) of its largest process."""
    cmd = [sys.executable, "-m", "toolkit", "audit", str(batch), "-f", "json", "-o", str(out),
           "--no-exit", "--quiet", *options]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err}")
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "options": " ".join(options)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("corpora"))
    parser.add_argument("--json", type=Path, default=Path("out/bench-scale.json"))
    args = parser.parse_args(argv)
    figures: dict = {"cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="mtqa-bench-scale-") as tmp:
        root = Path(tmp)
        b30 = copy_batch(args.corpora, root / "b30", 30)
        j1 = run(b30, root / "j1.json", "--jobs", "1")
        j2 = run(b30, root / "j2.json", "--jobs", "2")
        figures["batch30"] = {"jobs1": j1, "jobs2": j2, "speedup": round(j1["wall_s"] / j2["wall_s"], 2),
                              "same_json": (root / "j1.json").read_bytes() == (root / "j2.json").read_bytes()}
        t200 = tiny_batch(root / "t200", 200)
        figures["tiny200"] = {"jobs1": run(t200, root / "t1.json", "--jobs", "1"),
                              "jobs0": run(t200, root / "t0.json", "--jobs", "0")}
        figures["memory"] = {str(n): run(tiny_batch(root / f"m{n}", n), root / f"m{n}.json")
                             for n in (100, 1000)}
        b10 = copy_batch(args.corpora, root / "b10", 10)
        s10 = run(b10, root / "s10.json", "--jobs", "1")
        d10 = run(b10, root / "d10.json", "--engine", "dask", "--jobs", "2")
        figures["dask10"] = {"jobs1": s10, "dask2": d10,
                             "same_json": (root / "s10.json").read_bytes() == (root / "d10.json").read_bytes()}
    b = figures["batch30"]
    rows = [("30 articles, --jobs 1", b["jobs1"]), ("30 articles, --jobs 2", b["jobs2"]),
            ("200 tiny, --jobs 1", figures["tiny200"]["jobs1"]), ("200 tiny, --jobs 0", figures["tiny200"]["jobs0"]),
            ("100 tiny, --jobs 1", figures["memory"]["100"]), ("1,000 tiny, --jobs 1", figures["memory"]["1000"]),
            ("10 articles, --jobs 1", figures["dask10"]["jobs1"]),
            ("10 articles, --engine dask --jobs 2", figures["dask10"]["dask2"])]
    print(f"{'batch':<38}{'wall s':>9}{'cpu s':>9}{'peak RSS MB':>13}")
    for name, r in rows:
        print(f"{name:<38}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}{r['peak_rss_mb']:>13}")
    print(f"speed-up --jobs 2 / --jobs 1: {b['speedup']:.2f}x on {figures['cores']} cores; "
          f"same JSON: {b['same_json']}; dask JSON identical to --jobs 1: {figures['dask10']['same_json']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
