"""`BackgroundPublisher`: hand recorded events to the dispatch from a thread, so the answer never waits for it.

In inbox mode the endpoint's answer waits only for the durable record. The event id is then queued here, in
memory, and a thread of this process publishes the queued ids in batches (with a `BatchDispatch`, such as
`CeleryDispatch`, a batch is one message: a worker fans it out). What it cannot publish is marked due in the
inbox, so that the next sweep enqueues it. What it never got to (the process was killed between the record
and the publish) is still recorded as ``received``, and the sweeper enqueues it ``stale_after`` seconds after
it was recorded: nothing acknowledged is lost, it only waits longer.

The thread starts on the first `submit` of each process (so a fork, as uvicorn's, gunicorn's or Celery's
prefork pool make, gets its own), and at interpreter exit the ids still queued are published for up to
`EXIT_FLUSH_SECONDS` (a graceful stop leaves nothing for the sweeper).
"""

from __future__ import annotations

import atexit
import collections
import os
import threading
import time
import weakref
from collections.abc import Callable, Sequence

from molam_sdk_ext.errors import check_at_least
from molam_sdk_ext.observability.logs import get_logger
from molam_sdk_ext.webhooks.dispatch import BatchDispatch, Dispatch, EnqueueStopped

__all__ = [
    "DEFAULT_LINGER",
    "DEFAULT_MAX_BATCH",
    "DEFAULT_MAX_PENDING",
    "EXIT_FLUSH_SECONDS",
    "BackgroundPublisher",
    "PublisherFull",
    "publish_batch",
]

logger = get_logger("molam.webhooks")

DEFAULT_MAX_BATCH = 200
"""Ids published as one batch at most."""
DEFAULT_LINGER = 0.01
"""Seconds the publisher waits, after an id arrives, for more to publish with it (fewer, larger batches: the
thread takes the interpreter's lock from the event loop less often)."""
DEFAULT_MAX_PENDING = 10_000
"""Ids queued at most; past that, `submit` raises `PublisherFull` (the endpoint marks the event due)."""
EXIT_FLUSH_SECONDS = 5.0
"""How long the interpreter's exit waits for the queued ids to be published."""

Unpublished = Callable[[str, BaseException], None]
"""Called in the publisher's thread for each id that could not be published, with what the broker raised."""


class PublisherFull(Exception):
    """The publisher holds `DEFAULT_MAX_PENDING` ids already (the broker is slow or down)."""


def publish_batch(dispatch: Dispatch, event_ids: Sequence[str]) -> tuple[list[str], BaseException | None]:
    """Enqueue `event_ids` (at once with a `BatchDispatch`, else one by one); return the ids not
    enqueued and the first error. Every id after a failure is left unsent: the broker is down, and each try
    could wait for a connection timeout."""
    if isinstance(dispatch, BatchDispatch):
        try:
            dispatch.enqueue_many(event_ids)
        except EnqueueStopped as stopped:
            return stopped.unsent, stopped.cause
        except Exception as e:
            return list(event_ids), e
        return [], None
    for index, event_id in enumerate(event_ids):
        try:
            dispatch.enqueue(event_id)
        except Exception as e:
            return list(event_ids[index:]), e
    return [], None


class BackgroundPublisher:
    """Publishes queued event ids from a thread, in batches of up to `max_batch` (see the module docstring).

    `publish(ids)` returns the ids it could not publish and the error; each of those goes to `unpublished`.
    A batch is published once `max_batch` ids are queued, or `linger` seconds after its first id arrived.
    """

    def __init__(
        self,
        publish: Callable[[Sequence[str]], tuple[list[str], BaseException | None]],
        unpublished: Unpublished,
        *,
        max_batch: int = DEFAULT_MAX_BATCH,
        max_pending: int = DEFAULT_MAX_PENDING,
        linger: float = DEFAULT_LINGER,
    ) -> None:
        check_at_least(1, "max_batch and max_pending must be 1 or more", max_batch, max_pending)
        check_at_least(0, "linger must be 0 or more seconds", linger)
        self.linger = linger
        self._publish = publish
        self._unpublished = unpublished
        self.max_batch = max_batch
        self.max_pending = max_pending
        self._reset()
        # Weak references: a processor dropped by its owner must not be kept alive by the interpreter's hooks.
        ref = weakref.WeakMethod(self._reset)
        os.register_at_fork(after_in_child=lambda: (method := ref()) is not None and method())
        exit_ref = weakref.WeakMethod(self.flush)
        atexit.register(lambda: (method := exit_ref()) is not None and method(EXIT_FLUSH_SECONDS))

    def _reset(self) -> None:
        # Also the child's state after a fork: the parent's queued ids are the parent's to publish, and its
        # thread and lock (which may have been held at the fork) do not exist here.
        self._changed = threading.Condition()
        self._pending: collections.deque[str] = collections.deque()
        self._busy = 0  # ids taken by the thread and not yet published or handed to `unpublished`
        self._thread: threading.Thread | None = None

    def __repr__(self) -> str:
        return f"BackgroundPublisher(pending={len(self._pending)}, max_batch={self.max_batch})"

    @property
    def pending(self) -> int:
        """Ids queued or being published."""
        return len(self._pending) + self._busy

    def submit(self, event_id: str) -> None:
        """Queue `event_id` for publishing; never waits for the broker. `PublisherFull` when it holds
        `max_pending` ids already."""
        with self._changed:
            if len(self._pending) >= self.max_pending:
                raise PublisherFull(f"{len(self._pending)} events are waiting to be published")
            self._pending.append(event_id)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="molam-webhooks-publisher", daemon=True
                )
                self._thread.start()
            if len(self._pending) in (1, self.max_batch):
                # Only what the thread waits for (a first id, a full batch): waking it at every id would
                # hand it the interpreter's lock as often, in the middle of the event loop's work.
                self._changed.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every id submitted so far is published (or handed to `unpublished`); False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._changed:
            while self._pending or self._busy:
                if self._thread is None or not self._thread.is_alive():
                    return False  # queued before a fork, or nothing runs them: the sweeper will
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._changed.wait(remaining)
        return True

    def _run(self) -> None:
        while True:
            with self._changed:
                while not self._pending:
                    self._changed.wait()
                deadline = time.monotonic() + self.linger
                while len(self._pending) < self.max_batch and (left := deadline - time.monotonic()) > 0:
                    self._changed.wait(left)
                batch = [self._pending.popleft() for _ in range(min(self.max_batch, len(self._pending)))]
                self._busy = len(batch)
            try:
                unsent, error = self._publish(batch)
            except Exception as e:  # a publish function that raised: nothing of the batch is known sent
                unsent, error = batch, e
            for event_id in unsent:
                try:
                    self._unpublished(event_id, error or RuntimeError("not published"))
                except Exception:
                    logger.exception("webhook %s: not published, and marking it due failed", event_id)
            with self._changed:
                self._busy = 0
                self._changed.notify_all()
