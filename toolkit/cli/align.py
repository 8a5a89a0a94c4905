"""``mtqa align``: sentence alignment of two texts, as beads, TSV or JSON."""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer


class AlignFormat(str, Enum):
    beads = "beads"
    tsv = "tsv"
    json = "json"


def align(
    source: Path = typer.Argument(..., help="Source text (an article, or one sentence per line)."),
    target: Path = typer.Argument(..., help="Target text."),
    presegmented: bool = typer.Option(False, "--presegmented", help="Each line is one sentence (an "
                                      "'index<TAB>' prefix is accepted)."),
    glossary: Optional[Path] = typer.Option(None, "--glossary", "-g", help="Glossary pairs used as anchors."),
    fmt: AlignFormat = typer.Option(AlignFormat.beads, "--format", "-f", help="beads: '[i, j]:[k]' lines; "
                                    "tsv: type, confidence, source and target side by side; json."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Source language (default: file name, "
                                           "else detected)."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Target language."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here (atomically)."),
) -> None:
    """Align the sentences of SOURCE and TARGET (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1 beads)."""
    from ..api import align_texts
    from ..paths import guard_outputs
    from ..readers.base import check_language
    from ..reporters import write_atomic, write_stdout

    src_lang = check_language(src_lang, "--src-lang")
    tgt_lang = check_language(tgt_lang, "--tgt-lang")
    guard_outputs({"--output": output}, [p for p in (source, target, glossary) if p is not None])
    text = align_texts(source, target, presegmented=presegmented, glossary=glossary, fmt=fmt.value,
                       src_lang=src_lang, tgt_lang=tgt_lang)
    if output is not None:
        write_atomic(output, text)
    else:
        write_stdout(text)
