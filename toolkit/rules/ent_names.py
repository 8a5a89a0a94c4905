"""ENT — person names of the source changed or lost: spelling-aware and pinyin-aware.

The second module of the ENT family (:mod:`toolkit.rules.ent` has names and codes
missing from the target). ENT002 compares the spelling of Latin-script names, ENT003
reads the Chinese person names of the source (a common surname after a title or before
a verb of saying, ``data/ent_name_cues_zh.tsv``) and looks for their pinyin.
"""
from __future__ import annotations

import difflib
import functools
import re
from typing import Iterable

from ..lexicon import data_rows, surnames_zh, tokens, words, zipf
from ..readers.base import base_lang
from ..textutil import CJK_LANGS, fold
from .base import Context, Hit, rule
from .ent import NOUN_CAPITALISING, _latin_names, _windows

MIN_CONFIDENCE = 0.5
SIMILAR = 0.6      # difflib ratio of a misspelt name and the source name
COMMON_FR = 3.5    # a target word this frequent in French is a word, not a misspelt name


def _pairs(ctx: Context):
    for k, (bead, src, tgt) in enumerate(ctx.pairs()):
        if src and tgt and bead.confidence >= MIN_CONFIDENCE and not ctx.in_chrome(tgt[0].start, tgt[-1].end):
            yield k, bead, src, tgt


