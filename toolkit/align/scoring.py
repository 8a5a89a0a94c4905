"""Bead scores: type prior + length log-likelihood ratio + lexical log-likelihood ratio.

Every term is a log-likelihood ratio against "these sentences are unrelated", so a
1-0 or 0-1 bead scores only its prior and a bead with sentences on both sides must earn
its place with length and lexical evidence.

Length model (Gale–Church in log space): for an aligned group,
``log(len_t + k_t) ~ Normal(log(len_s + k_s) + log c, sigma)``; for unrelated groups
each side follows the length distribution of its own document. ``c`` (the length ratio,
about 0.25 for Chinese vs French characters) and ``sigma`` are estimated per document,
first from the totals, then from the 1-1 beads of a first alignment.
"""
from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .dp import MAX_GROUP, TYPES

__all__ = ["Params", "BeadScorer", "initial_params", "reestimate_params", "reestimate_junk",
           "junk_flags", "DEFAULT_PRIORS"]

DEFAULT_PRIORS = {(1, 1): 0.85, (1, 2): 0.045, (2, 1): 0.045, (2, 2): 0.008,
                  (1, 3): 0.006, (3, 1): 0.006, (2, 3): 0.002, (3, 2): 0.002,
                  (1, 4): 0.002, (4, 1): 0.002, (1, 0): 0.015, (0, 1): 0.015}
DEFAULT_INSERT_RUN = 0.3
# A "sentence" without a single word of two letters (a page number, an OCR scrap, a lone
# initial, an empty line) is as likely to be debris with no counterpart as text: the
# prior of its deletion, re-estimated per document from the previous alignment.
DEFAULT_JUNK_NULL = 0.5
JUNK_PRIOR_WEIGHT = 4.0
_LOG_SQRT_2PI = 0.5 * math.log(2 * math.pi)


@dataclass
class Params:
    log_ratio: float                 # log c: expected log(len_t) - log(len_s)
    sigma: float = 0.3               # spread of that log ratio for aligned groups
    k_src: float = 3.0               # length smoothing, in source characters
    k_tgt: float = 3.0
    priors: dict = field(default_factory=lambda: dict(DEFAULT_PRIORS))
    insert_run: float = DEFAULT_INSERT_RUN        # P(0-1 bead | previous bead was 0-1)
    lex_weight: float = 0.5          # weight of the lexical LLR (keys are not independent)
    block_cross: float = -3.0        # a bead spanning a paragraph boundary on one side
    block_desync: float = -1.0       # a bead starts a paragraph on one side only
    junk_null: float = DEFAULT_JUNK_NULL  # P(a sentence without words is left unaligned)


def initial_params(src_len: Sequence[int], tgt_len: Sequence[int]) -> Params:
    """Length ratio from the document totals (robust to a few insertions)."""
    ts, tt = max(1, sum(src_len)), max(1, sum(tgt_len))
    ratio = tt / ts
    ms = max(1.0, float(np.median(src_len))) if len(src_len) else 1.0
    k_src = max(1.0, 0.1 * ms)
    return Params(log_ratio=math.log(ratio), k_src=k_src, k_tgt=k_src * ratio)


def reestimate_params(params: Params, beads, src_len, tgt_len,
                      prior_weight: float = 20.0, src_junk=None, tgt_junk=None) -> Params:
    """Length ratio, spread and bead-type priors from a first alignment.

    1-0 / 0-1 beads of sentences without words (``*_junk``) are left out of the type
    counts: their deletion has its own probability (``reestimate_junk``).
    """
    if src_junk is not None and tgt_junk is not None:
        beads = [(s, t) for s, t in beads
                 if (s and t) or not (src_junk[s[0]] if s else tgt_junk[t[0]])]
    resid = []
    counts = {t: 0 for t in DEFAULT_PRIORS}
    for s, t in beads:
        key = (len(s), len(t))
        if key in counts:
            counts[key] += 1
        if len(s) == 1 and len(t) == 1:
            resid.append(math.log(tgt_len[t[0]] + params.k_tgt)
                         - math.log(src_len[s[0]] + params.k_src))
    new = dataclasses.replace(params, priors=dict(params.priors))
    if len(resid) >= 5:
        r = np.array(resid)
        med = float(np.median(r))
        mad = float(np.median(np.abs(r - med))) * 1.4826
        # shrink toward the previous values when there are few beads
        w = len(r) / (len(r) + 20.0)
        new.log_ratio = w * med + (1 - w) * params.log_ratio
        new.sigma = min(0.8, max(0.1, w * mad + (1 - w) * params.sigma))
    # Insertions come in runs (captions, page chrome): P(0-1 | 0-1) apart from P(0-1).
    after_ins = [len(s) == 0 for (s, _t), (ps, _pt) in zip(beads[1:], beads[:-1]) if not ps]
    new.insert_run = (sum(after_ins) + 5 * DEFAULT_INSERT_RUN) / (len(after_ins) + 5)
    starts = sum(1 for k, (s, _t) in enumerate(beads)
                 if not s and (k == 0 or beads[k - 1][0]))
    counts[(0, 1)] = starts
    total = sum(counts.values())
    new.priors = {t: (counts[t] + prior_weight * p) / (total + prior_weight)
                  for t, p in DEFAULT_PRIORS.items()}
    return new


