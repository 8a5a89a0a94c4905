"""Finding fingerprints, baselines and suppressions: gate only on what is new.

A **fingerprint** names a finding without its line numbers, so it survives edits elsewhere
in the file: the rule id, the article, the target file's name, the unit id of bilingual
files, the finding's text and the sentence (or unit) around it, whitespace-normalised, and
occurrence numbers (which copy of that sentence in the document, which copy of the text
in the sentence), so duplicated sentences keep distinct fingerprints. It is also SARIF's ``partialFingerprints["mtqa/v1"]``.

- A **baseline** (``--write-baseline FILE``, then ``--baseline FILE``) records the
  fingerprints of today's findings; later runs report and fail only on the others.
- A **suppression file** (``--suppressions FILE``, TOML or JSON) lists findings that a
  person judged acceptable, each with a reason: ``fingerprint = "…"``, or ``rule`` +
  ``text`` (optionally ``article``) for a hand-written entry.
- In a bilingual file, a reviewer accepts a unit's findings with a note on that unit:
  ``mtqa: accept TERM001`` (several ids or prefixes separated by commas or spaces; ``all``
  accepts every rule), e.g. ``<note>mtqa: accept TERM001 – brand name kept</note>`` in
  XLIFF or ``# mtqa: accept NUM002`` in a PO file.

Suppressed and accepted findings are dropped and the MQM scores recomputed (a person
judged them not to be errors); baseline findings are dropped from the report but still
count in the scores (they are known errors, not false alarms). Nothing here prints.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Mapping, Sequence

from .errors import InputError
from .model import ArticleResult, AuditResult, Finding, Span
from .paths import read_bytes

FINGERPRINT_KEY = "mtqa/v1"
BASELINE_FORMAT = "mtqa-baseline"
BASELINE_VERSION = 1
ACCEPT_NOTE = re.compile(r"mtqa:\s*accept\s+([A-Za-z0-9_, ]+)", re.IGNORECASE)


def normalise(text: str) -> str:
    """NFC and every run of whitespace (no-break spaces included) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _context(ar: ArticleResult, f: Finding) -> tuple[str, str, int, int]:
    """The sentence (or bilingual unit) around the finding's span, the unit id if any, which
    occurrence of that sentence text in the document it is, and which occurrence of the
    flagged text inside the sentence. All of it is intrinsic to the text, so dropping other
    findings (baseline, suppressions) never changes a fingerprint."""
    span, doc = (f.target, ar.article.target) if f.target is not None else (f.source, ar.article.source)
    if span is None or doc is None or not doc.segments:
        return "", "", 0, 0
    seg, seg_rank = _segment_at(doc, span.doc_start)
    units = doc.meta.get("units") if isinstance(doc.meta, Mapping) else None
    unit_id = ""
    if isinstance(units, Sequence) and 0 <= seg.block < len(units):
        unit = units[seg.block]
        unit_id = str(unit.get("id", "")) if isinstance(unit, Mapping) else ""
    local = max(span.doc_start - seg.start, 0)
    text_rank = seg.text.count(span.text, 0, local) if span.text else 0
    return seg.text, unit_id, seg_rank, text_rank


def _segment_at(doc, offset: int):
    """The segment holding ``offset`` and how many earlier segments have the same text."""
    cache = doc.__dict__.get("_mtqa_segment_cache")
    if cache is None:
        seen: Counter = Counter()
        ranks = []
        for s in doc.segments:
            key = normalise(s.text)
            ranks.append(seen[key])
            seen[key] += 1
        cache = ([s.start for s in doc.segments], ranks)
        object.__setattr__(doc, "_mtqa_segment_cache", cache)  # frozen dataclass: a private cache
    starts, ranks = cache
    i = max(bisect.bisect_right(starts, offset) - 1, 0)
    return doc.segments[i], ranks[i]


