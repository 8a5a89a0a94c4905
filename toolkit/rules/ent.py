"""ENT rules (being written)."""
RULES = ()
