"""Outputs never destroy inputs: a report path that is one of the inputs (by device and
inode, so also through symlinks and hard links, also a file of an audited folder) is an
exit-2 error before anything is written; devices and folders are refused as report paths;
a full disk on standard output is one clear line. A representative subset runs as a
separate process (stdout to /dev/full, a named pipe, a collision, hostile XML)."""
from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import cli
from hostile_support import (FR, GLOSSARY, ZH, article, assert_audit_json, assert_one_line_error,
                             fingerprint, run_cli, run_process)


def _setup(tmp: Path) -> Path:
    folder = article(tmp, glossary=GLOSSARY)
    (folder / "reference.fr.txt").write_text(FR, encoding="utf-8")
    (tmp / "terms.csv").write_text(GLOSSARY, encoding="utf-8")
    os.symlink(folder / "mt.fr.txt", tmp / "link-to-mt.txt")
    os.link(folder / "source.zh.txt", tmp / "hardlink-to-source.txt")
    return folder


AUDIT_TARGETS = ["art/mt.fr.txt", "art/source.zh.txt", "art/reference.fr.txt", "art/glossary.csv",
                 "terms.csv", "link-to-mt.txt", "hardlink-to-source.txt"]


@pytest.mark.parametrize("fmt", ["json", "html"])
@pytest.mark.parametrize("victim", AUDIT_TARGETS)
def test_audit_output_onto_an_input(tmp_path, capsys, victim, fmt):
    folder = _setup(tmp_path)
    before = fingerprint(tmp_path)
    code, out, err = run_cli(["audit", str(folder), "-g", str(tmp_path / "terms.csv"), "-f", fmt,
                              "-o", str(tmp_path / victim)], capsys)
    assert_one_line_error(code, err, "is an input of this run")
    assert out == "" and fingerprint(tmp_path) == before


def test_audit_output_onto_an_input_of_a_batch(tmp_path, capsys):
    batch = tmp_path / "batch"
    article(batch, "one")
    article(batch, "two", glossary=GLOSSARY)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(batch), "-o", str(batch / "two" / "glossary.csv")], capsys)
    assert_one_line_error(code, err, "is an input")
    assert fingerprint(tmp_path) == before


def test_audit_output_onto_a_bilingual_input(tmp_path, capsys):
    po = tmp_path / "a.po"
    po.write_text('msgid "The bank."\nmsgstr "La banque."\n', encoding="utf-8")
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(po), "-f", "json", "-o", str(po)], capsys)
    assert_one_line_error(code, err, "is an input")
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("victim", ["a.zh.txt", "b.fr.txt", "g.csv", "link.txt"])
def test_align_output_onto_an_input(tmp_path, capsys, victim):
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "b.fr.txt").write_text(FR, encoding="utf-8")
    (tmp_path / "g.csv").write_text(GLOSSARY, encoding="utf-8")
    os.symlink("a.zh.txt", tmp_path / "link.txt")
    before = fingerprint(tmp_path)
    code, out, err = run_cli(["align", str(tmp_path / "a.zh.txt"), str(tmp_path / "b.fr.txt"), "-g",
                              str(tmp_path / "g.csv"), "-o", str(tmp_path / victim)], capsys)
    assert_one_line_error(code, err, "is an input")
    assert out == "" and fingerprint(tmp_path) == before


@pytest.mark.parametrize("option,victim", [("--html", "art/glossary.csv"), ("--md", "art/mt.fr.txt"),
                                           ("--csv", "terms.csv"), ("--tbx", "link-to-mt.txt"),
                                           ("--json", "hardlink-to-source.txt")])
def test_glossary_report_output_onto_an_input(tmp_path, capsys, option, victim):
    folder = _setup(tmp_path)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["glossary", "report", str(folder), "-g", str(tmp_path / "terms.csv"), option,
                            str(tmp_path / victim)], capsys)
    assert_one_line_error(code, err, "is an input")
    assert option in err and fingerprint(tmp_path) == before


