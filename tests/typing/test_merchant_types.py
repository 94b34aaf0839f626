"""Mistakes a merchant's type checker catches before the API does: `mypy --strict` over merchant-style code.

The SDK is regenerated (as `make generate` does) from a copy of the spec where one operation and one body
field are deprecated, the way the API team deprecates them; the same checkout is then type-checked twice,
once with mistakes and once fixed, in one mypy run over both files (errors are reported per file).

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

STATUS_VALUES = (
    "Literal['canceled', 'failed', 'processing', 'requires_action', 'requires_capture', "
    "'requires_confirmation', 'requires_payment_method', 'succeeded']"
)
_LINE = re.compile(r"^(?P<file>[\w.]+):(?P<line>\d+): error: (?P<message>.*?)  \[(?P<code>[\w-]+)\]$")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SDK regenerated from the spec with the deprecations (one generation for the module)."""
    _, generated = regenerate(_deprecate, tmp_path_factory.mktemp("generated"))
    return generated


@pytest.fixture(scope="module")
def mypy_output(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[int, str]:
    """mypy's exit status and output over broken.py and fixed.py, against the regenerated SDK."""
    base = tmp_path_factory.mktemp("typing")
    work = base / "merchant"
    work.mkdir()
    (work / "broken.py").write_text(BROKEN, encoding="utf-8")
    (work / "fixed.py").write_text(FIXED, encoding="utf-8")
    # An empty configuration: the merchant's own settings are `--strict`, not this repository's pyproject.
    (work / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    completed = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--enable-error-code", "deprecated",
            "--config-file", "mypy.ini", "--cache-dir", str(base / "cache"),
            "--follow-imports", "silent",  # only the merchant's files are judged, not the SDK's own code
            "--no-error-summary", "--show-error-end", "--no-pretty",
            "broken.py", "fixed.py",
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
