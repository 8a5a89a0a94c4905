"""XLIT rules (being written)."""
RULES = ()
