"""Immutable values that flow through mtqa: documents, segments, beads, findings.

readers → segment → align → rules → scoring → reporters all speak these types.
Every offset is a Python ``str`` index into the original file decoded as UTF-8
(BOM removed, newlines kept as they are).

A Document read from a bilingual or HTML file has a ``text`` of its own (the units or
the extracted article); its :class:`Origin` maps that text back to the file, so the
Spans it makes (``Document.span``) carry file offsets, file line/column and the name of
the unit, and say how a fix must be written into the file.
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


def line_starts(text: str) -> list[int]:
    """Offsets where the lines of ``text`` start (``\n`` ends a line)."""
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def escape_for(kind: str | None, text: str) -> str | None:
    """``text`` written so that it reads as ``text`` inside a file region of this ``kind``;
    None when it cannot be written there safely."""
    if kind is None:
        return None
    if kind in ("xml", "html"):
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if kind == "po":
        return (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\t", "\\t").replace("\r", "\\r"))
    if kind == "csv-quoted":
        return text.replace('"', '""')
    if kind.startswith("bare:"):  # an unquoted CSV/TSV cell: only text without specials
        return None if any(c in text for c in '"\r\n' + kind[5:]) else text
    return text  # "": the file's own text


@dataclass(frozen=True)
class Piece:
    """A run of a Document's text and the region of the file it was read from.

    ``linear``: each character is the same character in the file (otherwise the run is
    one unit: an entity, an escape, collapsed white space). ``escape``: how replacement
    text is written in this region (see :func:`escape_for`); None when it is not text a
    fix may replace (CDATA, attribute values…).
    """

    start: int
    end: int
    file_start: int
    file_end: int
    linear: bool = True
    escape: str | None = ""


@dataclass(frozen=True)
class Origin:
    """How a Document's text maps back to its file.

    ``pieces`` cover the Document's text (sorted, non-overlapping, non-empty); text between
    pieces (separators the reader added) has no place in the file. Markup of the file
    (tags, comments, line continuations) lies between pieces, so two pieces that are not
    adjacent in the file are never replaced together. ``units`` name the translation unit
    that starts at each offset (``(offset, name)``, sorted).
    """

    file_text: str
    pieces: tuple[Piece, ...]
    units: tuple[tuple[int, str], ...] = ()

    def _index(self) -> tuple[list[int], list[int], list[int]]:
        cache = self.__dict__.get("_index_cache")
        if cache is None:
            cache = ([p.start for p in self.pieces], [u[0] for u in self.units],
                     line_starts(self.file_text))
            object.__setattr__(self, "_index_cache", cache)
        return cache

    def line_col(self, file_offset: int) -> tuple[int, int]:
        starts = self._index()[2]
        i = bisect.bisect_right(starts, file_offset) - 1
        return i + 1, file_offset - starts[i] + 1

    def unit_at(self, offset: int) -> str | None:
        starts = self._index()[1]
        i = bisect.bisect_right(starts, offset) - 1
        return self.units[i][1] if i >= 0 else None

    def _piece(self, offset: int) -> int:
        """Index of the last piece starting at or before ``offset`` (-1: none)."""
        return bisect.bisect_right(self._index()[0], offset) - 1

    def locate(self, start: int, end: int) -> tuple[int, int, str | None]:
        """File offsets of the text ``[start, end)`` and how a replacement of exactly that
        region is written (None: the region cannot be replaced safely)."""
        pieces = self.pieces
        if not pieces:
            return 0, 0, None
        i = self._piece(start)
        if i < 0:
            return pieces[0].file_start, pieces[0].file_start, None
        p = pieces[i]
        if start == end:  # an insertion point
            if start < p.end:
                exact = p.linear or start == p.start
                return p.file_start + (start - p.start if p.linear else 0), \
                    p.file_start + (start - p.start if p.linear else 0), p.escape if exact else None
            return p.file_end, p.file_end, p.escape if start == p.end else None
        if start >= p.end:  # starts in a gap between pieces
            fs, escape, i = p.file_end, None, i + 1
        else:
            fs = p.file_start + (start - p.start if p.linear else 0)
            escape = p.escape if (p.linear or start == p.start) else None
        j = self._piece(end - 1)
        q = pieces[j]
        if end - 1 >= q.end:
            fe, escape = q.file_end, None
        else:
            fe = q.file_start + (end - q.start) if q.linear else q.file_end
            if not q.linear and end != q.end:
                escape = None
        for k in range(max(i, 0), j):  # every piece in between: same kind, adjacent
            a, b = pieces[k], pieces[k + 1]
            if a.end != b.start or a.file_end != b.file_start or a.escape != b.escape:
                escape = None
                break
        if escape is not None and q.escape != escape:
            escape = None
        return fs, max(fs, fe), escape


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
    origin: Origin | None = None  # set when ``text`` is not the file's own text

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the file of ``offset`` (columns count code points)."""
        if self.origin is not None:
            return self.origin.line_col(self.origin.locate(offset, offset)[0])
        starts = self._line_starts()
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i] + 1

    def _line_starts(self) -> list[int]:
        cache = self.__dict__.get("_line_starts_cache")
        if cache is None:
            cache = line_starts(self.text)
            # frozen dataclass: stash the cache without triggering __setattr__
            object.__setattr__(self, "_line_starts_cache", cache)
        return cache

    def span(self, start: int, end: int) -> "Span":
        """The Span of ``text[start:end]``: located in the file (offsets, line, column,
        unit), with how a replacement is written there."""
        text = self.text[start:end]
        if self.origin is None:
            line, column = self.line_col(start)
            end_line, end_column = self.line_col(end)
            return Span(self.path, start, end, line, column, text, None, None, "", end_line, end_column)
        fs, fe, escape = self.origin.locate(start, end)
        line, column = self.origin.line_col(fs)
        end_line, end_column = self.origin.line_col(fe)
        return Span(self.path, fs, fe, line, column, text, self.origin.unit_at(start), (start, end),
                    escape, end_line, end_column)

    def with_segments(self, segments: tuple[Segment, ...]) -> "Document":
        return Document(self.path, self.text, self.lang, self.blocks, tuple(segments),
                        self.lang_source, self.meta, self.origin)

    @property
    def word_count(self) -> int:
        from .textutil import count_words

        return count_words(self.text, self.lang)


