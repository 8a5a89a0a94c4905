"""Term adherence and consistency (DESIGN.md "Scores")."""
from __future__ import annotations

from typing import Sequence

from ..model import Article


def score_terms(article: Article) -> dict:
    return {}


def score_terms_batch(articles: Sequence[Article]) -> dict:
    return {}
