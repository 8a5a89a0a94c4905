"""TERM rules: glossary adherence and terminology consistency.

The matching (source terms, aligned renderings, forbidden variants, form variants) is done
once per article by :mod:`toolkit.terms.analysis` and shared through ``ctx.memo``.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterator

from ..model import Severity
from ..terms.analysis import ArticleTerms, Occurrence, analyse_article
from ..terms.text import vkey
from .base import Context, Hit, rule


def _analysis(ctx: Context) -> ArticleTerms | None:
    return ctx.memo("terms:analysis", lambda: analyse_article(ctx.article))


def _source_of(analysis: ArticleTerms, start: int, end: int) -> Occurrence | None:
    for o in analysis.occurrences:
        if o.target is not None and o.target.start == start and o.target.end == end:
            return o
    return None


def _is_form_variant(analysis: ArticleTerms, match) -> bool:
    """A forbidden variant that is only a case/hyphen/spacing variant of an approved target."""
    key = vkey(match.text)
    return any(vkey(t) == key for i in match.terms for t in analysis.base.terms[i].targets)


def _glossary_line(e) -> str:
    extra = f" — {e.note}" if e.note else ""
    return f"glossary: {e.source} → {' | '.join(e.targets)}{extra}"


@rule(id="TERM001", name="forbidden-term-variant", category="Terminology/Wrong term",
      severity="minor", needs=("glossary",))
def forbidden_variant(ctx: Context) -> Iterator[Hit]:
    """A variant that the glossary forbids is used in the target.

    ## What it does
    Finds the forbidden variants of glossary entries in the target (inflected forms
    included, longest match first, so a forbidden word inside an approved multi-word
    target is not reported). When the source and an alignment are known, a variant is
    reported only where its source term occurs in the aligned source sentence (or the
    next one), so a word that is forbidden in one sense only stays silent elsewhere.

    ## Why is this bad?
    The client's termbase rejects this rendering: it is wrong in the domain, belongs to a
    competitor's vocabulary, or (for names) makes the entity unrecognisable. Names and
    product names (case-sensitive or do-not-translate entries) get severity *major*;
    other terms *minor*. Variants that only differ in case, hyphens or spacing are left
    to TERM003.

    ## Example
    ```text
    glossary: kick-off,coup d’envoi,coup de pied d’envoi,false,Football
    source (en): The kick-off is at eight.
    bad (fr): Le coup de pied d’envoi est à huit heures.
    good (fr): Le coup d’envoi est à huit heures.
    ```
    ```text
    glossary: debit card,carte de débit,carte,false,Banking: never the bare word
    source (en): Use your debit card.
    good (fr): Utilisez votre carte de débit.
    ```
    ```text
    glossary: train,entraîner,former,false,Machine learning sense; 'former' is for people
    source (en): We train the model every night.
    bad (fr): Nous allons former le modèle chaque nuit.
    good (fr): Nous allons entraîner le modèle chaque nuit.
    ```
    ```text
    glossary: train,entraîner,former,false,Machine learning sense
    source (en): The clouds form slowly.
    good (fr): Les nuages se forment lentement.
    ```

    ## Options
    The glossary (`--glossary FILE` or `glossary.csv|tsv|tbx` in the article folder):
    column `forbidden`, variants separated by `|`; `case_sensitive` applies to them.

    ## Known problems
    Without a source, every occurrence of a forbidden variant is reported, whatever its
    sense. Inflection relies on the French lemmatiser, which misses rare forms.
    """
    analysis = _analysis(ctx)
    if analysis is None:
        return
    for m in analysis.matches:
        if m.role != "forbidden" or (m.start, m.end) not in analysis.reportable:
            continue
        if _is_form_variant(analysis, m):
            continue
        entry = analysis.base.terms[m.terms[0]]
        name_like = entry.case_sensitive or entry.do_not_translate
        occ = _source_of(analysis, m.start, m.end)
        yield Hit(m.start, m.end,
                  f"'{m.text}' is a forbidden variant of '{entry.target}' ({_glossary_line(entry)})",
                  entry.target, occ.source if occ else None, occ.bead if occ else None,
                  Severity.MAJOR if name_like else None)


@rule(id="TERM002", name="approved-term-missing", category="Terminology/Wrong term",
      severity="minor", needs=("glossary", "source", "alignment"))
def approved_missing(ctx: Context) -> Iterator[Hit]:
    """A source term of the glossary has no approved rendering in its aligned target.

    ## What it does
    For each occurrence of a glossary source term in the source (Chinese by characters,
    longest term first; other languages by words, inflections included), looks for an
    approved target in the aligned target sentence(s) by lemma (*puces* = *puce*,
    *l'* or *l’*). When it is missing, reports the part of the approved target that is
    there (e.g. two of its three words) or else the aligned target sentence. Occurrences
    rendered by a forbidden or form variant are left to TERM001 / TERM003.

    A miss where the aligned sentence has the head noun of a multi-word approved target
    after a definite article or a demonstrative (*la commission* for *la commission
    des finances publiques*), when the full target was used for the term in an earlier
    sentence, is a shortened mention: a neutral review hint, not a missing term.

    ## Why is this bad?
    The client's approved term was not used: the translation either paraphrases the
    term, uses an unapproved synonym, or omits it, and readers meet a different word for
    the same concept across documents.

    ## Example
    ```text
    glossary: 焯水,blanchir,,false,Cooking
    source (zh): 把菠菜焯水一分钟。
    bad (fr): Faites bouillir les épinards une minute.
    good (fr): Faites blanchir les épinards une minute.
    ```
    ```text
    glossary: 利率,taux d’intérêt,,false,Banking
    source (zh): 利率上升了。
    bad (fr): Le loyer de l'argent a augmenté.
    good (fr): Le taux d'intérêt a augmenté.
    good (fr): Les taux d’intérêt ont augmenté.
    ```

    ## Options
    The glossary; the alignment (a term is searched in the aligned sentences, then in the
    neighbouring ones to tolerate an alignment slip).

    ## Known problems
    A correct paraphrase or a pronoun is reported too; a term split across two target
    sentences by a 1-2 bead is found, one moved further away is not.
    """
    analysis = _analysis(ctx)
    if analysis is None or analysis.basis != "source":
        return
    # "from 48 to 56 dollars": one rendering may serve a term repeated in one source sentence
    rendered = {(o.term, o.bead) for o in analysis.occurrences if o.kind == "accepted"}
    for o in analysis.occurrences:
        entry = analysis.base.terms[o.term]
        src_text = ctx.source.text[o.source[0]:o.source[1]] if o.source else entry.source
        if o.kind == "miss" and (o.term, o.bead) in rendered:
            continue
        if o.kind == "partial" and o.target is not None:
            yield Hit(o.target.start, o.target.end,
                      f"'{o.target.text}' renders only part of the approved term "
                      f"'{entry.target}' for '{src_text}'", entry.target, o.source, o.bead)
        elif o.kind == "miss" and o.anaphor is not None:
            short = ctx.target.text[o.anaphor[0]:o.anaphor[1]]
            yield Hit(o.anaphor[0], o.anaphor[1],
                      f"'{short}' may stand for '{entry.target}' ('{src_text}'), used in full "
                      "earlier: a shortened mention, check that it is unambiguous",
                      f"use '{entry.target}' if the short mention is unclear", o.source, o.bead,
                      Severity.NEUTRAL)
        elif o.kind == "miss" and o.window is not None:
            left = -1 if entry.source in entry.targets else \
                ctx.target.text.find(entry.source, o.window[0], o.window[1])
            if left >= 0:  # the source term itself was left in the target: point at it
                yield Hit(left, left + len(entry.source), f"'{entry.source}' is left untranslated; "
                          f"the glossary says '{entry.target}' ({_glossary_line(entry)})",
                          entry.target, o.source, o.bead)
                continue
            yield Hit(o.window[0], o.window[1],
                      f"'{src_text}' should be translated '{entry.target}' "
                      f"({_glossary_line(entry)}); no approved rendering in the aligned sentence",
                      f"use '{entry.target}'", o.source, o.bead)


@rule(id="TERM003", name="term-form-variant", category="Terminology/Inconsistent with termbase",
      severity="minor", needs=("glossary",))
def form_variant(ctx: Context) -> Iterator[Hit]:
    """A glossary term is written with other casing, hyphens or spacing than approved.

    ## What it does
    Finds target words or word groups that equal an approved target once case, hyphens,
    spaces and apostrophes are ignored, but differ from it as written: casing for
    case-sensitive entries, hyphenation or spacing for every entry.

    ## Why is this bad?
    House style fixes the written form of names and terms (a company's brand casing, a
    bank's unhyphenated name). The reader still recognises the term, so the error is
    minor, but it is inconsistent with the termbase and looks careless.

    ## Example
    ```text
    glossary: 维尔莫拉,Velmora,,true,Pharmaceutical company
    source (zh): 维尔莫拉发布了新药。
    bad (fr): VELMORA a publié un nouveau médicament.
    good (fr): Velmora a publié un nouveau médicament.
    ```
    ```text
    glossary: Saint Clair Bank,Saint Clair Bank,,true,Bank name
    source (en): Saint Clair Bank raised its rates.
    bad (fr): La Saint-Clair Bank a relevé ses taux.
    good (fr): La Saint Clair Bank a relevé ses taux.
    ```

    ## Options
    `case_sensitive` in the glossary decides whether casing counts.

    ## Known problems
    A heading set in capitals is reported for each name it contains.
    """
    analysis = _analysis(ctx)
    if analysis is None:
        return
    for m in analysis.matches:
        if (m.start, m.end) not in analysis.reportable:
            continue
        if m.role == "variant" or (m.role == "forbidden" and _is_form_variant(analysis, m)):
            entry = analysis.base.terms[m.terms[0]]
            approved = next((t for t in entry.targets if vkey(t) == vkey(m.text)), entry.target)
            occ = _source_of(analysis, m.start, m.end)
            yield Hit(m.start, m.end, f"'{m.text}' should be written '{approved}' "
                      f"({_glossary_line(entry)})", approved, occ.source if occ else None,
                      occ.bead if occ else None)


@rule(id="TERM004", name="inconsistent-term-renderings", category="Terminology/Inconsistent use",
      severity="minor")
def inconsistent(ctx: Context) -> Iterator[Hit]:
    """One term is rendered in several ways within a document.

    ## What it does
    Groups the renderings of each term: approved alternatives of a glossary entry (when
    the glossary accepts several), and, with or without a glossary, discovered terms — a
    name kept from the source, or target words that are one form up to case, hyphens or
    spacing. When a term has two or more renderings, each occurrence that differs from
    the preferred one (the glossary's first target, else the majority) is reported, with
    the other renderings and where they are. A capital that its place explains is no
    variant: a sentence start, or a common noun heading a name (*l’Office national des
    forêts*, then *l’office* for short).

    ## Why is this bad?
    Readers take two renderings for two things. Consistency is a basic requirement of
    technical and news translation even when each rendering is acceptable on its own.

    ## Example
    ```text
    bad (fr): Le club Rennfort a gagné. Le club RENNFORT a perdu ensuite.
    good (fr): Le club Rennfort a gagné. Le club Rennfort a perdu ensuite.
    ```
    ```text
    glossary: 手续费,frais de dossier|frais de traitement,,false,Banking fees
    source (zh): 手续费很高。手续费不退。
    bad (fr): Les frais de dossier sont élevés. Les frais de traitement ne sont pas remboursés.
    good (fr): Les frais de dossier sont élevés. Les frais de dossier ne sont pas remboursés.
    ```

    ## Options
    None; forbidden and form variants of glossary entries are reported by TERM001/TERM003.

    ## Known problems
    A discovered group may join two different words that only differ by a hyphen; the
    batch-level inconsistency (across documents) is in the scores and the glossary report.
    """
    from ..terms.discover import candidates

    analysis = _analysis(ctx)
    groups: list[tuple[str, list[Occurrence], list[str]]] = []
    if analysis is not None:
        for t, occs in analysis.by_term().items():
            entry = analysis.base.terms[t]
            ok = [o for o in occs if o.kind == "accepted"]
            groups.append((entry.source, ok, list(entry.targets)))
    for c in ctx.memo("terms:candidates", lambda: candidates(ctx.article, analysis)):
        groups.append((c.label, [o for o in c.occurrences if o.rendering and o.target], []))
    for label, occs, prefer in groups:
        counts = Counter(o.rendering for o in occs)
        if len(counts) < 2:
            continue
        top = max(counts.values())
        best = next((p for p in prefer if counts.get(p) == top), None) or \
            next(o.rendering for o in occs if counts[o.rendering] == top)
        where = ", ".join(f"'{r}' ×{n}" for r, n in counts.most_common())
        first = next(o for o in occs if o.rendering == best)
        line, col = ctx.target.line_col(first.target.start)
        for o in occs:
            if o.rendering != best:
                yield Hit(o.target.start, o.target.end,
                          f"'{o.target.text}' renders '{label}' differently from '{best}' "
                          f"(line {line}:{col}); renderings in this document: {where}",
                          best, o.source, o.bead)
@rule(id="TERM005", name="source-term-rendering-varies", category="Terminology/Inconsistent use",
      severity="minor", needs=("source", "alignment"))
def rendering_varies(ctx: Context) -> Iterator[Hit]:
    """A repeated source name or compound term is rendered in another way in one place.

    ## What it does
    Works without a glossary. Finds the source terms of the article: names of the name
    layer (``toolkit/data/names_zh_en_fr.tsv``), CC-CEDICT proper nouns and compounds of
    two or three dictionary words in a Chinese source, capitalised multi-word names in a
    Latin-script source. For each term seen in several aligned sentences, learns its usual
    rendering from the beads (the target words most associated with it, compared by lemma,
    so inflections are one rendering). Where the term occurs but the usual rendering does
    not, and a run of nouns and adjectives as long as the usual rendering keeps all of its
    words but one and replaces that one (*Coupe de Riverton* where *Riverton Cup* is used
    twice elsewhere), that run is reported, with the usual rendering as the fix. A
    mention that only adds or only drops words is not reported, nor a shorter mention
    with a describing adjective on the side away from the words it drops (*premiers bus
    électriques* where *bus électriques Nordia* is usual); a term inside a longer
    repeated term (自动驾驶 in 自动驾驶软件) counts as the longer one there. Terms of the
    glossary are left to TERM001–TERM004.

    ## Why is this bad?
    One name or term rendered two ways reads as two things; it is the inconsistency a
    reviser checks first, and most batches come without a termbase to catch it.

    ## Example
    ```text
    source (en): The Riverton Cup starts today. The Riverton Cup ends on Sunday. Everyone talks about the Riverton Cup.
    bad (fr): La Riverton Cup commence aujourd’hui. La Riverton Cup se termine dimanche. Tout le monde parle de la Coupe de Riverton.
    good (fr): La Riverton Cup commence aujourd’hui. La Riverton Cup se termine dimanche. Tout le monde parle de la Riverton Cup.
    ```

    ## Options
    None. A glossary entry for the term replaces this check by TERM001–TERM004.

    ## Known problems
    The usual rendering needs the term twice with the same rendering; a rendering with no
    word in common with the usual one (a synonym) is not found. Single common words are
    not checked: they may fairly be rendered in several ways.
    """
    from ..terms.extract import extract

    pairs = ctx.memo("terms:extract", lambda: extract(ctx.article))
    in_glossary = {e.source for e in ctx.glossary or ()}
    beads = ctx.beads
    done: set[tuple[int, int]] = set()
    for p in pairs:
        if not p.specific or p.count < 2 or p.source in in_glossary:
            continue
        first = next(x for x in p.places if x.kind == "usual")
        line, col = ctx.target.line_col(first.target[0])
        for v in p.variants:
            if v.target in done or ctx.in_chrome(*v.target):
                continue
            done.add(v.target)
            yield Hit(v.target[0], v.target[1],
                      f"'{v.text}' renders '{p.source}' differently from '{p.target}', its "
                      f"rendering in {p.count} other places (first at line {line}:{col})",
                      p.target, v.source, beads[v.bead].id)


RULES = (forbidden_variant, approved_missing, form_variant, inconsistent, rendering_varies)