def reestimate_junk(params: Params, beads, src_junk, tgt_junk) -> Params:
    """P(null | sentence without words) from the previous alignment, smoothed."""
    junk = nulls = 0
    for s, t in beads:
        for ids, flags in ((s, src_junk), (t, tgt_junk)):
            hit = sum(1 for k in ids if flags[k])
            junk += hit
            if hit and not (s and t):
                nulls += hit
    est = (nulls + JUNK_PRIOR_WEIGHT * DEFAULT_JUNK_NULL) / (junk + JUNK_PRIOR_WEIGHT)
    return dataclasses.replace(params, junk_null=min(0.9, max(0.02, est)))


_WORDISH_RE = re.compile(r"[^\W\d_]{2}|[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]")


_BRACKET_RE = re.compile(r"[()\[\]（）【】«»]")
_CLOSERS = frozenset(")]）】»")


def _closes_earlier_bracket(text: str) -> bool:
    """The first bracket of the line closes one: the line ends a sentence cut in two."""
    m = _BRACKET_RE.search(text)
    return m is not None and m.group(0) in _CLOSERS


def junk_flags(sentences) -> np.ndarray:
    """True for a sentence without a word of two letters or a CJK character, unless it
    closes a bracket opened before it (the tail of a sentence split too early)."""
    return np.array([_WORDISH_RE.search(s) is None and not _closes_earlier_bracket(s)
                     for s in sentences], dtype=bool)


def _group_sums(lengths: np.ndarray, k: int) -> np.ndarray:
    """out[j] = sum of lengths[j-k:j] (0 where j < k), for j = 0..len."""
    cum = np.concatenate(([0.0], np.cumsum(lengths, dtype=float)))
    out = np.zeros(len(cum))
    if k < len(cum):
        out[k:] = cum[k:] - cum[:-k] if k else cum
    return out


def _marginal(loglen: np.ndarray, k: int) -> tuple[float, float]:
    """Mean and spread of log group lengths of k consecutive sentences of a document."""
    vals = loglen[k:]
    if len(vals) < 2:
        return (float(vals[0]) if len(vals) else 0.0), 1.0
    return float(vals.mean()), max(0.2, float(vals.std()))


