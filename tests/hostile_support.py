"""Shared helpers of the hostile-input tests: run the CLI, fingerprint every file, check
that an error is exactly one line with exit code 2 and that no input was touched."""
from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import cli

ZH = "银行在二〇二〇年发布了十二份报告。\n\n这家公司有五十名员工。\n"
FR = "La banque a publié douze rapports en 2020.\n\nCette entreprise compte cinquante employés.\n"
EN = "The bank published twelve reports in 2020.\n\nThe company has fifty employees.\n"
GLOSSARY = "source,target,forbidden,case_sensitive,note\n银行,banque,,false,\n公司,entreprise,société,false,\n"


def article(root: Path, name: str = "art", mt: str | bytes = FR, source: str | bytes | None = ZH,
            glossary: str | bytes | None = None) -> Path:
    """An article folder ``root/name`` (zh → fr by default)."""
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    for file, content in (("mt.fr.txt", mt), ("source.zh.txt", source), ("glossary.csv", glossary)):
        if content is not None:
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            (folder / file).write_bytes(data)
    return folder


def fingerprint(root: Path) -> dict[str, str]:
    """Hash of every regular file under ``root`` and the kind of everything else (pipes are
    never opened); symlinks are recorded by target, not followed."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            st = os.lstat(p)
            key = os.fsdecode(os.path.relpath(p, os.fsencode(root)))
            if stat.S_ISLNK(st.st_mode):
                out[key] = "link:" + os.fsdecode(os.readlink(p))
            elif stat.S_ISREG(st.st_mode):
                with open(p, "rb") as handle:
                    out[key] = hashlib.sha256(handle.read()).hexdigest()
            else:
                out[key] = f"mode:{stat.S_IFMT(st.st_mode)}"
    return out


def run_cli(argv, capsys) -> tuple[int, str, str]:
    """Run ``mtqa argv`` in this process; (exit code, stdout, stderr)."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as exc:
        cli.main([os.fsdecode(a) if isinstance(a, bytes) else str(a) for a in argv])
    out, err = capsys.readouterr()
    code = exc.value.code if isinstance(exc.value.code, int) else 0
    return code, out, err


def run_process(argv, cwd: Path, stdout=subprocess.PIPE, timeout: float = 60,
                env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m toolkit argv`` as a separate process (bytes in, bytes out)."""
    return subprocess.run([sys.executable, "-m", "toolkit", *argv], cwd=cwd, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=timeout, env=env)


def assert_one_line_error(code: int, err: str, needle: str | None = None) -> None:
    """Exit 2, exactly one stderr line starting 'mtqa: error:', no traceback, no catch-all."""
    lines = err.splitlines()
    assert code == 2, f"exit {code}, stderr {err!r}"
    assert len(lines) == 1, f"expected one stderr line, got {lines!r}"
    assert lines[0].startswith("mtqa: error: "), lines[0]
    assert "Traceback" not in err and "internal error" not in err, err
    if needle is not None:
        assert needle.lower() in err.lower(), f"{needle!r} not in {err!r}"


def assert_audit_json(code: int, out: str, err: str) -> dict:
    """A correct audit: exit 0 or 1, a JSON report, nothing on stderr."""
    assert code in (0, 1), f"exit {code}, stderr {err!r}"
    assert not err.strip(), err
    report = json.loads(out)
    assert report["documents"] if "documents" in report else report
    return report
