"""Helpers shared by the tests: plain Python, imported by name, never through a ``conftest.py``.

A ``conftest.py`` holds fixtures; whatever a test module imports lives here (or in ``tests/fixtures``, the
plugins that start servers), so importing a test helper never executes another directory's pytest setup.

- `waiting`: `wait_for`, the one bounded polling loop.
- `net`: `free_port` and `wait_listening`.
- `processes`: `stop_process` (SIGTERM, then SIGKILL) for the subprocesses tests start.
- `transport`: scripted httpx answers, a fake clock and a test key for the client-layer tests.
- `stores`: the store contract tests' backends, fake clock and awaitable face.
- `receivers`: loopback HTTP servers recording the sandbox's webhook deliveries.
- `cli`, `accounts`, `integration`, `spec`, `packaging`: one area's helpers each.
"""

from __future__ import annotations

from tests.support.net import free_port, wait_listening
from tests.support.processes import stop_process
from tests.support.waiting import wait_for

__all__ = ["free_port", "stop_process", "wait_for", "wait_listening"]