def test_two_reports_to_one_file(tmp_path, capsys):
    folder = _setup(tmp_path)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["glossary", "report", str(folder), "--html", str(tmp_path / "r.out"),
                            "--json", str(tmp_path / "r.out")], capsys)
    assert_one_line_error(code, err, "writes the same file")
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("target", ["/dev/null", "/dev/stdout", "/dev/full", "/proc/self/fd/1", "folder"])
def test_report_path_that_is_no_regular_file(tmp_path, capsys, target):
    folder = _setup(tmp_path)
    (tmp_path / "folder").mkdir()
    path = str(tmp_path / target) if target == "folder" else target
    if not os.path.lexists(path):
        pytest.skip(f"{path} is absent on this system")
    kind = os.lstat(path).st_mode
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder), "-o", path], capsys)
    assert_one_line_error(code, err, "--output")
    assert os.lstat(path).st_mode == kind and fingerprint(tmp_path) == before


def test_report_through_a_symlink_replaces_the_file_not_the_link(tmp_path, capsys):
    folder = _setup(tmp_path)
    (tmp_path / "old.json").write_text("{}", encoding="utf-8")
    os.symlink("old.json", tmp_path / "latest.json")
    code, _, err = run_cli(["audit", str(folder), "-f", "json", "-o", str(tmp_path / "latest.json")], capsys)
    assert code in (0, 1), err
    assert os.path.islink(tmp_path / "latest.json")
    assert "findings" in (tmp_path / "old.json").read_text(encoding="utf-8")


def test_report_path_too_long(tmp_path, capsys):
    folder = _setup(tmp_path)
    code, _, err = run_cli(["audit", str(folder), "-o", str(tmp_path / ("r" * 300 + ".json"))], capsys)
    assert_one_line_error(code, err, "too long")


def test_unwritable_report_folder_leaves_no_temporary_file(tmp_path, capsys, monkeypatch):
    import errno
    import toolkit.reporters as reporters

    folder = _setup(tmp_path)

    def refuse(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(reporters.os, "replace", refuse)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder), "-o", str(tmp_path / "out" / "r.txt")], capsys)
    assert_one_line_error(code, err, "no space left")
    after = fingerprint(tmp_path)
    assert {k: v for k, v in after.items() if not k.startswith("out")} == before
    assert not list((tmp_path / "out").iterdir())  # no half-written or temporary report


def test_writing_a_new_report_next_to_the_inputs_is_fine(tmp_path, capsys):
    folder = _setup(tmp_path)
    code, _, err = run_cli(["audit", str(folder), "-f", "json", "-o", str(folder / "report.json")], capsys)
    assert code in (0, 1), err
    assert_audit_json(0, (folder / "report.json").read_text(encoding="utf-8"), "")
    code, _, err = run_cli(["audit", str(folder), "-f", "json", "-o", str(folder / "report.json")], capsys)
    assert code in (0, 1), err  # the report of a previous run is no input


# -- standard output on a full disk, and other runs in a separate process --------------------

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
DE = "Die Bank hat zwölf Berichte veröffentlicht.\n\nDas Unternehmen hat fünfzig Mitarbeiter.\n"
EN = "The bank published twelve reports.\n\nThe company has fifty employees.\n"


class FullStdout(io.TextIOBase):
    """Standard output on a full disk: every write fails with ENOSPC."""

    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self):
        raise OSError(errno.ENOSPC, "No space left on device")

    def fileno(self):
        raise io.UnsupportedOperation("no file descriptor")


