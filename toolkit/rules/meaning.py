"""MEAN — meaning turned around between a source sentence and its translation.

Each rule compares the meaning cues (:mod:`toolkit.meaning`) of the two sides of an
aligned bead: negations, directions of change, possibility and obligation. The cue
lists are data (``data/meaning_cues.tsv``) for English, French and Chinese; other
languages get no finding. Beads the aligner is unsure of, page chrome and beads of more
than three sentences a side are skipped: there the cues of one sentence may sit in
another.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..meaning import compare, languages
from ..model import Severity
from ..readers.base import base_lang
from .base import Context, Hit, rule

MIN_CONFIDENCE = 0.5
MAX_SENTENCES = 3


def _problems(ctx: Context) -> list[tuple]:
    """(bead, source range, target range, Problem, source segments, target segments) per problem."""
    def build():
        out = []
        src_lang, tgt_lang = base_lang(ctx.source.lang), base_lang(ctx.target.lang)
        if src_lang not in languages() or tgt_lang not in languages():
            return out
        for bead, src, tgt in ctx.pairs():
            if not src or not tgt or bead.confidence < MIN_CONFIDENCE:
                continue
            if len(src) > MAX_SENTENCES or len(tgt) > MAX_SENTENCES or ctx.in_chrome(tgt[0].start, tgt[-1].end):
                continue
            s0, s1, t0, t1 = src[0].start, src[-1].end, tgt[0].start, tgt[-1].end
            for p in compare(ctx.source.text[s0:s1], src_lang, ctx.target.text[t0:t1], tgt_lang):
                out.append((bead, (s0, s1), (t0, t1), p, src, tgt))
        return out

    return ctx.memo("meaning-problems", build)


_CLAUSE_RE = re.compile(r"[,;:«»()—–]|\s(?:et|mais|ou|car|donc|puis|que|qui|dont|lorsque|quand|si|"
                        r"and|but|or|which|who|that|when|because)\s|\squ['’]", re.I)


def _predicate_at(ctx: Context, t0: int, t1: int, rel: float) -> tuple[int, int]:
    """Where a lost negation belongs: the clause of the target at the source negation's
    relative place, narrowed to its verb group (auxiliary … verb) in French; the clause
    itself otherwise."""
    text = ctx.target.text[t0:t1]
    cuts = [0] + [m.end() for m in _CLAUSE_RE.finditer(text)] + [len(text)]
    pos = rel * len(text)
    lo, hi = next(((a, b) for a, b in zip(cuts, cuts[1:]) if a <= pos < b), (0, len(text)))
    while lo < hi and not text[lo].isalnum():
        lo += 1
    clause = text[lo:hi]
    verbs = _verbs(clause, base_lang(ctx.target.lang))
    if verbs:
        return t0 + lo + verbs[0][0], t0 + lo + verbs[-1][1]
    return t0 + lo, t0 + max(lo + 1, hi)


def _verbs(clause: str, lang: str) -> list[tuple[int, int]]:
    """The first verb group of a clause: an auxiliary and the verb it carries, or a verb.
    French only: by the lookup tables' coarse part of speech (no spaCy import), or by
    spaCy's tagger when ``MTQA_LEMMATIZER=spacy``."""
    from ..nlp import lemmatizer

    if lang != "fr" or not clause.strip():
        return []
    if lemmatizer() == "spacy":
        return _tagged_verbs(clause, lang)
    from ..terms.text import lookup, split

    table = lookup(lang)
    if table is None:
        return []
    group: list[tuple[int, int]] = []
    for start, end, word in split(clause):
        pos = table.pos(word)
        if pos in ("AUX", "VERB") or group and _participle(word, table):  # sont … touchées
            group.append((start, end))
            if pos != "AUX":
                break
        elif group and not _adverb(word):
            break
    return group


_ADVERBS = frozenset("ne n' n’ pas plus jamais point guère déjà toujours encore bien aussi très "
                     "souvent y en".split())


def _adverb(word: str) -> bool:
    w = word.lower()
    return w in _ADVERBS or len(w) > 5 and w.endswith("ment")


