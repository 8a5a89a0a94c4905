"""French gender and number agreement, folded away for term matching.

A glossary gives a term in the masculine singular (*contrôlé*, *principal*,
*investigateur*); a text agrees it with the noun it qualifies or the person it names
(*contrôlée*, *principales*, *investigatrice*). :func:`masculine` maps a folded French word
(see :func:`toolkit.textutil.fold`) to the masculine singular forms it may be the
feminine or plural of, so that both sides of a comparison meet on one key.

The endings are those of the regular feminine and plural of French adjectives and
agent nouns (Grevisse, *Le Bon Usage*, §§ 496–506 and 540–548): -é/-ée, -al/-ale/-aux,
-eur/-euse/-eure, -teur/-trice, -ien/-ienne, -en/-enne, -on/-onne, -el/-elle, -et/-ette,
-et/-ète, -er/-ère, -if/-ive, -eux/-euse, -ant/-ante, -ent/-ente, -ais/-aise, -ois/-oise,
-u/-ue, -i/-ie. A bare final -e is not dropped (*porte* is not *port*).
"""
from __future__ import annotations

import functools

# (feminine or plural ending, masculine singular ending), folded (no accents)
ENDINGS = (
    ("ees", "e"), ("ee", "e"),
    ("ales", "al"), ("ale", "al"), ("aux", "al"),
    ("trices", "teur"), ("trice", "teur"),
    ("euses", "eur"), ("euse", "eur"), ("euses", "eux"), ("euse", "eux"), ("eures", "eur"), ("eure", "eur"),
    ("iennes", "ien"), ("ienne", "ien"), ("ennes", "en"), ("enne", "en"),
    ("onnes", "on"), ("onne", "on"), ("elles", "el"), ("elle", "el"),
    ("ettes", "et"), ("ette", "et"), ("etes", "et"), ("ete", "et"),
    ("eres", "er"), ("ere", "er"), ("ives", "if"), ("ive", "if"),
    ("antes", "ant"), ("ante", "ant"), ("entes", "ent"), ("ente", "ent"),
    ("aises", "ais"), ("aise", "ais"), ("oises", "ois"), ("oise", "ois"),
    ("ues", "u"), ("ue", "u"), ("ies", "i"), ("ie", "i"),
)
MIN_STEM = 3  # letters left before the ending


@functools.lru_cache(maxsize=65_536)
def masculine(folded: str) -> frozenset:
    """Masculine singular forms that ``folded`` may agree (empty when it has no such ending)."""
    out = set()
    for fem, masc in ENDINGS:
        if folded.endswith(fem) and len(folded) - len(fem) >= MIN_STEM:
            out.add(folded[:len(folded) - len(fem)] + masc)
    return frozenset(out)
