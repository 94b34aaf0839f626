"""`python -m molam_sandbox.demo` (what `make demo` and `molam demo` run): the checkout flow, end to end.

Starts the local sandbox on a free loopback port (in memory), then with the SDK: registers a webhook endpoint
pointing at a tiny receiver in this process, creates and confirms a payment, waits for the
``payment_intent.succeeded`` webhook (verified and processed once by `WebhookProcessor`), pays a second
payment on the hosted checkout page (Molam Checkout: its ``redirect_url``, driven over HTTP as a browser
would, no browser needed) and waits for its webhook too, refunds part of the first,
pays out to a mobile money wallet, moves money between two wallets, and lists the payments with
auto-pagination. It prints a short summary (ids, amounts in major units, statuses, timings), stops everything
and exits non-zero if any step failed. No account, no network beyond 127.0.0.1, no manual step.

``--api-base URL`` runs the same flow against a sandbox you started yourself (``molam sandbox``).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import attrs

from molam_sandbox.server import SandboxProcess
from molam_sdk.models.event_type import EventType
from molam_sdk_ext.errors import MolamError
from molam_sdk_ext.money import from_minor_units, to_minor_units

__all__ = ["DemoStep", "WebhookReceiver", "main", "run"]

DEMO_EVENTS: list[str] = [
    EventType.PAYMENT_INTENT_SUCCEEDED,
    EventType.CHARGE_REFUNDED,
    EventType.REFUND_PROCESSED,
    EventType.PAYOUT_PAID,
]
WEBHOOK_TIMEOUT = 10.0


def format_amount(minor: int, currency: str) -> str:
    """`GHS 150.00`, `XOF 25,000`: major units with the currency's exponent."""
    return f"{currency} {from_minor_units(minor, currency):,}"


@attrs.define
class DemoStep:
    """One line of the summary."""

    name: str
    detail: str = ""
    amount: str = ""
    status: str = ""
    ms: float = 0.0
    ok: bool = True
    error: str | None = None
    url: str = ""
    """A URL to show under the summary, whole (the checkout page)."""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return attrs.asdict(self)


# ----------------------------------------------------------------------------------- the webhook receiver


class WebhookReceiver:
    """A tiny webhook endpoint on a loopback port: verifies and processes each delivery with `WebhookProcessor`.

    `configure(secret)` once the endpoint's secret is known; deliveries before that get a 503 (retried).
    """

    def __init__(self) -> None:
        self._processor: Any = None
        self._lock = threading.Lock()
        self._arrived = threading.Condition(self._lock)
        self.events: list[Any] = []
        self.outcomes: list[str] = []
        handler = self._handler_class()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/webhooks"
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-webhooks", daemon=True)

    def __repr__(self) -> str:
        return f"WebhookReceiver(url={self.url!r}, events={len(self.events)})"

    def configure(self, secret: str, event_types: list[str]) -> None:
        """Start processing deliveries signed with `secret`, recording events of `event_types`."""
        from molam_sdk_ext.webhooks.processor import WebhookProcessor

        processor = WebhookProcessor(secret)
        for event_type in event_types:
            processor.register(event_type, functools.partial(self._record, event_type))
        self._processor = processor

    def _record(self, event_type: str, event: Any) -> None:
        with self._arrived:
            self.events.append((event_type, event))
            self._arrived.notify_all()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                processor = receiver._processor
                if processor is None:
                    self._answer(503, b"not ready", {})
                    return
                result = processor.process(body, dict(self.headers.items()))
                with receiver._lock:
                    receiver.outcomes.append(str(result.outcome))
                self._answer(result.status_code, result.body(), result.headers())

            def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                return

        return Handler

    def start(self) -> None:
        """Start serving."""
        self._thread.start()

    def wait_for(
        self, event_type: str, predicate: Callable[[Any], bool], timeout: float = WEBHOOK_TIMEOUT
    ) -> Any:
        """The first received event of `event_type` matching `predicate`, waiting up to `timeout` seconds."""
        deadline = time.monotonic() + timeout
        with self._arrived:
            while True:
                for received_type, event in self.events:
                    if received_type == event_type and predicate(event):
                        return event
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"no matching webhook within {timeout:.0f}s (outcomes: {self.outcomes})"
                    )
                self._arrived.wait(left)

    def stop(self) -> None:
        """Stop serving (and release the port, started or not)."""
        if self._thread.is_alive():  # shutdown() would wait forever for a loop that never ran
            self._server.shutdown()
        self._server.server_close()


