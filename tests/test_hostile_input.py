"""Hostile inputs, read through the CLI in this process: wrong encodings, BOMs, NUL bytes,
pipes, devices, sockets, symlinks, unreadable files, huge files and lines, bad language
tags. Each case must end in exit 2 with one clear stderr line and no file changed, or in
a correct audit. (Malformed file formats: test_hostile_formats.py; outputs:
test_hostile_outputs.py.)"""
from __future__ import annotations

import errno
import os
import socket
from pathlib import Path
from urllib.parse import unquote

import pytest

from hostile_support import (EN, FR, GLOSSARY, ZH, article, assert_audit_json, assert_one_line_error,
                             fingerprint, run_cli)

# -- encodings and byte-level damage, for every kind of input ------------------------------

FR_ACCENTS = "Le café est à côté de l'hôtel, près du théâtre.\n\nÇa coûte « cher » ?\n"
JA = "東京の会議は午後三時に始まります。\n\n参加者は五十人です。\n"
ZH_TEXT = "会议在下午三点开始。\n\n参加者有五十人。\n"

BAD_BYTES = {
    "utf16-bom": (FR_ACCENTS.encode("utf-16"), "UTF-16"),
    "utf16le-no-bom": (FR_ACCENTS.encode("utf-16-le"), "UTF-16 without"),
    "utf16be-no-bom": (FR_ACCENTS.encode("utf-16-be"), "UTF-16 without"),
    "utf32-bom": (FR_ACCENTS.encode("utf-32"), "UTF-32"),
    "latin1": (FR_ACCENTS.replace("«", '"').replace("»", '"').encode("latin-1"), "Latin-1"),
    "cp1252": ("Il a dit “oui” — puis « non ».\n".encode("cp1252"), "Windows-1252"),
    "shift-jis": (JA.encode("shift_jis"), "CJK"),
    "gb18030": (ZH_TEXT.encode("gb18030"), "CJK"),
    "big5": ("會議在下午三點開始。\n".encode("big5"), "CJK"),
    "nul-inside": (b"Une phrase.\x00 Une autre.\n", "NUL byte"),
    "nul-late": (("Une phrase tranquille. " * 500).encode() + b"\x00\n", "NUL byte"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "NUL byte"),
    "empty": (b"", "empty"),
    "bom-only": (b"\xef\xbb\xbf", "empty"),
    "blank-lines": (b" \n\t\n\r\n", "empty"),
}


def _mt(tmp: Path, data: bytes):
    return ["audit", str(article(tmp, mt=data)), "-f", "json"]


def _source(tmp: Path, data: bytes):
    return ["audit", str(article(tmp, source=data)), "-f", "json"]


def _folder_glossary(tmp: Path, data: bytes):
    return ["audit", str(article(tmp, glossary=data)), "-f", "json"]


def _option_glossary(tmp: Path, data: bytes):
    (tmp / "terms.csv").write_bytes(data)
    return ["audit", str(article(tmp)), "-g", str(tmp / "terms.csv"), "-f", "json"]


def _presegmented(tmp: Path, data: bytes):
    (tmp / "src.zh").write_text(ZH, encoding="utf-8")
    (tmp / "tgt.fr").write_bytes(data)
    return ["align", "--presegmented", str(tmp / "src.zh"), str(tmp / "tgt.fr")]


ROLES = {"mt": _mt, "source": _source, "folder-glossary": _folder_glossary,
         "option-glossary": _option_glossary, "presegmented": _presegmented}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", BAD_BYTES)
def test_undecodable_input_is_one_line_and_untouched(tmp_path, capsys, role, case):
    data, needle = BAD_BYTES[case]
    if role.endswith("glossary") and case in ("empty", "bom-only", "blank-lines"):
        needle = "empty"
    argv = ROLES[role](tmp_path, data)
    before = fingerprint(tmp_path)
    code, out, err = run_cli(argv, capsys)
    assert_one_line_error(code, err, needle)
    assert out == "" and fingerprint(tmp_path) == before


def test_latin1_hint_only_for_latin1_shaped_bytes(tmp_path, capsys):
    """The hint used to be shown for any bytes that are not UTF-8."""
    for data, shown in ((JA.encode("shift_jis"), False), ("café crème brûlée\n".encode("latin-1"), True)):
        code, _, err = run_cli(_mt(tmp_path / str(shown), data), capsys)
        assert_one_line_error(code, err, "not UTF-8")
        assert ("Latin-1" in err) is shown


