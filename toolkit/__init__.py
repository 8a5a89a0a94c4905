"""mtqa — translation-quality linter for machine-translated articles.

Flow: readers → segment → align → rules → scoring → reporters. The library never
prints; ``toolkit.cli`` is a thin command line over ``toolkit.api``.
"""
__version__ = "0.1.0"