# ------------------------------------------------------------------------------------------------ the flow


class _Flow:
    """Runs the steps in order, timing each; stops at the first failure."""

    def __init__(self) -> None:
        self.steps: list[DemoStep] = []

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[DemoStep]:
        step = DemoStep(name)
        self.steps.append(step)
        started = time.perf_counter()
        try:
            yield step
        except Exception as exc:
            step.ok = False
            step.error = _describe(exc)
            raise
        finally:
            step.ms = (time.perf_counter() - started) * 1000.0


def _describe(exc: BaseException) -> str:
    if isinstance(exc, MolamError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"


def _value(obj: Any, name: str) -> str:
    value = getattr(obj, name, None)
    return str(getattr(value, "value", value))


def _checkout(flow: _Flow, molam: Any, receiver: WebhookReceiver) -> None:
    with flow.step("Register webhook endpoint") as s:
        endpoint = molam.webhook_endpoints.create(
            url=receiver.url,
            enabled_events=DEMO_EVENTS,
            description="make demo",
        )
        receiver.configure(str(endpoint.secret), DEMO_EVENTS)
        s.detail, s.status = str(endpoint.id), _value(endpoint, "status")

    price = to_minor_units("150.00", "GHS")
    with flow.step("Create payment intent") as s:
        intent = molam.payment_intents.create(
            amount=price, currency="GHS", description="Order 1042", metadata={"order_id": "1042"}
        )
        s.detail, s.amount, s.status = str(intent.id), format_amount(price, "GHS"), _value(intent, "status")

    with flow.step("Confirm with pm_card_visa") as s:
        intent = molam.payment_intents.confirm(intent.id, payment_method="pm_card_visa")
        s.detail, s.amount, s.status = str(intent.id), format_amount(price, "GHS"), _value(intent, "status")
        if s.status != "succeeded":
            raise RuntimeError(f"expected succeeded, got {s.status}")

    with flow.step("Webhook received and verified") as s:
        event = receiver.wait_for("payment_intent.succeeded", lambda e: e.data.object.id == intent.id)
        s.detail, s.status = f"payment_intent.succeeded {event.id}", "verified, processed once"

    _hosted_checkout(flow, molam, receiver)

    refund_amount = to_minor_units("40.00", "GHS")
    with flow.step("Partial refund") as s:
        refund = molam.refunds.create(
            payment_intent=intent.id, amount=refund_amount, reason="requested_by_customer"
        )
        s.detail, s.amount, s.status = (
            str(refund.id),
            format_amount(refund_amount, "GHS"),
            _value(refund, "status"),
        )
        # Refunds settle asynchronously: the refund.processed webhook says when.
        receiver.wait_for("refund.processed", lambda e: e.data.object.id == refund.id)
        s.status = f"{s.status} -> succeeded (webhook)"

    payout_amount = to_minor_units("25000", "XOF")
    with flow.step("Payout to Orange Money") as s:
        payout = molam.payouts.create(
            origin_module="treasury",
            origin_entity_id="treasury_main",
            amount=payout_amount,
            currency="XOF",
            beneficiary={
                "type": "mobile_money",
                "provider": "orange_money",
                "msisdn": "+221771234567",
                "account_holder": "Awa Ndiaye",
            },
            description="Weekly settlement",
        )
        s.detail, s.amount, s.status = (
            str(payout.id),
            format_amount(payout_amount, "XOF"),
            _value(payout, "status"),
        )

    transfer_amount = to_minor_units("10000", "XOF")
    with flow.step("Wallet transfer") as s:
        source, target = _two_wallets(molam, "XOF", transfer_amount)
        transfer = molam.transfers.create(
            from_wallet=source,
            to_wallet=target,
            amount=transfer_amount,
            currency="XOF",
            description="Move to savings",
        )
        s.detail = f"{transfer.id} ({source} -> {target})"
        s.amount, s.status = format_amount(transfer_amount, "XOF"), _value(transfer, "status")

    with flow.step("List payments (auto-pagination)") as s:
        for n in range(4):  # a few more, so that pages of 2 need several requests
            molam.payment_intents.create(amount=to_minor_units(f"{10 + n}.00", "GHS"), currency="GHS")
        pages, count = 0, 0
        page = molam.payment_intents.list(limit=2)
        while page is not None:
            pages += 1
            count += len(page.data)
            page = page.next_page()
        total = sum(1 for _ in molam.payment_intents.list(limit=2))  # the same walk, as one iterator
        if total != count:
            raise RuntimeError(f"auto-pagination saw {total} intents, page by page {count}")
        s.detail, s.status = f"{count} payment intents in {pages} pages of 2", "ok"

    with flow.step("Delete webhook endpoint") as s:
        molam.webhook_endpoints.delete(endpoint.id)
        s.detail, s.status = str(endpoint.id), "deleted"


def _hosted_checkout(flow: _Flow, molam: Any, receiver: WebhookReceiver) -> None:
    """A payment the customer makes on Molam Checkout: created with an amount and a currency only, paid on its
    `redirect_url` page with the card that succeeds (a GET then the form's POST, as a browser sends them),
    which sends the customer back to `return_url`; the webhook confirms it."""
    import httpx

    price = to_minor_units("15250", "XOF")
    shop = "https://boutique-teranga.example/orders/1043/return"
    with flow.step("Hosted checkout: create") as s:
        intent = molam.payment_intents.create(
            amount=price, currency="XOF", description="Order 1043", return_url=shop
        )
        s.detail, s.amount, s.status = str(intent.id), format_amount(price, "XOF"), _value(intent, "status")
        s.url = str(intent.redirect_url)
    with (
        flow.step("Hosted checkout: pay on the page") as s,
        httpx.Client(timeout=10.0, trust_env=False) as browser,
    ):
        page = browser.get(str(intent.redirect_url))
        page.raise_for_status()
        nonce = re.search(r'name="nonce" value="([A-Za-z0-9]+)"', page.text)
        if nonce is None or 'data-testid="pay-card-success"' not in page.text:
            raise RuntimeError("the checkout page has no card payment control")
        paid = browser.post(
            str(intent.redirect_url), data={"choice": "card-success", "nonce": nonce.group(1)}
        )
        back = paid.headers.get("location", "")
        if paid.status_code != 303 or not back.startswith(f"{shop}?payment_intent={intent.id}"):
            raise RuntimeError(f"the page did not send the customer back to the shop ({paid.status_code})")
        event = receiver.wait_for("payment_intent.succeeded", lambda e: e.data.object.id == intent.id)
        s.detail = f"back to return_url, payment_intent.succeeded {event.id}"
        s.amount, s.status = format_amount(price, "XOF"), "succeeded (webhook)"


def _two_wallets(molam: Any, currency: str, amount: int) -> tuple[str, str]:
    """A funded active wallet holding `currency` to pay from, and another one to pay into."""
    usable = [
        w
        for w in molam.wallets.list(limit=20)
        if _value(w, "status") == "active" and currency in w.currencies
    ]
    funded = [
        w.id
        for w in usable
        if any(b.currency == currency and b.amount >= amount for b in molam.wallets.balance(w.id).available)
    ]
    if not funded or len(usable) < 2:
        raise RuntimeError(f"the account needs two active {currency} wallets, one holding {amount}")
    source = funded[0]
    return source, next(w.id for w in usable if w.id != source)


def run(
    *,
    api_base: str | None = None,
    api_key: str | None = None,
    json_mode: bool = False,
    out: Any = None,
) -> int:
    """Run the demo and print its summary; returns the process exit code (0 when every step passed)."""
    from molam_sdk_ext.client import Molam

    flow = _Flow()
    logs = tempfile.TemporaryDirectory(prefix="molam-demo-")
    sandbox: SandboxProcess | None = None
    receiver = WebhookReceiver()
    started = time.perf_counter()
    failed: BaseException | None = None
    try:
        if api_base is None:
            with flow.step("Start the sandbox") as s:
                sandbox = SandboxProcess(log_path=os.path.join(logs.name, "sandbox.log"))
                sandbox.start()
                s.detail, s.status = sandbox.url, "running"
            base = sandbox.url
        else:
            base = api_base
        # A fresh test key is a fresh sandbox account: the demo never sees (or disturbs) anyone's data.
        fresh = f"sk_test_demo_{secrets.token_hex(8)}"
        key = fresh if api_base is None else (api_key or os.environ.get("MOLAM_API_KEY") or fresh)
        receiver.start()
        with Molam(api_key=key, base_url=base, max_retries=2, timeout=10.0) as molam:
            _checkout(flow, molam, receiver)
    except Exception as exc:
        failed = exc
        if all(step.ok for step in flow.steps):  # it failed between steps: say so in the summary
            flow.steps.append(DemoStep("Set up the client", ok=False, error=_describe(exc)))
    finally:
        receiver.stop()
        if sandbox is not None:
            with flow.step("Stop the sandbox") as s:
                sandbox.stop()
                s.status = "stopped"
        logs.cleanup()
    total_ms = (time.perf_counter() - started) * 1000.0
    where = "a fresh local sandbox" if api_base is None else api_base
    _print_summary(flow.steps, total_ms, where, json_mode=json_mode, out=out)
    return 1 if failed is not None or not all(s.ok for s in flow.steps) else 0


def _print_summary(steps: list[DemoStep], total_ms: float, where: str, *, json_mode: bool, out: Any) -> None:
    ok = all(s.ok for s in steps)
    if json_mode:
        import json

        print(
            json.dumps(
                {"ok": ok, "total_ms": round(total_ms, 1), "steps": [s.as_dict() for s in steps]}, indent=2
            ),
            file=out or sys.stdout,
        )
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out or sys.stdout, highlight=False)
    if not console.is_terminal:
        console.width = 140  # piped (make, CI logs): room for whole ids rather than 80 columns
    table = Table(title=Text(f"Molam checkout demo, against {where}"), title_justify="left")
    for header, justify in (("", "left"), ("step", "left"), ("object", "left"), ("amount", "right")):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    table.add_column("status")
    table.add_column("ms", justify="right")
    for s in steps:
        mark = "[green]ok[/green]" if s.ok else "[red]FAILED[/red]"
        table.add_row(mark, *(Text(v) for v in (s.name, s.detail, s.amount, s.status)), f"{s.ms:.0f}")
    console.print(table)
    for s in steps:
        if s.url:
            console.print(Text(f"Redirect URL ({s.detail}): {s.url}"), soft_wrap=True)
    for s in steps:
        if s.error:
            console.print(Text.assemble((f"error in '{s.name}': ", "red"), s.error), soft_wrap=True)
    verdict = "[bold green]Demo passed[/bold green]" if ok else "[bold red]Demo failed[/bold red]"
    after = (
        "Next: `make test`, or try `molam --help`."
        if ok
        else "The error above says which step failed and why."
    )
    console.print(f"{verdict} in {total_ms / 1000:.1f} s. {after}")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: `python -m molam_sandbox.demo [--api-base URL] [--api-key KEY] [--json]`."""
    parser = argparse.ArgumentParser(
        prog="python -m molam_sandbox.demo", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--api-base", help="run against this API instead of a fresh local sandbox")
    parser.add_argument("--api-key", help="API key (default: a fresh sandbox test key)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args(argv)
    return run(api_base=args.api_base, api_key=args.api_key, json_mode=args.json)


if __name__ == "__main__":
    sys.exit(main())
