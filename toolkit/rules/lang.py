"""LANG — a target segment written in another language than the target language."""
from __future__ import annotations

from typing import Iterable

from ..lexicon import fold_word, letter_scripts, tokens, words, zipf
from ..readers.base import base_lang, langdetect_best
from .base import Context, Hit, rule

# Languages whose text is written in the Latin script.
LATIN_LANGS = {"fr", "en", "de", "es", "it", "pt", "nl", "ca", "ro", "pl", "cs", "sk", "sv",
               "da", "no", "nb", "fi", "et", "lv", "lt", "hu", "hr", "sl", "tr", "id", "ms",
               "vi", "sq", "eu", "gl", "af", "sw", "tl", "cy", "ga", "is", "mt"}
SCRIPT_LANGS = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "zh": "han", "ja": "kana",
                "ko": "hangul", "ar": "arabic", "el": "greek", "he": "hebrew", "th": "thai"}
MIN_LETTERS = 40   # langdetect judges nothing shorter
MIN_WORDS = 5
MIN_PROB = 0.9
MAX_NAME_SHARE = 0.5
# A sample two thirds of whose lower-case words (at least MIN_WORDS of them) are plainly
# target language (listed with Zipf ≥ 2 there and more frequent there than in English) is
# not sent to langdetect: it is in the target language. Sentences of other languages stay
# far below (under one half). Capitalised words (names) say nothing about the language.
TARGET_SHARE = 2 / 3
TARGET_ZIPF = 2.0


def expected_script(lang: str) -> str | None:
    lang = base_lang(lang)
    return "latin" if lang in LATIN_LANGS else SCRIPT_LANGS.get(lang)




def plainly_target(sample: str, tgt_lang: str) -> bool:
    """Most lower-case words of ``sample`` are common words of ``tgt_lang`` rather than English ones."""
    lower = [w.lower() for w in sample.split() if w[:1].islower()]
    if len(lower) < MIN_WORDS:
        return False
    plain = 0
    for w in lower:
        z = zipf(w, tgt_lang)
        if z >= TARGET_ZIPF and z > zipf(w, "en"):
            plain += 1
    return plain >= TARGET_SHARE * len(lower)


def _shared_with_source(ctx: Context) -> set[str]:
    def build():
        return {fold_word(w) for w in words(ctx.source.text, split_elision=True)} if ctx.source else set()

    return ctx.memo("lang-source-words", build)


def _judgeable(ctx: Context, text: str) -> str | None:
    """The words langdetect may judge: names, codes, numbers and source words left out."""
    shared = _shared_with_source(ctx)
    toks = tokens(text, split_elision=False)
    if len(toks) < MIN_WORDS:
        return None
    names = sum(1 for t in toks if (t.text[:1].isupper() and not t.initial) or t.has_digit)
    if names / len(toks) > MAX_NAME_SHARE:
        return None
    # capitalised words stay in the sample: German nouns are capitalised too
    kept = [t.text for t in toks if not t.has_digit and fold_word(t.text) not in shared]
    if len(kept) < MIN_WORDS or sum(len(w) for w in kept) < MIN_LETTERS:
        return None
    return " ".join(kept)


@rule(id="LANG001", name="wrong-language", category="Accuracy/Untranslated", severity="major")
def wrong_language(ctx: Context) -> Iterable[Hit]:
    """A target sentence is written in another language than the target language.

    ## What it does
    First a script check: a sentence of a Latin-script target whose letters are mostly of
    another script (Cyrillic, Han, Arabic…) is flagged. Then, for sentences of at least
    five words and 40 letters once names, numbers and words shared with the source are
    set aside, langdetect (seeded, so results are stable) is asked for the language; the
    sentence is flagged when another language wins with probability ≥ 0.9 and most of its
    words are at least as frequent in that language as in the target language (wordfreq,
    a second opinion against langdetect's confusions of close languages). Sentences of
    one to four words are never judged by langdetect, and sentences made mostly of names
    are skipped. A run of the source's own script is left to UNTR001.

    ## Why is this bad?
    Text in a third language, or left in the source language, is not a translation: the
    reader cannot use it. The category is *Accuracy/Untranslated* whatever the language,
    because the segment was not rendered into the target language.

    ## Example
    ```text
    source (zh): 比赛因大雨推迟到周日。
    bad (fr): Das Spiel wurde wegen des starken Regens auf Sonntag verschoben, sagte der Verein.
    good (fr): Le match a été reporté à dimanche en raison de fortes pluies, a indiqué le club.
    ```
    ```text
    bad (fr): Встреча состоится в понедельник утром.
    good (fr): La réunion aura lieu lundi matin.
    good (fr): Ok, super.
    ```

    ## Options
    None.

    ## Known problems
    A quotation deliberately kept in its language (a motto, a song title) is flagged when it
    is long enough and not shared with the source. langdetect is unreliable on short or
    mixed sentences, hence the length limits.
    """
    tgt_lang = base_lang(ctx.target.lang)
    want = expected_script(tgt_lang)
    src_script = None
    if ctx.source is not None:
        counts = letter_scripts(ctx.source.text)
        src_script = max(counts, key=counts.get) if counts else None
    for seg in ctx.article_segments():
        counts = letter_scripts(seg.text)
        letters = sum(counts.values())
        if not letters:
            continue
        if want:
            other = {s: n for s, n in counts.items() if s not in (want, "common", "other")}
            if other:
                script, n = max(other.items(), key=lambda kv: kv[1])
                if n / letters > 0.5:
                    if script != src_script:  # a run of the source's script is UNTR001's
                        yield Hit(seg.start, seg.end, f"this sentence is written in the {script} script, "
                                  f"not in the target language ({tgt_lang})", "translate the sentence")
                    continue
        sample = _judgeable(ctx, seg.text)
        if sample is None or plainly_target(sample, tgt_lang):
            continue
        lang, prob = langdetect_best(sample)
        if lang not in ("und", tgt_lang) and prob >= MIN_PROB and not _close(lang, tgt_lang) \
                and _lexical_vote(sample, lang, tgt_lang) >= 0.5:
            yield Hit(seg.start, seg.end, f"this sentence looks written in '{lang}' (p={prob:.2f}), "
                      f"not in the target language ({tgt_lang})", "translate the sentence")


def _lexical_vote(sample: str, lang: str, tgt_lang: str) -> float:
    """Share of words at least as frequent in ``lang`` as in ``tgt_lang`` (wordfreq): a second
    opinion that keeps langdetect from calling a French sentence Catalan."""
    words = [w.lower() for w in sample.split()]
    return sum(1 for w in words if zipf(w, lang) >= zipf(w, tgt_lang)) / max(len(words), 1)


def _close(a: str, b: str) -> bool:
    """Languages langdetect confuses with each other, never reported against one another."""
    groups = ({"no", "nb", "da", "sv"}, {"hr", "sr", "bs", "sl"}, {"id", "ms"}, {"cs", "sk"})
    return any(a in g and b in g for g in groups)


RULES = (wrong_language,)
