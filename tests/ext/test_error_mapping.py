"""Every non-2xx status becomes its typed error through the client (no retries here)."""

from __future__ import annotations

import httpx
import pytest

from molam_sdk.requester import Request, RequestOptions
from molam_sdk_ext import Molam
from molam_sdk_ext.errors import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    IdempotencyError,
    InternalServerError,
    InvalidRequestError,
    MolamError,
    NotFoundError,
    PaymentError,
    PermissionDeniedError,
    RateLimitError,
)
from tests.support.transport import TEST_KEY

RETRIEVE = Request("get", "/v1/connect/payment_intents/pi_1")


def send(response: httpx.Response) -> MolamError:
    client = Molam(
        TEST_KEY, transport=httpx.MockTransport(lambda r: response), max_retries=0, circuit_breaker=False
    )
    with client, pytest.raises(MolamError) as info:
        client.request(RETRIEVE, RequestOptions())
    return info.value


def body(error_type: str, code: str = "some_code", **extra: str) -> dict[str, object]:
    return {
        "error": {
            "type": error_type,
            "code": code,
            "message": "It went wrong.",
            "request_id": "req_body",
            **extra,
        }
    }


@pytest.mark.parametrize(
    ("status", "error_type", "cls"),
    [
        (400, "invalid_request_error", BadRequestError),
        (401, "authentication_error", AuthenticationError),
        (402, "payment_error", PaymentError),
        (403, "permission_error", PermissionDeniedError),
        (404, "not_found_error", NotFoundError),
        (409, "invalid_request_error", ConflictError),
        (409, "idempotency_error", IdempotencyError),
        (418, "api_error", APIError),
        (422, "invalid_request_error", BadRequestError),
        (429, "rate_limit_error", RateLimitError),
        (500, "api_error", InternalServerError),
        (502, "api_error", InternalServerError),
        (503, "api_error", InternalServerError),
        (504, "api_error", InternalServerError),
    ],
)
def test_status_to_class(status: int, error_type: str, cls: type[APIError]) -> None:
    error = send(
        httpx.Response(status, json=body(error_type, param="amount"), headers={"Molam-Request-Id": "req_h"})
    )
    assert type(error) is cls
    assert isinstance(error, APIError)
    assert error.status == status
    assert error.type == error_type
    assert error.code == "some_code"
    assert error.message == "It went wrong."
    assert error.param == "amount"
    assert error.request_id == "req_body"
    assert f"[{status} {error_type} some_code]" in str(error)
    assert TEST_KEY not in str(error) + repr(error)


def test_invalid_request_alias() -> None:
    assert InvalidRequestError is BadRequestError


def test_rate_limit_retry_after_and_server_hint() -> None:
    error = send(
        httpx.Response(
            429, json=body("rate_limit_error"), headers={"Retry-After": "4", "Molam-Should-Retry": "false"}
        )
    )
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 4.0
    assert error.should_retry is False


def test_request_id_from_header_when_the_body_has_none() -> None:
    error = send(
        httpx.Response(
            404, json={"error": {"type": "not_found_error"}}, headers={"Molam-Request-Id": "req_7"}
        )
    )
    assert isinstance(error, NotFoundError)
    assert error.request_id == "req_7"
    assert "HTTP 404" in error.message


@pytest.mark.parametrize("content", [b"", b"<html>Bad gateway</html>", b"[1, 2]", b'{"error": "flat"}'])
def test_bodies_that_are_not_our_shape(content: bytes) -> None:
    error = send(httpx.Response(502, content=content))
    assert isinstance(error, InternalServerError)
    assert error.status == 502
    assert error.message


def test_redirects_are_not_followed_and_are_errors() -> None:
    error = send(httpx.Response(302, headers={"Location": "https://elsewhere.example/"}))
    assert type(error) is APIError
    assert error.status == 302
