"""A webhook secrets lookup that raises is a refused delivery, never an exception (issue 21, item 6).

``lambda kid: secrets[kid]`` is the natural lookup for the earlier SDKs' users; a delivery naming a kid it does
not know made it raise `KeyError` out of `WebhookProcessor.process`, `WebhookVerifier.verify`,
`construct_event` and the legacy helpers, so an adapter answered 500 and the sender chose when. Now it is
``SignatureVerificationError(reason="unknown_key")`` everywhere (one decision, in the verifier), logged at
WARNING with its text redacted, and an adapter answers 400. The legacy helpers also refuse a secret that is
not a str (``invalid_secret``) and a tolerance that is not a number (a typed `ValidationError`).
"""

from __future__ import annotations

import logging
import math
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from molam_sdk_ext.errors import SignatureVerificationError
from molam_sdk_ext.legacy import MolamClient
from molam_sdk_ext.legacy import webhooks as legacy
from molam_sdk_ext.legacy.exceptions import LegacyArgumentError, SignatureError, ValidationError
from molam_sdk_ext.webhooks import Outcome, WebhookProcessor, WebhookVerifier, construct_event, sign_with
from tests.fixtures.secret_audit import find_secret
from tests.webhooks import receivers
from tests.webhooks.support import KID, SECRET, delivery, example_event

EVENT = example_event("payment_intent.succeeded", id="evt_lookup1")
SECRETS = {KID: SECRET}
LEAKY = "sk_live_" + "7" * 24


def by_item(kid: str) -> str:
    """The earlier SDKs' natural lookup: a KeyError for an unknown kid."""
    return SECRETS[kid]


def leaky(kid: str) -> str:
    """A secret store failing with a message that quotes a key: the log must not show it."""
    raise ConnectionError(f"secret store refused {LEAKY} for {kid}")


def unknown_kid_delivery() -> tuple[bytes, dict[str, str]]:
    return delivery(EVENT, kid="we_someone_else")


@pytest.fixture(autouse=True)
def _no_legacy_deprecation_noise() -> Iterator[None]:
    # The legacy helpers warn once per entry point (DeprecationWarning, an error in this suite).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        yield


def _refused(call: Callable[[], object]) -> SignatureVerificationError:
    with pytest.raises(SignatureVerificationError) as refused:
        call()
    return refused.value


@pytest.mark.parametrize("lookup", [by_item, leaky], ids=["KeyError", "ConnectionError"])
def test_every_entry_point_refuses_with_unknown_key(
    lookup: Callable[[str], str], caplog: pytest.LogCaptureFixture
) -> None:
    body, headers = unknown_kid_delivery()
    signature = headers["Molam-Signature"]
    with caplog.at_level(logging.WARNING, logger="molam"):
        result = WebhookProcessor(lookup).process(body, headers)
        assert (result.status_code, result.outcome, result.error) == (
            400,
            Outcome.INVALID_SIGNATURE,
            "unknown_key",
        )
        errors = [
            _refused(lambda: WebhookVerifier(lookup).verify(body, signature)),
            _refused(lambda: construct_event(body, headers, lookup)),
            _refused(lambda: legacy.verify_signature(signature, body, lookup)),
            _refused(lambda: legacy.verify_molam_signature(signature, body, lookup)),
            _refused(lambda: legacy.construct_event(body, signature, lookup)),
            _refused(lambda: MolamClient.verify_webhook_signature(signature, body, lookup)),
        ]
    assert [e.reason for e in errors] == ["unknown_key"] * 6
    assert all(isinstance(e, SignatureError) for e in errors[2:])  # the legacy helpers' own class
    # Logged at WARNING on the SDK's logger, with the lookup's text redacted.
    lines = [
        r.getMessage() for r in caplog.records if r.name.startswith("molam") and r.levelno == logging.WARNING
    ]
    assert sum("secrets lookup raised" in line for line in lines) == 7
    for line in lines:
        assert LEAKY not in line and find_secret(line) is None, line


async def test_aprocess_refuses_with_unknown_key() -> None:
    result = await WebhookProcessor(by_item).aprocess(*unknown_kid_delivery())
    assert (result.status_code, result.error) == (400, "unknown_key")


def test_a_known_kid_of_a_rotation_still_passes_when_the_lookup_raises_for_the_other() -> None:
    body = delivery(EVENT)[0]
    header = sign_with(body, [("we_retired", "whsec_retired_secret"), (KID, SECRET)])
    assert WebhookVerifier(by_item).verify(body, header).kid == KID
    assert legacy.verify_signature(header, body, by_item) is True


def test_a_flask_adapter_answers_400_not_500() -> None:
    processor = WebhookProcessor(by_item)
    client = receivers.flask_app(processor).test_client()
    body, headers = unknown_kid_delivery()
    response = client.post("/webhooks/molam", data=body, headers=headers)
    assert response.status_code == 400
    assert response.get_json(force=True)["reason"] == "unknown_key"


@pytest.mark.parametrize("returned", [123, b"whsec_bytes", ["whsec_x"], 0, b""])
def test_the_legacy_path_refuses_a_secret_that_is_not_a_str(returned: Any) -> None:
    body, headers = delivery(EVENT)
    signature = headers["Molam-Signature"]
    for call in (
        lambda: legacy.verify_signature(signature, body, lambda kid: returned),
        lambda: legacy.verify_molam_signature(signature, body, lambda kid: returned),
        lambda: legacy.construct_event(body, signature, lambda kid: returned),
        lambda: legacy.verify_signature(signature, body, returned),  # given directly, not as a lookup
    ):
        error = _refused(call)
        assert isinstance(error, SignatureError) and error.reason == "invalid_secret"
        assert str(returned) not in str(error) or not returned  # a secret is never quoted back


@pytest.mark.parametrize("tolerance", ["300", b"300", None, True])
def test_a_legacy_tolerance_of_the_wrong_type_is_a_typed_error(tolerance: Any) -> None:
    body, headers = delivery(EVENT)
    signature = headers["Molam-Signature"]
    with pytest.raises(LegacyArgumentError) as wrong:
        legacy.verify_signature(signature, body, by_item, tolerance_ms=tolerance)
    assert wrong.value.param == "tolerance_ms"
    with pytest.raises(LegacyArgumentError) as wrong_seconds:
        legacy.verify_molam_signature(signature, body, by_item, tolerance_seconds=tolerance)
    assert wrong_seconds.value.param == "tolerance_seconds"


@pytest.mark.parametrize(
    "tolerance", [0, -300, math.nan, math.inf, 10**400], ids=["zero", "negative", "nan", "inf", "huge_int"]
)
def test_a_legacy_tolerance_that_is_not_positive_and_finite_is_a_validation_error(tolerance: Any) -> None:
    body, headers = delivery(EVENT)
    with pytest.raises(ValidationError) as bad:
        legacy.verify_signature(headers["Molam-Signature"], body, by_item, tolerance_ms=tolerance)
    assert bad.value.param == "tolerance_ms"
    assert legacy.verify_signature(headers["Molam-Signature"], body, by_item, tolerance_ms=300_000) is True
