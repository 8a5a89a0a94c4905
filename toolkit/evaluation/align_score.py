"""Scoring a sentence alignment against gold beads.

Strict and lax precision/recall as defined by Sennrich & Volk (2010) and computed by
the Vecalign scorer:

* precision is taken over all predicted beads (1-0/0-1 included), recall over the gold
  beads that have sentences on both sides (predicted 1-0/0-1 beads are left out too);
* a strict hit is a bead identical to a gold bead;
* a lax hit is a bead that shares at least one source sentence *and* one target
  sentence with a single gold bead (for precision, a predicted bead identical to a gold
  1-0/0-1 bead also counts);
* counts are summed over documents before dividing (micro average).

Null links: precision and recall of exact 1-0 and 0-1 beads.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

__all__ = ["BeadPair", "parse_beads", "read_beads", "Counts", "count", "scores",
           "score_documents"]

BeadPair = tuple[tuple[int, ...], tuple[int, ...]]


def parse_beads(text: str) -> list[BeadPair]:
    """``[4, 5]:[6]`` lines to ((4, 5), (6,)); blank lines are skipped."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line:
            continue
        left, sep, right = line.partition(":")
        if not sep:
            raise ValueError(f"line {n}: expected '[src ids]:[tgt ids]', got {line!r}")
        try:
            src, tgt = ast.literal_eval(left.strip()), ast.literal_eval(right.strip())
        except (ValueError, SyntaxError):
            raise ValueError(f"line {n}: cannot parse bead {line!r}") from None
        out.append((tuple(int(x) for x in src), tuple(int(x) for x in tgt)))
    return out


def read_beads(path: str | Path) -> list[BeadPair]:
    return parse_beads(Path(path).read_text(encoding="utf-8"))


@dataclass
class Counts:
    """Raw counts; add documents with ``+``."""

    pred: int = 0           # predicted beads (non-empty)
    strict_tp_p: int = 0    # predicted beads identical to a gold bead
    lax_tp_p: int = 0       # predicted beads laxly matching gold
    gold: int = 0           # gold beads with both sides
    strict_tp_r: int = 0    # such gold beads found identically among predicted 2-sided
    lax_tp_r: int = 0       # such gold beads laxly matched by a predicted 2-sided bead
    null_pred: int = 0
    null_gold: int = 0
    null_tp: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        names = ("pred", "strict_tp_p", "lax_tp_p", "gold", "strict_tp_r", "lax_tp_r",
                 "null_pred", "null_gold", "null_tp")
        return Counts(*(getattr(self, k) + getattr(other, k) for k in names))


def _precision_counts(gold: Iterable[BeadPair], test: Iterable[BeadPair]) -> tuple[int, int, int]:
    """(#test beads, strict hits, lax hits) of test beads against gold beads."""
    gold_set = {(tuple(s), tuple(t)) for s, t in gold if s or t}
    test_set = {(tuple(s), tuple(t)) for s, t in test if s or t}
    tgt_of_src: dict[int, set[int]] = {}
    for s, t in gold_set:
        for i in s:
            tgt_of_src.setdefault(i, set()).update(t)
    strict = lax = 0
    for s, t in test_set:
        if (s, t) in gold_set:
            strict += 1
            lax += 1
            continue
        linked: set[int] = set()
        for i in s:
            linked |= tgt_of_src.get(i, set())
        if linked.intersection(t):
            lax += 1
    return len(test_set), strict, lax


def count(gold: Sequence[BeadPair], test: Sequence[BeadPair]) -> Counts:
    """Counts for one document."""
    c = Counts()
    c.pred, c.strict_tp_p, c.lax_tp_p = _precision_counts(gold, test)
    gold2 = [(s, t) for s, t in gold if s and t]
    test2 = [(s, t) for s, t in test if s and t]
    # Recall is precision with the roles swapped, without 1-0/0-1 beads on either side.
    c.gold, c.strict_tp_r, c.lax_tp_r = _precision_counts(test2, gold2)
    gold_null = {(tuple(s), tuple(t)) for s, t in gold if bool(s) != bool(t)}
    test_null = {(tuple(s), tuple(t)) for s, t in test if bool(s) != bool(t)}
    c.null_pred, c.null_gold = len(test_null), len(gold_null)
    c.null_tp = len(gold_null & test_null)
    return c


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(c: Counts) -> dict[str, float]:
    """Strict/lax/null precision, recall and F1 from counts."""
    ps, pl = _div(c.strict_tp_p, c.pred), _div(c.lax_tp_p, c.pred)
    rs, rl = _div(c.strict_tp_r, c.gold), _div(c.lax_tp_r, c.gold)
    np_, nr = _div(c.null_tp, c.null_pred), _div(c.null_tp, c.null_gold)
    return {"precision_strict": ps, "recall_strict": rs, "f1_strict": _f1(ps, rs),
            "precision_lax": pl, "recall_lax": rl, "f1_lax": _f1(pl, rl),
            "precision_null": np_, "recall_null": nr, "f1_null": _f1(np_, nr)}


def score_documents(pairs: Iterable[tuple[Sequence[BeadPair], Sequence[BeadPair]]]) -> dict:
    """Micro-averaged scores over (gold, test) pairs of documents."""
    total = Counts()
    for gold, test in pairs:
        total = total + count(gold, test)
    return scores(total)
