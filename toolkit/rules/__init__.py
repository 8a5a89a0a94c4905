"""The rule registry: every family module is listed here, explicitly, in report order.

To add a rule: write a function decorated with :func:`toolkit.rules.base.rule` in its
family module (or a new module, added to ``FAMILIES`` below), list it in that module's
``RULES`` tuple, and document it in the fixed docstring sections; the documentation
examples are executed by ``tests/test_rule_docs.py``.
"""
from __future__ import annotations

from . import ent, ent_names, lang, mark, meaning, meaning_numbers, num, num_facts, num_format, num_scale, omit, omit_content, page, review, term, typo, untr, untr_fragment, word, xlit, xlit_parts
from .base import Context, Hit, Rule, rule

# Report order: accuracy and terminology first, then form, then review hints.
FAMILIES = (term, xlit, xlit_parts, word, untr, untr_fragment, lang, num, num_facts, num_format, num_scale, omit, omit_content, meaning, meaning_numbers, ent, ent_names, mark, typo, page, review)

ALL_RULES: tuple[Rule, ...] = tuple(r for module in FAMILIES for r in module.RULES)
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in ALL_RULES}

if len(RULES_BY_ID) != len(ALL_RULES):  # pragma: no cover - caught by the test suite too
    raise RuntimeError("two rules share an id")

__all__ = ["ALL_RULES", "RULES_BY_ID", "FAMILIES", "Context", "Hit", "Rule", "rule"]
