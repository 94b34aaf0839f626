"""Merchant-side idempotency on FastAPI/Starlette, Django (middleware and decorator) and Flask: the same
behaviour everywhere, from the shared decisions in `molam_sdk_ext.idempotency.merchant`."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from molam_sdk_ext.errors import StoreError
from molam_sdk_ext.idempotency.guard import IdempotencyKeyInUseError, IdempotencyKeyReusedError
from molam_sdk_ext.idempotency.merchant import (
    MerchantIdempotency,
    Passthrough,
    Reject,
    classify,
    default_scope,
    guard_target,
    refusal_response,
    stored_response,
)
from molam_sdk_ext.stores import BeginResult, MemoryIdempotencyStore
from molam_sdk_ext.stores.idempotency_records import fingerprint_request as request_fingerprint
from tests.shared_state.adapters import FRAMEWORKS, make_shop

BODY = json.dumps({"order_id": "1042", "amount": 15000}).encode()
AUTH = "Bearer session-of-customer-1"


def headers(key: str = "click-1", auth: str = AUTH) -> dict[str, str]:
    return {"Idempotency-Key": key, "Authorization": auth}


class DownStore(MemoryIdempotencyStore):
    def begin(self, key: str, fingerprint: str) -> BeginResult:
        raise StoreError("redis store at redis://127.0.0.1:1/0 failed: ConnectionError: refused")


# ---------------------------------------------------------------------------------------------- pure core


def test_classify() -> None:
    options = MerchantIdempotency(paths=["/pay"])
    assert classify(options, "GET", "/pay", "k") == Passthrough()
    assert classify(options, "POST", "/elsewhere", "k") == Passthrough()
    assert classify(options, "POST", "/pay", None) == Passthrough()
    assert classify(options, "post", "/pay/123", "k") == "k"
    required = classify(MerchantIdempotency(require_key=True), "POST", "/pay", None)
    assert isinstance(required, Reject) and required.response.status == 400
    for bad in ("", "x" * 256, "has space", "é"):
        rejected = classify(options, "POST", "/pay", bad)
        assert isinstance(rejected, Reject) and b"idempotency_key_invalid" in rejected.response.body
    assert classify(MerchantIdempotency(methods=["put"]), "PUT", "/x", "k") == "k"


def test_targets_are_scoped_and_fingerprints_canonical() -> None:
    one = guard_target("k", default_scope(AUTH), "POST", "/pay", BODY)
    other_client = guard_target("k", default_scope("Bearer someone-else"), "POST", "/pay", BODY)
    assert one.store_key != other_client.store_key and one.store_key.endswith(":k")
    assert guard_target("k", "", "POST", "/pay", BODY).store_key == "http:-:k"
    reordered = json.dumps({"amount": 15000, "order_id": "1042"}, indent=2).encode()
    assert request_fingerprint("POST", "/pay", BODY) == request_fingerprint("POST", "/pay", reordered)
    assert request_fingerprint("POST", "/pay", BODY) != request_fingerprint("POST", "/pay?x=1", BODY)
    assert request_fingerprint("POST", "/pay", b"not json") != request_fingerprint(
        "POST", "/pay", b"not json!"
    )
    assert default_scope(None) == "" and AUTH not in default_scope(AUTH)


def test_stored_and_refusal_responses() -> None:
    kept = stored_response(
        201, [("Content-Type", "a/b"), ("Set-Cookie", "s=1"), ("Date", "x"), ("X-A", "1")], b""
    )
    assert kept.headers == (("Content-Type", "a/b"), ("X-A", "1"))
    reused = refusal_response(IdempotencyKeyReusedError("m", key="k"))
    assert reused.status == 409 and json.loads(reused.body)["error"]["code"] == "idempotency_key_reused"
    in_use = refusal_response(IdempotencyKeyInUseError("m", key="k", retry_after=2.4))
    assert in_use.status == 409 and ("Retry-After", "2") in in_use.headers
    assert ("Molam-Should-Retry", "true") in in_use.headers
    down = refusal_response(StoreError("x"))
    assert down.status == 503 and json.loads(down.body)["error"]["code"] == "idempotency_store_unavailable"


# ---------------------------------------------------------------------------------------------- adapters


@pytest.fixture(params=FRAMEWORKS)
def framework(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


def test_a_repeat_replays_the_first_response(framework: str) -> None:
    shop = make_shop(framework, MemoryIdempotencyStore(), paths=["/pay", "/flaky"])
    first = shop.post("/pay", BODY, headers())
    again = shop.post("/pay", BODY, headers())
    assert shop.calls == {"/pay": 1}
    assert (first.status, first.json()["call"], again.status, again.body) == (200, 1, 200, first.body)
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert again.headers["x-custom"] == "1" and again.headers["content-type"].startswith("application/json")
    assert "session=abc" in first.headers["set-cookie"]  # the first caller gets the cookie...
    assert "set-cookie" not in again.headers  # ...a replay does not hand it to whoever repeats the key
    assert shop.post("/pay", BODY, headers("click-2")).json()["call"] == 2  # a new key is a new request


def test_a_reused_key_with_another_body_is_409(framework: str) -> None:
    shop = make_shop(framework, MemoryIdempotencyStore())
    shop.post("/pay", BODY, headers())
    reused = shop.post("/pay", BODY.replace(b"15000", b"15001"), headers())
    assert reused.status == 409 and reused.json()["error"]["code"] == "idempotency_key_reused"
    assert "different request" in reused.json()["error"]["message"]
    assert shop.calls == {"/pay": 1}


def test_a_twin_still_running_is_409_retry_later(framework: str) -> None:
    store = MemoryIdempotencyStore()
    shop = make_shop(framework, store, wait=0)
    target = guard_target("click-1", default_scope(AUTH), "POST", "/pay", BODY)
    store.begin(target.store_key, target.fingerprint)  # the twin holds the claim
    busy = shop.post("/pay", BODY, headers())
    assert busy.status == 409 and busy.json()["error"]["code"] == "idempotency_key_in_use"
    assert busy.headers["retry-after"] == "1" and busy.headers["molam-should-retry"] == "true"
    assert shop.calls == {}


def test_a_server_error_is_not_kept(framework: str) -> None:
    shop = make_shop(framework, MemoryIdempotencyStore())
    assert shop.post("/flaky", BODY, headers()).status == 503
    retried = shop.post("/flaky", BODY, headers())
    assert (
        retried.status == 200 and retried.json()["call"] == 2 and "idempotent-replayed" not in retried.headers
    )
    assert shop.post("/flaky", BODY, headers()).headers["idempotent-replayed"] == "true"


def test_requests_without_a_key_or_not_guarded_pass_through(framework: str) -> None:
    shop = make_shop(framework, MemoryIdempotencyStore())
    shop.post("/pay", BODY, {})
    shop.post("/pay", BODY, {})
    shop.get("/pay")
    assert shop.calls == {"/pay": 3}
    strict = make_shop(framework, MemoryIdempotencyStore(), require_key=True)
    refused = strict.post("/pay", BODY, {})
    assert refused.status == 400 and refused.json()["error"]["code"] == "idempotency_key_missing"
    assert strict.calls == {}


def test_keys_are_per_client(framework: str) -> None:
    shop = make_shop(framework, MemoryIdempotencyStore())
    mine = shop.post("/pay", BODY, headers())
    theirs = shop.post("/pay", BODY, headers(auth="Bearer another-customer"))
    assert (mine.json()["call"], theirs.json()["call"]) == (1, 2)


def test_a_store_outage_refuses_without_running(framework: str) -> None:
    shop = make_shop(framework, DownStore())
    down = shop.post("/pay", BODY, headers())
    assert down.status == 503 and down.headers["retry-after"] == "1"
    assert shop.calls == {}


def test_concurrent_twins_get_one_run(framework: str) -> None:
    shop = make_shop(framework, MemoryIdempotencyStore(), wait=10)
    barrier = threading.Barrier(10)

    def click(_: int) -> bytes:
        barrier.wait(timeout=30)
        reply = shop.post("/pay", BODY, headers())
        assert reply.status == 200
        return reply.body

    with ThreadPoolExecutor(10) as pool:
        bodies = set(pool.map(click, range(10)))
    assert shop.calls == {"/pay": 1} and len(bodies) == 1


def test_paths_limit_the_middleware() -> None:
    for framework in ("starlette", "django-middleware"):
        shop = make_shop(framework, MemoryIdempotencyStore(), paths=["/pay"])
        shop.post("/other", BODY, headers())
        shop.post("/other", BODY, headers())
        assert shop.calls == {"/other": 2}


def test_django_middleware_needs_a_store(monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.exceptions import ImproperlyConfigured
    from django.test import override_settings

    from molam_sdk_ext.idempotency.django import IdempotencyMiddleware
    from tests.fixtures.django_config import configure_django

    configure_django()
    monkeypatch.delenv("MOLAM_STORE_URL", raising=False)
    with (
        override_settings(MOLAM_IDEMPOTENCY={}),
        pytest.raises(ImproperlyConfigured, match="MOLAM_STORE_URL"),
    ):
        IdempotencyMiddleware(lambda request: None)  # type: ignore[arg-type, return-value]
    monkeypatch.setenv("MOLAM_STORE_URL", "memory://")
    with override_settings(MOLAM_IDEMPOTENCY={}):
        assert IdempotencyMiddleware(lambda request: None).handler.guard.store is not None  # type: ignore[arg-type, return-value]
