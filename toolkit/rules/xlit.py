"""XLIT — transliteration left where a translation is due (Chinese sources, pinyin)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from ..knowledge import names
from ..lexicon import Token, surnames_zh, tokens, zipf
from ..model import Severity
from ..readers.base import base_lang
from ..textutil import HAN_RUN_RE, fold
from .base import Context, Hit, rule

ZH_LANGS = {"zh", "yue", "wuu", "cmn"}
FREQUENT_ZIPF = 4.5  # a target word this common is never part of a multi-word transliteration
RARE_ZIPF = 2.5  # below this in both French and English, a pinyin token is no established name
# Source-side context that makes a Han sequence a person's name or a place.
PERSON_BEFORE = ("作者", "记者", "编辑", "撰文", "文/", "文｜", "口述", "主持人", "教练", "医生", "教授")
PERSON_AFTER = ("说", "表示", "称", "指出", "认为", "介绍", "告诉", "透露", "坦言", "强调", "回忆", "先生", "女士", "教授")
PLACE_SUFFIX = set("省市县区镇乡村州岛山河湖江路街港湾")
PLACE_BEFORE = ("在", "位于", "来自", "前往", "赴", "到")
LATIN_BEFORE = re.compile(r"\b(?:par|by|selon)\s+$", re.I)


@dataclass(frozen=True)
class Match:
    start: int  # target offsets of the token(s)
    end: int
    han: str
    src_start: int
    src_end: int
    bead: int
    flagged: bool
    why: str = ""
    suggestion: str | None = None
    severity: Severity | None = None


def _key(text: str) -> str:
    return re.sub(r"[\s\-’'·.]", "", fold(text)).replace("ü", "u")


@functools.lru_cache(maxsize=4096)
def _syllables(run: str) -> tuple[str, ...]:
    from pypinyin import lazy_pinyin

    out = lazy_pinyin(run, v_to_u=True)
    if len(out) != len(run):  # keep one syllable per character
        out = [lazy_pinyin(ch, v_to_u=True)[0] for ch in run]
    return tuple(fold(s).replace("ü", "u") for s in out)


def pinyin_index(text: str, base: int = 0) -> dict[str, list[tuple[str, int, int]]]:
    """Toneless pinyin (joined, lower case) of every 2–4 Han character substring of ``text``."""
    index: dict[str, list[tuple[str, int, int]]] = {}
    for m in HAN_RUN_RE.finditer(text):
        run = m.group()
        syl = _syllables(run)
        for i in range(len(run)):
            for n in (2, 3, 4):
                if i + n <= len(run):
                    index.setdefault("".join(syl[i:i + n]), []).append(
                        (run[i:i + n], base + m.start() + i, base + m.start() + i + n))
    return index


def _surname(han: str) -> str | None:
    names = surnames_zh()
    for n in (2, 1):
        if len(han) > n and han[:n] in names:
            return han[:n]
    return None


def _is_person(han: str, src: str, s: int, e: int, toks: list[Token], tgt_text: str) -> bool:
    """A Chinese person's name: known surname, and a name-like rendering or context."""
    sur = _surname(han)
    if sur is None or len(han) > 4:
        return False
    if len(toks) == 2 and all(t.text[:1].isupper() for t in toks):
        a, b = _key(toks[0].text), _key(toks[1].text)
        sp, gp = "".join(_syllables(sur)), "".join(_syllables(han[len(sur):]))
        if (a, b) in ((sp, gp), (gp, sp)):
            return True
    before = src[max(0, s - 4):s]
    after = src[e:e + 3]
    if any(before.endswith(c) or before.rstrip("：:） )").endswith(c) for c in PERSON_BEFORE):
        return True
    if any(after.startswith(c) for c in PERSON_AFTER):
        return True
    return bool(LATIN_BEFORE.search(tgt_text[max(0, toks[0].start - 12):toks[0].start]))


def _is_place(han: str, src: str, s: int, e: int) -> bool:
    if han[-1] in PLACE_SUFFIX or src[e:e + 1] in PLACE_SUFFIX:
        return True
    return any(src[max(0, s - 2):s].endswith(c) for c in PLACE_BEFORE)


def _glossary_targets(ctx: Context) -> dict[str, list[str]]:
    def build():
        out: dict[str, list[str]] = {}
        for e in ctx.glossary or ():
            out.setdefault(e.source, []).extend(e.targets)
        return out

    return ctx.memo("xlit-glossary", build)


def matches(ctx: Context) -> list[Match]:
    """Every target token (or pair of tokens) that spells the pinyin of aligned source text."""
    return ctx.memo("xlit-matches", lambda: list(_find(ctx)))


