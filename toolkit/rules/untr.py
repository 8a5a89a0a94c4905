"""UNTR rules (being written)."""
RULES = ()
