"""Unit tests of the sandbox's pure parts: fault decisions, auth, fingerprints, params, state, URLs."""

from __future__ import annotations

import pytest

from molam_sandbox import models
from molam_sandbox.auth import account_for_key, authenticate
from molam_sandbox.delivery import retry_delay
from molam_sandbox.errors import SandboxError
from molam_sandbox.faults import (
    ALL_KINDS,
    FaultConfig,
    FaultInjector,
    FaultKind,
    choose_fault,
    parse_kinds,
)
from molam_sandbox.settings import SandboxSettings
from molam_sandbox.state import Database, Filter
from molam_sandbox.validation import error_param, parse_body
from molam_sandbox.webhook_endpoints import is_loopback_url
from molam_sdk_ext.stores.idempotency_records import fingerprint_request as fingerprint


def test_choose_fault_header_wins() -> None:
    config = FaultConfig(rate=0.0)
    assert choose_fault(config, "503", roll=0.99, pick=0.0) is FaultKind.HTTP_503
    assert choose_fault(config, " Commit_Then_Drop ", roll=0.99, pick=0.0) is FaultKind.COMMIT_THEN_DROP
    assert choose_fault(FaultConfig(rate=1.0), "none", roll=0.0, pick=0.0) is None
    assert choose_fault(config, None, roll=0.0, pick=0.0) is None
    with pytest.raises(ValueError):
        choose_fault(config, "earthquake", roll=0.0, pick=0.0)
    with pytest.raises(ValueError):
        choose_fault(config, "500,503", roll=0.0, pick=0.0)


def test_choose_fault_by_rate() -> None:
    config = FaultConfig(rate=0.3, kinds=(FaultKind.HTTP_500, FaultKind.DROP))
    assert choose_fault(config, None, roll=0.29, pick=0.0) is FaultKind.HTTP_500
    assert choose_fault(config, None, roll=0.29, pick=0.99) is FaultKind.DROP
    assert choose_fault(config, None, roll=0.3, pick=0.0) is None


def test_injector_is_reproducible_and_covers_kinds() -> None:
    draws = [FaultInjector(FaultConfig(rate=1.0, seed=9)).decide(None) for _ in range(3)]
    assert len(set(draws)) == 1
    injector = FaultInjector(FaultConfig(rate=1.0, seed=9))
    assert {injector.decide(None) for _ in range(400)} == set(ALL_KINDS)
    quiet = FaultInjector(FaultConfig(rate=0.25, seed=1))
    hits = sum(quiet.decide(None) is not None for _ in range(4000))
    assert 800 < hits < 1200


def test_parse_kinds_and_config() -> None:
    assert parse_kinds("500, drop,500") == (FaultKind.HTTP_500, FaultKind.DROP)
    assert parse_kinds(["slow"]) == (FaultKind.SLOW,)
    with pytest.raises(ValueError, match="unknown fault kind"):
        parse_kinds("500,504")
    with pytest.raises(ValueError):
        FaultConfig(rate=1.5)
    with pytest.raises(ValueError):
        FaultConfig(rate=0.5, kinds=())


def test_authenticate() -> None:
    assert authenticate("Bearer sk_test_abcdefgh") == account_for_key("sk_test_abcdefgh")
    assert authenticate("bearer   sk_test_abcdefgh  ") == account_for_key("sk_test_abcdefgh")
    assert account_for_key("sk_test_abcdefgh") != account_for_key("sk_test_abcdefgi")
    assert "abcdefgh" not in account_for_key("sk_test_abcdefgh")
    for header, code in [
        (None, "missing_api_key"),
        ("Token sk_test_abcdefgh", "invalid_api_key"),
        ("Bearer sk_test_abc", "invalid_api_key"),
        ("Bearer sk_live_abcdefgh", "live_key_not_allowed"),
        ("Bearer jwt_abc", "jwt_not_supported"),
    ]:
        with pytest.raises(SandboxError) as exc:
            authenticate(header)
        assert exc.value.status == 401 and exc.value.code == code
        assert "abcdefgh" not in exc.value.message


def test_fingerprint_is_canonical() -> None:
    a = fingerprint("POST", "/v1/x", b'{"a": 1, "b": {"c": 2, "d": 3}}')
    assert a == fingerprint("post", "/v1/x", b'{"b":{"d":3,"c":2},"a":1}')
    assert a != fingerprint("POST", "/v1/y", b'{"a": 1, "b": {"c": 2, "d": 3}}')
    assert a != fingerprint("POST", "/v1/x", b'{"a": 2, "b": {"c": 2, "d": 3}}')
    assert fingerprint("POST", "/v1/x", b"not json") != fingerprint("POST", "/v1/x", b"not json!")
    # Path and body are length-prefixed: moving bytes between them changes the fingerprint.
    assert fingerprint("POST", "/v1/x1", b"2") != fingerprint("POST", "/v1/x", b"12")


