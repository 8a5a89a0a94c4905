"""XLIT (name parts) — the translatable part of a Chinese name left in pinyin.

XLIT001 (:mod:`toolkit.rules.xlit`) finds every target word that spells the pinyin of
aligned source text, and leaves capitalised ones as review hints: they may be names. A
name, though, is often a proper part and a common part — 广西社会科学院 is *Guangxi* +
*Academy of Social Sciences*, 大瑶山二号隧道 is *Dayaoshan* + *No. 2* + *tunnel*, 广州南
(the station) is *Guangzhou* + *South* — and the common part is translated. This module
reads the same matches and reports those whose Chinese is a generic head noun, a number
with its counter, or a compass point after a place.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..lexicon import data_rows, zipf
from .base import Context, Hit, rule
from .xlit import RARE_ZIPF, _glossary_targets, _key, matches

_NUMBERED_RE = re.compile(r"[一二三四五六七八九十两〇零]+[号號]?[号號期线線座栋棟层層]$")
_COMPASS = {"东": "Est", "東": "Est", "西": "Ouest", "南": "Sud", "北": "Nord"}


@functools.lru_cache(maxsize=1)
def generic_heads() -> dict[str, str]:
    """Chinese generic head nouns (大学, 医院…) and their usual French rendering."""
    return {row[0]: row[1] for row in data_rows("xlit_generic_heads_zh.tsv")}


def _why(han: str, spelt: str) -> tuple[str, str] | None:
    """Why the pinyin ``spelt`` of ``han`` should be translated, and how (None: it is fine)."""
    heads = generic_heads()
    head = next((h for h in sorted(heads, key=len, reverse=True) if han.endswith(h)), None)
    if head is not None and _key(spelt).endswith("".join(_key(x) for x in _pinyin(head))):
        return f"{head} is a common noun ('{heads[head]}'), translated in a name", heads[head]
    if _NUMBERED_RE.search(han):
        return f"{han} is a number with its counter, written in figures in French", "write the number (n° 2, phase 3, ligne 1…)"
    words = spelt.split()
    if len(han) >= 3 and han[-1] in _COMPASS and len(words) >= 2 and _key(words[-1]) == _key(_pinyin(han[-1])[0]):
        french = _COMPASS[han[-1]]
        return (f"{han[-1]} after a place name is a compass point ('{french}')",
                f"{' '.join(words[:-1])}-{french}")
    return None


@functools.lru_cache(maxsize=1024)
def _pinyin(han: str) -> tuple[str, ...]:
    from .xlit import _syllables

    return _syllables(han)


@rule(id="XLIT002", name="pinyin-name-part", category="Accuracy/Untranslated", severity="major",
      needs=("source", "alignment"))
def pinyin_name_part(ctx: Context) -> Iterable[Hit]:
    """The common part of a Chinese name (university, tunnel No. 2, South station) left in pinyin.

    ## What it does
    Among the target words that spell the pinyin of the aligned Chinese source (the
    matches of XLIT001), reports those whose Chinese is:
    a generic head noun of an organisation, building or work (大学 *université*, 医院
    *hôpital*, 科学院 *Académie des sciences*, 隧道 *tunnel*… a data file of two-character
    heads and more); a number with its counter (二号 "No. 2", 三期 "phase 3", 一号线
    "line 1"); or a compass point closing a place name, written as a separate word
    (广州南 → *Guangzhou Nan* for *Guangzhou-Sud*). A word the glossary approves, or
    common in French or English usage, is left alone.

    ## Why is this bad?
    *Beijing Daxue* or *Dayaoshan Erhao* keep the meaning of the name from the French
    reader: the proper part (*Pékin*, *Dayaoshan*) is transliterated, the common part
    (*université*, *n° 2*) is translated.

    ## Example
    ```text
    source (zh): 她在兰州大学教化学。
    bad (fr): Elle enseigne la chimie à la Lanzhou Daxue.
    good (fr): Elle enseigne la chimie à l’université de Lanzhou.
    ```
    ```text
    source (zh): 地铁三号线下月开通。
    bad (fr): La Sanhao Xian du métro ouvrira le mois prochain.
    good (fr): La ligne 3 du métro ouvrira le mois prochain.
    ```

    ## Options
    None. A name that keeps its pinyin on purpose can be listed in the glossary with
    itself as target.

    ## Known problems
    Only what XLIT001 matches is read: a head of five characters or more spelt together
    with the name in one word is not found. Only two-character heads and longer are
    listed (院, 局 alone are too ambiguous).
    """
    gloss = _glossary_targets(ctx)
    approved = {_key(t) for ts in gloss.values() for t in ts}
    text = ctx.target.text
    for m in matches(ctx):
        spelt = text[m.start:m.end]
        key = _key(spelt)
        if m.han in gloss or key in approved or max(zipf(key, "fr"), zipf(key, "en")) >= RARE_ZIPF:
            continue
        why = _why(m.han, spelt)
        if why is None:
            continue
        yield Hit(m.start, m.end, f"'{spelt}' spells {m.han} in pinyin; {why[0]}", why[1],
                  source=(m.src_start, m.src_end), bead=m.bead)


RULES = (pinyin_name_part,)
