"""The ``mtqa`` command: a thin typer layer over :mod:`toolkit.api`.

Each command parses options, calls one library function, prints through a reporter
and picks the exit code: 0 clean, 1 findings at or above ``--fail-on``, 2 usage or
input error (one line on stderr; ``--debug``, anywhere on the command line, also prints
the traceback and keeps the same exit code).
"""
from __future__ import annotations

import errno
import os
import sys

import typer

from .. import __version__
from ..errors import MtqaError
from . import align as align_cmd
from . import glossary as glossary_cmd
from . import audit as audit_cmd
from . import rules as rules_cmd

app = typer.Typer(
    name="mtqa",
    help="Translation-quality linter for machine-translated articles: align, check, score, report.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("audit")(audit_cmd.audit)
app.command("align")(align_cmd.align)
app.add_typer(rules_cmd.app, name="rules")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mtqa {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit."),
          debug: bool = typer.Option(False, "--debug", help="Show tracebacks of errors.")) -> None:
    """mtqa audits machine translations against their sources, glossaries and references."""


app.add_typer(glossary_cmd.app, name="glossary")


def _split_debug(args: list[str]) -> tuple[list[str], bool]:
    """``--debug`` is accepted anywhere on the command line (before a ``--``); it only adds
    tracebacks to stderr and never changes the exit code."""
    cut = args.index("--") if "--" in args else len(args)
    kept = [a for a in args[:cut] if a != "--debug"] + list(args[cut:])
    return kept, len(kept) != len(args) or os.environ.get("MTQA_DEBUG") == "1"


_debug = {"on": False}


def _traceback(debug: bool) -> None:
    if debug:
        import traceback

        traceback.print_exc(file=sys.stderr)


def show_traceback() -> None:
    """For commands that report their own errors: the traceback when ``--debug`` was given."""
    _traceback(_debug["on"] or os.environ.get("MTQA_DEBUG") == "1")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the app and turn every error into one line and exit code 2
    (with ``--debug`` the traceback is printed first; the exit code stays 2)."""
    args, debug = _split_debug(list(sys.argv[1:] if argv is None else argv))
    _debug["on"] = debug
    try:
        code = app(args=args, prog_name="mtqa", standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        print("mtqa: interrupted", file=sys.stderr)
        sys.exit(130)
    except typer.TyperException as exc:  # usage errors: bad option, missing argument
        ctx = getattr(exc, "ctx", None)
        path = ctx.command_path if ctx is not None else "mtqa"
        message = exc.format_message() if hasattr(exc, "format_message") else str(exc)
        print(f"mtqa: error: {message} (see '{path} --help')", file=sys.stderr)
        sys.exit(2)
    except MtqaError as exc:
        _traceback(debug)
        print(f"mtqa: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("mtqa: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        _detach_stdout()
        sys.exit(0)
    except OSError as exc:  # an input or output the checks above did not catch: still one line
        if debug:
            raise
        _detach_stdout()
        print(f"mtqa: error: {_os_error(exc)}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:  # a bug: still one line, and a way to see more
        _traceback(debug)
        print(f"mtqa: internal error: {type(exc).__name__}: {exc} (rerun with --debug for the traceback)",
              file=sys.stderr)
        sys.exit(2)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _detach_stdout()
    except OSError as exc:
        _detach_stdout()
        print(f"mtqa: error: standard output: {_os_error(exc)}", file=sys.stderr)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


def _os_error(exc: OSError) -> str:
    from ..paths import os_problem, short

    where = f"{short(exc.filename)}: " if exc.filename else "cannot write output: " \
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO) else ""
    return where + os_problem(exc)


def _detach_stdout() -> None:
    from ..reporters import detach_stdout

    detach_stdout()