@pytest.mark.parametrize("content", [
    "\ufeff" + FR,                       # UTF-8 with BOM
    FR.replace("\n", "\r\n"),            # Windows line ends
    FR.replace("\n", "\r"),              # old Mac line ends
    FR + "\u200f\u202e\u0301𝔘\U0001F600\n",  # RTL marks, combining mark, astral characters
    FR + "\x07\x1b[31m\x0b\x0c\n",      # control characters
])
def test_odd_but_valid_utf8_is_audited(tmp_path, capsys, content):
    folder = article(tmp_path, mt=content)
    before = fingerprint(tmp_path)
    report = assert_audit_json(*run_cli(["audit", str(folder), "-f", "json"], capsys))
    text = content[1:] if content.startswith("\ufeff") else content
    for f in report["findings"]:
        t = f["target"]
        if t is not None:
            assert text[t["start"]:t["end"]] == t["text"]
    assert fingerprint(tmp_path) == before


# -- things that are not regular files -----------------------------------------------------

def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _sock(path: Path) -> Path:
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    return path


def _dir(path: Path) -> Path:
    path.mkdir()
    return path


def _loop(path: Path) -> Path:
    os.symlink(path.name + ".b", path)
    os.symlink(path.name, str(path) + ".b")
    return path


def _dangling(path: Path) -> Path:
    os.symlink("nowhere.txt", path)
    return path


SPECIAL = {"fifo": (_fifo, "named pipe"), "socket": (_sock, "socket"), "folder": (_dir, "is a folder"),
           "symlink-loop": (_loop, "symbolic links"), "dangling-symlink": (_dangling, "dangling")}


@pytest.mark.parametrize("role", ["mt.fr.txt", "source.zh.txt", "glossary.csv"])
@pytest.mark.parametrize("kind", SPECIAL)
def test_non_regular_file_in_article_folder(tmp_path, capsys, role, kind):
    folder = article(tmp_path, mt=None if role == "mt.fr.txt" else FR,
                     source=None if role == "source.zh.txt" else ZH)
    make, needle = SPECIAL[kind]
    make(folder / role)
    before = fingerprint(tmp_path)
    code, out, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, needle)
    assert role in err and fingerprint(tmp_path) == before


@pytest.mark.parametrize("kind", ["fifo", "socket", "symlink-loop", "dangling-symlink"])
@pytest.mark.parametrize("where", ["align-source", "align-target", "presegmented-target", "glossary-option",
                                   "audit-argument"])
def test_non_regular_file_named_on_the_command_line(tmp_path, capsys, kind, where):
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    (tmp_path / "b.fr.txt").write_text(FR, encoding="utf-8")
    odd = SPECIAL[kind][0](tmp_path / "odd.txt")
    argv = {"align-source": ["align", odd, tmp_path / "b.fr.txt"],
            "align-target": ["align", tmp_path / "a.zh.txt", odd],
            "presegmented-target": ["align", "--presegmented", tmp_path / "a.zh.txt", odd],
            "glossary-option": ["audit", article(tmp_path), "-g", odd],
            "audit-argument": ["audit", odd]}[where]
    before = fingerprint(tmp_path)
    code, _, err = run_cli(argv, capsys)
    assert_one_line_error(code, err, SPECIAL[kind][1])
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_before_reading(tmp_path, capsys, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is absent on this system")
    (tmp_path / "a.zh.txt").write_text(ZH, encoding="utf-8")
    code, _, err = run_cli(["align", str(tmp_path / "a.zh.txt"), device], capsys)
    assert_one_line_error(code, err, "character device")


def test_symlinks_to_real_files_and_folders_are_followed(tmp_path, capsys):
    real = article(tmp_path / "real")
    (tmp_path / "batch").mkdir()
    os.symlink(real, tmp_path / "batch" / "linked")
    report = assert_audit_json(*run_cli(["audit", str(tmp_path / "batch"), "-f", "json"], capsys))
    assert [d["name"] for d in report["documents"]] == ["linked"]


# -- paths: missing, too long, undecodable names -----------------------------------------

@pytest.mark.parametrize("path,needle", [
    ("missing-folder", "not found"),
    ("a" * 300, "too long"),                       # one name over NAME_MAX
    ("/".join(["abcdefgh"] * 600), "too long"),    # a path over PATH_MAX
    ("bad\x00name", "null byte"),
])
def test_bad_paths(tmp_path, capsys, path, needle):
    code, _, err = run_cli(["audit", str(tmp_path / path)], capsys)
    assert_one_line_error(code, err, needle)
    assert len(err) < 400  # a huge path is shortened in the message


@pytest.mark.parametrize("fmt", ["json", "text", "html", "markdown", "sarif", "junit"])
def test_folder_name_with_undecodable_bytes_is_reported(tmp_path, capsys, fmt):
    root = os.fsencode(tmp_path)
    folder = os.path.join(root, b"caf\xe9-\xff")
    os.mkdir(folder)
    for name, text in ((b"mt.fr.txt", FR), (b"source.zh.txt", ZH)):
        with open(os.path.join(folder, name), "wb") as handle:
            handle.write(text.encode("utf-8"))
    out_file = tmp_path / f"report.{fmt}"
    code, out, err = run_cli(["audit", os.fsdecode(folder), "-f", fmt, "-o", str(out_file)], capsys)
    assert code in (0, 1) and not err.strip(), err
    written = out_file.read_bytes().decode("utf-8")  # strict: the report is valid UTF-8
    if '"uri"' in written or fmt != "sarif":  # SARIF names files only in results
        assert "caf\\xe9-\\xff" in unquote(written).replace("\\\\", "\\")
    code, out, err = run_cli(["audit", os.fsdecode(folder), "-f", fmt], capsys)
    assert code in (0, 1) and out.encode("utf-8")


# -- permissions (tests may run as root, who reads anything: the denial is simulated) -------

def _deny(monkeypatch, victim: str) -> None:
    import toolkit.paths as paths

    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if os.fsdecode(path).endswith(victim):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(paths.os, "open", fake_open)


@pytest.mark.parametrize("victim", ["mt.fr.txt", "source.zh.txt", "glossary.csv", "terms.tbx"])
def test_unreadable_input_is_one_line(tmp_path, capsys, monkeypatch, victim):
    folder = article(tmp_path, glossary=GLOSSARY)
    (tmp_path / "terms.tbx").write_text("<martif/>", encoding="utf-8")
    argv = ["audit", str(folder)] + (["-g", str(tmp_path / "terms.tbx")] if victim == "terms.tbx" else [])
    _deny(monkeypatch, victim)
    code, _, err = run_cli(argv, capsys)
    assert_one_line_error(code, err, "permission denied")
    assert victim in err


def test_unlistable_folder_is_one_line(tmp_path, capsys, monkeypatch):
    folder = article(tmp_path)
    real = Path.iterdir

    def fake(self):
        if self == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "iterdir", fake)
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, "permission denied")


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever "
                    "their mode; the in-process tests above simulate the denial")
