"""Bilingual lexical knowledge shipped with mtqa's dependencies: dictionaries, names.

Lower layer than ``align/`` and ``rules/``: both may import it, it imports neither.
"""