def _find(ctx: Context) -> Iterable[Match]:
    if ctx.source is None or base_lang(ctx.source.lang) not in ZH_LANGS or not ctx.beads:
        return
    src_doc, tgt_doc = ctx.source, ctx.target
    tgt_lang = base_lang(tgt_doc.lang)
    gloss = _glossary_targets(ctx)
    approved = {_key(t) for ts in gloss.values() for t in ts}
    src_latin = {_key(t.text) for t in tokens(src_doc.text)}
    beads = list(ctx.beads)
    for k, bead in enumerate(beads):
        if not bead.tgt:
            continue
        near = [b for b in beads[max(0, k - 1):k + 2]]
        index: dict[str, list[tuple[str, int, int]]] = {}
        for b in near:
            for i in b.src:
                seg = src_doc.segments[i]
                for key, found in pinyin_index(seg.text, seg.start).items():
                    index.setdefault(key, []).extend(found)
        if not index:
            continue
        for i in bead.tgt:
            seg = tgt_doc.segments[i]
            if ctx.in_chrome(seg.start, seg.end):
                continue
            toks = tokens(seg.text, seg.start)
            taken: set[int] = set()
            for j, tok in enumerate(toks):
                if j in taken:
                    continue
                cands = [[tok]]
                for n in (1, 2):  # up to three adjacent tokens, longest tried first
                    if j + n < len(toks) and tgt_doc.text[toks[j + n - 1].end:toks[j + n].start] in (" ", "-"):
                        cands.insert(0, toks[j:j + n + 1])
                    else:
                        break
                for group in cands:
                    key = _key("".join(t.text for t in group))
                    if len(key) < 4 or key not in index or key in src_latin:
                        continue
                    if len(group) > 1 and any(_frequent(t.text, tgt_lang) for t in (group[0], group[-1])):
                        continue  # "de Lanzhou": a French word next to a name is no pinyin pair
                    han, s, e = index[key][0]
                    yield _judge(ctx, group, han, s, e, bead.id, gloss, approved)
                    taken.update(range(j, j + len(group)))
                    break


def _frequent(word: str, lang: str) -> bool:
    """A common lower-case word of the target language (function words like de, le, la)."""
    return word[:1].islower() and zipf(fold(word), lang) >= FREQUENT_ZIPF


def _judge(ctx: Context, group: list[Token], han: str, s: int, e: int, bead: int,
           gloss: dict[str, list[str]], approved: set[str]) -> Match:
    start, end = group[0].start, group[-1].end
    key = _key("".join(t.text for t in group))
    src = ctx.source.text
    if han in gloss:
        targets = gloss[han]
        if key in {_key(t) for t in targets}:
            return Match(start, end, han, s, e, bead, False)
        if zipf(key, "fr") < 3.5:
            return Match(start, end, han, s, e, bead, True, f"the glossary renders {han} as "
                         f"'{targets[0]}'", targets[0])
        return Match(start, end, han, s, e, bead, False)
    if key in approved:
        return Match(start, end, han, s, e, bead, False)
    tgt_lang = base_lang(ctx.target.lang)
    named = established_name(src, s, e)
    if named is not None:
        form, name = named
        accepted = name.accepted(tgt_lang)
        if key in {names.key(a) for a in accepted}:
            return Match(start, end, han, s, e, bead, False)
        best = name.preferred(tgt_lang)
        sev = Severity.MINOR if name.kind in ("person", "place") else None
        return Match(start, end, han, s, e, bead, True, f"{form} is {name.kind_label} known as "
                     f"'{best}'" + (f" ({' | '.join(a for a in accepted if a != best)})"
                                    if len(accepted) > 1 else ""), best, sev)
    common = max(zipf(key, "fr"), zipf(key, "en"))  # joined: "tang ping" is not two English words
    if common >= RARE_ZIPF or _is_person(han, src, s, e, group, ctx.target.text) or _is_place(han, src, s, e):
        return Match(start, end, han, s, e, bead, False)
    gloss = dictionary_gloss(han)
    if gloss is not None and gloss[0] and key in {names.key(g) for g in gloss[1]}:
        return Match(start, end, han, s, e, bead, False)  # the dictionary's name is the pinyin
    if group[0].text[:1].isupper():  # maybe a company or app name whose pinyin is its name
        if gloss is not None and gloss[0]:
            return Match(start, end, han, s, e, bead, True, f"CC-CEDICT names {han} "
                         f"'{gloss[1][0]}'", gloss[1][0])
        return Match(start, end, han, s, e, bead, True, "if it is a name, check that it has no "
                     "established rendering", None, Severity.NEUTRAL)
    hint = f" (CC-CEDICT: {han} = '{' | '.join(gloss[1][:3])}')" if gloss and not gloss[0] else ""
    if common > 0:  # a loan some texts use (jiaozi): worth a look, not an error
        return Match(start, end, han, s, e, bead, True, "a rare loan; check that French has no "
                     "usual word for it" + hint, None, Severity.NEUTRAL)
    return Match(start, end, han, s, e, bead, True, "no French or English text uses this word" + hint,
                 None)


def established_name(src: str, s: int, e: int) -> "tuple[str, names.Name] | None":
    """The name of the name layer whose Chinese form covers ``src[s:e]`` (a nickname or a
    name that the pinyin spells), as (form, name)."""
    found = names.load().covering(src, s, e)
    return (found[0], found[3]) if found else None


