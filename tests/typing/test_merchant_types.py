"""Mistakes a merchant's type checker catches before the API does: `mypy --strict` over merchant-style code.

The SDK is regenerated (as `make generate` does) from a copy of the spec where one operation and one body
field are deprecated, the way the API team deprecates them; the same checkout is then type-checked twice,
once with mistakes and once fixed, and so are a merchant's webhook handlers (`@processor.on`, typed per event
type by the generated `molam_sdk.events.EventHandlerRegistry`), in one mypy run over the four files (errors
are reported per file).

mypy reports PEP 702 deprecations only with `--enable-error-code deprecated` (pyright and IDEs show them by
default); a merchant who wants them in CI turns that code on, as this test does.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.drill.harness import ROOT, Spec, operation, regenerate, run, schema

pytestmark = pytest.mark.drill

RETRIEVE_NOTE = (
    "Retrieves one payment intent by its id. Kept for older integrations: the list carries the same data. "
    "Use `molam.payment_intents.list` instead."
)
DESCRIPTION_NOTE = "Free text shown on the dashboard. Use `metadata` instead."


def _deprecate(spec: Spec) -> None:
    """What the API team writes in the spec (the lint wants the replacement named in the description)."""
    retrieve = operation(spec, "retrieve_payment_intent")
    retrieve["deprecated"] = True
    retrieve["description"] = RETRIEVE_NOTE
    field = schema(spec, "CreatePaymentIntentRequest")["properties"]["description"]
    field.update({"deprecated": True, "description": DESCRIPTION_NOTE})


BROKEN = '''\
"""A checkout as a merchant writes it, with three mistakes."""

from molam_sdk_ext import AsyncMolam, Molam


def checkout() -> str:
    with Molam() as molam:
        intent = molam.payment_intents.create(
            amount=15000, currency="XOF", payment_method="pm_card_visa", confirm=True, description="order 1042"
        )
        for recent in molam.payment_intents.list(status="succeded"):
            print(recent.id)
        again = molam.payment_intents.retrieve(intent.id)
        return str(again.status)


async def acheckout(intent_id: str) -> str:
    async with AsyncMolam() as molam:
        intent = await molam.payment_intents.retrieve(intent_id)
        return str(intent.status)
'''

FIXED = '''\
"""The same checkout, fixed: what the warnings asked for."""

from molam_sdk.models import PaymentIntentStatus
from molam_sdk_ext import AsyncMolam, Molam


def checkout() -> str:
    with Molam() as molam:
        intent = molam.payment_intents.create(
            amount=15000, currency="XOF", payment_method="pm_card_visa", confirm=True,
            metadata={"order_id": "1042"},
        )
        for recent in molam.payment_intents.list(status="succeeded"):
            print(recent.id)
        for recent in molam.payment_intents.list(status=PaymentIntentStatus.SUCCEEDED, limit=1):
            print(recent.id)
        return str(intent.status)


async def acheckout() -> str:
    async with AsyncMolam() as molam:
        async for intent in await molam.payment_intents.list(status="requires_capture", limit=1):
            return str(intent.status)
    return "none"
'''

BROKEN_HOOKS = '''\
"""A merchant's webhook handlers, with four mistakes."""

from molam_sdk.events import PaymentIntentEvent
from molam_sdk.models import PaymentIntentSucceededEvent
from molam_sdk_ext.webhooks import WebhookProcessor, construct_event

processor = WebhookProcessor("whsec_test_typing")


@processor.on("payment_intent.succeded")
def fulfil(event: PaymentIntentSucceededEvent) -> None:
    print(event.data.object.id)


@processor.on("payment_intent.succeeded", "payment_intent.failed")
def outcome(event: PaymentIntentEvent) -> None:
    print(event.data.object.arrival_date)


@processor.on("payout.paid")
def paid(event: PaymentIntentSucceededEvent) -> None:
    print(event.data.object.amount)


def receive(body: bytes, signature: str) -> int:
    return construct_event(body, signature, "whsec_test_typing").data.object.amount
'''

FIXED_HOOKS = '''\
"""The same handlers, fixed."""

from molam_sdk.events import PaymentIntentEvent
from molam_sdk.models import PaymentIntentSucceededEvent, PayoutPaidEvent
from molam_sdk_ext.webhooks import UnknownEvent, WebhookEvent, WebhookProcessor, construct_event

