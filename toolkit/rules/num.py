"""NUM rules (being written)."""
RULES = ()