@dataclass(frozen=True)
class Span:
    """A located piece of text: file, code-point offsets into the decoded file, 1-based
    line/column of its start (and end), and the text as the document reads it (entities
    and escapes decoded, so it may differ from the file's characters).

    ``unit`` names the translation unit (XLIFF/TMX id, PO msgctxt+msgid, CSV row) of a
    bilingual file; ``local`` are the offsets into the Document's own text when they are
    not file offsets; ``escape`` says how a replacement is written into the file region
    (``""`` as is; None: no fix can replace this region safely).
    """

    file: str
    start: int
    end: int
    line: int
    column: int
    text: str
    unit: str | None = None
    local: tuple[int, int] | None = None
    escape: str | None = ""
    end_line: int | None = None
    end_column: int | None = None

    @property
    def doc_start(self) -> int:
        """Offset of the span in its Document's text."""
        return self.local[0] if self.local else self.start

    @property
    def doc_end(self) -> int:
        return self.local[1] if self.local else self.end

    def file_text(self, replacement: str) -> str | None:
        """``replacement`` as it must be written over ``[start, end)`` of the file, or None."""
        return escape_for(self.escape, replacement)

    def to_json(self) -> dict:
        out = {"file": self.file, "start": self.start, "end": self.end,
               "line": self.line, "column": self.column, "text": self.text}
        if self.end_line is not None:
            out["end_line"], out["end_column"] = self.end_line, self.end_column
        if self.unit is not None:
            out["unit"] = self.unit
        return out


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
            "replacement": self.file_replacement(),
        }

    def file_replacement(self) -> str | None:
        """The fix as text that replaces ``target.start:target.end`` of the file (escaped
        for XML, HTML, PO or CSV), or None when there is none or it cannot be written safely."""
        if self.replacement is None or self.target is None:
            return None
        return self.target.file_text(self.replacement)


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
    # What the batch term scores need of this article (toolkit.scoring.terms.batch_part),
    # computed where the article was audited; None: computed from ``article`` when needed.
    batch_terms: Mapping[str, Any] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ArticleError:
    """An article (or bilingual file) that could not be audited: where and why."""

    path: str
    message: str

    def to_json(self) -> dict:
        return {"file": self.path, "message": self.message}


@dataclass(frozen=True)
class AuditResult:
    """What an audit produced: per-article findings and scores, batch scores, and the
    articles that could not be read (``errors``: the command then exits 2)."""

    articles: tuple[ArticleResult, ...]
    scores: Mapping[str, Any]
    signature: str
    fail_on: Severity = Severity.MAJOR
    fail_under: float | None = None  # MQM quality gate (per article and batch), off when None
    errors: tuple[ArticleError, ...] = ()

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
