"""UNTR — text left untranslated: source script in the target, target = source, empty target."""
from __future__ import annotations

import re
from typing import Iterable

from ..lexicon import dominant_script, is_acronym, tokens
from ..textutil import fold, script_of
from .base import Context, Hit, rule

# Character classes of the scripts a source may be written in (Latin sources are left out:
# a Latin-script source left in a Latin-script target is found by UNTR002 and LANG001).
SCRIPT_CLASSES = {
    "han": "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff",
    "kana": "\u3040-\u30ff",
    "hangul": "\uac00-\ud7af\u1100-\u11ff",
    "cyrillic": "\u0400-\u04ff",
    "greek": "\u0370-\u03ff",
    "arabic": "\u0600-\u06ff",
    "hebrew": "\u0590-\u05ff",
    "thai": "\u0e00-\u0e7f",
    "devanagari": "\u0900-\u097f",
}
# Scripts written together (a Japanese source leaves kanji and kana alike).
FAMILY = {"han": ("han", "kana"), "kana": ("han", "kana"), "hangul": ("hangul", "han")}


def run_pattern(scripts: Iterable[str]) -> re.Pattern:
    cls = "".join(SCRIPT_CLASSES[s] for s in scripts)
    return re.compile(f"[{cls}]+(?:[\\s\u3000·・、，,\\-]+[{cls}]+)*")


def _glossed(text: str, s: int, e: int) -> bool:
    """A mention: the run in quotes followed by a gloss in brackets, or bracketed after a word."""
    before, after = text[max(0, s - 3):s], text[e:e + 4]
    quoted = before.rstrip().endswith(("«", "“", '"', "‘", "「")) and after.lstrip()[:1] in "»”\"’」"
    if quoted:
        close = e + len(after) - len(after.lstrip()) + 1
        return text[close:close + 3].lstrip().startswith("(")
    if after.lstrip().startswith("(") and any(c.isalpha() and script_of(c) == "latin" for c in after):
        return True
    # "l'involution (内卷)": the original given in brackets after its translation
    return before.endswith("(") and after.startswith(")") and s >= 2 and text[s - 2] == " "


def _source_scripts(ctx: Context) -> tuple[str, ...]:
    def build():
        script = dominant_script(ctx.source.text) if ctx.source else None
        if script not in SCRIPT_CLASSES:
            return ()
        from .lang import expected_script

        target = expected_script(ctx.target.lang) or dominant_script(ctx.target.text)
        return tuple(s for s in FAMILY.get(script, (script,)) if s != target)

    return ctx.memo("untr-source-scripts", build)


@rule(id="UNTR001", name="source-script-in-target", category="Accuracy/Untranslated",
      severity="major", needs=("source",))
def source_script_in_target(ctx: Context) -> Iterable[Hit]:
    """Characters of the source's script are left in the target.

    ## What it does
    Finds runs of characters of the source's writing system (Han for a Chinese source,
    Cyrillic for a Russian one…) in a target written in another script. The span is the
    run (words of the run separated by spaces or commas stay one span). A run quoted and
    glossed in brackets (*« 你好 » (bonjour)*) or given in brackets after its translation
    (*l’involution (内卷)*) is a deliberate mention and is not flagged.

    ## Why is this bad?
    The reader of the translation cannot read the source script: whatever the run says
    is lost. It usually shows a name or a term the engine did not know.

    ## Example
    ```text
    source (zh): 这家餐厅的招牌菜是红烧肉。
    bad (fr): Le plat phare de ce restaurant est le 红烧肉.
    good (fr): Le plat phare de ce restaurant est le porc braisé à la sauce soja.
    good (fr): Le plat phare de ce restaurant est le « 红烧肉 » (porc braisé).
    ```
    ```text
    source (ru): Матч перенесли на субботу.
    bad (fr): Le матч a été reporté à samedi.
    good (fr): Le match a été reporté à samedi.
    ```

    ## Options
    None.

    ## Known problems
    Needs the source to know which script is foreign; a third script (a Greek letter in a
    formula) is left to LANG001. Page chrome (language menus) is masked by the engine.
    """
    scripts = _source_scripts(ctx)
    if not scripts:
        return
    pattern = run_pattern(scripts)
    text = ctx.target.text
    for seg in ctx.article_segments():
        for m in pattern.finditer(text, seg.start, seg.end):
            s, e = m.start(), m.end()
            if not _glossed(text, s, e):
                bead = ctx.bead_of_target(seg.index)
                yield Hit(s, e, f"'{m.group()}' is in the source's script, left untranslated",
                          "translate it (or transliterate a name)", bead=bead.id if bead else None)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def _content_words(text: str) -> int:
    """Words that are neither names, acronyms, codes nor numbers."""
    return sum(1 for t in tokens(text) if not t.has_digit and not is_acronym(t.text)
               and (t.initial or not t.text[:1].isupper()) and len(t.text) > 1)


