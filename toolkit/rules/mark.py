"""MARK rules (being written)."""
RULES = ()
