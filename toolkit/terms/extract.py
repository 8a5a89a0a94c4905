"""Source terms and their target renderings, learnt from the aligned beads of an article
without a glossary.

* **Source terms**: names of the name layer (:mod:`toolkit.knowledge.names`) in any source;
  in a Chinese source, CC-CEDICT words of two characters or more that are nouns (a proper
  noun, or a word whose glosses are not verbs, "to …", nor function words) and compounds
  of two or three adjacent dictionary words (自动 + 驾驶); in a
  Latin-script source, capitalised names and runs of two or three content words. A term
  counts when it occurs in two beads or more (or once, for a name of the name layer).
* **Renderings**: for each term, the target word run (one to four tokens, starting and
  ending with a content word) that is most associated with it over the beads (Dice
  coefficient of the beads holding the term and the beads holding the run, keys compared
  by lemma so that inflections count as one rendering). A name of the name layer whose
  established rendering is in the aligned target gets that rendering at once.
* **Variants**: where the term occurs but its usual rendering is missing, a run of nouns
  and adjectives as long as the usual rendering (in content words) that keeps all of its
  words but one and replaces that one (*conduite autonome complète* for *conduite
  entièrement autonome*), or that keeps the name's own word and translates the others
  (*Trophée de Marlow* for *Marlow Trophy*): the rendering changed within the article. A
  run that only adds or only drops words (a longer or a shorter mention) is not a variant.

:func:`extract` returns the pairs of one article (cached per article); the TERM005 rule and
``mtqa glossary extract`` read them.
"""
from __future__ import annotations

from collections import OrderedDict, defaultdict
from dataclasses import dataclass, field

from ..lexicon import zipf
from ..model import Article
from ..readers.base import base_lang
from ..textutil import fold, is_cjk_lang
from .analysis import document_tokens
from .sources import source_terms, stop_words as _stop_words
from .text import Token, singular, tokenize

MAX_RUN = 4           # tokens in a rendering
MIN_DICE = 0.5        # association of a term and its rendering
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "X", ""}  # "" : no analyser for the language
VERB_POS = {"VERB", "AUX"}
NAME_ORIGINS = ("name-layer", "source-name")
_CACHE: "OrderedDict[tuple, list[Pair]]" = OrderedDict()


@dataclass
class Place:
    bead: int
    source: tuple[int, int]
    target: tuple[int, int] | None  # None: neither the usual rendering nor a variant is there
    text: str | None = None          # the target text there
    kind: str = "usual"              # usual | variant | miss


@dataclass
class Pair:
    """A source term, its usual rendering, and where each occurrence was rendered how."""

    source: str
    target: str                 # the usual rendering as first written
    count: int                  # beads where the term and its rendering meet
    occurrences: int            # beads holding the term
    confidence: float
    origin: str  # name-layer | proper-noun | compound | dictionary | source-name | cooccurrence

    @property
    def specific(self) -> bool:
        """A name or a compound term: one thing, whose rendering should not change (a
        single common word may fairly be rendered in several ways)."""
        return self.origin != "dictionary"
    places: list[Place] = field(default_factory=list)

    @property
    def variants(self) -> list[Place]:
        return [p for p in self.places if p.kind == "variant"]


def _key(tok: Token) -> str:
    """A token's comparison key: its folded lemma when it has one, else its singular."""
    lemma = fold(tok.lemma) if tok.lemma else ""
    return lemma if lemma and lemma.isalpha() else singular(fold(tok.text))


def _nominal(tok: Token) -> bool:
    """A noun, adjective or name (a capitalised word whatever its tag: the small tagger
    often mistakes a foreign name for a determiner or a verb)."""
    return tok.pos in CONTENT_POS or tok.text[:1].isupper()


def _content(tok: Token, stops: frozenset) -> bool:
    return tok.is_word and _content_word(tok.text, stops)


def _content_word(text: str, stops: frozenset) -> bool:
    """:func:`_content` of a token known to be a word."""
    return text[:1].isalpha() and len(text) > 1 and fold(text) not in stops


# -- target runs ---------------------------------------------------------------------------

