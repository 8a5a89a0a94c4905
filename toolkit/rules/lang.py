"""LANG rules (being written)."""
RULES = ()
