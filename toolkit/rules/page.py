"""PAGE — web-page chrome (share buttons, menus, disclaimers) mixed into an article."""
from __future__ import annotations

from typing import Iterable

from .base import Context, Hit


def chrome_regions(ctx: Context) -> Iterable[tuple[int, int]]:
    """Target offsets of page-chrome blocks; the engine hides them from other rules."""
    return ()


RULES = ()