class BeadScorer:
    """Precomputed vectors the DP combines; see ``dp.py`` for the formula."""

    def __init__(self, params: Params, src_len, tgt_len, lexical, band_pairs,
                 src_blocks=None, tgt_blocks=None, src_junk=None, tgt_junk=None):
        n, m = len(src_len), len(tgt_len)
        self.n, self.m = n, m
        p = params
        ls = np.asarray(src_len, dtype=float)
        lt = np.asarray(tgt_len, dtype=float)
        sig = p.sigma
        self.xs, self.ys = {}, {}
        mar_s, mar_t = {}, {}
        for k in range(1, MAX_GROUP + 1):
            xs = np.log(_group_sums(ls, k) + p.k_src)
            ys = np.log(_group_sums(lt, k) + p.k_tgt)
            mu, tau = _marginal(xs, k)
            mar_s[k] = -0.5 * ((xs - mu) / tau) ** 2 - math.log(tau) - _LOG_SQRT_2PI
            mu, tau = _marginal(ys, k)
            mar_t[k] = -0.5 * ((ys - mu) / tau) ** 2 - math.log(tau) - _LOG_SQRT_2PI
            self.xs[k] = (xs + p.log_ratio) / sig
            self.ys[k] = ys / sig
        w = 0.5 * p.lex_weight
        sb = np.asarray(src_blocks) if src_blocks is not None else None
        tb = np.asarray(tgt_blocks) if tgt_blocks is not None else None
        self.S, self.T, self.lex_g, self.lex_c = [], [], [], []
        norm = -math.log(sig) - _LOG_SQRT_2PI
        for a, b in TYPES:
            S = np.full(n + 1, math.log(p.priors[(a, b)]))
            T = np.zeros(m + 1)
            if b:
                S = S + norm - 0.5 * mar_s[a]
                T = T - 0.5 * mar_t[b]
                for pos in range(a):   # keys of the group's union only
                    S[a:] += w * lexical.u_src[pos][pos:n - a + pos + 1, b]
                for pos in range(b):
                    T[b:] += w * lexical.u_tgt[pos][pos:m - b + pos + 1, a]
            if sb is not None and a > 1:
                S[a:] += p.block_cross * (sb[a - 1:] != sb[:n - a + 1])
            if tb is not None and b > 1:
                T[b:] += p.block_cross * (tb[b - 1:] != tb[:m - b + 1])
            self.S.append(S)
            self.T.append(T)
            self.lex_g.append(w if b else 0.0)
            self.lex_c.append(w * (math.log(a) + math.log(b)) if b else 0.0)
        # Paragraph synchrony: a bead that opens a paragraph on one side only pays
        # block_desync. T_open[t] is used in rows where the source side opens one.
        self.T_open = list(self.T)
        self.s_open = [np.zeros(n + 1, dtype=bool) for _ in TYPES]
        if sb is not None and tb is not None and n and m:
            s_open = np.ones(n, dtype=bool)
            s_open[1:] = sb[1:] != sb[:-1]
            t_open = np.ones(m, dtype=bool)
            t_open[1:] = tb[1:] != tb[:-1]
            for t, (a, b) in enumerate(TYPES):
                if not b:
                    continue
                so = np.zeros(n + 1, dtype=bool)
                so[a:] = s_open[:n + 1 - a]
                to = np.zeros(m + 1)
                to[b:] = t_open[:m + 1 - b]
                self.s_open[t] = so
                self.T_open[t] = self.T[t] + p.block_desync * (1.0 - to)
                self.T[t] = self.T[t] + p.block_desync * to
        # Expand -0.5 * (ys - xs)^2 so that a row needs one product per type.
        self.Sq, self.Tq = [], []
        for t, (a, b) in enumerate(TYPES):
            if b:
                self.Sq.append(self.S[t] - 0.5 * self.xs[a] ** 2)
                self.Tq.append(self.T[t] - 0.5 * self.ys[b] ** 2)
                self.T_open[t] = self.T_open[t] - 0.5 * self.ys[b] ** 2
            else:
                self.Sq.append(self.S[t])
                self.Tq.append(self.T[t])
                self.T_open[t] = self.T[t]
        self.Tq_open = self.T_open
        # Stacked forms for the DP: one row of every array per bead type.
        zeros_t = np.zeros(m + 1)
        self.YS = np.stack([self.ys[b] if b else zeros_t for _a, b in TYPES])
        self.XS = np.stack([self.xs[a] if b else np.zeros(n + 1) for a, b in TYPES])
        self.SQ = np.stack(self.Sq)
        self.TQ = np.stack(self.Tq)
        self.TQo = np.stack(self.Tq_open)
        self.SOPEN = np.stack(self.s_open)
        self.has_blocks = bool(self.SOPEN.any())
        self.LG = np.array(self.lex_g)
        self.LC = np.array(self.lex_c)
        self.del_start = math.log(p.priors[(0, 1)])
        self.del_cont = math.log(p.insert_run)
        # Deletion of a sentence without words: log P(null | junk) instead of the prior
        # of a 1-0 bead or of a 0-1 run start.
        log_junk = math.log(p.junk_null)
        self.ins_adj = np.zeros(m + 1)
        if tgt_junk is not None and len(tgt_junk):
            self.ins_adj[1:] = np.where(np.asarray(tgt_junk), log_junk - self.del_start, 0.0)
        if src_junk is not None and len(src_junk):
            t10 = TYPES.index((1, 0))
            self.SQ[t10, 1:] += np.where(np.asarray(src_junk),
                                         log_junk - math.log(p.priors[(1, 0)]), 0.0)
        self.pairs, dup = band_pairs
        self.corr = _corrections(dup, self.lex_g, self.lex_c, n, m)


def _corrections(dup, lex_g, lex_c, n: int, m: int):
    """Sparse fixes for keys a group holds twice: arrays (row, type, column, value).

    The DP sums pair gains over a block; a key present in two sentences of a group
    must count once, so each repeated occurrence is taken back out of every bead
    that contains the earlier occurrence too.
    """
    di, dj, dg, dps, dpt = dup
    rows, types, cols, vals = [], [], [], []
    if len(di):
        for t, (a, b) in enumerate(TYPES):
            if not b or (a == 1 and b == 1):
                continue
            for pr in range(a):
                for pc in range(b):
                    if pr == 0 and pc == 0:
                        continue
                    mask = (dps <= pr) | (dpt <= pc)
                    if not mask.any():
                        continue
                    i = di[mask] - pr + a
                    j = dj[mask] - pc + b
                    ok = (i <= n) & (j <= m) & (i >= a) & (j >= b)
                    rows.append(i[ok])
                    cols.append(j[ok])
                    types.append(np.full(int(ok.sum()), t))
                    vals.append(-(lex_g[t] * dg[mask][ok] - lex_c[t]))
    if not rows:
        ints = np.zeros(0, np.int64)
        return ints, ints, ints, np.zeros(0)
    return np.concatenate(rows), np.concatenate(types), np.concatenate(cols), \
        np.concatenate(vals)
