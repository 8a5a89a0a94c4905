"""Bounds and approximations of numbers kept, dropped or added between a source sentence
and its translation (MEAN007, MEAN008), and comparisons turned around (MEAN009).

:mod:`toolkit.meaning` reads the cues (``more``, ``less``, ``approx``) of each side;
this module pairs each source number with the one target number of the same value and
looks at what stands next to each:

- *bound lost*: *more than 40*, *up to 40*, 超过40 in the source, a bare *40* in the
  translation (no bound and no approximation next to it);
- *approximation added*: an exact source number (nothing of the kind next to it, no
  Chinese 多/余 suffix) that the translation hedges with *environ*, *près de*… while
  writing exactly the same value (a rounded value may fairly be hedged).

Only a value written once on each side of the pair is judged, so that two numbers of the
same value cannot be confused.
"""
from __future__ import annotations

import re

from .meaning import Cue, Problem, _bounds, near

# A bound is sometimes translated by a preposition of duration that holds no bound but
# is right for the sentence (*over three days* = *sur trois jours*): not reported.
_SPAN_BEFORE = {
    "fr": re.compile(r"(?<![\w-])(?:sur|pendant|durant|en|au cours des?|dans|d['’]ici|à partir de|dès|depuis)"
                     r"[\s\u00a0\u202f]+(?:les?\s+|la\s+|l['’]|ces\s+|des\s+)?$", re.I),
}
# English bounds that are also prepositions of place or time (*over the bridge*, *under
# the law*, *over 3 days*): they count only when nothing but the number follows them.
_AMBIGUOUS = frozenset({"over", "under", "above", "below"})
# ... and after a verb of place or movement they are the preposition (*flew over 12
# countries*, *lies under 30 metres of water*): the finding is then a review hint.
_PLACE_VERB = re.compile(r"(?:fl(?:y|ies|ew|own|ying)|jump\w*|climb\w*|pass\w*|hand\w*|step\w*|walk\w*|"
                         r"r[au]n\w*|roll\w*|dr[io]ve\w*|sail\w*|look\w*|watch\w*|presid\w*|rul\w*|"
                         r"spread\w*|f[ae]ll\w*|tower\w*|loom\w*|hover\w*|soar\w*|cross\w*|li(?:e|es|ed|ying)|"
                         r"lay\w*|sit\w*|sat|buried|hidden|hid\w*|stand\w*|stood|hang\w*|hung|travel\w*)$", re.I)
# French "à" + a percentage describes a level (*des pointes à 30 %*, *un prêt à 2 %*) and
# often leaves a maximum implied: a review hint there, not a finding.
_AT_RATE = re.compile(r"(?<![\w-])à[\s\u00a0]+$", re.I)
_KINDS = ("cardinal", "approx", "word", "year")
_LIMIT_KINDS = ("cardinal", "approx", "word")
_SUFFIX_APPROX = "多余餘来來"


def _one_match(n, numbers) -> list:
    from .numbers import values_match

    return [m for m in numbers if values_match(n, m)]


# the words that open a bound or an approximation, for a bound set apart from its number
# by quotes (*« bien plus » de 40*)
_LOOSE_HEDGE = {"fr": re.compile(r"(?<![\w-])(?:plus|moins|jusqu|environ|près|presque|au-delà|supérieur\w*|"
                                 r"inférieur\w*|maximum|minimum)(?![\w-])", re.I)}


def _hedged(found: list[Cue], text: str, lang: str, start: int, end: int) -> bool:
    """A bound or approximation next to a target number (before it, or after it within
    the noun phrase: *40 voitures au plus*)."""
    if any(near(found, cls, start, end, before=12, after=20) for cls in ("approx", "more", "less")):
        return True
    loose = _LOOSE_HEDGE.get(lang)
    return bool(loose and loose.search(text[max(0, start - 16):start]))


def _adjacent(text: str, a: int, b: int) -> bool:
    """Nothing but spaces (or a currency sign) between two places: a bound that is part
    of its number's phrase, not of the next clause (增长27.8%，略高于预期)."""
    return not re.search(r"[^\s\u00a0\u202f$€£¥]", text[min(a, b):max(a, b)])