def _runs(toks: list[Token], stops: frozenset) -> list[tuple[tuple[str, ...], int, int]]:
    """Runs of 1..MAX_RUN tokens that start and end with a content word, with no
    punctuation and no verb inside (a term, not a clause): (keys, index of the first
    token, index after the last)."""
    out = []
    n = len(toks)
    # each token's facts once (a token is in up to MAX_RUN runs)
    word = [t.is_word for t in toks]
    ends = [w and _content_word(t.text, stops) and _nominal(t) for t, w in zip(toks, word)]
    stop = [not w or (t.pos in VERB_POS and not t.text[:1].isupper()) for t, w in zip(toks, word)]
    keys_at: list[str | None] = [None] * n
    for i in range(n):
        if not ends[i]:
            continue
        keys: list[str] = []
        for j in range(i, min(i + MAX_RUN, n)):
            if stop[j]:
                break
            k = keys_at[j]
            if k is None:
                k = keys_at[j] = _key(toks[j])
            keys.append(k)
            if ends[j]:
                out.append((tuple(keys), i, j + 1))
    return out


def extract(article: Article) -> list["Pair"]:
    """The term pairs of ``article`` (needs a source and an alignment); cached."""
    if article.source is None or not article.beads or is_cjk_lang(base_lang(article.target.lang)):
        return []
    key = (article.name, article.target.text, article.source.text, article.beads)
    if key not in _CACHE:
        _CACHE[key] = _extract(article)
        if len(_CACHE) > 16:
            _CACHE.popitem(last=False)
    return _CACHE[key]


def _extract(article: Article) -> list[Pair]:
    from ..knowledge import names

    tgt = article.target
    lang = base_lang(tgt.lang)
    stops = _stop_words(lang)
    beads = article.beads
    terms = source_terms(article)
    if not terms:
        return []
    # names are matched by their written form; only dictionary terms (Chinese sources)
    # need the tagger and lemmas, and only where they occur
    tagged = {i for origin, occs in terms.values() for k, _, _ in occs
              if origin not in NAME_ORIGINS for i in beads[k].tgt}
    tokens = _target_tokens(article, tagged)
    bead_toks = [[t for i in b.tgt for t in tokens[i]] for b in beads]
    bead_runs = [_runs(ts, stops) for ts in bead_toks]
    in_beads: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for k, runs in enumerate(bead_runs):
        for keys, _, _ in runs:
            in_beads[keys].add(k)
    table = names.load()
    out = []
    for term, (origin, occs) in terms.items():
        term_beads = {k for k, _, _ in occs}
        pair = None
        if origin == "name-layer":
            pair = _named(term, occs, table, bead_toks, tgt.text, lang)
        if pair is None and len(term_beads) >= 2:
            pair = _associated(term, "cooccurrence" if origin == "name-layer" else origin, occs, term_beads, bead_toks, bead_runs, in_beads, tgt.text)
        if pair is not None:
            if pair.origin != "name-layer":
                _widen(pair, term_beads, bead_toks, bead_runs, in_beads, tgt.text, stops)
            out.append(pair)
    # a variant must be a run of nouns and adjectives: tag the sentences where one is sought
    todo = sorted({i for p in out if p.count >= 2 for x in p.places if x.kind == "miss"
                   for i in beads[x.bead].tgt} - tagged)
    if todo:
        segs = tgt.segments
        for i, toks in zip(todo, tokenize([(segs[i].text, segs[i].start) for i in todo], lang)):
            tokens[i] = toks
        bead_toks = [[t for i in b.tgt for t in tokens[i]] for b in beads]
    for pair in out:
        _variants(pair, bead_toks, tgt.text, stops)
    return _compete(out)


def _target_tokens(article: Article, needed: set[int]) -> list[list[Token]]:
    """Target tokens per segment: tagged and lemmatised where a source term occurs (the
    statistical analyser is the costly part), surface keys only elsewhere (enough to count
    how often a word run occurs in the article)."""
    segs = article.target.segments
    lang = base_lang(article.target.lang)
    if needed and len(needed) * 2 >= len(segs):
        return list(document_tokens(article.target))
    out: list[list[Token]] = [[] for _ in segs]
    for lemmas, ids in ((True, sorted(needed)), (False, [i for i in range(len(segs)) if i not in needed])):
        if not ids:
            continue
        for i, toks in zip(ids, tokenize([(segs[i].text, segs[i].start) for i in ids], lang, lemmas)):
            out[i] = toks
    return out


RANK = {"name-layer": 0, "cooccurrence": 1, "source-name": 1, "proper-noun": 2, "compound": 3,
        "dictionary": 4}


def _compete(pairs: list[Pair]) -> list[Pair]:
    """One rendering, one source term (competitive linking): a rendering claimed by several
    terms stays with the best associated, names and longer terms first on ties."""
    best: dict[str, Pair] = {}
    for p in pairs:
        k = " ".join(singular(w) for w in fold(p.target).split())
        rank = (-p.confidence, RANK.get(p.origin, 5), -len(p.source), -p.count)
        if k not in best or rank < (-best[k].confidence, RANK.get(best[k].origin, 5),
                                    -len(best[k].source), -best[k].count):
            best[k] = p
    keep = {id(p) for p in best.values()}
    return [p for p in pairs if id(p) in keep]


