"""Unit tests of the Molam-Signature format: signing, strict parsing, and every verification reason code."""

from __future__ import annotations

import hashlib
import hmac

import pytest

from molam_sdk_ext.errors import MolamError, SignatureVerificationError
from molam_sdk_ext.webhooks import (
    MAX_HEADER_BYTES,
    MAX_SIGNATURES,
    Reason,
    SignatureHeader,
    VerifiedSignature,
    WebhookVerifier,
    parse_signature_header,
    sign,
    sign_with,
)

SECRET = "whsec_test_secret_0123456789"
OTHER = "whsec_other_secret_9876543210"
BODY = b'{"id":"evt_1","object":"event","type":"payment_intent.succeeded"}'
T_MS = 1_700_000_000_000
NOW = T_MS / 1000


def reason_of(verifier: WebhookVerifier, payload: object, header: object, now: float = NOW) -> str:
    with pytest.raises(SignatureVerificationError) as info:
        verifier.verify(payload, header, now=now)  # type: ignore[arg-type]
    return info.value.reason


def expected_mac(secret: str, t: int, body: bytes) -> str:
    return hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


# --- signing -------------------------------------------------------------------------------------------------


def test_sign_matches_the_documented_construction() -> None:
    header = sign(BODY, SECRET, "k1", timestamp_ms=T_MS)
    assert header == f"t={T_MS},v1={expected_mac(SECRET, T_MS, BODY)},kid=k1"


def test_sign_str_payload_is_its_utf8_bytes() -> None:
    text = '{"note":"café"}'
    assert sign(text, SECRET, "k1", T_MS) == sign(text.encode(), SECRET, "k1", T_MS)


def test_sign_with_emits_one_pair_per_secret_in_order() -> None:
    header = sign_with(BODY, [("old", SECRET), ("new", OTHER)], timestamp_ms=T_MS)
    assert header == (
        f"t={T_MS},v1={expected_mac(SECRET, T_MS, BODY)},kid=old,v1={expected_mac(OTHER, T_MS, BODY)},kid=new"
    )


def test_sign_defaults_to_now() -> None:
    import time

    before = time.time_ns() // 1_000_000
    parsed = parse_signature_header(sign(BODY, SECRET, "k1"))
    after = time.time_ns() // 1_000_000
    assert before <= parsed.timestamp_ms <= after


@pytest.mark.parametrize("kid", ["", "a,b", "a=b", "a b", "ké", "x" * 129])
def test_sign_rejects_bad_kids(kid: str) -> None:
    with pytest.raises(ValueError):
        sign(BODY, SECRET, kid, T_MS)


@pytest.mark.parametrize("timestamp", [-1, True, 1.5, 10**15])
def test_sign_rejects_bad_timestamps(timestamp: object) -> None:
    with pytest.raises(ValueError):
        sign(BODY, SECRET, "k1", timestamp)  # type: ignore[arg-type]


def test_sign_with_rejects_empty_duplicate_and_too_many() -> None:
    with pytest.raises(ValueError):
        sign_with(BODY, [])
    with pytest.raises(ValueError):
        sign_with(BODY, [("k", SECRET), ("k", OTHER)])
    with pytest.raises(ValueError):
        sign_with(BODY, [(f"k{i}", SECRET) for i in range(MAX_SIGNATURES + 1)])
    with pytest.raises(ValueError):
        sign(BODY, "", "k1")


# --- parsing -------------------------------------------------------------------------------------------------


def test_parse_returns_timestamp_and_pairs() -> None:
    header = sign_with(BODY, [("a", SECRET), ("b", OTHER)], T_MS)
    parsed = parse_signature_header(header)
    assert parsed == SignatureHeader(
        timestamp_ms=T_MS,
        signatures=(("a", expected_mac(SECRET, T_MS, BODY)), ("b", expected_mac(OTHER, T_MS, BODY))),
    )


def test_parse_accepts_bytes_and_surrounding_whitespace() -> None:
    header = sign(BODY, SECRET, "k1", T_MS)
    assert parse_signature_header(header.encode()) == parse_signature_header(f"  {header}\t")


MAC = "a" * 64

