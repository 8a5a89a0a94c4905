"""Shared helpers for rule tests: build a small article and run one rule on it."""
from toolkit.engine import run_rules
from toolkit.model import Article, Bead
from toolkit.readers import from_text
from toolkit.rules import RULES_BY_ID
from toolkit.segment import segment

NB, NN = "\u00a0", "\u202f"  # no-break space, narrow no-break space


def parallel_article(text, source=None, lang="fr", src_lang="en", path=None):
    """An article whose sentences are paired in order (the tests use parallel texts),
    so that rule tests do not depend on the aligner."""
    tgt = segment(from_text(text, path or f"mt.{lang}.txt", lang))
    src = segment(from_text(source, f"source.{src_lang}.txt", src_lang)) if source is not None else None
    beads = ()
    if src is not None:
        beads = tuple(Bead(i, (i,), (i,)) for i in range(min(len(src.segments), len(tgt.segments))))
    return Article("t", tgt, src, None, None, beads)


def check(rule_id, text, **kw):
    """Findings of one rule on ``text`` (keyword arguments as for parallel_article)."""
    return list(run_rules(parallel_article(text, **kw), rules=[RULES_BY_ID[rule_id]]))