def article_fingerprints(ar: ArticleResult) -> list[str]:
    """One fingerprint per finding of ``ar``, in order."""
    seen: Counter = Counter()
    out = []
    target_name = Path(ar.article.target.path).name if ar.article.target is not None else ""
    for f in ar.findings:
        span: Span | None = f.target or f.source
        side = "target" if f.target is not None else ("source" if f.source is not None else "none")
        context, unit, seg_rank, text_rank = _context(ar, f)
        key = "\x1f".join((f.rule_id, ar.article.name, target_name, unit, side,
                           normalise(span.text) if span else normalise(f.message), normalise(context),
                           str(seg_rank), str(text_rank)))
        seen[key] += 1  # two findings of one rule on the very same text: tell them apart
        digest = hashlib.sha256(f"{key}\x1f{seen[key]}".encode("utf-8")).hexdigest()[:32]
        out.append(digest)
    return out


def fingerprints(result: AuditResult) -> list[str]:
    """One fingerprint per finding of ``result.findings``, in the same order."""
    return [fp for ar in result.articles for fp in article_fingerprints(ar)]


# -- baseline files -----------------------------------------------------------------------

def baseline_json(result: AuditResult) -> str:
    """The baseline file of ``result``: every finding's fingerprint, with what it was."""
    from . import __version__

    entries = []
    for ar in result.articles:
        for f, fp in zip(ar.findings, article_fingerprints(ar)):
            t = f.target
            entries.append({"fingerprint": fp, "rule_id": f.rule_id, "article": ar.article.name,
                            "file": t.file if t else None, "line": t.line if t else None,
                            "text": t.text[:200] if t else None, "message": f.message})
    doc = {"format": BASELINE_FORMAT, "version": BASELINE_VERSION, "tool": f"mtqa {__version__}",
           "fingerprint": FINGERPRINT_KEY, "findings": entries}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: str | Path) -> frozenset[str]:
    """The fingerprints of a baseline file written by ``--write-baseline``."""
    p = Path(path)
    data = _load_json(p, "baseline")
    if not isinstance(data, dict) or data.get("format") != BASELINE_FORMAT:
        raise InputError(f"{p}: not an mtqa baseline (write one with 'mtqa audit PATH --write-baseline {p}')")
    if data.get("version") != BASELINE_VERSION:
        raise InputError(f"{p}: baseline version {data.get('version')!r} is not supported "
                         f"(expected {BASELINE_VERSION}); write it again")
    items = data.get("findings")
    if not isinstance(items, list) or not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str)
                                              for e in items):
        raise InputError(f"{p}: baseline 'findings' must be a list of objects with a 'fingerprint'")
    return frozenset(e["fingerprint"] for e in items)


