"""Surface tokens of a document, without lemmas, for term discovery.

Discovery compares written forms only (variant keys, see :func:`text.vkey`), so it cuts
tokens with :func:`text.split` (the same tokens as :func:`text.tokenize`, same indices)
and never runs a statistical analyser. Each token is a tuple
``(start, end, text, vkey, tkey, is_word)``; offsets are document offsets.

:meth:`DocumentWords.find_rendering` looks a variant key up in some segments: a segment
whose joined word keys do not contain it is skipped at once, and in the others only the
word runs that stay a prefix of the key are followed.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Sequence

from ..model import Document
from ..readers.base import base_lang
from ..textutil import is_cjk_lang
from .matcher import Match
from .text import apos, split, vkey

MAX_GRAM = 4  # words in a rendering of a source name
WordTok = tuple  # (start, end, text, vkey, tkey, is_word)


def tkey(text: str) -> str:
    """Target variant key: lower case, without spaces and hyphens; accents and apostrophes
    kept (basé/base and qu'elle/quelle are different words, not variants)."""
    return "".join(c for c in apos(text).lower() if c.isalnum() or c == "'")


class DocumentWords:
    """Surface tokens of each segment of a document (by position in ``doc.segments``)."""

    def __init__(self, doc: Document):
        self.doc = doc
        cjk = is_cjk_lang(base_lang(doc.lang))
        keys: dict[str, tuple[str, str, bool]] = {}
        seen: dict[str, list[WordTok]] = {}  # segment text -> its tokens at offset 0
        self.tokens: list[list[WordTok]] = []
        for seg in doc.segments:
            rel = seen.get(seg.text)
            if rel is None:
                rel = seen[seg.text] = []
                for s, e, t in ([] if cjk else split(seg.text)):
                    k = keys.get(t)
                    if k is None:
                        k = keys[t] = (vkey(t), tkey(t), any(c.isalnum() for c in t))
                    rel.append((s, e, t) + k)
            base = seg.start
            self.tokens.append([(s + base, e + base, t, v, k, w) for s, e, t, v, k, w in rel])
        self._joined: dict[int, str] = {}

    def joined(self, n: int) -> str:
        """The variant keys of the words of segment ``n`` run together: a key that is not
        in it is not in the segment (a quick filter before a token scan)."""
        got = self._joined.get(n)
        if got is None:
            got = self._joined[n] = "".join(t[3] for t in self.tokens[n] if t[5])
        return got

    def find_rendering(self, key: str, seg_ids: Sequence[int], used: set) -> Match | None:
        """The first run of 1..MAX_GRAM words (in reading order over ``seg_ids``) whose
        variant key is ``key``; else the first single word that starts like it (a
        respelling: all but the last letter of ``key``, at most three letters longer);
        spans in ``used`` are skipped."""
        fuzzy = len(key) >= 4
        probe = key[:-1] if fuzzy else key
        segs = [si for si in seg_ids if probe in self.joined(si)]
        for si in segs:
            toks = self.tokens[si]
            for i, tok in enumerate(toks):
                if not tok[5] or not key.startswith(tok[3]):
                    continue
                acc = ""
                for j in range(i, min(i + MAX_GRAM, len(toks))):
                    if not toks[j][5]:
                        break
                    acc += toks[j][3]
                    if acc == key:
                        m = self._match(si, i, j, "accepted", used)
                        if m is not None:
                            return m
                    elif not key.startswith(acc):
                        break
        if not fuzzy:
            return None
        for si in segs:
            toks = self.tokens[si]
            for i, tok in enumerate(toks):
                acc = tok[3]
                if (tok[5] and acc != key and acc.startswith(probe) and len(acc) <= len(key) + 3):
                    m = self._match(si, i, i, "variant", used)
                    if m is not None:
                        return m
        return None

    def _match(self, si: int, i: int, j: int, role: str, used: set) -> Match | None:
        toks, seg = self.tokens[si], self.doc.segments[si]
        start, end = toks[i][0], toks[j][1]
        if (start, end) in used:
            return None
        return Match(start, end, seg.text[start - seg.start:end - seg.start], None, role, si,
                     (i, j + 1))


_WORDS: "OrderedDict[tuple, DocumentWords]" = OrderedDict()


_LAST: list[tuple[Document, DocumentWords]] = []  # the same (immutable) Document object


def document_words(doc: Document) -> DocumentWords:
    """The surface tokens of ``doc`` (cached per document)."""
    for held, value in _LAST:
        if held is doc:
            return value
    key = (doc.path, doc.text, doc.lang, tuple([(s.start, s.end) for s in doc.segments]))
    if key in _WORDS:
        _WORDS.move_to_end(key)
        value = _WORDS[key]
    else:
        value = _WORDS[key] = DocumentWords(doc)
        if len(_WORDS) > 16:
            _WORDS.popitem(last=False)
    _LAST[:] = [(doc, value)] + _LAST[:3]
    return value
