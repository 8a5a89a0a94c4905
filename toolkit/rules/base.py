"""What a rule is, what it sees, and how its documentation is read.

A rule is a plain function ``check(ctx) -> Iterable[Hit]`` wrapped by :func:`rule`
with its metadata. The engine turns each :class:`Hit` into an immutable
:class:`~toolkit.model.Finding` (spans, line/column, rule metadata), so a rule
only says *where* and *why*.

A rule's docstring is its documentation, in fixed Markdown sections::

    One-line summary.

    ## What it does
    ## Why is this bad?
    ## Example
    ```text
    glossary: 维尔莫拉,Velmora,VELMORA   (optional; CSV row source,target,forbidden[,case_sensitive])
    source (zh): 维尔莫拉发布了新药。
    bad (fr): VELMORA a publié un nouveau médicament.
    good (fr): Velmora a publié un nouveau médicament.
    ```
    ## Options
    ## Known problems

Every ``bad`` line must make the rule fire and every ``good`` line must not: the test
suite executes the examples (``tests/test_rule_docs.py``). Values may use ``\\n`` and
``\\u00a0`` escapes.
"""
from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Mapping

from ..model import Article, Bead, Segment, Severity
from ..textutil import unescape

SECTIONS = ("What it does", "Why is this bad?", "Example", "Options", "Known problems")
RULE_ID_RE = re.compile(r"^[A-Z]{3,6}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
# What a rule may need; the engine skips a rule whose needs the article cannot meet.
NEEDS = frozenset({"source", "glossary", "reference", "alignment"})


@dataclass(frozen=True)
class Hit:
    """Where a rule fires: offsets into the target text (and optionally the source text)."""

    start: int
    end: int
    message: str
    suggestion: str | None = None
    source: tuple[int, int] | None = None
    bead: int | None = None
    severity: Severity | None = None  # overrides the rule's default for this hit


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    category: str
    severity: Severity
    needs: frozenset[str]
    check: Callable[["Context"], Iterable[Hit]]
    doc: str
    # False for rules that look at the target alone (typography, markup…): they keep
    # running on segments that another rule found untranslated.
    needs_translation: bool = True
    # Rules that look at web-page chrome itself must see it; the others skip it.
    sees_chrome: bool = False
    # True when every hit's ``suggestion`` is the exact text that replaces its span
    # (machine-applicable, e.g. SARIF fixes); False when it is advice for a person.
    literal_fix: bool = False

    @property
    def family(self) -> str:
        return self.id.rstrip("0123456789")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    def section(self, title: str) -> str:
        return doc_sections(self.doc).get(title, "")

    def examples(self) -> list["Example"]:
        return parse_examples(self.section("Example"))


def rule(*, id: str, name: str, category: str, severity: str, needs: Iterable[str] = (),
         needs_translation: bool = True, sees_chrome: bool = False, literal_fix: bool = False):
    """Decorator: turn ``check(ctx)`` into a :class:`Rule` carrying its metadata."""
    needs_set = frozenset(needs)
    if not RULE_ID_RE.match(id):
        raise ValueError(f"rule id {id!r} is not PREFIX + 3 digits")
    if not NAME_RE.match(name):
        raise ValueError(f"rule name {name!r} is not kebab-case")
    if needs_set - NEEDS:
        raise ValueError(f"rule {id}: unknown needs {sorted(needs_set - NEEDS)}")

    def wrap(fn: Callable[["Context"], Iterable[Hit]]) -> Rule:
        return Rule(id, name, category, Severity.parse(severity), needs_set, fn,
                    inspect.cleandoc(fn.__doc__ or ""), needs_translation, sees_chrome, literal_fix)

    return wrap


class Context:
    """What a rule sees of one article, with caches shared by all rules.

    ``ctx.target`` / ``ctx.source`` / ``ctx.reference`` are Documents (source and
    reference may be None), ``ctx.glossary`` a Glossary or None, ``ctx.beads`` the
    alignment. ``ctx.memo(key, factory)`` computes a shared analysis once per article.
    """

    def __init__(self, article: Article, options: Mapping[str, Any] | None = None):
        self.article = article
        self.target = article.target
        self.source = article.source
        self.reference = article.reference
        self.glossary = article.glossary
        self.beads: tuple[Bead, ...] = article.beads
        self.options: Mapping[str, Any] = options or {}
        self._memo: dict[str, Any] = {}
        self.chrome: tuple[tuple[int, int], ...] = ()  # set by the engine (PAGE family)

    # -- shared analyses -------------------------------------------------------------
    def memo(self, key: str, factory: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = factory()
        return self._memo[key]

    # -- navigation ------------------------------------------------------------------
    def in_chrome(self, start: int, end: int | None = None) -> bool:
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.chrome)

    def article_segments(self) -> list[Segment]:
        """Target segments that are article text (page chrome left out)."""
        return [s for s in self.target.segments if not self.in_chrome(s.start, s.end)]

    def pairs(self) -> Iterator[tuple[Bead, list[Segment], list[Segment]]]:
        """Each bead with its source and target segments (needs source + alignment)."""
        src = self.source.segments if self.source else ()
        tgt = self.target.segments
        for bead in self.beads:
            yield bead, [src[i] for i in bead.src], [tgt[i] for i in bead.tgt]

    def bead_of_target(self, segment_index: int) -> Bead | None:
        index = self.memo("bead-of-target", lambda: {i: b for b in self.beads for i in b.tgt})
        return index.get(segment_index)


# -- documentation -------------------------------------------------------------------

@dataclass(frozen=True)
class Example:
    """One executable documentation example."""

    bad: tuple[str, ...]
    good: tuple[str, ...]
    source: str | None = None
    src_lang: str = "en"
    tgt_lang: str = "fr"
    glossary: tuple[str, ...] = ()  # CSV rows
    reference: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)


_HEADER_RE = re.compile(r"^##\s+(.*?)\s*$", re.M)
_LINE_RE = re.compile(r"^(\w+)(?:\s*\((\w[\w-]*)\))?:\s?(.*)$")


def doc_sections(doc: str) -> dict[str, str]:
    parts = _HEADER_RE.split(doc)
    out = {"summary": parts[0].strip()}
    for title, body in zip(parts[1::2], parts[2::2]):
        out[title] = body.strip()
    return out


def parse_examples(section: str) -> list[Example]:
    """Read the fenced ``text`` blocks of an Example section; one Example per block."""
    blocks = re.findall(r"```(?:text)?\n(.*?)```", section, re.S)
    examples = []
    for block in blocks:
        fields: dict[str, list[str]] = {}
        langs: dict[str, str] = {}
        for raw in block.splitlines():
            if not raw.strip():
                continue
            m = _LINE_RE.match(raw.strip())
            if not m:
                raise ValueError(f"example line not understood: {raw!r}")
            key, lang, value = m.group(1), m.group(2), unescape(m.group(3))
            fields.setdefault(key, []).append(value)
            if lang:
                langs[key] = lang
        tgt_lang = langs.get("bad") or langs.get("good") or "fr"
        examples.append(Example(
            bad=tuple(fields.get("bad", ())),
            good=tuple(fields.get("good", ())),
            source=fields["source"][0] if "source" in fields else None,
            src_lang=langs.get("source", "en"),
            tgt_lang=tgt_lang,
            glossary=tuple(fields.get("glossary", ())),
            reference=fields["reference"][0] if "reference" in fields else None,
            extra={k: v[0] for k, v in fields.items()
                   if k not in {"bad", "good", "source", "glossary", "reference"}},
        ))
    return examples
