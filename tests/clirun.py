"""Run the ``mtqa`` command in-process, as the CLI tests do: exit code, stdout, stderr."""
from __future__ import annotations

import pytest

from toolkit import cli


def run(argv, capsys) -> tuple[int, str, str]:
    """``mtqa ARGV`` through the real entry point (``SystemExit`` and all)."""
    with pytest.raises(SystemExit) as exc:
        cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return exc.value.code, out, err
