"""REVIEW — hints for a person (severity ``neutral``: they never fail a build)."""
from __future__ import annotations

from typing import Iterable

from .base import Context, Hit, rule

THRESHOLD = 0.5


@rule(id="REVIEW001", name="low-confidence-alignment", category="Review/Low-confidence alignment",
      severity="neutral", needs=("source", "alignment"), needs_translation=False)
def low_confidence_alignment(ctx: Context) -> Iterable[Hit]:
    """The aligner is unsure that these source and target sentences match.

    ## What it does
    Reports each alignment bead whose confidence is below the threshold (0.5 by
    default). The span is the bead's target text; for a 1-0 bead (no target) it is the
    first character of the next target sentence. The message gives the confidence and
    the bead type (`2-1`: two source sentences for one target sentence, `1-0`: a
    source sentence with no target…); the finding carries the source text too. A
    reviewer reads the source and target side by side: a wrong sentence, a reordering
    or a loose paraphrase is the usual cause. The hint is `neutral`: it never fails a
    build and does not count in the MQM score.

    ## Why is this bad?
    It is not an error in itself. But the rules that compare a sentence with its
    source (numbers, terms, omissions) are only as good as the alignment: where it is
    unsure, their silence proves little, so a person should look.

    ## Example
    ```text
    source (en): The orchestra tours Japan in May. Rehearsals start next week in Lyon.
    beads: [0]:[0] 0.35; [1]:[1] 0.9
    bad (fr): L’orchestre part en tournée au Japon en mai. Les répétitions commencent la semaine prochaine à Lyon.
    ```
    ```text
    source (en): The orchestra tours Japan in May. Rehearsals start next week in Lyon.
    beads: [0]:[0] 0.95; [1]:[1] 0.9
    good (fr): L’orchestre part en tournée au Japon en mai. Les répétitions commencent la semaine prochaine à Lyon.
    ```
    (A `beads:` line fixes the alignment of an example, with each bead's confidence,
    so the example does not depend on the aligner's scores.)

    ## Options
    `review_min_confidence` (default 0.5): beads below it are reported.

    ## Known problems
    Confidences are the aligner's own estimate and are not calibrated probabilities:
    short sentences and headings often get lower values although they are aligned
    correctly.
    """
    threshold = float(ctx.options.get("review_min_confidence", THRESHOLD))
    pairs = list(ctx.pairs())
    for k, (bead, src, tgt) in enumerate(pairs):
        if bead.confidence >= threshold:
            continue
        if tgt:
            start, end = tgt[0].start, tgt[-1].end
        else:
            nxt = next((p[2][0] for p in pairs[k + 1:] if p[2]), None)
            prv = next((p[2][-1] for p in reversed(pairs[:k]) if p[2]), None)
            if nxt is not None:
                start, end = nxt.start, nxt.start + 1
            elif prv is not None:
                start, end = prv.end - 1, prv.end
            else:
                continue
        source = (src[0].start, src[-1].end) if src else None
        yield Hit(start, end,
                  f"Low-confidence alignment ({bead.confidence:.2f}, {bead.kind} bead): check that "
                  "source and target say the same thing.",
                  "Read the source and target side by side; fix the translation if they differ.",
                  source=source, bead=bead.id)


RULES = (low_confidence_alignment,)
