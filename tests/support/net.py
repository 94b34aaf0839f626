"""Loopback ports: `free_port` to pick one, `wait_listening` to wait until a server accepts on it."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time

__all__ = ["free_port", "wait_listening"]


def free_port() -> int:
    """A loopback TCP port that was free a moment ago (another process may take it before we do)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_listening(
    port: int, timeout: float = 20.0, *, proc: subprocess.Popen[bytes] | None = None, what: str = "server"
) -> None:
    """Return once something accepts connections on ``127.0.0.1:port``.

    `RuntimeError` after `timeout` seconds, or as soon as `proc` (the process meant to listen) has exited:
    waiting out the whole timeout for a process that already died only hides its exit.
    """
    deadline = time.monotonic() + timeout
    while True:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode} before listening on port {port}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not listen on port {port} within {timeout}s")
        time.sleep(0.02)
