"""The whole-run secret audit (tests/fixtures/secret_audit.py) must be able to fail."""

from __future__ import annotations

import logging

from molam_sdk_ext.observability.logs import get_logger
from tests.fixtures.secret_audit import SECRET, _Collector, find_secret


def _emit(collector: _Collector, logger: logging.Logger, message: str, *args: object) -> None:
    # Not propagated: the session's own audit (on "httpx", "molam") must not count this planted leak.
    logger.addHandler(collector)
    logger.propagate = False
    try:
        logger.warning(message, *args)
    finally:
        logger.removeHandler(collector)
        logger.propagate = True


def test_an_unmasked_key_on_an_http_logger_is_a_leak() -> None:
    collector = _Collector()
    _emit(
        collector,
        logging.getLogger("httpx.audit-test"),
        "sent Authorization: Bearer %s",
        "sk_test_abcdef123456",
    )
    assert len(collector.leaks) == 1 and "httpx.audit-test" in collector.leaks[0]


def test_the_sdk_logger_masks_before_the_audit_sees_it() -> None:
    collector = _Collector()
    _emit(
        collector,
        get_logger("molam.audit-test"),
        "key %s secret %s",
        "sk_live_abcdef123456",
        "whsec_0123456789ab",
    )
    assert collector.records == 1 and collector.leaks == []


def test_masked_forms_are_not_leaks() -> None:
    for text in ("sk_test_...3456", "Bearer [REDACTED]", "whsec_...", "sk_test_ prefix only", "jwt_..."):
        assert SECRET.search(text) is None, text
    for text in (
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        "Bearer jwt_abc123def",
    ):
        assert SECRET.search(text) is not None, text


def test_an_unmasked_card_number_or_client_secret_on_an_http_logger_is_a_leak() -> None:
    for planted in ("4242 4242 4242 4242", "pi_3abc_secret_Zx81kQ2pLm"):
        collector = _Collector()
        _emit(collector, logging.getLogger("httpx.audit-test"), "body %s", planted)
        assert len(collector.leaks) == 1, planted
        assert planted not in collector.leaks[0]  # the report never quotes the secret


def test_the_sdk_logger_masks_card_numbers_and_client_secrets() -> None:
    collector = _Collector()
    _emit(
        collector,
        get_logger("molam.audit-test"),
        "card %s (%s) client_secret=%s",
        "4000-0566-5566-5556",
        "378282246310005",
        "pi_3abc_secret_Zx81kQ2pLm",
    )
    assert collector.records == 1 and collector.leaks == []


def test_card_number_detection() -> None:
    for text in (
        "4242424242424242",
        "x 4242 4242 4242 4242 y",
        "5555-5555-5555-4444",
        "ref 07 378282246310005",
    ):
        assert find_secret(text) is not None, text
    for text in (
        "424242******4242",
        "4242 42** **** 4242",
        "4242424242424241",  # not Luhn-valid
        "1234567890",  # too short
        "42424242424242424242424242",  # one group of 26 digits: no card number is part of a longer number
        "pi_3abc_secret_[REDACTED]",
        "timeout=2.7294578919137344",  # a float's fraction digits (Luhn-valid) are part of a number
        "7294578919137344.5",
    ):
        assert find_secret(text) is None, text
    # A card number at the end of a sentence is still one.
    assert find_secret("card 4242424242424242.") is not None
