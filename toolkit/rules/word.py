"""WORD rules (being written)."""
RULES = ()
