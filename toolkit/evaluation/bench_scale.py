"""Batch scale-out, measured side by side in one run (``make bench-scale``).

Batches are built in a temporary folder from copies of the ``corpora/`` articles (never
written into the repository) and from tiny invented articles; every figure is one whole
``mtqa audit`` process (start-up included), its wall time and the peak RSS of its largest
process:

1. a batch of 30 articles with ``--jobs 1`` and with ``--jobs 2`` (speed-up = ratio);
2. 200 tiny articles, ``--jobs 1`` and ``--jobs 0``;
3. peak memory for 100 and for 1,000 tiny articles (flat in batch size?);
4. a batch of 10 articles on ``--engine dask --jobs 2``: is its JSON identical to ``--jobs 1``?

1 and 2 run ``--repeats`` times (default 3), the two settings taking turns (A B A B …),
and are reported as min and median wall time, the speed-up as the median of the paired
ratios: the machine may be shared, one run says little.

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


def repeated(batch: Path, out: Path, configs: dict[str, tuple[str, ...]], repeats: int) -> dict:
    """Each configuration ``repeats`` times, taking turns (A B A B …) so that a drift in the
    speed of a shared machine hits them alike; per configuration the min and median wall
    time, the median CPU time, the largest peak RSS, and whether every run wrote the same
    JSON as the first run of the first configuration."""
    runs: dict[str, list[dict]] = {name: [] for name in configs}
    first: bytes | None = None
    same = True
    for _ in range(repeats):
        for name, options in configs.items():
            runs[name].append(run(batch, out, *options))
            data = out.read_bytes()
            first = data if first is None else first
            same = same and data == first
    summary = {name: {"wall_s": _median([r["wall_s"] for r in rs]), "wall_min_s": min(r["wall_s"] for r in rs),
                      "cpu_s": _median([r["cpu_s"] for r in rs]),
                      "peak_rss_mb": max(r["peak_rss_mb"] for r in rs), "options": rs[0]["options"],
                      "runs": [r["wall_s"] for r in rs]}
               for name, rs in runs.items()}
    summary["same_json"] = same
    names = list(configs)
    if len(names) == 2:  # the ratio run by run (paired), then its median
        a, b = names
        ratios = [ra["wall_s"] / rb["wall_s"] for ra, rb in zip(runs[a], runs[b]) if rb["wall_s"]]
        summary["speedup"] = round(_median(ratios), 2) if ratios else None
        summary["speedup_runs"] = [round(x, 2) for x in ratios]
    return summary


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return round(ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2, 2)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("corpora"))
    parser.add_argument("--json", type=Path, default=Path("out/bench-scale.json"))
    parser.add_argument("--repeats", type=int, default=3, help="runs of each configuration, taken in turns "
                        "(figures: min and median)")
    args = parser.parse_args(argv)
    repeats = max(1, args.repeats)
    figures: dict = {"cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
                     "repeats": repeats}
    with tempfile.TemporaryDirectory(prefix="mtqa-bench-scale-") as tmp:
        root = Path(tmp)
        b30 = copy_batch(args.corpora, root / "b30", 30)
        figures["batch30"] = repeated(b30, root / "b30.json", {"jobs1": ("--jobs", "1"), "jobs2": ("--jobs", "2")},
                                      repeats)
        t200 = tiny_batch(root / "t200", 200)
        figures["tiny200"] = repeated(t200, root / "t200.json", {"jobs1": ("--jobs", "1"), "jobs0": ("--jobs", "0")},
                                      repeats)
        figures["memory"] = {str(n): run(tiny_batch(root / f"m{n}", n), root / f"m{n}.json")
                             for n in (100, 1000)}
        b10 = copy_batch(args.corpora, root / "b10", 10)
        figures["dask10"] = repeated(b10, root / "b10.json",
                                     {"jobs1": ("--jobs", "1"), "dask2": ("--engine", "dask", "--jobs", "2")}, 1)
    b = figures["batch30"]
    rows = [("30 articles, --jobs 1", b["jobs1"]), ("30 articles, --jobs 2", b["jobs2"]),
            ("200 tiny, --jobs 1", figures["tiny200"]["jobs1"]), ("200 tiny, --jobs 0", figures["tiny200"]["jobs0"]),
            ("100 tiny, --jobs 1", figures["memory"]["100"]), ("1,000 tiny, --jobs 1", figures["memory"]["1000"]),
            ("10 articles, --jobs 1", figures["dask10"]["jobs1"]),
            ("10 articles, --engine dask --jobs 2", figures["dask10"]["dask2"])]
    print(f"{'batch':<38}{'wall min':>9}{'wall med':>9}{'cpu med':>9}{'peak RSS MB':>13}")
    for name, r in rows:
        print(f"{name:<38}{r.get('wall_min_s', r['wall_s']):>9.2f}{r['wall_s']:>9.2f}{r['cpu_s']:>9.2f}"
              f"{r['peak_rss_mb']:>13}")
    print(f"speed-up --jobs 2 / --jobs 1 (median of {repeats} paired runs): {b['speedup']:.2f}x "
          f"({', '.join(f'{x:.2f}' for x in b['speedup_runs'])}) on {figures['cores']} cores; "
          f"same JSON: {b['same_json'] and figures['tiny200']['same_json']}; "
          f"dask JSON identical to --jobs 1: {figures['dask10']['same_json']}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