@rule(id="ENT002", name="name-misspelt", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def name_misspelt(ctx: Context) -> Iterable[Hit]:
    """A name of the source written with another spelling in the translation.

    ## What it does
    For each capitalised name of a Latin-script source sentence that holds a rare word
    (the names ENT001 reads), when the rare word is absent from the target paragraph,
    looks in the aligned target sentence for a capitalised word that is not in the
    source, not a common French word, starts with the same three letters and is
    spelt alike (Quinlan → Quinn, Okonkwo → Okonko). That word is reported with the
    source spelling as the fix.

    ## Why is this bad?
    A misspelt name is another person: readers, search engines and the person named
    notice at once.

    ## Example
    ```text
    source (en): Coach Teodora Valcheva picked three new players.
    bad (fr): L’entraîneuse Teodora Valchev a retenu trois nouvelles joueuses.
    good (fr): L’entraîneuse Teodora Valcheva a retenu trois nouvelles joueuses.
    ```

    ## Options
    None.

    ## Known problems
    A French exonym that is rare in French and close to the English name is reported;
    dismiss it in review.
    """
    if ctx.source is None or base_lang(ctx.source.lang) in CJK_LANGS | NOUN_CAPITALISING:
        return
    windows = _windows(ctx)
    src_words = {fold(w) for w in words(ctx.source.text, split_elision=False)}
    for k, bead, src, tgt in _pairs(ctx):
        # the source names first: most sentences have none that is rare and missing, and
        # then the target words need not be read
        window, candidates = None, None
        for seg in src:
            for name in _latin_names(seg.text, seg.start, True):
                for word in re.split(r"[\s\-]+", name.text):
                    key = fold(word)
                    if len(key) < 4 or zipf(word.lower(), "en") >= 3.5:
                        continue
                    window = fold(windows[k]) if window is None else window
                    if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", window):
                        continue
                    if candidates is None:
                        candidates = [t for s in tgt for t in tokens(s.text, s.start, split_elision=False)
                                      if t.text[:1].isupper() and fold(t.text) not in src_words
                                      and zipf(t.text.lower(), "fr") < COMMON_FR]
                    close = [t for t in candidates if fold(t.text)[:3] == key[:3]
                             and difflib.SequenceMatcher(None, fold(t.text), key).ratio() >= SIMILAR]
                    if len(close) == 1:
                        t = close[0]
                        yield Hit(t.start, t.end, f"the source writes the name '{word}', the translation "
                                  f"'{t.text}'", word, source=(name.start, name.end), bead=bead.id)


@functools.lru_cache(maxsize=1)
def _name_re() -> re.Pattern:
    rows = data_rows("ent_name_cues_zh.tsv")
    alt = lambda words: "|".join(sorted(words, key=len, reverse=True))  # noqa: E731
    before = alt(w for p, w in rows if p == "before")
    saying = alt(w for p, w in rows if p == "after" and w != "的")
    surname = alt(re.escape(s) for s in surnames_zh())
    name = rf"((?:{surname})[\u4e00-\u9fff]{{1,2}}?)"
    # after a title: any end (说, 的, a punctuation mark); elsewhere: a verb of saying only
    return re.compile(rf"(?:{before})[ \u3000]?{name}(?=[ \u3000]?(?:{saying}|的)|[ \u3000，。、：；])"
                      rf"|(?<![\u4e00-\u9fff]){name}(?=(?:{saying}))")


def han_person_names(text: str) -> list[tuple[int, int, str]]:
    """Person names of a Chinese text: a common surname and one or two characters, after a
    title (局长, 记者) and before a verb of saying, 的 or a punctuation mark, or opening a
    clause before a verb of saying (刘建华说)."""
    out = []
    for m in _name_re().finditer(text):
        g = 1 if m.group(1) else 2
        out.append((m.start(g), m.end(g), m.group(g)))
    return out


def _readings(name: str) -> list[set[str]]:
    from pypinyin import Style, pinyin

    return [set(r) for r in pinyin(name, style=Style.NORMAL, heteronym=True)]


def _pinyin_present(name: str, window: str) -> bool:
    """The surname's pinyin, or the given name's pinyin (joined or syllable by syllable),
    as words of the window; any reading of each character counts."""
    readings = _readings(name)
    if not readings or not all(readings):
        return True  # nothing to look for
    n = 2 if name[:2] in surnames_zh() else 1
    words = set(re.findall(r"\w+", fold(window)))
    surnames = {""}
    for r in readings[:n]:
        surnames = {o + x for o in surnames for x in r}
    if surnames & words:
        return True
    given = readings[n:]
    joined = {""}
    for r in given:
        joined = {o + x for o in joined for x in r}
    return bool(given) and (bool(joined & words) or len(given) > 1 and all(r & words for r in given))


@rule(id="ENT003", name="chinese-name-missing", category="Accuracy/Omission", severity="minor",
      needs=("source", "alignment"))
def chinese_name_missing(ctx: Context) -> Iterable[Hit]:
    """A Chinese person name of the source is missing from the translation.

    ## What it does
    Reads the person names of a Chinese source sentence — a common surname and one or
    two characters, after a title or role (记者, 局长, 教授…) or before a verb of saying
    (说, 表示…) or 的 — and looks for their pinyin in the target paragraph of the aligned
    sentence and its neighbours (any reading of the characters, accents and case
    ignored): the surname (`Liu`) or the given name (`Jianhua`). A name with neither is
    reported on the target sentence, with the pinyin as the suggestion.

    ## Why is this bad?
    A quote or a byline without its author, or attributed to nobody, loses who said it.

    ## Example
    ```text
    source (zh): 市长周丽华表示，新公园明年开放。
    bad (fr): La maire a annoncé que le nouveau parc ouvrirait l’an prochain.
    good (fr): La maire, Zhou Lihua, a annoncé que le nouveau parc ouvrirait l’an prochain.
    ```

    ## Options
    None.

    ## Known problems
    A name rendered by its usual English or French form (not its pinyin) is reported,
    and a name written without a title or a verb of saying next to it is not read.
    """
    if ctx.source is None or base_lang(ctx.source.lang) != "zh":
        return
    windows = _windows(ctx)
    for k, bead, src, tgt in _pairs(ctx):
        for seg in src:
            for start, end, name in han_person_names(seg.text):
                if _known_word(name) or _pinyin_present(name, windows[k]) or _rendered(name, windows[k]):
                    continue
                spelt = " ".join(x.capitalize() for x in _spell(name))
                yield Hit(tgt[0].start, tgt[-1].end, f"the name {name} ({spelt}) of the source is missing "
                          "from the translation", spelt, source=(seg.start + start, seg.start + end), bead=bead.id)


def _known_word(name: str) -> bool:
    """A common word that only looks like a name (方面 "side", 高度 "height")."""
    from ..knowledge import cedict

    entries = cedict.load().lookup(name)
    return bool(entries) and not any(e.is_proper for e in entries)


def _rendered(name: str, window: str) -> bool:
    """A foreign or famous name written its own way: CC-CEDICT's rendering (马斯克 →
    Musk) or a capitalised word that begins with the surname's pinyin (魏斯 → Weiss)."""
    from ..knowledge import cedict

    folded = fold(window)
    for entry in cedict.load().lookup(name):
        if entry.is_proper and entry.name and any(
                re.search(rf"(?<!\w){re.escape(fold(part))}(?!\w)", folded)
                for part in entry.name.split() if len(part) >= 3):
            return True
    surname = _spell(name)[0]
    return len(surname) >= 2 and re.search(rf"(?<![\w]){re.escape(surname.capitalize())}[a-z]", window) is not None


def _spell(name: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    parts = lazy_pinyin(name, style=Style.NORMAL)
    n = 2 if name[:2] in surnames_zh() else 1
    return ["".join(parts[:n]), "".join(parts[n:])] if len(parts) > n else ["".join(parts)]


RULES = (name_misspelt, chinese_name_missing)
