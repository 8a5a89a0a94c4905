"""OMIT rules (being written)."""
RULES = ()
