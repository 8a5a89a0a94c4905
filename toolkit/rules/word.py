"""WORD — lexical problems: non-words and calques, false friends, repeated words, misspellings.

The classification of unknown words that WORD001 and WORD004 share lives in
:mod:`toolkit.rules.lexical`.
"""
from __future__ import annotations

import functools
import re
from typing import Iterable

from ..lexicon import case_key, data_rows, doublings, find_word, first_word_key
from ..readers.base import base_lang
from .base import Context, Hit, rule
from .lexical import unknown_words

@rule(id="WORD001", name="non-word", category="Accuracy/Mistranslation", severity="major")
def non_word(ctx: Context) -> Iterable[Hit]:
    """A target word exists in no lexicon: an invented compound, a mangled name, a calque.

    ## What it does
    Looks up every target word in the wordfreq lexicons of the target language and of
    English (with plural and feminine endings stripped, elisions split, hyphenated
    compounds checked by parts, productive prefixes and suffixes accepted). A word known
    to neither, to the glossary, or to the source, that is not a name (capitalised inside a
    sentence, camel-case, an acronym, a code, a URL) is reported:
    - **major** when it is glued from two common English words (*cloudbucket*), or when
      it is a product name of the source made into a French common noun (*SkyPods* →
      *skypodes*);
    - **minor** when a lower-case word that no lexicon knows is copied from a Latin-script
      source and is made of English words (a coinage such as *bikeathon* left
      untranslated); a copied word of no English make-up is a name of the source (a drug,
      a species, a product: *torvalimab*) and is kept, as it should be;
    - **neutral** (a hint to review) when nothing explains it, or when the glued word opens
      a sentence (it may be a company name). Pinyin spellings of the source are XLIT001's
      and near misses of a common word are WORD004's.
    The category is *Accuracy/Mistranslation*: a non-word carries no meaning.

    ## Why is this bad?
    A reader cannot understand a word that does not exist; MT engines invent such words
    when they meet a term they cannot translate.

    ## Example
    ```text
    source (en): The photos are stored in a cloud bucket.
    bad (fr): Les photos sont stockées dans un cloudbucket.
    good (fr): Les photos sont stockées dans un compartiment de stockage en ligne.
    ```
    ```text
    source (zh): 这家公司推出了新款SkyPods耳机。
    bad (fr): Cette entreprise a lancé de nouveaux écouteurs skypodes.
    good (fr): Cette entreprise a lancé de nouveaux écouteurs SkyPods.
    ```
    ```text
    source (en): The town hosts a bikeathon every spring.
    bad (fr): La ville organise un bikeathon chaque printemps.
    good (fr): La ville organise un marathon cycliste chaque printemps.
    ```
    ```text
    good (fr): La néobanque a lancé une application de covoiturage à Bordeaux.
    ```

    ## Options
    None.

    ## Known problems
    A recent loanword or neologism absent from wordfreq may be reported (as a neutral
    hint unless it is an English compound); add it to the glossary to silence it. A
    lower-case brand of the source made of English words, copied as is (rare), is
    reported as a coinage; an untranslated coinage with no English word in it is not.
    """
    for u in unknown_words(ctx):
        if u.kind == "source-name":
            msg = f"'{u.text}' is not a word: the source name '{u.detail}' made into a common noun"
            fix = f"keep the name '{u.detail}'"
        elif u.kind == "compound":
            msg = f"'{u.text}' is not a French word: an invented compound of English words ({u.detail})"
            fix = "translate the idea with French words"
        elif u.kind == "coinage":
            msg = f"'{u.text}' is a coined word of the source copied as is: French has no such word"
            fix = "translate what it means"
        elif u.kind == "unknown":
            msg = f"'{u.text}' is in no lexicon; check it is a word"
            fix = None
        else:
            continue
        yield Hit(u.start, u.end, msg, fix, severity=u.severity)


@rule(id="WORD004", name="misspelling", category="Linguistic conventions/Spelling", severity="minor")
def misspelling(ctx: Context) -> Iterable[Hit]:
    """A target word is unknown but one letter away from a common word.

    ## What it does
    For a target word that no lexicon knows (see WORD001) and that is not a name, looks
    for a common word (wordfreq Zipf ≥ 3) one edit away (a letter deleted, inserted,
    replaced, or two letters swapped) and suggests it. Lexicons built from the web also
    list frequent misspellings, so a lower-case word listed only rarely (Zipf < 2) is
    reported too when a word one edit away is some three hundred times more frequent.

    ## Why is this bad?
    Spelling errors make a translation look careless and can hide a wrong word.

    ## Example
    ```text
    bad (fr): Le gouvernemment a présenté son budget mardi.
    bad (fr): La protection de l’environement progresse lentement.
    good (fr): Le gouvernement a présenté son budget mardi.
    ```

    ## Options
    None.

    ## Known problems
    Accents are letters here: a missing accent that wordfreq also lists (common on the
    web) is not reported. A rare correct word one letter from a common one is reported
    (a word in quotes is not: it is a mention, often a brand).
    """
    for u in unknown_words(ctx):
        if u.kind == "misspelling":
            options = u.detail.split(" | ")
            yield Hit(u.start, u.end, f"'{u.text}' is not a word; did you mean "
                      + " or ".join(f"'{o}'" for o in options) + "?", options[0])