def test_real_chmod_000(tmp_path, capsys):
    folder = article(tmp_path)
    (folder / "mt.fr.txt").chmod(0)
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, "permission denied")


# -- size limits --------------------------------------------------------------------------

def test_file_over_the_size_limit_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", "0.01")
    folder = article(tmp_path, mt="Une phrase de plus. " * 1000)
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, "MTQA_MAX_INPUT_MB")


@pytest.mark.parametrize("role", ["mt.fr.txt", "glossary.csv"])
def test_default_limit_refuses_a_60_mib_file_without_reading_it(tmp_path, capsys, role):
    folder = article(tmp_path, glossary=GLOSSARY)
    with open(folder / role, "r+b") as handle:  # sparse: instant, no disk space used
        handle.truncate(60 * 1024 * 1024)
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, "larger than the 50 MiB limit")


@pytest.mark.parametrize("value", ["lots", "-3", "0"])
def test_bad_size_limit_setting(tmp_path, capsys, monkeypatch, value):
    monkeypatch.setenv("MTQA_MAX_INPUT_MB", value)
    code, _, err = run_cli(["audit", str(article(tmp_path))], capsys)
    assert_one_line_error(code, err, "MTQA_MAX_INPUT_MB")


def test_size_limit_holds_when_the_file_grows_after_the_check(tmp_path):
    from toolkit.errors import InputError
    from toolkit.paths import read_bytes

    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(InputError, match="limit"):
        read_bytes(big, "file", limit=4096)
    assert len(read_bytes(big, "file", limit=5000)) == 5000


def test_one_line_longer_than_the_sentence_splitter_accepts(tmp_path, capsys):
    line = "Le train part à l'heure et la gare reste calme " * 23000  # > 1,000,000 characters
    folder = article(tmp_path, mt=line + "\n")
    before = fingerprint(tmp_path)
    code, _, err = run_cli(["audit", str(folder)], capsys)
    assert_one_line_error(code, err, "break it into paragraphs")
    assert "mt.fr.txt:1:" in err and fingerprint(tmp_path) == before


# -- language options -----------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--src-lang", "--tgt-lang"])
@pytest.mark.parametrize("tag", ["zz", "fr-", "english", "123", "x-private", "fr--CA", "é"])
def test_bad_language_tags(tmp_path, capsys, option, tag):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FR, encoding="utf-8")
    code, _, err = run_cli(["align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), option, tag], capsys)
    assert_one_line_error(code, err, option)


@pytest.mark.parametrize("src,tgt", [("en", "fr"), ("en-GB", "fr-CA"), ("en_US", "fr")])
def test_good_language_tags(tmp_path, capsys, src, tgt):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FR, encoding="utf-8")
    code, out, err = run_cli(["align", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
                              "--src-lang", src, "--tgt-lang", tgt], capsys)
    assert code == 0 and out.splitlines() == ["[0]:[0]", "[1]:[1]"], err


def test_file_name_words_are_not_taken_for_languages(tmp_path):
    from toolkit.readers.base import lang_from_name

    assert lang_from_name("mt.old.txt") is None and lang_from_name("mt.fr-CA.txt") == "fr-CA"
    assert lang_from_name("source.zh.txt") == "zh" and lang_from_name("notes.tmp.md") is None
