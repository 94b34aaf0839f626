# Generated from spec/molam.yaml by `make generate`; do not edit.
"""`with_raw_response`: the same resource methods, returning the HTTP response along with the parsed result.

The raw variants are not copies of the resources: `to_raw_response_wrapper(resource.create)` calls the typed
method itself while capturing the HTTP response it received (openai-python's pattern), so every signature,
overload and docstring exists once. The capture is per call (a context variable), so threads and tasks that
share a client never see each other's responses.
"""

from __future__ import annotations

import contextvars
import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar

import attrs

if TYPE_CHECKING:
    import httpx

    from .pagination import AsyncPage, SyncPage

__all__ = [
    "RawResponse",
    "async_to_raw_page_wrapper",
    "async_to_raw_response_wrapper",
    "record_response",
    "to_raw_page_wrapper",
    "to_raw_response_wrapper",
]

T = TypeVar("T")
E = TypeVar("E")
P = ParamSpec("P")


@attrs.frozen
class RawResponse(Generic[T]):
    """A parsed result together with the HTTP response it came from.

    Returned by `molam.with_raw_response.<resource>.<method>(...)`::

        raw = molam.with_raw_response.payment_intents.create(amount=15000, currency="XOF")
        raw.status_code, raw.request_id, raw.idempotent_replayed
        intent = raw.parsed

    For a list method `parsed` is the list model of the page received (`data`, `has_more`, `next_cursor`).
    """

    http_response: httpx.Response
    parsed: T

    @property
    def status_code(self) -> int:
        """The HTTP status code."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (case-insensitive)."""
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The `Molam-Request-Id` the server gave this response: quote it to support."""
        request_id: str | None = self.http_response.headers.get("molam-request-id")
        return request_id

    @property
    def idempotent_replayed(self) -> bool:
        """True when the server replayed a stored response for a repeated idempotency key."""
        replayed: str = self.http_response.headers.get("idempotent-replayed", "")
        return replayed.lower() == "true"


class _Capture:
    """Where the response of the call being wrapped lands (the first one: a list's first page)."""

    __slots__ = ("response",)

    def __init__(self) -> None:
        self.response: httpx.Response | None = None


_capture: contextvars.ContextVar[_Capture | None] = contextvars.ContextVar("molam_raw_response", default=None)


def record_response(response: httpx.Response) -> None:
    """Called by the resources with every response they receive; kept only inside a raw wrapper's call."""
    capture = _capture.get()
    if capture is not None and capture.response is None:
        capture.response = response


def _raw(capture: _Capture, parsed: T) -> RawResponse[T]:
    if capture.response is None:  # only a requester that bypasses the resources could get here
        raise RuntimeError("the wrapped method sent no request")
    return RawResponse(http_response=capture.response, parsed=parsed)


def to_raw_response_wrapper(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """`method` (a bound resource method) returning a `RawResponse` of its result instead."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        capture = _Capture()
        token = _capture.set(capture)
        try:
            parsed = method(*args, **kwargs)
        finally:
            _capture.reset(token)
        return _raw(capture, parsed)

    return wrapped


def async_to_raw_response_wrapper(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """The async twin of `to_raw_response_wrapper`."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        capture = _Capture()
        token = _capture.set(capture)
        try:
            parsed = await method(*args, **kwargs)
        finally:
            _capture.reset(token)
        return _raw(capture, parsed)

    return wrapped


def _envelope(page: SyncPage[Any] | AsyncPage[Any], envelope: type[E]) -> E:
    value = page.envelope
    if not isinstance(value, envelope):  # only a hand-made fetch function could get here
        raise TypeError(f"expected a {envelope.__name__} page, got {type(value).__name__}")
    return value


def to_raw_page_wrapper(method: Callable[P, SyncPage[Any]], envelope: type[E]) -> Callable[P, RawResponse[E]]:
    """A list method returning a `RawResponse` of the list model it received (`envelope`), not a page."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[E]:
        capture = _Capture()
        token = _capture.set(capture)
        try:
            page = method(*args, **kwargs)
        finally:
            _capture.reset(token)
        return _raw(capture, _envelope(page, envelope))

    return wrapped


def async_to_raw_page_wrapper(
    method: Callable[P, Awaitable[AsyncPage[Any]]], envelope: type[E]
) -> Callable[P, Awaitable[RawResponse[E]]]:
    """The async twin of `to_raw_page_wrapper`."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> RawResponse[E]:
        capture = _Capture()
        token = _capture.set(capture)
        try:
            page = await method(*args, **kwargs)
        finally:
            _capture.reset(token)
        return _raw(capture, _envelope(page, envelope))

    return wrapped