def _named(term, occs, table, bead_toks, text: str, lang: str) -> Pair | None:
    from ..knowledge import names

    (name, *_) = table.lookup(term)
    forms = list(name.accepted(lang))
    if name.kind == "person":  # "Musk" for Elon Musk once introduced
        forms += [f.split()[-1] for f in forms if " " in f]
    accepted = {_name_key(a): a for a in forms}
    # the key of a span begins with the first character of its first token's key: a token
    # whose key begins otherwise cannot start an accepted form ("" : tried all the same)
    firsts = None if "" in accepted else {a[0] for a in accepted} | {""}
    places, seen = [], []
    for k, s, e in occs:
        hit = None
        toks = bead_toks[k]
        for i in range(len(toks)):
            if not toks[i].is_word or firsts is not None and _key_start(toks[i].text) not in firsts:
                continue
            for j in range(i + 1, min(i + MAX_RUN + 2, len(toks) + 1)):
                if toks[j - 1].is_word and _name_key(text[toks[i].start:toks[j - 1].end]) in accepted:
                    hit = (toks[i].start, toks[j - 1].end)
            if hit:
                break
        places.append(Place(k, (s, e), hit, text[hit[0]:hit[1]] if hit else None,
                            "usual" if hit else "miss"))
        if hit:
            seen.append(text[hit[0]:hit[1]])
    if not seen:
        return None
    return Pair(term, seen[0], len(seen), len(occs), 1.0, "name-layer", places)


def _key_start(word: str) -> str:
    """The first character of :func:`_name_key` of any text that begins with ``word``
    (a word: it holds a letter or a digit, which the key keeps)."""
    from ..knowledge import names

    return names.key(word)[:1]


def _name_key(text: str) -> str:
    """names.key with each word's plural stripped: "dollars de X" = "dollar de X"."""
    from ..knowledge import names

    return "".join(singular(names.key(w)) for w in text.split())


def _associated(term, origin, occs, term_beads, bead_toks, bead_runs, in_beads, text) -> Pair | None:
    best = None
    for keys in {keys for k in term_beads for keys, _, _ in bead_runs[k]}:
        both = len(in_beads[keys] & term_beads)
        if both < 2:
            continue
        dice = 2 * both / (len(term_beads) + len(in_beads[keys]))
        score = (round(dice, 3), len(keys))
        if dice >= MIN_DICE and (best is None or score > best[0]):
            best = (score, keys, both)
    if best is None:
        return None
    (dice, _), keys, both = best
    places, first = [], None
    for k, s, e in occs:
        span = next(((bead_toks[k][i].start, bead_toks[k][j - 1].end)
                     for ks, i, j in bead_runs[k] if ks == keys), None)
        places.append(Place(k, (s, e), span, text[span[0]:span[1]] if span else None,
                            "usual" if span else "miss"))
        if span and first is None:
            first = text[span[0]:span[1]]
    confidence = round(dice * (1.0 if both >= 3 else 0.8), 2)
    return Pair(term, first, both, len(term_beads), confidence, origin, places)


def _widen(pair: Pair, term_beads: set[int], bead_toks, bead_runs, in_beads, text: str, stops) -> None:
    """Grow the rendering over the neighbouring words that go with the term too (seen in
    two of its beads or more, and mostly there): *autonome* → *conduite entièrement
    autonome*. The widest form seen twice becomes the usual rendering; an occurrence
    with another form is left for :func:`_variants` to judge."""
    with_term: dict[str, int] = defaultdict(int)
    # one-word runs seen in two of the term's beads or more: only those of its beads count
    for keys in {keys for k in term_beads for keys, _, _ in bead_runs[k] if len(keys) == 1}:
        beads = in_beads[keys]
        both = len(beads & term_beads)
        if both >= 2 and 2 * both / (len(term_beads) + len(beads)) >= MIN_DICE:
            with_term[keys[0]] = both
    forms: dict[tuple[str, ...], list[tuple[Place, int, int]]] = defaultdict(list)
    for p in pair.places:
        if p.target is None:
            continue
        toks = bead_toks[p.bead]
        i = next(n for n, t in enumerate(toks) if t.start >= p.target[0])
        j = next(n for n, t in enumerate(toks) if t.end >= p.target[1]) + 1
        while i > 0 and _joins(toks, i - 1, with_term, stops, -1):
            i -= 1
        while j < len(toks) and _joins(toks, j, with_term, stops, 1):
            j += 1
        while j - i > 1 and not _content(toks[j - 1], stops):
            j -= 1
        while j - i > 1 and not _content(toks[i], stops):
            i += 1
        key = tuple(_key(t) for t in toks[i:j] if _content(t, stops))
        forms[key].append((p, toks[i].start, toks[j - 1].end))
    best = max(forms.items(), key=lambda kv: (len(kv[1]), len(kv[0])), default=None)
    if best is None or len(best[1]) < 2 or len(best[0]) < 2:
        return
    pair.target = text[best[1][0][1]:best[1][0][2]]
    for key, places in forms.items():
        for p, a, b in places:
            if key == best[0]:
                p.target, p.text = (a, b), text[a:b]
            elif not set(best[0]) <= set(key):  # a longer mention holds the usual one: keep it
                p.target, p.text, p.kind = None, None, "miss"
    pair.count = len(best[1])


