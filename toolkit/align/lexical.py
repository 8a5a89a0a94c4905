"""Lexical evidence for a bead: a log-likelihood ratio over shared anchor keys.

For a key k seen in a source group S, the model asks whether it is also in the target
group T. Under "S and T are translations" it is there with probability ``p1``; under
"T is an unrelated group" with probability ``p0`` = its document frequency on the target
side. Each key thus adds ``log(p1/p0)`` when matched and ``log((1-p1)/(1-p0))`` when
not. Both directions are scored and averaged. ``p1`` is estimated per document and per
key class from a first alignment, and bounded by ``df_t/df_s`` (a key in 10 source
sentences but 2 target sentences cannot be matched 10 times). Rare keys thus weigh a
lot, keys common on one side little, and keys found on one side only nothing.

A bead's score decomposes into per-sentence terms (unmatched keys) and per-pair terms
(matched keys), so the aligner can sum them over any group with cumulative sums.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

from .dp import MAX_GROUP

__all__ = ["KeyTable", "LexicalModel", "DEFAULT_P1", "CLASSES"]

# Starting probability that a key of each class is found in the aligned group.
DEFAULT_P1 = {"N": 0.7, "W": 0.5, "P": 0.35, "K": 0.3, "Y": 0.5, "Q": 0.6, "G": 0.7,
              "L": 0.5, "D": 0.4}
MAX_GAIN = 5.0        # cap on one key's evidence in one direction (nats)
MIN_GAIN = 0.15       # keys carrying less evidence than this are ignored
MAX_PAIR_FACTOR = 60  # keys whose pair count exceeds this × (n + m) are ignored


CLASSES = "".join(DEFAULT_P1)


class _Side:
    """Flat key occurrences of one side: sentence, key id, distance to previous use."""

    def __init__(self, sent: np.ndarray, kid: np.ndarray, nkeys: int):
        order = np.lexsort((sent, kid))
        sent, kid = sent[order], kid[order]
        prev = np.full(len(sent), MAX_GROUP, dtype=np.int64)
        if len(sent) > 1:
            same = kid[1:] == kid[:-1]
            gap = sent[1:] - sent[:-1]
            prev[1:] = np.where(same, np.minimum(gap, MAX_GROUP), MAX_GROUP)
        self.sent, self.kid, self.prev = sent, kid, prev
        self.df = np.bincount(kid, minlength=nkeys)

    def subset(self, mask: np.ndarray) -> None:
        self.sent, self.kid, self.prev = self.sent[mask], self.kid[mask], self.prev[mask]


class KeyTable:
    """Key occurrences of both sides as integer arrays, for the keys found on both sides:
    sentence and key id of each occurrence, and the class (index in ``CLASSES``) of
    each key."""

    def __init__(self, n: int, m: int, s_sent, s_kid, t_sent, t_kid, key_class):
        self.n, self.m = n, m
        self.s_sent, self.s_kid = np.asarray(s_sent, np.int64), np.asarray(s_kid, np.int64)
        self.t_sent, self.t_kid = np.asarray(t_sent, np.int64), np.asarray(t_kid, np.int64)
        self.key_class = np.asarray(key_class, np.int64)

    @classmethod
    def from_keys(cls, src_keys: Sequence[set[str]], tgt_keys: Sequence[set[str]]):
        tgt_vocab: set[str] = set().union(*tgt_keys) if tgt_keys else set()
        # ids in order of first occurrence on the source side (sorted within a sentence):
        # the same whatever the set iteration order
        ids: dict[str, int] = {}
        for ks in src_keys:
            new = (ks & tgt_vocab).difference(ids)
            if new:
                base = len(ids)
                ids.update((k, base + n) for n, k in enumerate(sorted(new)))
        s_sent, s_kid = _occurrences(src_keys, ids)
        t_sent, t_kid = _occurrences(tgt_keys, ids)
        classes = [CLASSES.find(k[0]) for k in ids]
        return cls(len(src_keys), len(tgt_keys), s_sent, s_kid, t_sent, t_kid, classes)

    def extended(self, s_sent, s_kid, t_sent, t_kid, key_class: str) -> "KeyTable":
        """A table with more keys (ids numbered from 0 for the new ones), all of one class."""
        nk = len(self.key_class)
        count = int(max(np.max(s_kid, initial=-1), np.max(t_kid, initial=-1))) + 1
        return KeyTable(self.n, self.m, np.concatenate((self.s_sent, s_sent)),
                        np.concatenate((self.s_kid, np.asarray(s_kid, np.int64) + nk)),
                        np.concatenate((self.t_sent, t_sent)),
                        np.concatenate((self.t_kid, np.asarray(t_kid, np.int64) + nk)),
                        np.concatenate((self.key_class,
                                        np.full(count, CLASSES.find(key_class), np.int64))))


class LexicalModel:
    """Per-sentence and per-pair lexical terms for one document pair.

    A key is counted once per group even when several sentences of the group hold it.
    ``prev`` is how far back (1 … MAX_GROUP - 1, or MAX_GROUP for "further") the same key last occurred on
    the same side; a sentence at position p of its group (0-based) contributes only
    the keys with prev > p, so a group's keys are its union.

    ``u_src[x - 1][i, b]``: unmatched terms of the keys of source sentence i with
    prev >= x, when aligned with a group of b target sentences (b = 1..MAX_GROUP);
    ``u_tgt`` likewise. ``pairs()``: sentence pairs sharing keys, and the shared-key
    occurrences that a group may hold twice (for exact corrections).
    """

    def __init__(self, table: "KeyTable", p1_src: dict[str, float] | None = None,
                 p1_tgt: dict[str, float] | None = None):
        self.n, self.m = n, m = table.n, table.m
        p1_src = p1_src or DEFAULT_P1
        p1_tgt = p1_tgt or DEFAULT_P1
        self.nkeys = nk = len(table.key_class)
        src = _Side(table.s_sent, table.s_kid, nk)
        tgt = _Side(table.t_sent, table.t_kid, nk)
        cls = table.key_class
        fs, ft = src.df.astype(float), tgt.df.astype(float)
        p1s = np.array([p1_src.get(c, 0.5) for c in CLASSES])[cls] if nk else np.zeros(0)
        p1t = np.array([p1_tgt.get(c, 0.5) for c in CLASSES])[cls] if nk else np.zeros(0)
        with np.errstate(divide="ignore", invalid="ignore"):
            g_st, u_st = _terms(p1s * np.minimum(1.0, ft / fs), ft / max(m, 1))
            g_ts, u_ts = _terms(p1t * np.minimum(1.0, fs / ft), fs / max(n, 1))
        useful = (g_st + g_ts >= 2 * MIN_GAIN) & (fs * ft <= MAX_PAIR_FACTOR * (n + m))
        self.useful = useful
        self.gain = g_st + g_ts
        self.u_st, self.u_ts = u_st, u_ts
        self.key_class = cls
        self.df_src, self.df_tgt = fs, ft
        src.subset(useful[src.kid])
        tgt.subset(useful[tgt.kid])
        self.src, self.tgt = src, tgt
        self.u_src = _unmatched(src, u_st, n)
        self.u_tgt = _unmatched(tgt, u_ts, m)

    def hapax_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Sentence pairs sharing keys that occur exactly once on each side, with gains."""
        src, tgt = self.src, self.tgt
        hapax = (self.df_src == 1) & (self.df_tgt == 1) & self.useful
        ms, mt = hapax[src.kid], hapax[tgt.kid]
        if not ms.any():
            return np.zeros((0, 2), dtype=np.int64), np.zeros(0)
        s_of = np.full(self.nkeys, -1, dtype=np.int64)
        t_of = np.full(self.nkeys, -1, dtype=np.int64)
        s_of[src.kid[ms]] = src.sent[ms]
        t_of[tgt.kid[mt]] = tgt.sent[mt]
        kids = np.nonzero(hapax)[0]
        code = s_of[kids] * (self.m + 1) + t_of[kids]
        uniq, inv = np.unique(code, return_inverse=True)
        w = np.bincount(inv, weights=self.gain[kids], minlength=len(uniq))
        pts = np.stack((uniq // (self.m + 1), uniq % (self.m + 1)), axis=1)
        return pts, w

    def pairs(self, row_lo: np.ndarray, row_hi: np.ndarray):
        """Shared keys of sentence pairs (i, j) with row_lo[i] <= j < row_hi[i].

        Returns ``(agg, dup)``: ``agg`` = arrays (i, j, gain, count) aggregated per pair,
        sorted by i then j; ``dup`` = arrays (i, j, gain, prev_src, prev_tgt) of the
        single key occurrences repeated nearby on either side.
        """
        src, tgt = self.src, self.tgt
        ints, floats = np.zeros(0, np.int64), np.zeros(0)
        empty = ((ints, ints, floats, floats), (ints, ints, floats, ints, ints))
        if not len(src.kid) or not len(tgt.kid):
            return empty
        # Target occurrences are sorted by key, then sentence: the ones a source
        # occurrence may meet form one slice, found by binary search (no pair outside
        # the band is ever built).
        stride = self.m + 2
        tcode = tgt.kid * stride + tgt.sent
        lo = np.clip(row_lo, 0, self.m + 1)[src.sent]
        hi = np.clip(row_hi, 0, self.m + 1)[src.sent]
        base = src.kid * stride
        t_start = np.searchsorted(tcode, base + lo, "left")
        counts = np.maximum(np.searchsorted(tcode, base + hi, "left") - t_start, 0)
        total = int(counts.sum())
        if total == 0:
            return empty
        rep_src = np.repeat(np.arange(len(src.kid)), counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        tgt_idx = np.repeat(t_start, counts) + offsets
        pi = src.sent[rep_src]
        pj = tgt.sent[tgt_idx]
        pg = self.gain[src.kid[rep_src]]
        ps, pt = src.prev[rep_src], tgt.prev[tgt_idx]
        dup_mask = (ps < MAX_GROUP) | (pt < MAX_GROUP)
        dup = (pi[dup_mask], pj[dup_mask], pg[dup_mask], ps[dup_mask], pt[dup_mask])
        code = pi * (self.m + 1) + pj
        uniq, inv = np.unique(code, return_inverse=True)
        gain = np.bincount(inv, weights=pg, minlength=len(uniq))
        cnt = np.bincount(inv, minlength=len(uniq)).astype(float)
        return (uniq // (self.m + 1), uniq % (self.m + 1), gain, cnt), dup


def _occurrences(keys: Sequence[set[str]], ids: dict[str, int]):
    """Sentence and key id of every key of ``keys`` that has an id."""
    sent, kid = [], []
    for i, ks in enumerate(keys):
        found = [ids[k] for k in ks if k in ids]
        sent.extend([i] * len(found))
        kid.extend(found)
    return sent, kid


def _unmatched(side: _Side, u: np.ndarray, size: int) -> np.ndarray:
    """Array (G, size, G + 1): unmatched terms of the keys with prev >= x (x = 1..G)."""
    out = np.zeros((MAX_GROUP, size, MAX_GROUP + 1))
    for x in range(MAX_GROUP):
        mask = side.prev > x
        sent, kid = side.sent[mask], side.kid[mask]
        for b in range(MAX_GROUP):
            out[x, :, b + 1] = np.bincount(sent, weights=u[kid, b], minlength=size)
    return out


def _terms(p1: np.ndarray, p0: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Gain of a match (vs no match) and the unmatched terms for groups of 1..3.

    Keys whose match is no likelier in a translation than by chance get zeros.
    """
    p0 = np.clip(np.nan_to_num(p0), 1e-6, 0.999)
    p1 = np.clip(np.nan_to_num(p1), 1e-6, 0.999)
    sizes = np.arange(1, MAX_GROUP + 1)[None, :]
    p0b = np.minimum(1 - (1 - p0[:, None]) ** sizes, 0.999)
    unmatched = np.log((1 - p1[:, None]) / (1 - p0b))
    gain = np.minimum(MAX_GAIN, np.log(p1 / p0) - unmatched[:, 0])
    informative = p1 > p0
    return np.where(informative, gain, 0.0), np.where(informative[:, None], unmatched, 0.0)
