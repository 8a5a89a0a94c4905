"""REVIEW rules (being written)."""
RULES = ()
