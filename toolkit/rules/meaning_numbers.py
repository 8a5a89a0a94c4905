"""MEAN (numbers and comparisons) — a bound dropped, an approximation added, a comparison
turned around.

The pairs of sentences, cue lists and skipping conditions are those of the MEAN family
(:mod:`toolkit.rules.meaning`); the comparison of what stands next to each number is
:mod:`toolkit.meaning_bounds`.
"""
from __future__ import annotations

from typing import Iterable

from .base import Context, Hit, rule
from .meaning import _hits


@rule(id="MEAN007", name="bound-lost", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def bound_lost(ctx: Context) -> Iterable[Hit]:
    """A number bounded in the source (*more than*, *up to*) is given as an exact value.

    ## What it does
    For each number of an aligned source sentence written with a bound right next to it
    (*more than*, *over*, *at least*, *up to*, *less than*, 超过, 逾, 以上, 不到, 以下…),
    finds the one target number with the same value; when neither a bound nor an
    approximation stands next to it (*plus de*, *jusqu’à*, *au moins*, *moins de*,
    *environ*…), the target number is reported. English *over*, *under*, *above* and
    *below* count only right before a number, and a French preposition of duration
    before the number (*sur trois jours* for *over three days*) is accepted.

    ## Why is this bad?
    *Up to 40 passengers* is a maximum, *40 passagers* a count; *more than 300* is a
    floor. The number is right, so a number check is silent, but the claim changed.

    ## Example
    ```text
    source (en): The new lifts carry up to 24 skiers each.
    bad (fr): Les nouveaux télésièges transportent à 24 skieurs chacun.
    good (fr): Les nouveaux télésièges transportent jusqu’à 24 skieurs chacun.
    ```
    ```text
    source (zh): 该展览吸引了超过8000名观众。
    bad (fr): L’exposition a attiré 8\u202f000 visiteurs.
    good (fr): L’exposition a attiré plus de 8\u202f000 visiteurs.
    ```

    ## Options
    None.

    ## Known problems
    A percentage after French *à* (*des pointes à 30 %* for *peaks of up to 30%*) is
    a common way to give a level and often leaves the maximum implied: it is a
    `neutral` hint, as is *over* or *under* after a verb of place or movement (*flew
    over 12 countries*). A bound expressed by a word the lists do not know (*pas moins de*, *un maximum
    de*… are listed; rarer turns are not) is reported. A value written twice in the same
    sentence is not judged.
    """
    return _hits(ctx, ("bound-lost",), "Keep the bound of the source (plus de, jusqu’à, au moins…).")


@rule(id="MEAN008", name="approximation-added", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def approximation_added(ctx: Context) -> Iterable[Hit]:
    """An exact number of the source is made approximate in the translation (*environ*, *près de*).

    ## What it does
    For each target number with an approximation right before it (*environ*, *près de*,
    *presque*, *quelque*…), finds the one source number with exactly the same value; when
    nothing of the kind stands next to the source number (no *about*, *more than*, 约, 多,
    余, 左右…), the hedge and the number are reported. A rounded value (*environ 1,2
    million* for 1,234,000) is not reported: only the same value is; nor is a source
    sentence with an approximation anywhere (*about 40 in spring, 60 in summer*: the
    translation may repeat it before each number). Bounds added in the
    translation (*plus de*, *dépasser*) are not judged: they often translate a verb of the
    source (*exceed*, *within*).

    ## Why is this bad?
    The source gives a measured figure; the translation makes it an estimate or a floor
    (*près de 120 blessés* for *120 injured*), which a reader quotes differently.

    ## Example
    ```text
    source (en): The orchestra gave 85 concerts last year.
    bad (fr): L’orchestre a donné près de 85 concerts l’an dernier.
    good (fr): L’orchestre a donné 85 concerts l’an dernier.
    ```
    ```text
    source (zh): 这座桥长480米。
    bad (fr): Ce pont mesure environ 480 mètres.
    good (fr): Ce pont mesure 480 mètres.
    ```

    ## Options
    None.

    ## Known problems
    An approximation the source carries in a word the lists do not know (*a dozen*,
    *-odd*) makes the hedge look added.
    """
    return _hits(ctx, ("approx-added",), "Give the value as exactly as the source does.")


@rule(id="MEAN009", name="comparison-flip", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def comparison_flip(ctx: Context) -> Iterable[Hit]:
    """A comparison goes the other way in the translation (*larger* → *plus petit*).

    ## What it does
    Reads the comparative and superlative words of each aligned pair of sentences, as
    the two ends of a scale: the greater end (*larger*, *largest*, *heavier*, *later
    than*, *plus grand*, *plus lourd*, *plus tard*, *de plus que*, 最大, 更长, 延长, 推迟…) and
    the smaller end (*smaller*, *lighter*, *shorter*, *earlier than*, *plus petit*, *plus
    léger*, *plus tôt*, *de moins que*, 最小, 缩短, 减轻, 提前…). When the source names only
    one end and the translation only the other, the translation's word is reported.
    Only comparative and superlative forms and verbs that move along a scale are listed,
    not bare adjectives.

    ## Why is this bad?
    *The largest exhibition* translated as *la plus petite exposition*, *shortened by an
    hour* as *une heure de plus*: the sentence reads well and says the opposite.

    ## Example
    ```text
    source (en): The new runway is longer than the old one.
    bad (fr): La nouvelle piste est plus courte que l’ancienne.
    good (fr): La nouvelle piste est plus longue que l’ancienne.
    ```
    ```text
    source (zh): 新版手机比旧版减轻了20克。
    bad (fr): Le nouveau téléphone est plus lourd de 20 grammes que l’ancien.
    good (fr): Le nouveau téléphone est plus léger de 20 grammes que l’ancien.
    ```

    ## Options
    None.

    ## Known problems
    The scales are not told apart: a sentence that compares on two scales (*larger but
    cheaper*) in the source and on one in the translation can be reported. A comparison
    turned around on purpose (*A is larger than B* → *B est plus petit que A*) is
    reported; dismiss it in review.
    """
    return _hits(ctx, ("comparison-flip",), "Keep the direction of the comparison of the source.")


RULES = (bound_lost, approximation_added, comparison_flip)