def _participle(word: str, table) -> bool:
    """A lower-case word shaped like a past participle or adjective (*validé*, *ouverte*,
    *pris*), not a determiner (*cette*)."""
    w = word.lower().rstrip("s")
    return word.islower() and w.endswith(("é", "ée", "i", "ie", "u", "ue", "t", "te")) and \
        len(table.lemma(word)) > 3


def _tagged_verbs(clause: str, lang: str) -> list[tuple[int, int]]:
    from ..nlp import analyser

    nlp = analyser(lang)
    if nlp is None:
        return []
    group: list[tuple[int, int]] = []
    for tok in nlp(clause):
        if tok.pos_ in ("AUX", "VERB") or group and tok.pos_ == "ADJ":  # sont … touchées
            group.append((tok.idx, tok.idx + len(tok.text)))
            if tok.pos_ != "AUX":
                break
        elif group and tok.pos_ not in ("ADV", "PART"):
            break
    return group


def _hits(ctx: Context, kinds: tuple[str, ...], advice: str, severity: Severity | None = None) -> Iterator[Hit]:
    for bead, (s0, s1), (t0, t1), p, src, tgt in _problems(ctx):
        if p.kind not in kinds:
            continue
        if p.target:
            start, end = t0 + p.target[0], t0 + p.target[1]
        elif p.kind == "negation-lost" and p.source:
            # the cue's sentence, and the target sentence in the same place when the bead
            # has as many on each side
            cue = s0 + p.source[0]
            i = next((k for k, seg in enumerate(src) if seg.start <= cue < seg.end), 0)
            a, b = (src[i].start, src[i].end) if len(src) == len(tgt) else (s0, s1)
            c, d = (tgt[i].start, tgt[i].end) if len(src) == len(tgt) else (t0, t1)
            # the negated word follows the negation: place the clause by its end
            nxt = re.compile(r"\W*[^\W\d_]+").match(ctx.source.text, s0 + p.source[1])
            after = nxt.end() if nxt and nxt.group(0).isascii() else s0 + p.source[1] + 2
            start, end = _predicate_at(ctx, c, d, min(after - a, b - a) / max(b - a, 1))
        else:
            start, end = t0, t1
        source = (s0 + p.source[0], s0 + p.source[1]) if p.source else (s0, s1)
        yield Hit(start, end, p.message[:1].upper() + p.message[1:] + ".", advice, source=source,
                  bead=bead.id, severity=Severity.NEUTRAL if p.weak else severity)