@pytest.mark.parametrize("argv", [
    ["audit", "art"],
    ["audit", "art", "-f", "json"],
    ["align", "art/source.zh.txt", "art/mt.fr.txt"],
    ["glossary", "report", "art"],
    ["rules"],
    ["rules", "--json"],
])
def test_stdout_on_a_full_disk(tmp_path, capsys, monkeypatch, argv):
    _setup(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = fingerprint(tmp_path)
    capsys.readouterr()
    monkeypatch.setattr(sys, "stdout", FullStdout())
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    err = capsys.readouterr().err
    assert_one_line_error(exc.value.code, err, "no space left on device")
    assert fingerprint(tmp_path) == before


@needs_dev_full
@pytest.mark.parametrize("argv", [["audit", "art", "-f", "json"],
                                  ["align", "--presegmented", "art/source.en.txt", "art/mt.de.txt"]])
def test_stdout_on_dev_full_in_a_real_process(tmp_path, argv):
    article(tmp_path, mt=None, source=None)
    (tmp_path / "art" / "mt.de.txt").write_text(DE, encoding="utf-8")
    (tmp_path / "art" / "source.en.txt").write_text(EN, encoding="utf-8")
    before = fingerprint(tmp_path)
    with open("/dev/full", "wb") as full:
        proc = run_process(argv, tmp_path, stdout=full)
    err = proc.stderr.decode("utf-8", "replace")
    assert_one_line_error(proc.returncode, err, "no space left on device")
    assert fingerprint(tmp_path) == before


def test_named_pipe_does_not_hang_a_real_process(tmp_path):
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    proc = run_process(["align", "a.zh.txt", "pipe.txt"], tmp_path, timeout=60)
    assert_one_line_error(proc.returncode, proc.stderr.decode(), "named pipe")


def test_collision_in_a_real_process(tmp_path):
    _setup(tmp_path)
    before = fingerprint(tmp_path)
    proc = run_process(["audit", "art", "-f", "json", "-o", "art/mt.fr.txt"], tmp_path)
    assert_one_line_error(proc.returncode, proc.stderr.decode(), "is an input")
    assert fingerprint(tmp_path) == before


def test_undecodable_folder_name_in_a_real_process(tmp_path):
    folder = os.path.join(os.fsencode(tmp_path), b"r\xe9sum\xe9")
    os.mkdir(folder)
    for name, text in ((b"mt.de.txt", DE), (b"source.en.txt", EN)):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(text.encode("utf-8"))
    env = dict(os.environ, LC_ALL="C.UTF-8", PYTHONIOENCODING="utf-8")
    proc = subprocess.run([sys.executable, "-m", "toolkit", "audit", folder], cwd=tmp_path,
                          capture_output=True, timeout=120, env=env)
    assert proc.returncode in (0, 1), proc.stderr
    assert b"r\\xe9sum\\xe9" in proc.stdout and not proc.stderr.strip()


def test_billion_laughs_in_a_real_process(tmp_path):
    (tmp_path / "bomb.xlf").write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
        '<xliff version="1.2"><file source-language="en" target-language="fr" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>&b;</source><target>x</target></trans-unit></body></file></xliff>\n',
        encoding="utf-8")
    proc = run_process(["audit", "bomb.xlf"], tmp_path)
    assert_one_line_error(proc.returncode, proc.stderr.decode(), "refused")


@pytest.mark.parametrize("option", ["--baseline", "--suppressions", "--config"])
def test_report_onto_a_settings_file(tmp_path, capsys, option):
    folder = _setup(tmp_path)
    settings = {"--baseline": ("b.json", '{"format": "mtqa-baseline", "version": 1, "findings": []}'),
                "--suppressions": ("s.toml", ""), "--config": ("mtqa.toml", "")}[option]
    path = tmp_path / settings[0]
    path.write_text(settings[1], encoding="utf-8")
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder), option, str(path), "-o", str(path)], capsys)
    assert_one_line_error(code, err, "is an input")
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("option", ["--baseline", "--suppressions"])
def test_settings_file_that_is_a_pipe(tmp_path, capsys, option):
    folder = _setup(tmp_path)
    os.mkfifo(tmp_path / "pipe")
    code, _, err = run_cli(["audit", str(folder), option, str(tmp_path / "pipe")], capsys)
    assert_one_line_error(code, err, "named pipe")


def test_write_baseline_onto_an_input(tmp_path, capsys):
    folder = _setup(tmp_path)
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder), "--write-baseline", str(folder / "mt.fr.txt")], capsys)
    assert_one_line_error(code, err, "--write-baseline")
    assert fingerprint(tmp_path) == before
