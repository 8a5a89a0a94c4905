"""Project configuration: ``[tool.mtqa]`` in ``pyproject.toml`` or a ``mtqa.toml`` file.

The nearest configuration wins, found by walking up from the working directory (as ruff
and Vale do): in each folder ``mtqa.toml`` first (its keys at top level, or under
``[tool.mtqa]``), then a ``pyproject.toml`` that has a ``[tool.mtqa]`` table. Keys are the
long options of ``mtqa audit``; options given on the command line override them::

    [tool.mtqa]
    select = ["TERM", "NUM"]        # or "TERM,NUM"
    ignore = ["TYPO002"]
    severity = { TYPO = "neutral" } # or ["TYPO=neutral"]
    fail-on = "major"
    fail-under = 90
    glossary = "terms/glossary.csv" # relative to the configuration file
    baseline = ".mtqa-baseline.json"
    suppressions = "mtqa-suppressions.toml"
    jobs = 0
    format = "text"
    splitter = "rules"              # or "spacy" (the French model's senter; slower)

An unknown key or a value of the wrong type is a usage error naming the file and the key.
Nothing here prints.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from .errors import UsageError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = ("mtqa.toml", "pyproject.toml")
FORMAT_NAMES = ("text", "json", "sarif", "junit", "markdown", "html", "github")
PATH_KEYS = ("glossary", "baseline", "suppressions")
KEYS = ("select", "ignore", "severity", "fail-on", "fail-under", "glossary", "baseline", "suppressions",
        "jobs", "format", "splitter")


@dataclass(frozen=True)
class Config:
    """Settings read from a file, keyed by long option name (``fail-on``…); ``path`` is the
    file they came from (None: no configuration found)."""

    values: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``mtqa.toml``, or ``pyproject.toml`` with ``[tool.mtqa]``, from ``start`` up."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        own = folder / "mtqa.toml"
        if own.is_file():
            return own
        project = folder / "pyproject.toml"
        if project.is_file() and "mtqa" in _read(project).get("tool", {}):
            return project
    return None


def load_config(path: str | Path | None = None, start: str | Path | None = None) -> Config:
    """Read and check the configuration at ``path`` (default: the nearest one)."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    if not found.is_file():
        raise UsageError(f"{found}: no such configuration file")
    data = _read(found)
    if found.name == "pyproject.toml" or ("tool" in data and "mtqa" in data.get("tool", {})):
        table = data.get("tool", {}).get("mtqa", {})
        where = f"{found} [tool.mtqa]"
    else:
        table, where = data, str(found)
    if not isinstance(table, dict):
        raise UsageError(f"{where}: must be a table of settings")
    return Config(parse_table(table, where, found.parent), found)


def _read(path: Path) -> dict:
    try:
        from .paths import read_bytes  # a regular file, size-limited (never a pipe)

        return tomllib.loads(read_bytes(path, "configuration file").decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text") from None


def parse_table(table: Mapping[str, Any], where: str, base: Path) -> dict[str, Any]:
    """Check every key and value; normalise lists and relative paths."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("_", "-")
        if name not in KEYS:
            raise UsageError(f"{where}: unknown key {key!r} (known: {', '.join(KEYS)})")
        out[name] = _value(name, value, where, base)
    return out


def _value(name: str, value: Any, where: str, base: Path) -> Any:
    def bad(expected: str) -> UsageError:
        return UsageError(f"{where}: {name} must be {expected}, got {value!r}")

    if name in ("select", "ignore"):
        if isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return ",".join(value)
        raise bad("a list of rule id prefixes")
    if name == "severity":
        if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            return [f"{k}={v}" for k, v in value.items()]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return list(value)
        raise bad('a table {PREFIX = "level"}')
    if name == "fail-on":
        if not isinstance(value, str):
            raise bad("a severity name")
        return value
    if name == "fail-under":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad("a number (MQM quality, e.g. 90)")
        return float(value)
    if name == "jobs":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise bad("a whole number ≥ 0")
        return value
    if name == "format":
        if value not in FORMAT_NAMES:
            raise bad(f"one of {', '.join(FORMAT_NAMES)}")
        return value
    if name == "splitter":
        from .nlp import SPLITTERS

        if value not in SPLITTERS:
            raise bad(f"one of {', '.join(SPLITTERS)}")
        return value
    if name in PATH_KEYS:
        if not isinstance(value, str) or not value:
            raise bad("a file path")
        p = Path(value)
        return p if p.is_absolute() else base / p
    raise AssertionError(name)  # pragma: no cover - KEYS and this function go together
