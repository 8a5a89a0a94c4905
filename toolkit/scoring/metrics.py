"""Reference metrics with sacrebleu (BLEU, chrF++, TER), each with its signature."""
from __future__ import annotations

from ..model import Article


def _article_lines(doc, chrome=()) -> list[str]:
    return [doc.text[b.start:b.end].replace("\n", " ") for b in doc.blocks]


def reference_metrics(article: Article) -> dict:
    """Document-level scores of the target against the reference, paragraph by paragraph.

    Paragraphs are paired in order; the target is cut to as many paragraphs as the
    reference has (trailing page chrome would otherwise count as insertions).
    """
    from sacrebleu.metrics import BLEU, CHRF, TER

    ref = _article_lines(article.reference)
    hyp = _article_lines(article.target)[: len(ref)]
    hyp += [""] * (len(ref) - len(hyp))
    out = {}
    for name, metric in (("bleu", BLEU()), ("chrf++", CHRF(word_order=2)), ("ter", TER())):
        score = metric.corpus_score(hyp, [ref])
        out[name] = {"score": round(score.score, 2), "signature": str(metric.get_signature())}
    return out
