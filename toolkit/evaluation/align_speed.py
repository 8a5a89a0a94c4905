"""Speed of the aligner, side by side with a banded Gale–Church, and its growth with length.

* **Versus Gale–Church**: the longest document of the benchmark sets (a TransRead
  novel), aligned by the reference of ``gale_church.py`` and by mtqa, alternately,
  three times each; the best time of each counts (the machine may be shared).
* **Growth**: the same document repeated 1, 2, 4 … ``scale_max`` times, aligned once
  each: seconds and peak memory allocated (``tracemalloc``, which numpy reports to),
  per copy. Linear time and memory keep both per-copy figures flat. The longest text is
  aligned once more as a single paragraph (one block on both sides), the shape of a
  web page pasted as one block.
"""
from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from ..align import align_sentences
from ..align.io import read_presegmented
from . import gale_church

__all__ = ["longest_document", "versus_gale_church", "growth", "run", "format_report"]

REPEATS = 3


def longest_document(data: Path) -> tuple[str, list[str], list[str], str, str] | None:
    """(name, source, target, languages) of the largest en–fr document under ``data``."""
    books = sorted(data.glob("*/*.en"), key=lambda p: (p.stat().st_size, p.name))
    books = [b for b in books if b.with_suffix(".fr").is_file()]
    if not books:
        return None
    book = books[-1]
    return (book.stem, read_presegmented(book), read_presegmented(book.with_suffix(".fr")),
            "en", "fr")


def versus_gale_church(src, tgt, sl, tl) -> dict:
    ours, ref = [], []
    align_sentences(src[:20], tgt[:20], src_lang=sl, tgt_lang=tl)  # imports, caches
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        gale_church.align(src, tgt)
        ref.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        align_sentences(src, tgt, src_lang=sl, tgt_lang=tl)
        ours.append(time.perf_counter() - t0)
    return {"mtqa_s": round(min(ours), 3), "gale_church_s": round(min(ref), 3),
            "ratio": round(min(ours) / max(min(ref), 1e-9), 2)}


def _measure(src, tgt, sl, tl, one_block: bool = False) -> tuple[float, float]:
    kw = {}
    if one_block:
        kw = {"src_blocks": [0] * len(src), "tgt_blocks": [0] * len(tgt)}
    tracemalloc.start()
    t0 = time.perf_counter()
    align_sentences(src, tgt, src_lang=sl, tgt_lang=tl, **kw)
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return dt, peak / 2 ** 20


def growth(src, tgt, sl, tl, scale_max: int) -> list[dict]:
    rows = []
    k = 1
    while k <= max(1, scale_max):
        dt, mib = _measure(src * k, tgt * k, sl, tl)
        rows.append({"copies": k, "src": len(src) * k, "tgt": len(tgt) * k,
                     "seconds": round(dt, 3), "peak_mib": round(mib, 1),
                     "s_per_copy": round(dt / k, 4), "mib_per_copy": round(mib / k, 2)})
        k *= 2
    k //= 2
    dt, mib = _measure(src * k, tgt * k, sl, tl, one_block=True)
    rows.append({"copies": k, "one_block": True, "src": len(src) * k, "tgt": len(tgt) * k,
                 "seconds": round(dt, 3), "peak_mib": round(mib, 1),
                 "s_per_copy": round(dt / k, 4), "mib_per_copy": round(mib / k, 2)})
    return rows


def run(data: Path, scale_max: int) -> dict | None:
    doc = longest_document(data)
    if doc is None:
        return None
    name, src, tgt, sl, tl = doc
    return {"document": name, "src": len(src), "tgt": len(tgt),
            "versus_gale_church": versus_gale_church(src, tgt, sl, tl),
            "growth": growth(src, tgt, sl, tl, scale_max)}


def format_report(fig: dict | None) -> str:
    if not fig:
        return "note: speed skipped: no en-fr document found in the benchmark folder"
    v = fig["versus_gale_church"]
    lines = [
        "",
        f"speed on {fig['document']} ({fig['src']}x{fig['tgt']} sentences, best of {REPEATS}):",
        f"  mtqa {v['mtqa_s']:.3f} s   banded Gale-Church (pure Python) {v['gale_church_s']:.3f} s"
        f"   mtqa/GC = {v['ratio']:.2f} (target < 1)",
        "growth with length (same document repeated):",
        f"  {'copies':>6} {'#src':>7} {'#tgt':>7} {'sec':>8} {'s/copy':>8} {'peak MiB':>9} "
        f"{'MiB/copy':>9}",
    ]
    for r in fig["growth"]:
        tag = "  one block" if r.get("one_block") else ""
        lines.append(f"  {r['copies']:>6} {r['src']:>7} {r['tgt']:>7} {r['seconds']:>8.2f} "
                     f"{r['s_per_copy']:>8.3f} {r['peak_mib']:>9.1f} {r['mib_per_copy']:>9.2f}{tag}")
    return "\n".join(lines)
