"""Evaluation against gold data: annotations, alignment, terms, speed."""
