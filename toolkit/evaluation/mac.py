"""Reading the MAC corpus (manually aligned Chinese–English literary chapters).

MAC is published by its authors in a public repository (bfsujason/mac on GitHub,
GPL-3); mtqa does not ship it. Each chapter is three InterText XML files in
``dev/intertext/`` or ``test/intertext/`` (the alignment both annotators agreed on):

* ``<name>_zh.xml`` and ``<name>_en.xml``: ``<p><s id="P:S">sentence</s>…</p>``;
* ``<name>_zh.<k>_en.xml``: ``<link xtargets="EN IDS;ZH IDS"/>`` lines, where the first
  part of ``xtargets`` lists sentence ids of the ``toDoc`` (English) and the second of
  the ``fromDoc`` (Chinese); either part may be empty (0-1 / 1-0 links).

:func:`read_chapter` turns a chapter into one sentence per line for each side and gold
beads ``((zh ids), (en ids))`` with 0-based line numbers, Chinese as the source: the
benchmark format of ``make eval-align``. Files are read where they lie, at run time.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree

__all__ = ["Chapter", "read_chapter", "chapters", "is_mac_root"]

SPLITS = ("dev", "test")


@dataclass
class Chapter:
    name: str
    src: list[str]                      # Chinese sentences
    tgt: list[str]                      # English sentences
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]


def _sentences(path: Path) -> tuple[list[str], dict[str, int]]:
    root = ElementTree.parse(path).getroot()
    sents, index = [], {}
    for s in root.iter("s"):
        sid = s.get("id")
        if sid is None:
            raise ValueError(f"{path}: <s> without id")
        index[sid] = len(sents)
        sents.append(" ".join("".join(s.itertext()).split()))
    return sents, index


def _ids(part: str, index: dict[str, int], path: Path) -> tuple[int, ...]:
    out = []
    for sid in part.split():
        if sid not in index:
            raise ValueError(f"{path}: link names unknown sentence id {sid!r}")
        out.append(index[sid])
    return tuple(out)


def read_chapter(links: Path) -> Chapter:
    """One chapter from its link file (the two sentence files are named by it)."""
    root = ElementTree.parse(links).getroot()
    folder = links.parent
    from_doc, to_doc = root.get("fromDoc"), root.get("toDoc")
    if not from_doc or not to_doc:
        raise ValueError(f"{links}: <linkGrp> without fromDoc/toDoc")
    src, s_index = _sentences(folder / from_doc)
    tgt, t_index = _sentences(folder / to_doc)
    gold = []
    for link in root.iter("link"):
        to_part, sep, from_part = (link.get("xtargets") or "").partition(";")
        if not sep:
            raise ValueError(f"{links}: link without ';' in xtargets")
        gold.append((_ids(from_part, s_index, links), _ids(to_part, t_index, links)))
    name = links.name.split("_zh")[0]
    return Chapter(name, src, tgt, gold)


def is_mac_root(folder: Path) -> bool:
    return any((folder / split / "intertext").is_dir() for split in SPLITS)


def chapters(root: Path, split: str) -> list[Chapter]:
    """Chapters of one split (``dev`` or ``test``) of a MAC checkout, in name order."""
    folder = root / split / "intertext"
    if not folder.is_dir():
        return []
    return [read_chapter(p) for p in sorted(folder.glob("*_zh.*_en.xml"))]
