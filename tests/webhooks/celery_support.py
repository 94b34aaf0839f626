"""Real Celery processes for the inbox tests: workers and beat for ``tests.webhooks.inbox_app``, started with
subprocess and stopped (or SIGKILLed) by pid; and the environment that configures the app in each of them."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import redis

from molam_sdk_ext.webhooks.celery_dispatch import ENQUEUE_TASK, WORK_TASK
from tests.support import wait_for

ROOT = Path(__file__).resolve().parents[2]
APP = "tests.webhooks.inbox_app"


def app_env(broker: str, inbox: str, effects: Path, **settings: str) -> dict[str, str]:
    """The environment of every process of one test (``settings``: ``MOLAM_TEST_*`` names without prefix)."""
    env = dict(os.environ)
    env.update(
        MOLAM_TEST_BROKER=broker,
        MOLAM_TEST_INBOX=inbox,
        MOLAM_TEST_EFFECTS=str(effects),
        PYTHONPATH=str(ROOT),
    )
    env.update({f"MOLAM_TEST_{k.upper()}": v for k, v in settings.items()})
    return env


def parent_pid(pid: int) -> int | None:
    """The parent of process `pid` (from /proc), or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: the fields after the last ")" follow.
    return int(stat.rpartition(")")[2].split()[1])


def children(parents: set[int]) -> list[int]:
    """The pids of the live processes whose parent is in `parents`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and parent_pid(int(entry.name)) in parents:
            found.append(int(entry.name))
    return found


class CeleryProcesses:
    """Workers and beat, each logging into ``effects/<name>.log``.

    Workers use Celery's default pool, prefork, with `concurrency` pool processes each (the handler runs in a
    pool process: that is the one to SIGKILL mid-handler); ``pool="solo"`` runs it in the worker itself.
    """

    def __init__(
        self, env: dict[str, str], effects: Path, *, pool: str = "prefork", concurrency: int = 2
    ) -> None:
        self.env = env
        self.effects = effects
        self.pool = pool
        self.concurrency = concurrency
        self.workers: dict[str, subprocess.Popen[bytes]] = {}
        self.beat: subprocess.Popen[bytes] | None = None
        self._started = 0

    def _spawn(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        log = open(self.effects / f"{name}.log", "ab")  # noqa: SIM115 - closed when the process is reaped
        try:
            return subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", APP, *args],
                cwd=ROOT, env=self.env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        finally:
            log.close()

    def start_worker(self) -> str:
        """Start one more worker; return its name."""
        self._started += 1
        name = f"worker{self._started}"
        self.workers[name] = self._spawn(
            name,
            [
                "worker",
                "-P",
                self.pool,
                *(["-c", str(self.concurrency)] if self.pool == "prefork" else []),
                "-n",
                f"{name}@%h",
                "-l",
                "WARNING",
                "--without-gossip",
                "--without-mingle",
            ],
        )
        return name

    def start_beat(self) -> None:
        """Start Celery beat (it schedules the sweeper)."""
        self.beat = self._spawn("beat", ["beat", "-l", "WARNING", "-s", str(self.effects / "beat-schedule")])

    def kill(self, pid: int) -> bool:
        """SIGKILL the process with this pid if it is one of ours and alive: a pool process of one of our
        workers (its worker starts a new one), or a worker itself (then a new worker is started)."""
        parent = parent_pid(pid)
        if any(proc.pid == parent and proc.poll() is None for proc in self.workers.values()):
            os.kill(pid, signal.SIGKILL)
            return True
        for name, proc in list(self.workers.items()):
            if proc.pid == pid and proc.poll() is None:
                os.kill(pid, signal.SIGKILL)
                proc.wait()
                del self.workers[name]
                self.start_worker()
                return True
        return False

    def alive(self) -> int:
        """How many workers run."""
        return sum(1 for p in self.workers.values() if p.poll() is None)

    def stop(self) -> None:
        """Stop everything (TERM, then KILL after 10 s; a killed worker's pool processes too)."""
        procs = [*self.workers.values(), *([self.beat] if self.beat else [])]
        pool = children({proc.pid for proc in procs})
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 10
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        for pid in pool:  # orphaned by a worker killed above (a warm shutdown has ended them already)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def celery_processes(
    env: dict[str, str],
    effects: Path,
    workers: int,
    beat: bool = True,
    *,
    pool: str = "prefork",
    concurrency: int = 2,
) -> Iterator[CeleryProcesses]:
    """Workers (and beat) for the duration of the block."""
    procs = CeleryProcesses(env, effects, pool=pool, concurrency=concurrency)
    try:
        for _ in range(workers):
            procs.start_worker()
        if beat:
            procs.start_beat()
        yield procs
    finally:
        procs.stop()


def lines(path: Path) -> list[str]:
    """The event ids of a trace file (first word of each line)."""
    try:
        return [line.split()[0] for line in path.read_text().splitlines() if line.strip()]
    except FileNotFoundError:
        return []


def wait_until(condition: Callable[[], object], timeout: float, what: str, interval: float = 0.2) -> None:
    """`tests.support.wait_for` as these tests spell it: ``timeout`` and ``what`` positional, a 0.2 s poll."""
    wait_for(condition, timeout=timeout, what=what, interval=interval)


def queued_event_ids(broker: str, queue: str = "celery") -> list[str]:
    """The event ids waiting in the broker's `queue` (Redis): one per work task, a batch per fan-out task
    (``molam.webhooks.enqueue``), sorted."""
    client = redis.Redis.from_url(broker)
    try:
        messages = [json.loads(m) for m in client.lrange(queue, 0, -1)]
    finally:
        client.close()
    found: list[str] = []
    for message in messages:
        args = json.loads(base64.b64decode(message["body"]))[0]
        task = message["headers"]["task"]
        if task == WORK_TASK:
            found.append(args[0])
        elif task == ENQUEUE_TASK:
            found.extend(args[0])
    return sorted(found)
