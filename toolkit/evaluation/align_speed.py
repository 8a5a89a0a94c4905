"""Speed of the aligner, side by side with a banded Gale–Church, and its growth with length.

* **Versus Gale–Church**: every en–fr document of the benchmark sets (the TransRead
  novels), aligned by the reference of ``gale_church.py`` and by mtqa, alternately,
  three times each; the best CPU time of each counts (the machine may be shared, so
  wall-clock time says little), per document and summed.
* **Growth**: the longest of them repeated 1, 2, 4 … ``scale_max`` times, each aligned
  in a fresh process that reports its CPU time and peak resident memory; linear time
  and memory keep the per-copy figures flat (the first includes the interpreter). The
  longest text is aligned once more as a single paragraph (one block on both sides), the
  shape of a web page pasted as one block.
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from ..align import align_sentences
from ..align.io import read_presegmented
from . import gale_church

__all__ = ["documents", "versus_gale_church", "growth", "run", "format_report"]

REPEATS = 3


def documents(data: Path) -> list[tuple[Path, Path]]:
    """(source, target) files of the en–fr documents under ``data``, largest last."""
    books = sorted(data.glob("*/*.en"), key=lambda p: (p.stat().st_size, p.name))
    return [(b, b.with_suffix(".fr")) for b in books if b.with_suffix(".fr").is_file()]


def versus_gale_church(docs: list[tuple[Path, Path]]) -> list[dict]:
    rows = []
    for src_path, tgt_path in docs:
        src, tgt = read_presegmented(src_path), read_presegmented(tgt_path)
        align_sentences(src[:20], tgt[:20], src_lang="en", tgt_lang="fr")  # imports
        ours, ref = [], []
        for _ in range(REPEATS):
            t0 = time.process_time()
            gale_church.align(src, tgt)
            ref.append(time.process_time() - t0)
            t0 = time.process_time()
            align_sentences(src, tgt, src_lang="en", tgt_lang="fr")
            ours.append(time.process_time() - t0)
        rows.append({"document": src_path.stem, "src": len(src), "tgt": len(tgt),
                     "mtqa_cpu_s": round(min(ours), 3), "gale_church_cpu_s": round(min(ref), 3),
                     "ratio": round(min(ours) / max(min(ref), 1e-9), 2)})
    return rows


def _peak_rss_mib() -> float:
    """Peak resident memory of this process. ``VmHWM`` where Linux has it: ``ru_maxrss``
    keeps the parent's peak across ``exec``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(src_path: str, tgt_path: str, copies: int, one_block: bool) -> None:
    src = read_presegmented(src_path) * copies
    tgt = read_presegmented(tgt_path) * copies
    kw = {"src_blocks": [0] * len(src), "tgt_blocks": [0] * len(tgt)} if one_block else {}
    t0, w0 = time.process_time(), time.perf_counter()
    align_sentences(src, tgt, src_lang="en", tgt_lang="fr", **kw)
    out = {"cpu_s": time.process_time() - t0, "wall_s": time.perf_counter() - w0,
           "rss_mib": _peak_rss_mib()}
    sys.stdout.write(json.dumps(out) + "\n")


def _measure(src_path: Path, tgt_path: Path, copies: int, one_block: bool = False) -> dict:
    cmd = [sys.executable, "-m", "toolkit.evaluation.align_speed", "--child", str(src_path),
           str(tgt_path), str(copies)] + (["--one-block"] if one_block else [])
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def growth(src_path: Path, tgt_path: Path, scale_max: int) -> list[dict]:
    n, m = len(read_presegmented(src_path)), len(read_presegmented(tgt_path))
    plan = []
    k = 1
    while k <= max(1, scale_max):
        plan.append((k, False))
        k *= 2
    plan.append((plan[-1][0], True))
    rows = []
    for k, one_block in plan:
        f = _measure(src_path, tgt_path, k, one_block)
        rows.append({"copies": k, "one_block": one_block, "src": n * k, "tgt": m * k,
                     "cpu_s": round(f["cpu_s"], 3), "wall_s": round(f["wall_s"], 3),
                     "peak_rss_mib": round(f["rss_mib"], 1),
                     "cpu_s_per_copy": round(f["cpu_s"] / k, 4)})
    base = rows[0]["peak_rss_mib"]
    for r in rows:
        r["rss_over_1x_per_copy"] = round((r["peak_rss_mib"] - base) / max(1, r["copies"] - 1), 2) \
            if r["copies"] > 1 else 0.0
    return rows


def run(data: Path, scale_max: int) -> dict | None:
    docs = documents(data)
    if not docs:
        return None
    versus = versus_gale_church(docs)
    ours = sum(r["mtqa_cpu_s"] for r in versus)
    ref = sum(r["gale_church_cpu_s"] for r in versus)
    return {"versus_gale_church": versus,
            "total": {"mtqa_cpu_s": round(ours, 3), "gale_church_cpu_s": round(ref, 3),
                      "ratio": round(ours / max(ref, 1e-9), 2)},
            "growth_document": docs[-1][0].stem,
            "growth": growth(*docs[-1], scale_max)}


def format_report(fig: dict | None) -> str:
    if not fig:
        return "note: speed skipped: no en-fr document found in the benchmark folder"
    lines = ["", f"speed: CPU seconds, best of {REPEATS}, mtqa vs banded Gale-Church "
                 f"(pure Python, band +-{gale_church.BAND}); target mtqa/GC < 1",
             f"  {'document':<30} {'#src':>5} {'#tgt':>5} {'mtqa':>7} {'GC':>7} {'mtqa/GC':>8}"]
    for r in fig["versus_gale_church"]:
        lines.append(f"  {r['document'][:30]:<30} {r['src']:>5} {r['tgt']:>5} "
                     f"{r['mtqa_cpu_s']:>7.3f} {r['gale_church_cpu_s']:>7.3f} {r['ratio']:>8.2f}")
    t = fig["total"]
    lines.append(f"  {'all':<30} {'':>5} {'':>5} {t['mtqa_cpu_s']:>7.3f} "
                 f"{t['gale_church_cpu_s']:>7.3f} {t['ratio']:>8.2f}")
    lines += [f"growth with length ({fig['growth_document']} repeated; one process each):",
              f"  {'copies':>6} {'#src':>7} {'#tgt':>7} {'CPU s':>8} {'s/copy':>8} "
              f"{'peak RSS MiB':>13} {'MiB/extra copy':>15}"]
    for r in fig["growth"]:
        tag = "  one block" if r["one_block"] else ""
        lines.append(f"  {r['copies']:>6} {r['src']:>7} {r['tgt']:>7} {r['cpu_s']:>8.2f} "
                     f"{r['cpu_s_per_copy']:>8.3f} {r['peak_rss_mib']:>13.1f} "
                     f"{r['rss_over_1x_per_copy']:>15.2f}{tag}")
    return "\n".join(lines)


if __name__ == "__main__" and len(sys.argv) >= 5 and sys.argv[1] == "--child":
    _child(sys.argv[2], sys.argv[3], int(sys.argv[4]), "--one-block" in sys.argv[5:])