def _joins(toks, n: int, with_term: dict, stops, step: int) -> bool:
    """Token ``n`` belongs to the rendering: a word that goes with the term, or a
    function word (de, du) between two such words."""
    t = toks[n]
    if not t.is_word or (t.pos in VERB_POS and not t.text[:1].isupper()):
        return False
    if _key(t) in with_term and _content(t, stops):
        return True
    nxt = n + step
    return fold(t.text) in stops and 0 <= nxt < len(toks) and toks[nxt].is_word and \
        _key(toks[nxt]) in with_term and _content(toks[nxt], stops) and len(t.text) <= 3


def _variants(pair: Pair, bead_toks, text: str, stops: frozenset) -> None:
    """Fill the places where the usual rendering is missing with a variant of it, if any."""
    usual = [t for t in _tokens_of(pair.target, bead_toks, pair) if _content(t, stops)]
    want = {_key(t) for t in usual}
    if len(want) < 2:
        return  # a one-word rendering has no "other words" to change
    # a name's own word (capitalised, no French word): a variant keeping it may translate
    # the rest of the name differently (a company's descriptive words, in another language)
    distinctive = {_key(t) for t in usual if t.text[:1].isupper() and zipf(fold(t.text), "fr") < 2.0}
    for p in pair.places:
        if p.target is not None:
            continue
        toks = bead_toks[p.bead]
        best = None
        for i in range(len(toks)):
            for j in range(i + 1, min(i + len(usual) + 2, len(toks) + 1)):
                run = toks[i:j]
                if not all(t.is_word for t in run) or not _content(run[0], stops) or \
                        not _content(run[-1], stops):
                    continue
                content = [t for t in run if _content(t, stops)]
                if not all(_nominal(t) for t in content):
                    continue  # a verb or an adverb: a clause, not a term
                got = {_key(t) for t in content}
                shared, extra = got & want, got - want
                if _shortened(content, usual, want, distinctive):
                    continue
                if len(got) == len(want) and extra and (len(shared) >= max(1, len(want) - 1) or
                                                        shared & distinctive):
                    score = (len(shared), -len(extra), -len(run))
                    if best is None or score > best[0]:
                        best = (score, run[0].start, run[-1].end)
        if best is not None:
            p.target = (best[1], best[2])
            p.text = text[best[1]:best[2]]
            p.kind = "variant"


def _shortened(content: list[Token], usual: list[Token], want: set[str], distinctive: set[str]) -> bool:
    """A shorter mention of the usual rendering, not another rendering of it: it drops
    only a name's own words and adds only lower-case words (*bus électriques en service*
    where the usual is *bus électriques Nordia*: a name is not rendered by a common
    word), or it keeps the usual's first (or last) words in order and adds lower-case
    adjectives on the side away from the words it drops (*premiers bus électriques*)."""
    keys = [_key(t) for t in content]
    order = [_key(t) for t in usual]
    extra = [t for t in content if _key(t) not in want]
    dropped = want - set(keys)
    if extra and dropped and dropped <= distinctive and all(t.text[:1].islower() for t in extra):
        return True
    if not extra or not all(t.pos == "ADJ" and t.text[:1].islower() for t in extra):
        return False
    for k in range(1, len(order)):
        if keys == [_key(t) for t in extra] + order[:k] or keys == order[-k:] + [_key(t) for t in extra]:
            return True
    return False


def _tokens_of(rendering: str, bead_toks, pair: Pair) -> list[Token]:
    for p in pair.places:
        if p.target is not None and p.text == rendering:
            return [t for t in bead_toks[p.bead] if p.target[0] <= t.start and t.end <= p.target[1]]
    return []
