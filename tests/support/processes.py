"""The subprocesses tests start (servers, workers, example apps): stopping them without leaking any."""

from __future__ import annotations

import subprocess

__all__ = ["stop_process"]


def stop_process(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> int | None:
    """SIGTERM `proc`, wait up to `timeout` seconds, then SIGKILL it; return its exit code.

    A process that already exited is only reaped. SIGKILL is the fallback, not the first resort, so a server
    gets the chance to remove its files and a worker to finish its log lines.
    """
    if proc.poll() is not None:
        return proc.returncode
    proc.terminate()
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()