@functools.lru_cache(maxsize=None)
def false_friends() -> tuple[tuple[tuple[str, ...], tuple[str, ...], str, str], ...]:
    rows = []
    for row in data_rows("false_friends_en_fr.tsv"):
        en, fr, good, note = (row + ["", ""])[:4]
        rows.append((tuple(en.split("|")), tuple(fr.split("|")), good.replace("|", ", "), note))
    return tuple(rows)


@rule(id="WORD002", name="false-friend", category="Accuracy/Mistranslation", severity="minor",
      needs=("source", "alignment"))
def false_friend(ctx: Context) -> Iterable[Hit]:
    """An English word was rendered by its French false friend.

    ## What it does
    For English sources and French targets, looks in each aligned pair for an English
    word of the false-friends list (``toolkit/data/false_friends_en_fr.tsv``:
    *actually*, *eventually*, *library*, *achieve*, *to support*…) in the source and its
    look-alike (*actuellement*, *éventuellement*, *librairie*, *achever*, *supporter*…)
    in the aligned target, and suggests the usual correct renderings.

    ## Why is this bad?
    A false friend changes the meaning (*actuellement* means "currently", not "actually")
    while looking like a faithful translation, so readers do not notice.

    ## Example
    ```text
    source (en): The new library will eventually open on Sundays.
    bad (fr): La nouvelle librairie ouvrira à terme le dimanche.
    bad (fr): La nouvelle bibliothèque ouvrira éventuellement le dimanche.
    good (fr): La nouvelle bibliothèque ouvrira à terme le dimanche.
    ```

    ## Options
    None.

    ## Known problems
    Only the aligned pair is searched, so both words must be in it; a false friend that
    is right in its context (a bookshop in the source too) is reported.
    """
    if ctx.source is None or base_lang(ctx.source.lang) != "en" or base_lang(ctx.target.lang) != "fr":
        return
    table = false_friends()
    by_chunk = _false_friend_index()
    for bead, src, tgt in ctx.pairs():
        if not src or not tgt:
            continue
        key = case_key(" ".join(seg.text for seg in tgt))
        rows = sorted({n for word, ns in by_chunk.items() if word in key for n in ns})
        if not rows:
            continue  # no French look-alike in the target: nothing to report
        s_text = " ".join(s.text for s in src)
        for en_forms, fr_forms, good, note in (table[n] for n in rows):
            en = next((f for f in en_forms if any(True for _ in find_word(f, s_text))), None)
            if not en:
                continue
            for seg in tgt:
                for form in fr_forms:
                    for m in find_word(form, seg.text):
                        yield Hit(seg.start + m.start(), seg.start + m.end(),
                                  f"false friend: '{m.group()}' for English '{en}' ({note})", good,
                                  bead=bead.id)


@functools.lru_cache(maxsize=None)
def _false_friend_index() -> dict[str, tuple[int, ...]]:
    """First word of each French form (see ``lexicon.may_contain``) → rows of the list holding it."""
    index: dict[str, set[int]] = {}
    for n, (_, fr_forms, _, _) in enumerate(false_friends()):
        for form in fr_forms:
            index.setdefault(first_word_key(form), set()).add(n)
    return {k: tuple(sorted(v)) for k, v in index.items()}


REPEAT_RE = re.compile(r"(?<![\w’'-])([^\W\d_]+)(\s+)(\1)(?![\w’'-])", re.I)


@rule(id="WORD003", name="repeated-word", category="Linguistic conventions/Grammar", severity="minor",
      needs_translation=False)
def repeated_word(ctx: Context) -> Iterable[Hit]:
    """The same word is written twice in a row.

    ## What it does
    Finds a word immediately repeated (*le le*, *de de*), ignoring case. Legitimate
    doublings are kept: French reflexive *nous nous*, *vous vous*, *faire faire*,
    reduplicated interjections (*oui oui*), and capitalised pairs (place names such as
    *Bora Bora*). The list is ``toolkit/data/lexicon_doublings.tsv``.

    ## Why is this bad?
    A doubled word is a visible slip that makes the sentence ungrammatical.

    ## Example
    ```text
    bad (fr): Le chef a ajouté le le sel en fin de cuisson.
    good (fr): Le chef a ajouté le sel en fin de cuisson.
    good (fr): Nous nous retrouverons à Bora Bora en juillet.
    ```

    ## Options
    None.

    ## Known problems
    A repetition across a line break inside a paragraph is found; one across two
    segments is not.
    """
    lang = base_lang(ctx.target.lang)
    allowed = doublings()
    text = ctx.target.text
    for seg in ctx.article_segments():
        for m in REPEAT_RE.finditer(text, seg.start, seg.end):
            word = m.group(1)
            if (lang, word.lower()) in allowed or m.group(3)[0].isupper() or "\n\n" in m.group(2):
                continue
            yield Hit(m.start(1), m.end(3), f"'{word}' is repeated", word)


RULES = (non_word, false_friend, repeated_word, misspelling)