def test_error_param() -> None:
    data = {
        "beneficiary": {"type": "mobile_money", "msisdn": "7"},
        "enabled_events": ["x"],
        "metadata": {"k": 1},
    }
    assert error_param(("beneficiary", "mobile_money", "msisdn"), data) == "beneficiary.msisdn"
    assert error_param(("enabled_events", 0), data) == "enabled_events.0"
    assert error_param(("metadata", "k", "[key]"), data) == "metadata.k"
    assert error_param(("amount",), data) == "amount"
    assert error_param((), data) is None


def test_parse_body() -> None:
    assert parse_body(
        b'{"amount": 5, "currency": "XOF", "description": null}', models.CreatePaymentIntentRequest
    ) == {
        "amount": 5,
        "currency": "XOF",
    }
    assert parse_body(b"", models.CancelPaymentIntentRequest) == {}
    with pytest.raises(SandboxError) as exc:
        parse_body(b'{"amount": true, "currency": "XOF"}', models.CreatePaymentIntentRequest)
    assert exc.value.param == "amount"


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1:8000/hook", True),
        ("https://localhost/hook", True),
        ("http://[::1]:9000/", True),
        ("http://127.9.9.9/", True),
        ("https://example.com/hook", False),
        ("http://192.168.1.1/", False),
        ("ftp://127.0.0.1/", False),
        ("http://127.0.0.1:notaport/", False),
        ("http://127.0.0.1.example.com/", False),
        ("not a url", False),
    ],
)
def test_loopback_only(url: str, allowed: bool) -> None:
    assert is_loopback_url(url) is allowed


def test_retry_delay_doubles_and_caps() -> None:
    settings = SandboxSettings(webhook_backoff=0.5, webhook_backoff_max=3.0)
    assert [retry_delay(settings, n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_state_pages_are_newest_first_and_stable() -> None:
    db = Database(None, tables=["charges"])
    with db.transaction() as tx:
        for i in range(5):
            tx.insert(
                "charges", "acct_a", {"id": f"ch_{i}", "created": 100 + i, "status": "s" if i % 2 else "f"}
            )
        tx.insert("charges", "acct_b", {"id": "ch_other", "created": 1, "status": "s"})
    with db.read() as tx:
        first = tx.page("charges", "acct_a", limit=2)
        assert [d["id"] for d in first.data] == ["ch_4", "ch_3"] and first.body()["next_cursor"] == "ch_3"
        assert [d["id"] for d in tx.page("charges", "acct_a", limit=10, starting_after="ch_3").data] == [
            "ch_2",
            "ch_1",
            "ch_0",
        ]
        assert tx.page("charges", "acct_a", limit=3, starting_after="ch_2").body()["next_cursor"] is None
        only_s = tx.page("charges", "acct_a", limit=10, filters=[Filter("status", "=", "s")])
        assert [d["id"] for d in only_s.data] == ["ch_3", "ch_1"]
        recent = tx.page("charges", "acct_a", limit=10, filters=[Filter("created", ">=", 103)])
        assert [d["id"] for d in recent.data] == ["ch_4", "ch_3"]
        with pytest.raises(SandboxError):
            tx.page("charges", "acct_a", limit=2, starting_after="ch_other")


def test_state_transactions_roll_back_and_savepoints_isolate() -> None:
    db = Database(None, tables=["refunds"])
    with pytest.raises(RuntimeError), db.transaction() as tx:
        tx.insert("refunds", "acct", {"id": "re_1", "created": 1})
        raise RuntimeError
    with db.transaction() as tx:
        assert tx.get("refunds", "acct", "re_1") is None
        tx.insert("refunds", "acct", {"id": "re_2", "created": 1})
        with pytest.raises(RuntimeError), tx.savepoint():
            tx.insert("refunds", "acct", {"id": "re_3", "created": 1})
            raise RuntimeError
    with db.read() as tx:
        assert tx.get("refunds", "acct", "re_2") is not None and tx.get("refunds", "acct", "re_3") is None


def test_timers_are_taken_once() -> None:
    db = Database(None)
    with db.transaction() as tx:
        tx.schedule("acct", "refund.settle", "re_1", 10.0)
        tx.schedule("acct", "refund.settle", "re_2", 20.0)
        tx.schedule("other", "refund.settle", "re_3", 5.0)
    with db.transaction() as tx:
        assert not tx.has_due_timers(4.0)
        assert [t.object_id for t in tx.take_due_timers(15.0, "acct")] == ["re_1"]
        assert tx.take_due_timers(15.0, "acct") == []
        assert [t.object_id for t in tx.take_due_timers(25.0)] == ["re_3", "re_2"]


def test_balances_adjust() -> None:
    db = Database(None)
    with db.transaction() as tx:
        assert tx.adjust_balance("a", "XOF", available=10) == (10, 0, 0)
        assert tx.adjust_balance("a", "XOF", available=-4, reserved=4) == (6, 0, 4)
        assert tx.balances("a") == [("XOF", 6, 0, 4)]