processor = WebhookProcessor("whsec_test_typing")


@processor.on("payment_intent.succeeded")
def fulfil(event: PaymentIntentSucceededEvent) -> None:
    print(event.data.object.id)


@processor.on("payment_intent.failed", "payment_intent.canceled")
async def outcome(event: PaymentIntentEvent) -> None:
    print(event.data.object.metadata, event.type == "payment_intent.failed")


@processor.on("payout.paid")
def paid(event: PayoutPaidEvent) -> None:
    print(event.data.object.arrival_date)


@processor.on_any
def anything(event: WebhookEvent) -> None:
    print(event.id, event.type)


def receive(body: bytes, signature: str) -> int:
    event = construct_event(body, signature, "whsec_test_typing")
    if isinstance(event, UnknownEvent):
        return 0
    if event.type == "payment_intent.succeeded":
        return event.data.object.amount
    return -1
'''

STATUS_VALUES = (
    "Literal['canceled', 'failed', 'processing', 'requires_action', 'requires_capture', "
    "'requires_confirmation', 'requires_payment_method', 'succeeded']"
)
OBJECTS = "PaymentIntent | Charge | Refund | Payout | Transfer | MerchantOnboarding | dict[str, Any]"
_LINE = re.compile(r"^(?P<file>[\w.]+):(?P<line>\d+): error: (?P<message>.*?)  \[(?P<code>[\w-]+)\]$")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SDK regenerated from the spec with the deprecations (one generation for the module)."""
    _, generated = regenerate(_deprecate, tmp_path_factory.mktemp("generated"))
    return generated


@pytest.fixture(scope="module")
def mypy_output(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    """mypy's exit status and output over the broken and fixed files, against the regenerated SDK."""
    base = tmp_path_factory.mktemp("typing")
    work = base / "merchant"
    work.mkdir()
    (work / "broken.py").write_text(BROKEN, encoding="utf-8")
    (work / "fixed.py").write_text(FIXED, encoding="utf-8")
    (work / "broken_hooks.py").write_text(BROKEN_HOOKS, encoding="utf-8")
    (work / "fixed_hooks.py").write_text(FIXED_HOOKS, encoding="utf-8")
    # An empty configuration: the merchant's own settings are `--strict`, not this repository's pyproject.
    (work / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    completed = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--enable-error-code", "deprecated",
            "--config-file", "mypy.ini", "--cache-dir", str(base / "cache"),
            "--follow-imports", "silent",  # only the merchant's files are judged, not the SDK's own code
            "--no-error-summary", "--show-error-end", "--no-pretty",
            "broken.py", "fixed.py", "broken_hooks.py", "fixed_hooks.py",
        ],
        capture_output=True,
        text=True,
        # The regenerated molam_sdk first, then the repository's hand-written molam_sdk_ext.
        env={**os.environ, "MYPYPATH": os.pathsep.join([str(tree), str(ROOT)])},
        cwd=work,
        check=False,
        timeout=600,
    )  # fmt: skip
    return completed.returncode, completed.stdout + completed.stderr


def _errors(output: str, file: str) -> list[tuple[int, str, str]]:
    found = []
    for line in output.splitlines():
        # --show-error-end writes `file:line:col:end_line:end_col:`; keep the file and the line.
        line = re.sub(r"^([\w.]+):(\d+):\d+:\d+:\d+:", r"\1:\2:", line)
        match = _LINE.match(line)
        if match and match["file"] == file:
            found.append((int(match["line"]), match["code"], match["message"]))
    return found


@pytest.mark.slow
def test_a_misspelled_status_and_deprecated_calls_are_reported(mypy_output: tuple[int, str]) -> None:
    status, output = mypy_output
    assert status == 1, output
    errors = _errors(output, "broken.py")
    assert [(line, code) for line, code, _ in errors] == [
        (8, "deprecated"),
        (11, "arg-type"),
        (13, "deprecated"),
        (19, "deprecated"),
    ], output
    by_line = {line: message for line, _, message in errors}
    assert by_line[11] == (
        'Argument "status" to "list" of "PaymentIntents" has incompatible type "Literal[\'succeded\']"; '
        f'expected "PaymentIntentStatus | {STATUS_VALUES} | Unset"'
    )
    # The whole operation: one line naming the replacement, not the three-sentence description.
    assert by_line[13] == (
        "function molam_sdk.resources.payment_intents.PaymentIntents.retrieve is deprecated: "
        "Use `molam.payment_intents.list` instead."
    )
    assert by_line[19] == (
        "function molam_sdk.resources.payment_intents.AsyncPaymentIntents.retrieve is deprecated: "
        "Use `molam.payment_intents.list` instead."
    )
    # The deprecated field, through the overload that requires it.
    assert by_line[8].startswith(
        "overload def (self: molam_sdk.resources.payment_intents.PaymentIntents, *, "
    )
    assert by_line[8].endswith(
        "of function molam_sdk.resources.payment_intents.PaymentIntents.create is deprecated: "
        "molam.payment_intents.create(description=) is deprecated: Use `metadata` instead."
    )


def test_the_fixed_checkout_passes(mypy_output: tuple[int, str]) -> None:
    _, output = mypy_output
    assert _errors(output, "fixed.py") == []
    assert "fixed.py" not in output, output
    assert _errors(output, "broken.py"), output  # the run did check something


def test_webhook_handler_mistakes_are_reported(mypy_output: tuple[int, str]) -> None:
    """A misspelled event type, a field the event's object does not have (through the union `on` gives several
    payment intent types), a handler of another event's model, and a field read on `construct_event`'s result
    without narrowing it (the union of every typed event and `UnknownEvent`)."""
    status, output = mypy_output
    assert status == 1, output
    errors = _errors(output, "broken_hooks.py")
    assert [(line, code, message) for line, code, message in errors] == [
        (10, "call-overload", 'No overload variant of "on" of "EventHandlerRegistry" matches argument type "str"'),
        # The decorator's result is unknown once no overload matched: the function loses its type too.
        (10, "untyped-decorator", 'Untyped decorator makes function "fulfil" untyped'),
        (17, "attr-defined", '"PaymentIntent" has no attribute "arrival_date"'),
        (20, "type-var", 'Value of type variable "_PayoutPaidEventHandler" of function cannot be "Callable[[PaymentIntentSucceededEvent], None]"'),
        (26, "union-attr", f'Item "MerchantOnboarding" of "{OBJECTS}" has no attribute "amount"'),
        (26, "union-attr", f'Item "dict[str, Any]" of "{OBJECTS}" has no attribute "amount"'),
    ], output  # fmt: skip
    # mypy lists the overloads after the misspelling: each known event type, one per line.
    assert (
        "broken_hooks.py:10:2:10:40: note:     def on(self, Literal['payment_intent.succeeded'], /)" in output
    )


def test_the_fixed_handlers_pass(mypy_output: tuple[int, str]) -> None:
    """Each handler takes its event's model (several payment intent types: `PaymentIntentEvent`; `on_any`: every
    event, typed or not), and `construct_event`'s union narrows by `isinstance` and by `event.type`."""
    _, output = mypy_output
    assert _errors(output, "fixed_hooks.py") == []
    assert "fixed_hooks.py" not in output, output
    assert _errors(output, "broken_hooks.py"), output  # the run did check the handlers


def test_the_runtime_warning_says_the_same_one_line(tree: Path) -> None:
    """At run time the call warns (at the caller's line) with the note the type checker shows; the docstring
    keeps the whole description."""
    seen = run(
        tree,
        """
        import json, warnings
        from molam_sdk_ext import Molam, MolamError
        from molam_sdk.resources import payment_intents
        # Nothing listens on port 9: the warning comes before anything is sent.
        with Molam(api_key="sk_test_typing_1", base_url="http://127.0.0.1:9", max_retries=0) as molam:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    molam.payment_intents.retrieve("pi_1")
                except MolamError:
                    pass
        print(json.dumps({
            "warnings": [[w.category.__name__, str(w.message), w.lineno] for w in caught],
            "decorated": payment_intents.PaymentIntents.retrieve.__deprecated__,
            "doc": payment_intents.PaymentIntents.retrieve.__doc__,
        }))
        """,
    )
    assert seen["warnings"] == [
        ["DeprecationWarning", "molam.payment_intents.retrieve() is deprecated: Use `molam.payment_intents.list` instead.", 10]  # line 10: the code starts with an empty line
    ]  # fmt: skip
    assert seen["decorated"] == "Use `molam.payment_intents.list` instead."
    assert (
        ".. deprecated:: Retrieves one payment intent by its id. Kept for older integrations" in seen["doc"]
    )
