"""TYPO rules (being written)."""
RULES = ()
