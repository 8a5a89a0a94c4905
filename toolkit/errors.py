"""Errors that the CLI turns into one line on stderr and exit code 2."""


class MtqaError(Exception):
    """Base class of every error mtqa reports to a user."""


class InputError(MtqaError):
    """A file or folder that cannot be read as asked (missing, empty, binary, bad encoding…)."""


class UsageError(MtqaError):
    """Options that do not fit together or name something unknown."""