MALFORMED = [
    "garbage",
    f"v1={MAC},kid=k,t={T_MS}",  # t not first
    f"t={T_MS}",  # no signature
    f"t={T_MS},v1={MAC}",  # v1 without kid
    f"t={T_MS},kid=k,v1={MAC}",  # kid before v1
    f"t={T_MS},t={T_MS},v1={MAC},kid=k",  # duplicate t
    f"t={T_MS},v1={MAC},kid=k,t={T_MS}",  # t later
    f"t={T_MS},v1={MAC},kid=k,",  # trailing empty part
    f"t={T_MS},,v1={MAC},kid=k",  # empty part
    f"t={T_MS},v1={MAC},kid=",  # empty kid
    f"t=,v1={MAC},kid=k",  # empty t
    f"t=0{T_MS},v1={MAC},kid=k",  # leading zero
    f"t=-{T_MS},v1={MAC},kid=k",  # sign
    f"t={T_MS}.5,v1={MAC},kid=k",  # fraction
    f"t=1{'0' * 15},v1={MAC},kid=k",  # too many digits
    f"t={T_MS},v1={'A' * 64},kid=k",  # upper-case hex
    f"t={T_MS},v1={'a' * 63},kid=k",  # short
    f"t={T_MS},v1={'a' * 65},kid=k",  # long
    f"t={T_MS},v1={'g' * 64},kid=k",  # not hex
    f"t={T_MS},v0={MAC},kid=k",  # unknown scheme
    f"t={T_MS},v1={MAC},kid=k,x=1,kid=j",  # unknown key
    f"t={T_MS},v1={MAC},key=k",  # wrong key name
    f"T={T_MS},v1={MAC},kid=k",  # keys are case-sensitive
    f"t = {T_MS},v1={MAC},kid=k",  # inner whitespace
    f"t={T_MS}, v1={MAC},kid=k",
    f"t={T_MS},v1={MAC},kid=k k",
    f"t={T_MS},v1={MAC},kid=a,v1={MAC},kid=a",  # duplicate kid
    f"t={T_MS},v1={MAC},kid={'k' * 129}",
    f"t=١٢٣,v1={MAC},kid=k",  # non-ASCII digits
    f"t={T_MS},v1={MAC},kid=ké",
    "t=1" + f",v1={MAC},kid=k" * (MAX_SIGNATURES + 1),
]


@pytest.mark.parametrize("header", MALFORMED)
def test_malformed_headers(header: str) -> None:
    with pytest.raises(SignatureVerificationError) as info:
        parse_signature_header(header)
    assert info.value.reason == "malformed_header"
    assert reason_of(WebhookVerifier(SECRET), BODY, header) == "malformed_header"
    assert reason_of(WebhookVerifier({"k": SECRET, "a": SECRET}), BODY, header) == "malformed_header"


def test_malformed_second_mac_is_rejected_even_when_the_first_matches() -> None:
    good = sign(BODY, SECRET, "k1", T_MS)
    assert (
        reason_of(WebhookVerifier(SECRET), BODY, good + ",v1=" + "Z" * 64 + ",kid=k2") == "malformed_header"
    )


# --- each reason code --------------------------------------------------------------------------------------


def test_valid_signature_returns_timestamp_and_kid() -> None:
    verifier = WebhookVerifier({"k1": SECRET})
    assert verifier.verify(BODY, sign(BODY, SECRET, "k1", T_MS), now=NOW) == VerifiedSignature(T_MS, "k1")


@pytest.mark.parametrize("header", [None, "", "   "])
def test_missing_header(header: str | None) -> None:
    assert reason_of(WebhookVerifier(SECRET), BODY, header) == "missing_header"