def bounds_lost(s: list[Cue], src: str, src_lang: str, t: list[Cue], tgt: str, tgt_lang: str) -> list[Problem]:
    """A source number with a bound (*more than 40*, 超过40, 40以上) whose only target
    number of that value has neither bound nor approximation next to it."""
    from .numbers import find_numbers

    bounds = [c for c in _bounds(s, src, src_lang)
              if not (c.text.lower() in _AMBIGUOUS and not re.match(r"[\s\u00a0]*\d", src[c.end:c.end + 3]))]
    if not bounds:
        return []
    s_numbers = [n for n in find_numbers(src, src_lang) if n.kind in _LIMIT_KINDS]
    t_numbers = [n for n in find_numbers(tgt, tgt_lang) if n.kind in _KINDS]
    span_before = _SPAN_BEFORE.get(tgt_lang)
    out = []
    for n in s_numbers:
        cue = [c for c in bounds if c in near(bounds, c.cls, n.start, n.end, before=4, after=3)
               and (_adjacent(src, c.end, n.start) if c.end <= n.start else _adjacent(src, n.end, c.start))]
        if not cue or len(_one_match(n, s_numbers)) != 1:
            continue
        same = _one_match(n, t_numbers)
        if len(same) != 1:
            continue
        m = same[0]
        if _hedged(t, tgt, tgt_lang, m.start, m.end) or span_before and span_before.search(tgt[max(0, m.start - 24):m.start]):
            continue
        name = "more than" if cue[0].cls == "more" else "less than"
        before = re.search(r"([^\W\d_]+)\s+$", src[max(0, cue[0].start - 20):cue[0].start])
        weak = cue[0].text.lower() in _AMBIGUOUS and bool(before and _PLACE_VERB.match(before.group(1))) \
            or m.unit == "%" and bool(_AT_RATE.search(tgt[max(0, m.start - 4):m.start]))
        out.append(Problem("bound-lost", f"the source gives a bound ({cue[0].text} {n.text}: {name}), "
                           f"the translation an exact value ({m.text})", (m.start, m.end),
                           (min(cue[0].start, n.start), max(cue[0].end, n.end)), weak))
    return out


def approximations_added(s: list[Cue], src: str, src_lang: str, t: list[Cue], tgt: str,
                         tgt_lang: str) -> list[Problem]:
    """A target number hedged by *environ*, *près de*, *plus de*… whose source number of
    exactly the same value stands alone (no approximation, bound or 多/余 next to it)."""
    from .numbers import find_numbers

    # Only approximations: a bound is often the translation of a verb (*exceed*, 突破 →
    # *dépasser*, *within* → *à moins de*). *Vers* is also "towards" (*vers 40 destinations*).
    hedges = [c for c in t if c.cls == "approx" and c.text.lower() != "vers"]
    # an approximation anywhere in the source may cover a list (*about 2,400 in A, 3,300
    # in B*): the translation may repeat it before each number
    if not hedges or any(c.cls == "approx" for c in s):
        return []
    t_numbers = [n for n in find_numbers(tgt, tgt_lang) if n.kind in _LIMIT_KINDS]
    s_numbers = [n for n in find_numbers(src, src_lang) if n.kind in _KINDS]
    out = []
    for m in t_numbers:
        cue = near(hedges, "approx", m.start, m.end, before=3, after=0)
        if not cue or len(_one_match(m, t_numbers)) != 1:
            continue
        same = [n for n in s_numbers if any(a == b for a in n.values for b in m.values)]
        if len(same) != 1 or len(_one_match(same[0], s_numbers)) != 1:
            continue
        n = same[0]
        if n.kind == "approx" or n.text[-1:] in _SUFFIX_APPROX or src[n.end:n.end + 1] in _SUFFIX_APPROX:
            continue
        if any(near(s, cls, n.start, n.end, before=24, after=12) for cls in ("approx", "more", "less")):
            continue
        out.append(Problem("approx-added", f"the translation hedges the value ({cue[0].text} {m.text}), "
                           f"the source gives it exactly ({n.text})", (cue[0].start, m.end), (n.start, n.end)))
    return out


COMPARISON_NAMES = {"hi": "the greater end (larger, later, heavier, longer…)",
                    "lo": "the smaller end (smaller, earlier, lighter, shorter…)"}


def comparison_flips(s: list[Cue], src: str, t: list[Cue], tgt: str) -> list[Problem]:
    """A comparison or superlative whose source names only one end of its scale (*larger*,
    最大, *later than*) and whose translation names only the other (*plus petit*, *plus tôt*)."""
    out = []
    for a, b in (("hi", "lo"), ("lo", "hi")):
        sa = [c for c in s if c.cls == a]
        tb = [c for c in t if c.cls == b]
        if sa and tb and not any(c.cls == b for c in s) and not any(c.cls == a for c in t):
            quote_s = ", ".join(dict.fromkeys(f"“{c.text}”" for c in sa))
            quote_t = ", ".join(dict.fromkeys(f"“{c.text}”" for c in tb))
            out.append(Problem("comparison-flip", f"the source compares towards {COMPARISON_NAMES[a]} "
                               f"({quote_s}), the translation towards {COMPARISON_NAMES[b]} ({quote_t})",
                               (tb[0].start, tb[0].end), (sa[0].start, sa[0].end)))
    return out
