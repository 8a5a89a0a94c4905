"""Safe handling of the paths mtqa reads and writes.

* :func:`read_bytes` reads an input file only when it is a regular file (a named pipe,
  device or socket could block forever or never end) and never more than
  :func:`max_bytes` bytes (50 MiB by default; the environment variable
  ``MTQA_MAX_INPUT_MB`` changes it).
* :func:`guard_outputs` refuses a report path that is one of the inputs (same file by
  device and inode, so also through symlinks and hard links), before anything is written.
* :func:`display` and :func:`printable` turn file names with undecodable bytes (kept by
  Python as lone surrogates) into text that can be written as UTF-8.

Every problem is an :class:`~toolkit.errors.InputError` or
:class:`~toolkit.errors.UsageError` with one line naming the path.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from typing import Iterable, Mapping

from .errors import InputError, UsageError

DEFAULT_MAX_MB = 50
MAX_ENV = "MTQA_MAX_INPUT_MB"
_SURROGATE = re.compile("[\ud800-\udfff]")
SYSTEM_DIRS = ("/dev", "/proc", "/sys")  # a report never replaces a file there


def max_bytes() -> int:
    """The largest input file mtqa reads, in bytes (``MTQA_MAX_INPUT_MB``, default 50)."""
    raw = os.environ.get(MAX_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_MB * 1024 * 1024
    try:
        mb = float(raw)
    except ValueError:
        raise UsageError(f"{MAX_ENV}={raw!r}: expected a number of megabytes") from None
    if not mb > 0:
        raise UsageError(f"{MAX_ENV}={raw!r}: must be a positive number of megabytes")
    return int(mb * 1024 * 1024)


def printable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of file names) written as ``\\xNN``."""
    if not _SURROGATE.search(text):
        return text

    def escape(m: re.Match) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(escape, text)


def display(path: str | os.PathLike) -> str:
    """A path as printable text (see :func:`printable`)."""
    return printable(os.fsdecode(path))


def short(path: str | os.PathLike, limit: int = 200) -> str:
    """:func:`display`, with the middle of a very long path cut out (for one-line messages)."""
    text = display(path)
    if len(text) <= limit:
        return text
    keep = limit // 2 - 10
    return f"{text[:keep]}…{text[-keep:]} ({len(text):,} characters)"


def kind_of(mode: int) -> str:
    """What a file is, in words, from its ``st_mode``."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISREG(mode):
        return "a regular file"
    return "not a regular file"


def os_problem(exc: OSError) -> str:
    """A short reason for an OSError, with what to do when it is clear."""
    code = exc.errno
    if code == errno.ENAMETOOLONG:
        return "path or file name too long for the system (shorten it or move the file)"
    if code == errno.ELOOP:
        return "too many levels of symbolic links (a symlink loop)"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (check the file's permissions)"
    if code == errno.ENOSPC:
        return "no space left on device"
    return exc.strerror or str(exc)


def stat_input(path: str | os.PathLike, what: str = "file") -> os.stat_result:
    """``os.stat`` of an input (symlinks followed), or one clear InputError."""
    try:
        return os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            if os.path.islink(path):
                raise InputError(f"{short(path)}: {what} is a dangling symbolic link") from None
            raise InputError(f"{short(path)}: no such {what} (not found)") from None
        raise InputError(f"{short(path)}: cannot read {what}: {os_problem(exc)}") from None
    except ValueError as exc:  # e.g. an embedded NUL byte
        raise InputError(f"{short(path)}: invalid path: {exc}") from None


def check_regular(path: str | os.PathLike, what: str = "file") -> os.stat_result:
    """Refuse anything but a regular file (folder, named pipe, device, socket)."""
    st = stat_input(path, what)
    if not stat.S_ISREG(st.st_mode):
        raise InputError(f"{short(path)}: is {kind_of(st.st_mode)}, expected a {what} "
                         "(a regular file)")
    return st


def read_bytes(path: str | os.PathLike, what: str = "file", limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes (default :func:`max_bytes`)."""
    limit = max_bytes() if limit is None else limit
    st = check_regular(path, what)
    too_big = (f"{short(path)}: {what} is larger than the {_size(limit)} limit; split it "
               f"(or raise the limit with {MAX_ENV})")
    if st.st_size > limit:
        raise InputError(too_big)
    try:
        # O_NONBLOCK: should the path be swapped for a pipe after the check, open() still
        # returns at once and the fstat below refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(f"{short(path)}: cannot read {what}: {os_problem(exc)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(f"{short(path)}: is {kind_of(mode)}, expected a {what} (a regular file)")
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"{short(path)}: cannot read {what}: {os_problem(exc)}") from None
    finally:
        os.close(fd)
    if size > limit:
        raise InputError(too_big)
    return b"".join(chunks)


def _size(n: int) -> str:
    mb = n / (1024 * 1024)
    return f"{mb:g} MiB" if mb >= 1 else f"{n} bytes"


def identity(path: str | os.PathLike) -> tuple[int, int] | None:
    """(device, inode) of an existing file, symlinks followed; None when there is none."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _under_system_dir(path: str) -> bool:
    return any(path == top or path.startswith(top + os.sep) for top in SYSTEM_DIRS)


def guard_outputs(outputs: Mapping[str, str | os.PathLike | None],
                  inputs: Iterable[str | os.PathLike]) -> None:
    """Refuse, before anything is written, an output that is one of the ``inputs`` (same
    device and inode: also through symlinks and hard links), that another output also
    names, or that exists and is not a regular file (a folder, ``/dev/stdout``, a pipe:
    writing a report replaces its file). ``outputs`` maps an option name (``--output``) to its path or None."""
    chosen = [(option, path) for option, path in outputs.items() if path is not None]
    protected: dict[tuple[int, int], str] = {}
    for p in inputs:
        ident = identity(p)
        if ident is not None:
            protected.setdefault(ident, display(p))
    seen: dict[object, str] = {}
    for option, path in chosen:
        if any(_under_system_dir(p) for p in (os.path.abspath(path), os.path.realpath(path))):
            raise UsageError(f"{option} {short(path)}: is a device or system file; leave the "
                             "option out to write to standard output")
        try:
            mode = os.stat(path).st_mode
        except (OSError, ValueError):
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            # a report replaces its file: never a folder, a device (/dev/stdout), a pipe
            raise UsageError(f"{option} {short(path)}: is {kind_of(mode)}; give the path of a "
                             "regular file, or leave the option out to write to standard output")
        ident = identity(path)
        if ident is not None and ident in protected:
            same = protected[ident]
            also = "" if os.path.abspath(path) == os.path.abspath(same) else f" (it is {same})"
            raise UsageError(f"{option} {short(path)}: is an input of this run{also}; "
                             "refusing to overwrite it, write the report elsewhere")
        key = ident or os.path.normcase(os.path.abspath(path))
        if key in seen:
            raise UsageError(f"{option} {short(path)}: {seen[key]} writes the same file; "
                             "give each report its own path")
        seen[key] = option


__all__ = ["max_bytes", "printable", "display", "short", "kind_of", "os_problem", "stat_input",
           "check_regular", "read_bytes", "identity", "guard_outputs"]
