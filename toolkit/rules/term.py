"""TERM rules (being written)."""
RULES = ()