@rule(id="MEAN001", name="negation-mismatch", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def negation_mismatch(ctx: Context) -> Iterable[Hit]:
    """A negative source sentence translated without a negation, or the reverse.

    ## What it does
    Counts the negations of each aligned pair of sentences: English *not*, *n't*,
    *never*, *no*, *without*…; French *ne … pas/plus/jamais/rien/aucun*, *sans*,
    *aucun*, *jamais*…; Chinese 不, 没, 未, 无, 非, 别… (words such as 不过 "but" or
    未来 "future" are not negations). A source with a negation whose translation has none
    is reported on the translated sentence; a translation with a negation where the
    source has none is reported on the negation. A mismatch is not reported when the
    other side carries the negation in a word (*impossible*, *refuse*, *lack*, *sans*,
    *peu*, *declined to*, 无法, 缺乏, *unable*, *illégal*) or in a *trop … pour* / *too …
    to* construction. *Jamais* after a superlative without *ne* (*le plus grand … jamais
    vu*, "ever") is not a negation; a bare *pas* after a comma (*un outil, pas une fin*)
    is one. A negation added where the Chinese source has a word that holds a negation
    without being counted as one (无数 "countless" → *sans nombre*, 不断 "unceasing" →
    *sans cesse*) is a neutral review hint, not a finding. A Chinese litotes (不高, 并不多:
    不 before a gradable adjective listed in `data/meaning_litotes_zh.tsv`) rendered by the
    adjective's antonym (*faible*, *peu*) keeps the meaning and is not reported.

    ## Why is this bad?
    A lost or added negation says the opposite of the source while reading fluently:
    the most damaging meaning error, and one machine translation makes.

    ## Example
    ```text
    source (en): The inspectors did not approve the new bridge design.
    bad (fr): Les inspecteurs ont approuvé le nouveau plan du pont.
    good (fr): Les inspecteurs n’ont pas approuvé le nouveau plan du pont.
    ```
    ```text
    source (zh): 这条铁路今年不会通车。
    bad (fr): Cette ligne ferroviaire ouvrira cette année.
    good (fr): Cette ligne ferroviaire n’ouvrira pas cette année.
    ```
    ```text
    source (en): The museum stays open on Sundays.
    bad (fr): Le musée ne reste pas ouvert le dimanche.
    good (fr): Le musée reste ouvert le dimanche.
    ```

    ## Options
    None. English, French and Chinese cue lists; other languages are not checked.

    ## Known problems
    A negation expressed by a word the lists do not know (*écarté* for *not a case*) or
    a restructured comparison can be reported. Negations are counted, not matched one by
    one: a sentence that moves a negation from one clause to another is not reported.
    """
    return _hits(ctx, ("negation-lost", "negation-added"),
                 "Check the sentence against the source: the negation must be kept (or removed).")


@rule(id="MEAN002", name="polarity-flip", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def polarity_flip(ctx: Context) -> Iterable[Hit]:
    """A rise in the source is a fall in the translation, or the reverse.

    ## What it does
    Reads the words of change of each aligned pair of sentences: up (*increase*, *rise*,
    *hausse*, *augmenter*, 增加, 上升…) and down (*decrease*, *fall*, *baisse*,
    *diminuer*, 下降, 减少…). When the source only goes one way and the translation only
    the other, the translation's word is reported.

    ## Why is this bad?
    Prices, scores, temperatures and sales that go the wrong way invert the news; the
    numbers stay right, so a number check does not see it.

    ## Example
    ```text
    source (en): Ticket sales fell by a fifth after the festival moved.
    bad (fr): Les ventes de billets ont augmenté d’un cinquième après le déménagement du festival.
    good (fr): Les ventes de billets ont baissé d’un cinquième après le déménagement du festival.
    ```
    ```text
    source (zh): 去年该港口的吞吐量增长了两成。
    bad (fr): L’an dernier, le trafic du port a reculé de 20 %.
    good (fr): L’an dernier, le trafic du port a progressé de 20 %.
    ```

    ## Options
    None.

    ## Known problems
    A translation that turns the sentence around (*losses fell* → *profits rose*) is
    reported; dismiss it in review.
    """
    return _hits(ctx, ("polarity",), "Translate the direction of the change as the source says it.")


@rule(id="MEAN003", name="modality-changed", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def modality_changed(ctx: Context) -> Iterable[Hit]:
    """A possibility of the source is an obligation in the translation, or the reverse.

    ## What it does
    Reads the modal words of each aligned pair of sentences: possibility (*may*,
    *could*, *pouvoir*, *peut-être*, 可能, 或许…) and obligation (*must*, *should*,
    *devoir*, *il faut*, 必须, 应该…). When the source has one kind and the translation
    has only the other, the translation's modal word is reported.

    ## Why is this bad?
    *Must* turned into *may* (or *may* into *must*) changes a rule into an option, a
    risk into a certainty.

    ## Example
    ```text
    source (en): Cyclists must dismount on the bridge.
    bad (fr): Les cyclistes peuvent descendre de vélo sur le pont.
    good (fr): Les cyclistes doivent descendre de vélo sur le pont.
    ```
    ```text
    source (zh): 游客必须提前预约。
    bad (fr): Les visiteurs peuvent réserver à l’avance.
    good (fr): Les visiteurs doivent réserver à l’avance.
    ```

    ## Options
    None.

    ## Known problems
    English *should* used as a conditional (*should the talks fail*) reads as an
    obligation.
    """
    return _hits(ctx, ("modality-changed",), "Keep the modality of the source (possibility or obligation).")


@rule(id="MEAN004", name="modality-lost", category="Accuracy/Mistranslation", severity="neutral",
      needs=("source", "alignment"))
def modality_lost(ctx: Context) -> Iterable[Hit]:
    """A hedged or obligatory source sentence is stated as a plain fact (review hint).

    ## What it does
    Reports an aligned sentence whose source has a modal word of possibility (*may*,
    *might*, 可能, 或许) or obligation (*must*, 必须) and whose translation has no modal
    word at all (no *pouvoir*, *devoir*, *peut-être*, *probablement*, *il faut*…). It is a
    `neutral` hint: translators can carry modality in other ways (a conditional mood,
    *il se peut*), so a person decides.

    ## Why is this bad?
    *The dam may fail* and *le barrage cédera* do not say the same thing: a forecast
    becomes a certainty, an obligation a description.

    ## Example
    ```text
    source (en): The storm may reach the coast on Friday.
    bad (fr): La tempête atteindra la côte vendredi.
    good (fr): La tempête pourrait atteindre la côte vendredi.
    ```

    ## Options
    None.

    ## Known problems
    A modality carried by the conditional mood alone (*la tempête atteindrait*) is
    reported.
    """
    return _hits(ctx, ("modality-lost",), "Keep the hedge or the obligation of the source.")


@rule(id="MEAN005", name="bound-flip", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def bound_flip(ctx: Context) -> Iterable[Hit]:
    """*More than* a number in the source is *less than* in the translation, or the reverse.

    ## What it does
    Reads the bounds written next to a number on each side of an aligned pair of
    sentences: more (*more than*, *over*, *plus de*, *dépasser*, 超过, 逾, 以上…) and less
    (*less than*, *under*, *moins de*, 不到, 不足, 以下…). When the source has only one
    kind and the translation only the other, the translation's bound is reported.

    ## Why is this bad?
    The number is right, so a number check is silent, but *more than 300 jobs* and
    *moins de 300 emplois* say opposite things.

    ## Example
    ```text
    source (en): The storm cut power to more than 4,000 homes.
    bad (fr): La tempête a privé d’électricité moins de 4 000 foyers.
    good (fr): La tempête a privé d’électricité plus de 4 000 foyers.
    ```
    ```text
    source (zh): 该水库的蓄水量不到去年的40%。
    bad (fr): Le réservoir contient plus de 40 % de son volume de l’an dernier.
    good (fr): Le réservoir contient moins de 40 % de son volume de l’an dernier.
    ```

    ## Options
    None.

    ## Known problems
    A bound turned into the opposite bound of the complementary number (*more than
    half* → *moins de la moitié ne…*) is reported.
    """
    return _hits(ctx, ("bound",), "Keep the bound of the source (more than / less than).")


@rule(id="MEAN006", name="approximation-lost", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def approximation_lost(ctx: Context) -> Iterable[Hit]:
    """An approximate number of the source is given as an exact one in the translation.

    ## What it does
    For each number of an aligned source sentence written with an approximation right
    before it (*about*, *nearly*, *almost*, *environ*, 约, 近, 将近…) or as an
    approximate Chinese amount (一百多, 3万余), finds the one target number with the same
    value; when no approximation or bound stands next to it (*environ*, *près de*,
    *plus de*…), the target number is reported.

    ## Why is this bad?
    *Nearly 300* and *300* are different claims: an estimate becomes a measured figure,
    and a reader may quote it as exact.

    ## Example
    ```text
    source (en): The fire destroyed nearly 40 hectares of pine forest.
    bad (fr): L’incendie a détruit 40 hectares de pinède.
    good (fr): L’incendie a détruit près de 40 hectares de pinède.
    ```
    ```text
    source (zh): 这座水库约有200年历史。
    bad (fr): Ce réservoir a 200 ans.
    good (fr): Ce réservoir a environ 200 ans.
    ```

    ## Options
    None.

    ## Known problems
    An approximation carried by a word the lists do not know (*une vingtaine*, *quelque
    200*) is found only when it is listed; a rounded figure (*1,2 million* for
    *1,234,000*) is not an approximation lost.
    """
    return _hits(ctx, ("approx-lost",), "Keep the approximation of the source (environ, près de…).")


RULES = (negation_mismatch, polarity_flip, modality_changed, modality_lost, bound_flip, approximation_lost)