@rule(id="UNTR002", name="target-same-as-source", category="Accuracy/Untranslated",
      severity="major", needs=("source", "alignment"))
def target_same_as_source(ctx: Context) -> Iterable[Hit]:
    """A target sentence is identical to its source sentence.

    ## What it does
    Compares each aligned target sentence with its source (case, accents, punctuation and
    spacing ignored) and flags a copy. Sentences made only of names, numbers, URLs and
    codes, or with fewer than three ordinary words, are left alone: they are often
    rightly kept as they are (*Roland-Garros 2024*, a product list).

    ## Why is this bad?
    A copied sentence was not translated: the reader gets the source language.

    ## Example
    ```text
    source (en): Preheat the oven and butter the baking dish.
    bad (fr): Preheat the oven and butter the baking dish.
    good (fr): Préchauffez le four et beurrez le plat.
    ```
    ```text
    source (en): Real Madrid 3 Juventus 1
    good (fr): Real Madrid 3 Juventus 1
    ```

    ## Options
    None.

    ## Known problems
    A sentence that is legitimately the same in both languages (a quotation kept in the
    original) is flagged; a near copy with one word changed is left to LANG001.
    """
    if ctx.source is None:
        return
    for bead, src, tgt in ctx.pairs():
        if not src or not tgt:
            continue
        s_text = " ".join(s.text for s in src)
        t_text = " ".join(t.text for t in tgt)
        if _norm(s_text) != _norm(t_text) or not _norm(t_text) or _content_words(t_text) < 3:
            continue
        yield Hit(tgt[0].start, tgt[-1].end, "the target sentence is a copy of its source",
                  "translate the sentence", source=(src[0].start, src[-1].end), bead=bead.id)


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


@rule(id="UNTR003", name="empty-target", category="Accuracy/Untranslated", severity="major",
      needs=("source", "alignment"))
def empty_target(ctx: Context) -> Iterable[Hit]:
    """A source unit with words has an empty target.

    ## What it does
    Flags aligned pairs whose source has letters or digits while the target unit is
    empty or holds only punctuation, placeholders dots or dashes (*…*, *---*). A source
    sentence with no target at all (a 1-0 bead) is an omission, reported by OMIT.

    ## Why is this bad?
    The content of the unit is missing from the translation; in a bilingual file an
    empty target is usually shown to the reader as the source text or as nothing.

    ## Example
    ```text
    source (en): The branch closes at five on Fridays.
    bad (fr): …
    good (fr): L’agence ferme à dix-sept heures le vendredi.
    ```

    ## Options
    None.

    ## Known problems
    The span of an empty unit is empty (its start offset).
    """
    if ctx.source is None:
        return
    for bead, src, tgt in ctx.pairs():
        if not src or not tgt:
            continue
        if any(_has_words(s.text) for s in src) and not any(_has_words(t.text) for t in tgt):
            yield Hit(tgt[0].start, tgt[-1].end, "the target is empty while the source is not",
                      "translate the unit", source=(src[0].start, src[-1].end), bead=bead.id)


RULES = (source_script_in_target, target_same_as_source, empty_target)
