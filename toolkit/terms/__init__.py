"""Term matching, scoring and reporting.

Public entry points:

* :func:`toolkit.terms.analysis.analyse_article` — glossary occurrences and renderings of
  one article (cached); :func:`toolkit.terms.analysis.termbase` — compiled glossary forms;
* :func:`toolkit.terms.matcher.find_in_text` — one-off search of forms in a text (longest
  match first, inflection-aware), e.g. for an aligner's lexicon;
* :func:`toolkit.terms.discover.discover` — candidate terms without a glossary (surface
  tokens only, :mod:`toolkit.terms.words`; computed once per article);
* :func:`toolkit.terms.report.build_report` / :func:`toolkit.terms.report.summary_lines`.
"""