@functools.lru_cache(maxsize=4096)
def dictionary_gloss(han: str) -> tuple[bool, tuple[str, ...]] | None:
    """CC-CEDICT for ``han``: (True, its Latin-script names) for a proper noun, else (False,
    its English renderings); None when the dictionary does not have it."""
    from ..knowledge import cedict

    entries = cedict.load().lookup(han)
    if not entries:
        return None
    proper = [e.name for e in entries if e.is_proper and e.name and e.name.isascii()]
    if proper:
        return True, tuple(dict.fromkeys(_bare_name(p) for p in proper))
    glosses = tuple(dict.fromkeys(r for e in entries for r in e.renderings))
    return (False, glosses) if glosses else None


def _bare_name(name: str) -> str:
    """The name itself, without title or description: "Microsoft corporation" → "Microsoft",
    "Dr Sun Yat-sen" → "Sun Yat-sen", "Someplace prefecture level city in X" → "Someplace"."""
    words = name.split()
    while len(words) > 1 and words[0] in ("Dr", "Mr", "Mrs", "Ms", "US", "UK"):
        words = words[1:]
    kept = []
    for w in words:
        if not (w[:1].isupper() or w[:1].isdigit()):
            break
        kept.append(w)
    return " ".join(kept or words[:1])


@rule(id="XLIT001", name="pinyin-transliteration", category="Accuracy/Untranslated", severity="major",
      needs=("source", "alignment"))
def pinyin_transliteration(ctx: Context) -> Iterable[Hit]:
    """A target word is the pinyin of the aligned Chinese source instead of a translation.

    ## What it does
    For each aligned sentence pair with a Chinese source, computes the toneless pinyin of
    every sequence of 2–4 Han characters of the source sentence (and its neighbours) and
    looks for a target token, or two or three adjacent tokens, that spells it (case and spaces
    ignored). Such a transliteration is flagged when the glossary gives that source word
    another rendering (major), or when the token is rare in both French and English usage
    (wordfreq Zipf < 2.5), so that established renderings (Beijing, Xiaomi, Huawei) pass:
    major when no French or English text uses the word at all and it is written in lower
    case like a common noun (*gaotie*); a neutral review hint when it is capitalised (it may
    be the name of a company or an app, *Meituan*) or a loan that some texts use (*jiaozi*).
    Chinese person names and place names in pinyin are correct and are not flagged.

    Lexical knowledge turns hints into fixes. When the source word is (part of) a name of
    the name layer (``toolkit/data/names_zh_en_fr.tsv``: large companies and their press
    nicknames, central banks, exchanges, organisations, countries, places, people known
    under another name, currencies, units) and the pinyin is not one of its established
    renderings, the finding says which rendering is established and suggests it (major;
    minor for a person or a place: *Sun Zhongshan* for Sun Yat-sen). When CC-CEDICT lists
    the word as a proper noun with another Latin name, a capitalised transliteration is
    major with that name as the fix; when the dictionary's name is the pinyin itself
    (*Huawei*), it is not reported. For a common noun, CC-CEDICT's English gloss is quoted
    to help the translator.

    ## Why is this bad?
    A common noun or a nickname spelt out in pinyin (*gaotie* for 高铁, *Pingguo* for
    苹果 the company) means nothing to a French reader: the meaning is not carried over.

    ## Example
    ```text
    source (zh): 我们坐高铁去杭州。
    bad (fr): Nous avons pris le gaotie pour Hangzhou.
    good (fr): Nous avons pris le train à grande vitesse pour Hangzhou.
    ```
    ```text
    glossary: 大众,Volkswagen,,true
    source (zh): 大众召回了三千辆汽车。
    bad (fr): Dazhong a rappelé trois mille voitures.
    good (fr): Volkswagen a rappelé trois mille voitures.
    ```
    ```text
    source (zh): 据工行统计，这类贷款增长了三成。
    bad (fr): Selon Gonghang, ce type de prêts a augmenté de 30 %.
    good (fr): Selon l’ICBC, ce type de prêts a augmenté de 30 %.
    ```
    ```text
    source (zh): 记者张晓明报道，厨师李德华说，这道菜很受欢迎。
    good (fr): Selon Zhang Xiaoming, le chef Li Dehua affirme que ce plat est très apprécié.
    ```

    ## Options
    None. A Chinese name with no established rendering whose pinyin is the right choice
    (a small company, a dish) can be listed in the glossary with itself as target; the
    glossary wins over the name layer and the dictionary.

    ## Known problems
    Person names are recognised from a list of about 100 common surnames and their
    rendering (*Surname Given* or *Given Surname*) or source context (作者, 记者, …说/表示);
    a rare surname rendered as one token may be flagged. Place names are recognised from
    their suffix (市, 省, 县, 山, 江…) or a preceding 在/位于. Only the most common reading of
    a polyphonic character is tried.
    """
    for m in matches(ctx):
        if m.flagged:
            yield Hit(m.start, m.end, f"'{ctx.target.text[m.start:m.end]}' transliterates "
                      f"{m.han} into pinyin; {m.why}", m.suggestion or "translate it (or use the "
                      "established name)", source=(m.src_start, m.src_end), bead=m.bead,
                      severity=m.severity)


RULES = (pinyin_transliteration,)
