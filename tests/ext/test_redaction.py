"""No secret in any log record, repr or exception message: the filter alone, then a whole client flow."""

from __future__ import annotations

import http.server
import json
import logging
import threading
from collections.abc import Iterator

import httpx
import pytest

from molam_sdk.requester import Request, RequestOptions
from molam_sdk_ext import Molam
from molam_sdk_ext.errors import APIConnectionError, MolamError
from molam_sdk_ext.observability.logs import configure_logging, get_logger
from molam_sdk_ext.observability.redaction import RedactingFilter, mask_secret, redact
from tests.support.transport import TEST_KEY, Script, fail, ok

LIVE_KEY = "sk_live_51HqLyjWDarjtT1zdp7dcQwErTy"
JWT_KEY = "jwt_eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtZXIifQ.c2lnbmF0dXJl"
WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
BARE_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.abcDEF123_-"
SECRETS = (TEST_KEY, LIVE_KEY, JWT_KEY, WEBHOOK_SECRET, BARE_JWT, "opaque-token-value-42")


@pytest.mark.parametrize(
    ("text", "leaked"),
    [
        (f"key={TEST_KEY}", TEST_KEY),
        (f"using {LIVE_KEY}.", LIVE_KEY),
        (f"jwt: {JWT_KEY}", JWT_KEY),
        (f"secret {WEBHOOK_SECRET}", WEBHOOK_SECRET),
        (f"token {BARE_JWT}", BARE_JWT),
        ("Authorization: Bearer opaque-token-value-42", "opaque-token-value-42"),
        ("{'authorization': 'Basic opaque-token-value-42'}", "opaque-token-value-42"),
        ('{"Authorization": "opaque-token-value-42"}', "opaque-token-value-42"),
        ("headers=[(b'authorization', b'opaque-token-value-42')]", "opaque-token-value-42"),
        ("AUTHORIZATION=opaque-token-value-42", "opaque-token-value-42"),
        ("sent bearer opaque-token-value-42 to server", "opaque-token-value-42"),
    ],
)
def test_redact(text: str, leaked: str) -> None:
    cleaned = redact(text)
    assert leaked not in cleaned
    assert "[REDACTED]" in cleaned


def test_redact_leaves_ordinary_text_alone() -> None:
    text = "molam POST /v1/connect/payment_intents -> 200 in 12.0 ms (request_id=req_123, attempts=1)"
    assert redact(text) == text


def test_mask_secret() -> None:
    assert mask_secret(TEST_KEY) == "sk_test_...p7dc"
    assert mask_secret("sk_test_short") == "sk_test_..."
    assert mask_secret("whsec_" + "a" * 30 + "wxyz") == "whsec_...wxyz"


def test_filter_handles_args_exceptions_and_stack() -> None:
    record = logging.LogRecord(
        "molam", logging.INFO, __file__, 1, "key %s and %r", (TEST_KEY, {"k": LIVE_KEY}), None
    )
    try:
        raise RuntimeError(f"failed with {WEBHOOK_SECRET}")
    except RuntimeError:
        import sys

        record.exc_info = sys.exc_info()
    record.stack_info = f"stack mentioning {JWT_KEY}"
    assert RedactingFilter().filter(record)
    formatted = logging.Formatter("%(message)s").format(record)
    for secret in (TEST_KEY, LIVE_KEY, WEBHOOK_SECRET, JWT_KEY):
        assert secret not in formatted
    assert "RuntimeError" in formatted


def test_filter_survives_a_broken_format_string() -> None:
    record = logging.LogRecord("molam", logging.INFO, __file__, 1, "%d items " + TEST_KEY, ("x",), None)
    assert RedactingFilter().filter(record)
    assert TEST_KEY not in record.getMessage()


