"""Sentence alignment without neural models (see ``aligner.py``).

``align_sentences(src, tgt, src_lang=…, tgt_lang=…)`` returns monotone
:class:`~toolkit.model.Bead` objects (1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1) with a
confidence in [0, 1]; ``io.read_presegmented`` and ``io.render`` read and write the
one-sentence-per-line benchmark format.
"""
from .aligner import align_sentences

__all__ = ["align_sentences"]
