"""Immutable values that flow through mtqa: documents, segments, beads, findings.

readers → segment → align → rules → scoring → reporters all speak these types.
Every offset is a Python ``str`` index into the original file decoded as UTF-8
(BOM removed, newlines kept as they are).
"""
from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field
from typing import Any, Mapping


class Severity(enum.IntEnum):
    """MQM severities, ordered. ``neutral`` is a review hint and never fails a build."""

    NEUTRAL = 0
    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None


@dataclass(frozen=True)
class Block:
    """A paragraph or heading of a document: a run of text between blank lines."""

    index: int
    start: int
    end: int
    kind: str = "paragraph"  # "paragraph" | "heading" | "list" | "unit"


@dataclass(frozen=True)
class Segment:
    """One sentence (or one bilingual unit) of a document, with its offsets."""

    index: int
    start: int
    end: int
    text: str
    block: int  # index of the Block it belongs to
    kind: str = "paragraph"


@dataclass(frozen=True)
class Document:
    """A text in one language, as read from a file.

    ``text`` is the decoded file content; blocks and segments point into it.
    ``lang_source`` says where ``lang`` came from: ``"filename"``, ``"detected"``,
    ``"option"`` or ``"file"`` (declared inside a bilingual file).
    """

    path: str
    text: str
    lang: str
    blocks: tuple[Block, ...] = ()
    segments: tuple[Segment, ...] = ()
    lang_source: str = "filename"
    meta: Mapping[str, Any] = field(default_factory=dict)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset`` (columns count code points)."""
        starts = self._line_starts()
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def _line_starts(self) -> list[int]:
        cache = self.__dict__.get("_line_starts_cache")
        if cache is None:
            cache = [0]
            text = self.text
            pos = text.find("\n")
            while pos != -1:
                cache.append(pos + 1)
                pos = text.find("\n", pos + 1)
            # frozen dataclass: stash the cache without triggering __setattr__
            object.__setattr__(self, "_line_starts_cache", cache)
        return cache

    def span(self, start: int, end: int) -> "Span":
        line, column = self.line_col(start)
        return Span(self.path, start, end, line, column, self.text[start:end])

    def with_segments(self, segments: tuple[Segment, ...]) -> "Document":
        return Document(self.path, self.text, self.lang, self.blocks, tuple(segments),
                        self.lang_source, self.meta)

    @property
    def word_count(self) -> int:
        from .textutil import count_words

        return count_words(self.text, self.lang)


@dataclass(frozen=True)
class Span:
    """A located piece of text: file, code-point offsets, 1-based line/column."""

    file: str
    start: int
    end: int
    line: int
    column: int
    text: str

    def to_json(self) -> dict:
        return {"file": self.file, "start": self.start, "end": self.end,
                "line": self.line, "column": self.column, "text": self.text}


@dataclass(frozen=True)
class Bead:
    """Aligned groups of source and target segment indices (1-1, 1-2, 1-0, 0-1, …).

    ``confidence`` is in [0, 1]: how sure the aligner is of this bead.
    """

    id: int
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float = 1.0

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def to_text(self) -> str:
        return f"[{', '.join(map(str, self.src))}]:[{', '.join(map(str, self.tgt))}]"


@dataclass(frozen=True)
class Finding:
    """One issue a reviewer would mark. Immutable, ordered by place then rule."""

    rule_id: str
    rule_name: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None
    target: Span | None
    source: Span | None = None
    bead: int | None = None
    # Text that replaces the target span to fix it ("" deletes it), when the rule knows it
    # exactly; ``suggestion`` is what a person reads.
    replacement: str | None = None

    def sort_key(self) -> tuple:
        t = self.target
        return (t.file if t else "", t.start if t else -1, t.end if t else -1, self.rule_id,
                self.message)

    def to_json(self) -> dict:
        return {
            "rule_id": self.rule_id,
            "rule_name": self.rule_name,
            "category": self.category,
            "severity": self.severity.label,
            "message": self.message,
            "suggestion": self.suggestion,
            "target": self.target.to_json() if self.target else None,
            "source": self.source.to_json() if self.source else None,
            "bead": self.bead,
            "replacement": self.replacement,
        }


@dataclass(frozen=True)
class Article:
    """One translated article: the target under test plus what it is checked against."""

    name: str
    target: Document
    source: Document | None = None
    reference: Document | None = None
    glossary: Any = None  # toolkit.glossary.Glossary | None
    beads: tuple[Bead, ...] = ()
    notes: tuple[str, ...] = ()  # e.g. "language of mt.txt detected as fr"


@dataclass(frozen=True)
class ArticleResult:
    article: Article
    findings: tuple[Finding, ...]
    scores: Mapping[str, Any]


@dataclass(frozen=True)
class AuditResult:
    """What an audit produced: per-article findings and scores, batch scores."""

    articles: tuple[ArticleResult, ...]
    scores: Mapping[str, Any]
    signature: str
    fail_on: Severity = Severity.MAJOR
    fail_under: float | None = None  # MQM quality gate (per article and batch), off when None

    @property
    def findings(self) -> tuple[Finding, ...]:
        return tuple(f for a in self.articles for f in a.findings)

    def failed(self, threshold: Severity | None = None) -> bool:
        limit = self.fail_on if threshold is None else threshold
        return (any(f.severity >= limit and f.severity > Severity.NEUTRAL for f in self.findings)
                or bool(self.below_quality()))

    def below_quality(self) -> list[str]:
        """Names of the articles (and ``"batch"``) whose MQM quality is under ``fail_under``."""
        if self.fail_under is None:
            return []
        low = [a.article.name for a in self.articles
               if a.scores.get("mqm", {}).get("quality", 100.0) < self.fail_under]
        if self.scores.get("mqm", {}).get("quality", 100.0) < self.fail_under:
            low.append("batch")
        return low
