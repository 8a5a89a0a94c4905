"""mtqa — translation-quality linter for machine-translated articles.

Flow: readers → segment → align → rules → scoring → reporters. The library never
prints; ``toolkit.cli`` is a thin command line over ``toolkit.api``.
"""
__version__ = "0.1.0"

# Where the project's documents are published: rule docs (SARIF helpUri) and the JSON
# Schema of the JSON report (its "$schema"). The schema also ships in the package,
# toolkit/data/report.schema.json.
HOME_URL = "https://github.com/mtqa/mtqa"
RULES_URL = f"{HOME_URL}/blob/main/docs/rules.md"
REPORT_SCHEMA_URL = f"{HOME_URL}/raw/main/toolkit/data/report.schema.json"
