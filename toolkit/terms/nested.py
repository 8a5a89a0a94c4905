"""Glossary source terms that sit inside a longer Chinese word or name (考古 in 考古学
"archaeology" or in 考古研究所, an institute), where the term's own rendering does not
apply: CC-CEDICT words, the name layer, and the head words of organisation names."""
from __future__ import annotations

from ..knowledge import cedict, names

# the last word of an organisation's name: bureau, ministry, academy, museum, committee…
ORG_HEADS = frozenset("局 部 院 馆 厅 署 处 所 委 会 委员会 公司 集团 协会 学会 中心 银行 大学 学院 研究所 "
                      "研究院 基金会 办公室 法院 医院".split())


def inside_longer(text: str, spans: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The Chinese term spans that are part of a longer word or name, where the term's
    own rendering does not apply: inside a CC-CEDICT word or a name of the name layer, or
    followed by the head of an organisation's name (考古 in 考古研究所, an institute)."""
    words = list(cedict.load().words(text, min_len=1))
    table = names.load()
    out = set()
    for s, e in spans:
        if any(a <= s and e <= b and b - a > e - s for a, b, _ in words):
            out.add((s, e))
            continue
        after = next((w for a, _, w in words if a == e), None)
        if after in ORG_HEADS:
            out.add((s, e))
            continue
        cover = table.covering(text, s, e)
        if cover is not None and cover[2] - cover[1] > e - s:
            out.add((s, e))
    return out
