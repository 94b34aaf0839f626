"""The `molam` command's exit codes, and the one mapping from an exception to its code."""

from __future__ import annotations

import enum

import typer

from molam_sdk_ext.errors import (
    APIConnectionError,
    CircuitOpenError,
    SignatureVerificationError,
    ValidationError,
)

__all__ = ["EXIT_CODES_HELP", "ExitCode", "exit_code_for"]


class ExitCode(enum.IntEnum):
    """What a script can rely on after running `molam`."""

    OK = 0
    API_ERROR = 1  # the API answered with an error (or an unexpected failure)
    USAGE = 2  # bad arguments or configuration, caught before anything was sent
    CONNECTION = 3  # no answer: connection refused or dropped, timeout, circuit open
    VERIFICATION = 4  # a webhook signature did not verify
    MISMATCHES = 5  # `molam reconcile` found at least one mismatch
    INTERRUPTED = 130  # Ctrl-C


#: The table shown in `molam --help` and in the README (keep both in step with `ExitCode`).
EXIT_CODES_HELP = """Exit codes:
0    ok
1    API error (the error line shows the request id)
2    usage or configuration error (nothing was sent)
3    connection error, timeout or open circuit breaker
4    webhook signature verification failed
5    reconcile found mismatches
130  interrupted (Ctrl-C)"""


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code for an exception that ended a command."""
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, typer.TyperException | ValidationError):  # typer's are usage errors (bad options)
        return ExitCode.USAGE
    if isinstance(exc, APIConnectionError | CircuitOpenError):
        return ExitCode.CONNECTION
    if isinstance(exc, SignatureVerificationError):
        return ExitCode.VERIFICATION
    return ExitCode.API_ERROR  # an API error, or anything unexpected
