"""Running the sandbox: uvicorn in this process (a thread) or in a subprocess, on loopback.

`SandboxProcess` is what tests and benchmarks use: ``python -m molam_sandbox`` in a subprocess on a
free 127.0.0.1 port, its log captured to a file, ready once ``GET /_sandbox/health`` answers. `run_in_thread`
serves an app object in a background thread of this process (quicker to start, shares the process).
Both serve with `DroppableH11Protocol`, so the ``drop`` faults really close connections without a response.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any, Self

import httpx
import uvicorn

from molam_sandbox.faults import DroppableH11Protocol
from molam_sandbox.middleware import ASGIApp

__all__ = [
    "SandboxProcess",
    "SandboxStartError",
    "free_port",
    "make_config",
    "run_in_thread",
    "wait_healthy",
]


class SandboxStartError(RuntimeError):
    """The sandbox did not become healthy (the message includes the end of its log)."""


def free_port(host: str = "127.0.0.1") -> int:
    """A port that is free on `host` right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def make_config(
    app: ASGIApp, host: str, port: int, *, access_log: bool = False, **kwargs: Any
) -> uvicorn.Config:
    """The uvicorn configuration the sandbox runs with (h11 with connection dropping, lifespan on)."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=DroppableH11Protocol,
        lifespan="on",
        log_config=None,
        access_log=access_log,
        timeout_graceful_shutdown=2,
        **kwargs,
    )


def wait_healthy(url: str, timeout: float = 60.0, process: subprocess.Popen[bytes] | None = None) -> None:
    """Poll ``{url}/_sandbox/health`` until it answers 200; raise SandboxStartError after `timeout`.

    Generous on purpose: a process that dies is reported at once, so the timeout only bounds a slow start,
    and on a loaded machine importing the sandbox alone has taken 20 s.
    """
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=1.0, trust_env=False) as client:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise SandboxStartError(f"sandbox exited with status {process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if client.get(f"{url}/_sandbox/health").status_code == 200:
                    return
            time.sleep(0.05)
    raise SandboxStartError(f"sandbox at {url} not healthy after {timeout:.0f} s")


@contextlib.contextmanager
def run_in_thread(app: ASGIApp, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Serve `app` from a background thread; yield its base URL; stop it on exit."""
    port = port or free_port(host)
    server = uvicorn.Server(make_config(app, host, port))
    thread = threading.Thread(target=server.run, name="molam-sandbox", daemon=True)
    thread.start()
    url = f"http://{host}:{port}"
    try:
        wait_healthy(url)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class SandboxProcess:
    """``python -m molam_sandbox`` in a subprocess on a free loopback port.

    `url`, `port` and `api_key` tell clients where and how to connect; the server's stdout and stderr go to
    `log_path` (`read_log()`). Use as a context manager, or call `start()` and `stop()`.
    """

    def __init__(
        self,
        *,
        db: str | os.PathLike[str] | None = None,
        fault_rate: float | None = None,
        fault_kinds: Sequence[str] | None = None,
        seed: int | None = None,
        extra_args: Sequence[str] = (),
        api_key: str = "sk_test_sandbox_fixture_key",
        host: str = "127.0.0.1",
        log_path: str | os.PathLike[str] | None = None,
        startup_timeout: float = 60.0,
    ) -> None:
        self.host = host
        self.port = 0
        self.api_key = api_key
        self.db = None if db is None else str(db)
        self.fault_rate = fault_rate
        self.fault_kinds = list(fault_kinds) if fault_kinds is not None else None
        self.seed = seed
        self.extra_args = list(extra_args)
        self.startup_timeout = startup_timeout
        if log_path is None:
            fd, name = tempfile.mkstemp(prefix="molam-sandbox-", suffix=".log")
            os.close(fd)
            log_path = name
        self.log_path = Path(log_path)
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        return f"http://{self.host}:{self.port}"

    def command(self, port: int) -> list[str]:
        """The command line that starts the server on `port`."""
        args = [sys.executable, "-m", "molam_sandbox", "--host", self.host, "--port", str(port)]
        args += ["--db", self.db] if self.db is not None else ["--memory"]
        if self.fault_rate is not None:
            args += ["--fault-rate", str(self.fault_rate)]
        if self.fault_kinds is not None:
            args += ["--fault-kinds", ",".join(self.fault_kinds)]
        if self.seed is not None:
            args += ["--seed", str(self.seed)]
        return args + self.extra_args

    def start(self) -> Self:
        """Start the server and wait until it is healthy (a few tries, in case a port was taken meanwhile)."""
        last: Exception | None = None
        for _ in range(3):
            self.port = free_port(self.host)
            self._log = self.log_path.open("ab")
            env = dict(os.environ, PYTHONUNBUFFERED="1")
            self._process = subprocess.Popen(
                self.command(self.port), stdout=self._log, stderr=subprocess.STDOUT, env=env, cwd=os.getcwd()
            )
            try:
                wait_healthy(self.url, self.startup_timeout, self._process)
                return self
            except SandboxStartError as exc:
                last = exc
                self.stop()
                if "address already in use" not in self.read_log().lower():
                    break
        raise SandboxStartError(f"{last}\n--- sandbox log ({self.log_path}) ---\n{self.read_log()[-4000:]}")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None

    def kill(self) -> None:
        """Kill the server at once (SIGKILL: no cleanup, as in a crash) and wait for it to be gone."""
        process, self._process = self._process, None
        if process is not None:
            process.kill()
            process.wait(timeout=10)
        if self._log is not None:
            self._log.close()
            self._log = None

    @property
    def pid(self) -> int | None:
        """The server's process id while it runs."""
        return None if self._process is None else self._process.pid

    @property
    def running(self) -> bool:
        """Whether the server process is alive."""
        return self._process is not None and self._process.poll() is None

    def read_log(self) -> str:
        """Everything the server has logged so far."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"SandboxProcess(url={self.url!r}, db={self.db!r}, running={self.running})"
