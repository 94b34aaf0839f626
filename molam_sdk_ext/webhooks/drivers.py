"""The two drivers of the delivery steps (`molam_sdk_ext.webhooks.steps`): they perform the operations the steps
ask for, and throw what they raised back in. Only where the I/O runs differs:

- `drive` (`WebhookProcessor.process` / `work`): in this thread; the handler under a `Heartbeat` thread; a
  coroutine handler run to completion in its own event loop;
- `adrive` (`aprocess`): on the event loop; a plain handler in a worker thread (it must not block the loop); a
  blocking store's calls in a worker thread too; the heartbeat as a task.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import inspect
import time
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from molam_sdk_ext.stores.webhook_events import AsyncWebhookEventStore, WebhookEventStore
from molam_sdk_ext.webhooks.leases import Heartbeat, Lease, renew_until_cancelled
from molam_sdk_ext.webhooks.outcomes import ProcessResult
from molam_sdk_ext.webhooks.steps import (
    Call,
    DispatchFailure,
    Enqueue,
    HandlerFailure,
    Op,
    Renew,
    Steps,
    StoreFailure,
    StoreOp,
    call_store,
)

__all__ = ["AsyncStoreCaller", "adrive", "drive", "run_coroutine"]


def run_coroutine(awaitable: Awaitable[Any]) -> Any:
    """Run an awaitable to completion from sync code, even when this thread already runs an event loop."""

    async def wrapper() -> Any:
        return await awaitable

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(wrapper())
    # A loop is running in this thread (sync `process` called from async code): use a private thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, wrapper()).result()


def _resume(steps: Steps, reply: Any, failure: BaseException | None) -> Op | ProcessResult:
    """The next operation `steps` asks for, given the last one's reply (or what it raised); or its result."""
    try:
        return steps.send(reply) if failure is None else steps.throw(failure)
    except StopIteration as stop:
        result: ProcessResult = stop.value
        return result


def drive(steps: Steps, store: WebhookEventStore, enqueue: Callable[[str], None]) -> ProcessResult:
    """Perform each operation `steps` asks for, in this thread; return the delivery's result."""
    reply: Any = None
    failure: BaseException | None = None
    while not isinstance(op := _resume(steps, reply, failure), ProcessResult):
        reply, failure = None, None
        if isinstance(op, Call):
            heartbeat = Heartbeat(store, op.lease) if op.lease is not None else contextlib.nullcontext()
            started = time.perf_counter()
            try:
                with heartbeat:
                    value = op.handler(op.event)
                    if inspect.isawaitable(value):
                        run_coroutine(value)
                reply = time.perf_counter() - started
            except Exception as e:
                failure = HandlerFailure(e, time.perf_counter() - started)
            continue
        if isinstance(op, Enqueue):
            try:
                enqueue(op.event_id)
            except Exception as e:
                failure = DispatchFailure(e)
            continue
        try:
            reply = call_store(store, op)
        except Exception as e:
            failure = StoreFailure(e)
    return op


class AsyncStoreCaller:
    """Performs store operations for an event loop: awaited for an async store, in a worker thread for a
    blocking one, inline for a memory store (it never blocks: no thread hop)."""

    def __init__(
        self, store: WebhookEventStore | AsyncWebhookEventStore, *, is_async: bool, blocks: bool
    ) -> None:
        self._store = store
        self._is_async = is_async
        self._blocks = blocks

    async def __call__(self, op: StoreOp) -> Any:
        """The result of `op`."""
        call: Callable[[], Any] = lambda: call_store(self._store, op)  # noqa: E731
        if self._is_async:
            coroutine: Coroutine[Any, Any, Any] = call()
            return await coroutine
        if self._blocks:
            return await asyncio.to_thread(call)
        return call()


async def adrive(
    steps: Steps, store: AsyncStoreCaller, enqueue: Callable[[str], None], *, enqueue_blocks: bool = True
) -> ProcessResult:
    """Perform each operation `steps` asks for, on the event loop; return the delivery's result.
    `enqueue_blocks`: `enqueue` publishes to the broker itself (then it runs in a worker thread), rather than
    handing the id to a background publisher."""
    reply: Any = None
    failure: BaseException | None = None
    while not isinstance(op := _resume(steps, reply, failure), ProcessResult):
        reply, failure = None, None
        if isinstance(op, Call):
            heartbeat = None if op.lease is None else asyncio.create_task(_aheartbeat(store, op.lease))
            started = time.perf_counter()
            try:
                if inspect.iscoroutinefunction(op.handler):
                    await op.handler(op.event)
                else:
                    value = await asyncio.to_thread(op.handler, op.event)
                    if inspect.isawaitable(value):
                        await value
                reply = time.perf_counter() - started
            except Exception as e:
                failure = HandlerFailure(e, time.perf_counter() - started)
            finally:
                if heartbeat is not None:
                    heartbeat.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await heartbeat
            continue
        if isinstance(op, Enqueue):
            try:
                if enqueue_blocks:
                    await asyncio.to_thread(enqueue, op.event_id)  # publishing to a broker is blocking I/O
                else:
                    enqueue(op.event_id)
            except Exception as e:
                failure = DispatchFailure(e)
            continue
        try:
            reply = await store(op)
        except Exception as e:
            failure = StoreFailure(e)
    return op


async def _aheartbeat(store: AsyncStoreCaller, lease: Lease) -> None:
    async def renew() -> bool:
        renewed: bool = await store(Renew(lease.event_id, lease.holder))
        return renewed

    await renew_until_cancelled(lease, renew)