class Collector(logging.Handler):
    """Keeps every record and its fully formatted text."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.texts: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)
        self.texts.append(self.format(record) + repr(record.args) + repr(record.__dict__))


@pytest.fixture
def collector() -> Iterator[Collector]:
    handler = Collector()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    molam_logger = logging.getLogger("molam")
    old_molam = molam_logger.level
    yield handler
    root.removeHandler(handler)
    root.setLevel(old_level)
    molam_logger.setLevel(old_molam)


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        self.rfile.read(length)
        payload = json.dumps({"id": "we_1", "object": "webhook_endpoint", "secret": WEBHOOK_SECRET}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Molam-Request-Id", "req_local")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_whole_client_flow_with_debug_logging_leaks_nothing(
    collector: Collector, local_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOLAM_LOG", "debug")
    monkeypatch.setenv("MOLAM_API_KEY", TEST_KEY)
    texts: list[str] = []

    # 1. A real loopback server (httpx and httpcore log at DEBUG too).
    with Molam(base_url=local_server) as client:
        assert logging.getLogger("molam").level == logging.DEBUG
        response = client.request(
            Request("post", "/v1/webhook_endpoints", json={"url": "https://x.example/hook"}),
            RequestOptions(extra_headers={"X-Debug": "on"}),
        )
        assert response.json()["secret"] == WEBHOOK_SECRET
        texts.append(repr(client) + str(client.settings) + repr(client.settings))

    # 2. Retries, errors and a connection failure whose text carries the key.
    script = Script(
        [
            fail(503),
            ok(),
            fail(401),
            httpx.ConnectError(f"refused (Authorization: Bearer {TEST_KEY})"),
        ]
    )
    with Molam(transport=httpx.MockTransport(script), max_retries=1) as client:
        client.request(Request("get", "/v1/connect/payment_intents/pi_1"), RequestOptions())
        for options in (RequestOptions(max_retries=0), RequestOptions(max_retries=0)):
            try:
                client.request(Request("get", "/v1/events"), options)
            except MolamError as exc:
                texts.append(str(exc) + repr(exc))
                if isinstance(exc, APIConnectionError):
                    get_logger().warning("call failed", exc_info=True)

    # 3. Application code logging secrets through the SDK's logger is masked as well.
    get_logger().info("configured with %s and %s", TEST_KEY, {"Authorization": f"Bearer {LIVE_KEY}"})
    get_logger().debug(f"webhook secret {WEBHOOK_SECRET} and jwt {JWT_KEY}")

    molam_records = [r for r in collector.records if r.name.startswith("molam")]
    assert any("-> 200" in r.getMessage() for r in molam_records)
    assert any("retrying" in r.getMessage() for r in molam_records)
    assert any(r.name.startswith("httpcore") for r in collector.records)
    everything = "\n".join(collector.texts + texts)
    for secret in SECRETS:
        assert secret not in everything, secret
    assert "Bearer" not in "\n".join(t for t in collector.texts if "Bearer [REDACTED]" not in t)


def test_configure_logging_levels() -> None:
    logger = logging.getLogger("molam")
    before = logger.level
    try:
        configure_logging("info")
        assert logger.level == logging.INFO
        configure_logging("nonsense")
        assert logger.level == logging.INFO
        configure_logging(None)
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(before)


# --- card numbers, client secrets, and the one list of key prefixes (issue 21, item 1) ----------------------

CARDS = (
    ("4242424242424242", "424242******4242"),
    ("4242 4242 4242 4242", "4242 42** **** 4242"),
    ("4000-0566-5566-5556", "4000-05**-****-5556"),
    ("378282246310005", "378282*****0005"),  # Amex, 15 digits
    ("3782 822463 10005", "3782 82**** *0005"),
    ("6011000990139424", "601100******9424"),
    ("4222222222222", "422222***2222"),  # 13 digits
    ("6759649826438453003", "675964*********3003"),  # 19 digits
)


@pytest.mark.parametrize(("card", "masked"), CARDS)
def test_redact_masks_card_numbers_keeping_at_most_the_first_6_and_last_4_digits(
    card: str, masked: str
) -> None:
    for text in (f"card {card}", f"declined: card={card}.", f"{card}", f"[{card}, 12/26, cvc 123]"):
        cleaned = redact(text)
        assert card not in cleaned and card.replace(" ", "").replace("-", "") not in cleaned
        assert masked in cleaned, cleaned


def test_redact_finds_a_card_number_among_other_digit_groups() -> None:
    assert redact("4242 4242 4242 4242 12 26") == "4242 42** **** 4242 12 26"
    assert redact("order 07 4242424242424242") == "order 07 424242******4242"
    # Whichever overlapping Luhn-valid sequences a run holds, the card's middle digits are starred.
    cleaned = redact("99 4242 4242 4242 4242")
    assert "4242 4242" not in cleaned and cleaned.endswith("4242")


def test_redact_leaves_numbers_that_are_not_card_numbers_alone() -> None:
    for text in (
        "4242424242424241",  # fails the Luhn check
        "amount 123456789012",  # 12 digits
        "42424242424242424242424242",  # 26 digits in one group: part of a longer number, not a card
        "created 1700000000 amount 2500",
        # httpcore's DEBUG line for a float timeout: the 16 fraction digits happen to pass the Luhn check.
        "connect_tcp.started host='127.0.0.1' port=38679 timeout=2.7294578919137344",
        "elapsed 7294578919137344.25 s",
    ):
        assert redact(text) == text
    assert redact("card 4242424242424242.") == "card 424242******4242."
    assert redact("paid 1.5 with 4242424242424242") == "paid 1.5 with 424242******4242"


def test_redact_masks_client_secrets_after_secret() -> None:
    text = '{"id": "pi_3MtwBw", "client_secret": "pi_3MtwBw_secret_YrKJUKribcBjcG8HVhfZluoGH"}'
    cleaned = redact(text)
    assert "YrKJUKribcBjcG8HVhfZluoGH" not in cleaned
    assert '"pi_3MtwBw_secret_[REDACTED]"' in cleaned and '"id": "pi_3MtwBw"' in cleaned


@pytest.mark.slow  # redacts 4 x 50,000 digits twice to compare CPU: 2 s
def test_redact_is_linear_on_hostile_digit_runs() -> None:
    # Every window of a digit run is checked in O(1): four times the text costs about four times the CPU, never
    # sixteen (a quadratic scan). A ratio within one process, so neither the machine's load nor coverage's
    # tracing moves it the way a wall-clock budget would.
    import time

    def cpu(text: str) -> float:
        started = time.process_time()
        cleaned = redact(text)
        assert len(cleaned) == len(text)
        return max(time.process_time() - started, 1e-6)

    for unit, count in (("1 ", 12_500), ("4", 25_000), ("42-", 8_300), ("4242 ", 5_000)):
        small = min(cpu(unit * count) for _ in range(3))
        large = min(cpu(unit * count * 4) for _ in range(3))
        assert large < 10 * small, (unit, small, large)


@pytest.mark.slow
def test_every_key_prefix_of_the_spec_is_redacted_from_the_one_list() -> None:
    import re
    from pathlib import Path

    import yaml

    from molam_sdk_ext.config import KEY_PREFIXES
    from molam_sdk_ext.observability.redaction import API_KEY_PREFIXES, SECRET_PREFIXES

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "spec" / "molam.yaml").read_text())
    auth = spec["components"]["securitySchemes"]["bearerAuth"]["description"]
    key_prefixes = set(re.findall(r"`([a-z]+(?:_[a-z]+)*_)`", auth))
    secret_pattern = spec["components"]["schemas"]["WebhookEndpointWithSecret"]["properties"]["secret"][
        "pattern"
    ]
    secret_prefix = re.fullmatch(r"\^([a-z]+_)\[.*", secret_pattern)
    assert key_prefixes and secret_prefix is not None
    assert key_prefixes == set(API_KEY_PREFIXES)
    assert set(SECRET_PREFIXES) == key_prefixes | {secret_prefix.group(1)}
    assert KEY_PREFIXES is API_KEY_PREFIXES  # the configuration checks keys against the same list
    for prefix in SECRET_PREFIXES:
        material = "Zx81kQ2pLmNo+/=.Ab9"
        cleaned = redact(f"key {prefix}{material} end")
        assert cleaned == f"key {prefix}[REDACTED] end", prefix
