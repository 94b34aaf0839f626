"""Webhook verification and parsing, side by side in one run (DESIGN.md section 6).

Targets: our signature check at most 2x a bare ``hmac`` + ``compare_digest`` on the same 2 KB event; verify
plus typed parse at most 60 us (stripe's construct_event is about 300 us).

Rows (per call, 2 KB event; median of interleaved rounds, min in brackets; ratios of medians and of minima):

- bare hmac.new(...).hexdigest() + compare_digest, signed message prebuilt (the ratio's baseline)
- the same, building ``f"{t}." + body`` per call (what any receiver must do)
- molam WebhookVerifier.verify (one pair; and two pairs during a rotation)
- stripe.WebhookSignature.verify_header (stripe-python 16.1.0)
- standardwebhooks Webhook.verify without JSON parsing (standardwebhooks 1.1.0)
- molam construct_event (verify + typed model) vs stripe.Webhook.construct_event (verify + StripeObject)

Run: ``.venv/bin/python bench/webhooks_bench.py [--quick]``. Exit status is 0 whatever the figures: this is
a measurement, not a test.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import statistics
import sys
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from molam_sdk_ext.webhooks import WebhookVerifier, construct_event, sign, sign_with  # noqa: E402

SECRET = "whsec_bench_0123456789abcdefghijklmnopqrstuvwxyz"
KID = "kid_0123456789abcdef"


def two_kb_event() -> bytes:
    """The payment_intent.succeeded example of the spec, with metadata padding it to 2048 bytes."""
    import yaml

    spec = yaml.safe_load((ROOT / "spec" / "molam.yaml").read_text())
    event: dict[str, Any] = spec["components"]["examples"]["PaymentIntentSucceededEventExample"]["value"]
    metadata = event["data"]["object"].setdefault("metadata", {})
    i = 0
    while len(json.dumps(event, separators=(",", ":"))) < 2048 - 40:
        metadata[f"k{i:02d}"] = "value-" + "x" * 20
        i += 1
    body = json.dumps(event, separators=(",", ":"))
    metadata["pad"] = "x" * (2048 - len(body) - len(',"pad":""'))
    raw = json.dumps(event, separators=(",", ":")).encode()
    assert len(raw) == 2048, len(raw)
    return raw


def measure(
    cases: dict[str, Callable[[], object]], rounds: int, seconds: float
) -> dict[str, tuple[float, float]]:
    """Per-call time in us for each case: (median, min) over `rounds` interleaved rounds."""
    numbers = {}
    for name, fn in cases.items():
        fn()  # warm up, and fail early if a case is broken
        timer = timeit.Timer(fn)
        count, elapsed = timer.autorange()
        numbers[name] = max(1, int(count * seconds / max(elapsed, 1e-9)))
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, fn in cases.items():  # interleaved, so machine noise hits every case alike
            n = numbers[name]
            samples[name].append(timeit.Timer(fn).timeit(n) / n * 1e6)
    return {name: (statistics.median(s), min(s)) for name, s in samples.items()}


def main() -> int:
    import stripe
    from standardwebhooks import Webhook as StandardWebhook

    quick = "--quick" in sys.argv
    body = two_kb_event()
    text = body.decode()
    now_ms = int(time.time() * 1000)
    now_s = now_ms // 1000

    # molam
    header = sign(body, SECRET, KID, now_ms)
    rotation_header = sign_with(body, [("kid_old0000000000", "whsec_previous_secret"), (KID, SECRET)], now_ms)
    verifier = WebhookVerifier({KID: SECRET})
    assert verifier.verify(body, rotation_header).kid == KID

    # bare baselines over exactly our scheme
    key = SECRET.encode()
    mac = header.split("v1=", 1)[1].split(",", 1)[0]
    message = f"{now_ms}.".encode() + body

    def bare() -> bool:
        return hmac.compare_digest(hmac.new(key, message, hashlib.sha256).hexdigest(), mac)

    def bare_concat() -> bool:
        return hmac.compare_digest(
            hmac.new(key, f"{now_ms}.".encode() + body, hashlib.sha256).hexdigest(), mac
        )

    assert bare() and bare_concat()

    # stripe: its own header format (t in seconds)
    stripe_secret = "whsec_stripe_bench_secret"
    stripe_sig = hmac.new(stripe_secret.encode(), f"{now_s}.{text}".encode(), hashlib.sha256).hexdigest()
    stripe_header = f"t={now_s},v1={stripe_sig}"
    stripe.WebhookSignature.verify_header(text, stripe_header, stripe_secret, tolerance=300)

    # standardwebhooks: base64 secret, its three headers
    sw_secret = "whsec_" + base64.b64encode(b"standard-webhooks-bench-secret!!").decode()
    sw = StandardWebhook(sw_secret)
    sw_headers = {
        "webhook-id": "msg_bench",
        "webhook-timestamp": str(now_s),
        "webhook-signature": sw.sign("msg_bench", dt.datetime.fromtimestamp(now_s, tz=dt.UTC), text),
    }
    sw.verify(body, sw_headers, json_parse=False)

    signature_cases: dict[str, Callable[[], object]] = {
        "bare hmac + compare_digest (prebuilt msg)": bare,
        "bare hmac + compare_digest (+ t. concat)": bare_concat,
        "molam WebhookVerifier.verify": lambda: verifier.verify(body, header),
        "molam verify, rotation (2 pairs)": lambda: verifier.verify(body, rotation_header),
        "stripe WebhookSignature.verify_header": lambda: stripe.WebhookSignature.verify_header(
            text, stripe_header, stripe_secret, tolerance=300
        ),
        "standardwebhooks Webhook.verify": lambda: sw.verify(body, sw_headers, json_parse=False),
    }
    parse_cases: dict[str, Callable[[], object]] = {
        "json.loads alone (2 KB)": lambda: json.loads(body),
        "molam construct_event (verify + typed)": lambda: construct_event(body, header, verifier),
        "stripe Webhook.construct_event": lambda: stripe.Webhook.construct_event(
            text, stripe_header, stripe_secret
        ),
    }
    rounds, seconds = (3, 0.05) if quick else (9, 0.2)
    results = measure({**signature_cases, **parse_cases}, rounds, seconds)

    base, base_min = results["bare hmac + compare_digest (prebuilt msg)"]
    width = max(len(n) for n in results) + 2
    print(
        f"Webhook signature check, 2048-byte event, Python {sys.version.split()[0]} "
        f"(median of {rounds} interleaved rounds, [min])"
    )
    # Noise on a shared machine only ever adds time, so the ratio of minima is the steadier estimate.
    print(f"{'case':<{width}}{'us/call':>10}{'[min]':>9}{'x bare':>9}{'[min]':>8}")
    for name in signature_cases:
        median, low = results[name]
        print(f"{name:<{width}}{median:>10.2f}{low:>9.2f}{median / base:>9.2f}{low / base_min:>8.2f}")
    print()
    print(f"{'verify + parse':<{width}}{'us/call':>10}{'[min]':>9}{'x molam':>9}")
    ours = results["molam construct_event (verify + typed)"][0]
    for name in parse_cases:
        median, low = results[name]
        print(f"{name:<{width}}{median:>10.2f}{low:>9.2f}{median / ours:>9.2f}")
    verify_ratio = results["molam WebhookVerifier.verify"][0] / base
    verify_ratio_min = results["molam WebhookVerifier.verify"][1] / base_min
    print()
    print(
        f"target: verify <= 2.00x bare -> {verify_ratio:.2f}x median, {verify_ratio_min:.2f}x min "
        f"{'OK' if verify_ratio <= 2 else 'MISSED'}"
    )
    print(f"target: verify + typed parse <= 60 us -> {ours:.1f} us {'OK' if ours <= 60 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