def _load_json(p: Path, what: str) -> Any:
    try:
        return json.loads(read_bytes(p, f"{what} file").decode("utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{p}: no such {what} file") from None
    except UnicodeDecodeError:
        raise InputError(f"{p}: {what} file is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{p}:{exc.lineno}: {what} file is not valid JSON: {exc.msg}") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read {what} file: {exc.strerror or exc}") from None


# -- suppression files --------------------------------------------------------------------

@dataclass(frozen=True)
class Suppression:
    reason: str
    fingerprint: str | None = None
    rule: str | None = None
    text: str | None = None
    article: str | None = None

    def matches(self, f: Finding, fp: str, article: str) -> bool:
        if self.fingerprint is not None:
            return fp == self.fingerprint
        if not f.rule_id.startswith(self.rule or "\0"):
            return False
        span = f.target or f.source
        if self.text is not None and (span is None or normalise(span.text) != normalise(self.text)):
            return False
        return self.article is None or self.article == article


def load_suppressions(path: str | Path) -> tuple[Suppression, ...]:
    """Entries of a suppression file: TOML ``[[suppress]]`` tables or JSON ``{"suppress": [...]}``;
    each has a ``reason`` and either a ``fingerprint`` or a ``rule`` (id or prefix) with ``text``."""
    p = Path(path)
    if p.suffix.lower() == ".json":
        data = _load_json(p, "suppression")
    else:
        from .config import tomllib

        try:
            data = tomllib.loads(read_bytes(p, "suppression file").decode("utf-8-sig"))
        except FileNotFoundError:
            raise InputError(f"{p}: no such suppression file") from None
        except (UnicodeDecodeError, OSError) as exc:
            raise InputError(f"{p}: cannot read suppression file: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"{p}: suppression file is not valid TOML: {exc}") from None
    items = data.get("suppress") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError(f"{p}: expected a list 'suppress' of entries (TOML: [[suppress]])")
    out = []
    for n, item in enumerate(items, 1):
        where = f"{p}: suppress entry {n}"
        if not isinstance(item, dict):
            raise InputError(f"{where}: must be a table")
        unknown = set(item) - {"reason", "fingerprint", "rule", "text", "article"}
        if unknown:
            raise InputError(f"{where}: unknown key {sorted(unknown)[0]!r}")
        if any(v is not None and not isinstance(v, str) for v in item.values()):
            raise InputError(f"{where}: every value must be a string")
        if not (item.get("reason") or "").strip():
            raise InputError(f"{where}: a 'reason' is required (why this finding is acceptable)")
        if not item.get("fingerprint") and not (item.get("rule") and item.get("text")):
            raise InputError(f"{where}: give a 'fingerprint', or a 'rule' and the 'text' it flags")
        out.append(Suppression(item["reason"].strip(), item.get("fingerprint"),
                               (item.get("rule") or "").upper() or None, item.get("text"), item.get("article")))
    return tuple(out)


def accepted_by_reviewer(ar: ArticleResult, f: Finding) -> bool:
    """True when the bilingual unit around ``f`` carries a reviewer's ``mtqa: accept RULE`` note."""
    doc = ar.article.target
    units = doc.meta.get("units") if isinstance(doc.meta, Mapping) else None
    if f.target is None or not units or not doc.segments:
        return False
    seg, _ = _segment_at(doc, f.target.doc_start)
    if not 0 <= seg.block < len(units):
        return False
    notes = units[seg.block].get("notes") if isinstance(units[seg.block], Mapping) else ""
    for m in ACCEPT_NOTE.finditer(notes or ""):
        codes = [c.upper() for c in re.split(r"[,\s]+", m.group(1)) if c]
        if any(c == "ALL" or f.rule_id.startswith(c) for c in codes):
            return True
    return False


# -- applying them ------------------------------------------------------------------------

@dataclass(frozen=True)
class Gate:
    """What to drop from a result before reporting and deciding the exit code."""

    baseline: frozenset[str] | None = None
    suppressions: tuple[Suppression, ...] = ()
    reviewer_notes: bool = True


def apply_gate(result: AuditResult, gate: Gate) -> AuditResult:
    """``result`` without baseline, suppressed and reviewer-accepted findings; the counts of
    what was dropped are in ``scores["filtered"]``."""
    from .scoring.mqm import mqm_batch, mqm_score

    known = suppressed = accepted = 0
    articles = []
    seen: set[str] = set()
    for ar in result.articles:
        keep: list[Finding] = []
        counted: list[Finding] = []  # what still counts in the scores: kept + baseline
        for f, fp in zip(ar.findings, article_fingerprints(ar)):
            seen.add(fp)
            if gate.reviewer_notes and accepted_by_reviewer(ar, f):
                accepted += 1
            elif any(s.matches(f, fp, ar.article.name) for s in gate.suppressions):
                suppressed += 1
            elif gate.baseline is not None and fp in gate.baseline:
                known += 1
                counted.append(f)
            else:
                keep.append(f)
                counted.append(f)
        scores = dict(ar.scores)
        if len(counted) < len(ar.findings) and "mqm" in scores:
            old = scores["mqm"]
            scores["mqm"] = mqm_score(ar.article, counted, old.get("weights"), old.get("threshold", 90.0))
        articles.append(ArticleResult(ar.article, tuple(keep), scores))
    batch = dict(result.scores)
    if "mqm" in batch and articles:
        batch["mqm"] = mqm_batch([a.scores["mqm"] for a in articles])
    batch["filtered"] = {"baseline": known, "suppressed": suppressed, "accepted_in_file": accepted,
                         "baseline_used": gate.baseline is not None,
                         # baseline entries that match nothing any more: fixed since it was written
                         "baseline_fixed": len(gate.baseline - seen) if gate.baseline is not None else 0}
    return replace(result, articles=tuple(articles), scores=batch)