def test_header_too_large() -> None:
    verifier = WebhookVerifier(SECRET)
    big = "t=1," + "x" * MAX_HEADER_BYTES
    assert reason_of(verifier, BODY, big) == "header_too_large"
    assert reason_of(verifier, BODY, big.encode()) == "header_too_large"
    # Non-ASCII characters count by their UTF-8 size.
    assert reason_of(verifier, BODY, "é" * (MAX_HEADER_BYTES // 2 + 1)) == "header_too_large"


def test_payload_too_large_is_configurable() -> None:
    verifier = WebhookVerifier(SECRET, max_payload_bytes=10)
    header = sign(b"x" * 11, SECRET, "k", T_MS)
    assert reason_of(verifier, b"x" * 11, header) == "payload_too_large"
    assert reason_of(verifier, "x" * 11, header) == "payload_too_large"
    assert reason_of(verifier, "é" * 6, header) == "payload_too_large"  # 12 bytes in UTF-8
    assert verifier.verify(b"x" * 10, sign(b"x" * 10, SECRET, "k", T_MS), now=NOW).kid == "k"


@pytest.mark.parametrize("payload", [{"id": "evt_1"}, None, 42, ["x"]])
def test_parsed_json_instead_of_raw_body_is_invalid_payload(payload: object) -> None:
    assert reason_of(WebhookVerifier(SECRET), payload, sign(BODY, SECRET, "k", T_MS)) == "invalid_payload"


def test_unknown_kid() -> None:
    verifier = WebhookVerifier({"k1": SECRET})
    assert reason_of(verifier, BODY, sign(BODY, SECRET, "k2", T_MS)) == "unknown_kid"
    resolver = WebhookVerifier(lambda kid: None)
    assert reason_of(resolver, BODY, sign(BODY, SECRET, "k2", T_MS)) == "unknown_kid"


def test_signature_mismatch_for_wrong_secret_and_changed_body() -> None:
    verifier = WebhookVerifier({"k1": SECRET})
    assert reason_of(verifier, BODY, sign(BODY, OTHER, "k1", T_MS)) == "signature_mismatch"
    assert reason_of(verifier, BODY + b" ", sign(BODY, SECRET, "k1", T_MS)) == "signature_mismatch"


def test_signature_covers_the_timestamp() -> None:
    header = sign(BODY, SECRET, "k1", T_MS)
    forged = header.replace(f"t={T_MS}", f"t={T_MS + 1}")
    assert reason_of(WebhookVerifier(SECRET), BODY, forged) == "signature_mismatch"


@pytest.mark.parametrize("skew", [-300.001, 300.001, -86400.0, 86400.0])
def test_timestamp_outside_tolerance_both_directions(skew: float) -> None:
    header = sign(BODY, SECRET, "k1", T_MS)
    assert reason_of(WebhookVerifier(SECRET), BODY, header, now=NOW + skew) == "timestamp_outside_tolerance"


@pytest.mark.parametrize("skew", [-300.0, -1.0, 0.0, 1.0, 300.0])
def test_timestamp_inside_tolerance_both_directions(skew: float) -> None:
    header = sign(BODY, SECRET, "k1", T_MS)
    assert WebhookVerifier(SECRET).verify(BODY, header, now=NOW + skew).timestamp_ms == T_MS


def test_tolerance_is_configurable() -> None:
    header = sign(BODY, SECRET, "k1", T_MS)
    verifier = WebhookVerifier(SECRET, tolerance=5)
    assert verifier.verify(BODY, header, now=NOW + 5).kid == "k1"
    assert reason_of(verifier, BODY, header, now=NOW + 5.01) == "timestamp_outside_tolerance"
    assert reason_of(verifier, BODY, header, now=NOW - 5.01) == "timestamp_outside_tolerance"


def test_stale_wrong_signature_reports_mismatch_not_staleness() -> None:
    # "timestamp_outside_tolerance" is reserved for authentic deliveries, so it diagnoses clock skew.
    header = sign(BODY, OTHER, "k1", T_MS)
    assert reason_of(WebhookVerifier(SECRET), BODY, header, now=NOW + 10_000) == "signature_mismatch"


def test_default_clock_is_used_when_now_is_omitted() -> None:
    verifier = WebhookVerifier(SECRET)
    assert verifier.verify(BODY, sign(BODY, SECRET, "k1")).kid == "k1"
    with pytest.raises(SignatureVerificationError) as info:
        verifier.verify(BODY, sign(BODY, SECRET, "k1", T_MS))
    assert info.value.reason == "timestamp_outside_tolerance"


def test_reason_codes_are_plain_strings_and_errors_are_molam_errors() -> None:
    with pytest.raises(MolamError) as info:
        WebhookVerifier(SECRET).verify(BODY, None)
    assert isinstance(info.value, SignatureVerificationError)
    assert info.value.reason == "missing_header"
    assert info.value.reason == Reason.MISSING_HEADER
    assert type(info.value.reason) is str
    assert {r.value for r in Reason} == {
        "missing_header",
        "malformed_header",
        "unknown_kid",
        "unknown_key",
        "timestamp_outside_tolerance",
        "signature_mismatch",
        "payload_too_large",
        "header_too_large",
        "invalid_payload",
        "invalid_secret",
    }


# --- inputs of every type ------------------------------------------------------------------------------------


def test_payload_forms_are_equivalent() -> None:
    header = sign(BODY, SECRET, "k1", T_MS)
    verifier = WebhookVerifier(SECRET)
    for payload in (BODY, BODY.decode(), bytearray(BODY), memoryview(BODY)):
        assert verifier.verify(payload, header, now=NOW).kid == "k1"  # type: ignore[arg-type]


def test_non_utf8_body_verifies_as_bytes() -> None:
    body = b"\xff\xfe\x00binary"
    assert WebhookVerifier(SECRET).verify(body, sign(body, SECRET, "k", T_MS), now=NOW).kid == "k"


def test_str_with_lone_surrogate_is_invalid_payload() -> None:
    assert reason_of(WebhookVerifier(SECRET), "\udc80", sign(b"x", SECRET, "k", T_MS)) == "invalid_payload"


@pytest.mark.parametrize("header", [b"\xff\xfe", "t=1,v1=é", 42, ["t=1"]])
def test_strange_header_inputs_are_malformed(header: object) -> None:
    assert reason_of(WebhookVerifier(SECRET), BODY, header) == "malformed_header"


# --- secrets sources and rotation ----------------------------------------------------------------------------


def test_single_secret_accepts_any_kid() -> None:
    assert (
        WebhookVerifier(SECRET).verify(BODY, sign(BODY, SECRET, "whatever", T_MS), now=NOW).kid == "whatever"
    )


def test_callable_source_is_asked_per_kid_and_its_errors_are_unknown_key() -> None:
    asked: list[str] = []

    def lookup(kid: str) -> str | None:
        asked.append(kid)
        return {"new": OTHER}.get(kid)

    verifier = WebhookVerifier(lookup)
    header = sign_with(BODY, [("old", SECRET), ("new", OTHER)], T_MS)
    assert verifier.verify(BODY, header, now=NOW).kid == "new"
    assert asked == ["old", "new"]

    def broken(kid: str) -> str | None:
        raise ConnectionError("secret store down")

    # Issue 21: a lookup that raises is a refusal the sender caused (400), never an exception out of verify.
    with pytest.raises(SignatureVerificationError) as refused:
        WebhookVerifier(broken).verify(BODY, header, now=NOW)
    assert refused.value.reason == "unknown_key"


@pytest.mark.parametrize("known", [{"old": SECRET}, {"new": OTHER}, {"old": SECRET, "new": OTHER}])
def test_rotation_receiver_knowing_either_kid_passes(known: dict[str, str]) -> None:
    header = sign_with(BODY, [("old", SECRET), ("new", OTHER)], T_MS)
    result = WebhookVerifier(known).verify(BODY, header, now=NOW)
    assert result.kid in known


def test_rotation_with_single_secret_strings() -> None:
    header = sign_with(BODY, [("old", SECRET), ("new", OTHER)], T_MS)
    assert WebhookVerifier(SECRET).verify(BODY, header, now=NOW).kid == "old"
    assert WebhookVerifier(OTHER).verify(BODY, header, now=NOW).kid == "new"
    assert reason_of(WebhookVerifier("whsec_third"), BODY, header) == "signature_mismatch"


def test_rotation_kid_known_but_secret_wrong_is_mismatch() -> None:
    header = sign_with(BODY, [("old", SECRET), ("new", OTHER)], T_MS)
    assert reason_of(WebhookVerifier({"new": SECRET}), BODY, header) == "signature_mismatch"


def test_mapping_is_copied_at_construction() -> None:
    secrets = {"k1": SECRET}
    verifier = WebhookVerifier(secrets)
    secrets["k1"] = OTHER
    assert verifier.verify(BODY, sign(BODY, SECRET, "k1", T_MS), now=NOW).kid == "k1"


@pytest.mark.parametrize(
    ("secrets", "kwargs", "error"),
    [
        ("", {}, ValueError),
        ({}, {}, ValueError),
        ({"k": ""}, {}, ValueError),
        ({"bad kid": SECRET}, {}, ValueError),
        (42, {}, TypeError),
        (SECRET, {"tolerance": 0}, ValueError),
        (SECRET, {"tolerance": float("inf")}, ValueError),
        (SECRET, {"tolerance": "300"}, TypeError),
        (SECRET, {"max_payload_bytes": 0}, ValueError),
    ],
)
def test_constructor_validates(secrets: object, kwargs: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        WebhookVerifier(secrets, **kwargs)  # type: ignore[arg-type]


def test_secrets_never_appear_in_repr_or_errors() -> None:
    for verifier in (
        WebhookVerifier(SECRET),
        WebhookVerifier({"k1": SECRET}),
        WebhookVerifier(lambda k: SECRET),
    ):
        assert SECRET not in repr(verifier)
        for header in (sign(BODY, OTHER, "k1", T_MS), "junk", sign(BODY, SECRET, "k1", 1)):
            with pytest.raises(SignatureVerificationError) as info:
                verifier.verify(BODY, header, now=NOW)
            assert SECRET not in str(info.value) and SECRET not in repr(info.value)
