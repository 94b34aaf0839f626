"""The changelog section a release writes for the drill's API changes reads as users write code (issue 26,
part 4).

The five changes of issue 20's drill (tests/drill/test_api_changes.py: a new optional field, `int` -> `date`,
`customer_id` renamed `customer` everywhere, a new `Customers` resource with its webhook) plus a deprecated
method whose description names its replacement are applied to a copy of the spec and regenerated
(tests/drill/harness.py `regenerate`, what `make generate` does). A throw-away repository holds the
project at v1.0.0 and, committed on top, that spec and its regenerated code, with the acknowledgements an
API author writes; `plan_release` (what `make release` runs) compares it with the tag (the spec and the SDK
surface, as the release does against its base) and renders the section, which is asserted line by line.
"""

from __future__ import annotations

import pytest

from generator.codegen.generate import install
from generator.release.cut import Plan, plan_release
from generator.release.semver import Version, write_version
from tests.drill.harness import Spec, operation, regenerate
from tests.drill.test_api_changes import (
    _ids,
    add_customers,
    add_statement_descriptor,
    arrival_date_as_date,
    rename_customer,
)

from .repo import Repo

pytestmark = pytest.mark.drill

DATE = "2026-12-08"
NEW_API_VERSION = "2026-06-01"
#: Two sentences: the changelog (like the DeprecationWarning) quotes the one naming the replacement.
DEPRECATION = "Retrieve one payment intent by id. Use `molam.payment_intents.list(limit=1)` instead."
#: What an API author acknowledges for these changes; each reason is the migration hint of its line. The
#: SDK entries cover what the rename does to the generated code (the old keyword arguments and fields,
#: and the model constructors' positional arguments moving up).
ACKS = """\
- rule: "*-renamed"
  symbol: "*customer*"
  reason: "`customer_id` is `customer` in requests, responses and the list filter"
- rule: "*-changed"
  symbol: Payout.arrival_date
  reason: "compare `arrival_date` with `datetime.date` values, not Unix seconds"
- rule: "sdk-*"
  symbol: "*customer_id*"
  reason: "`customer_id` is `customer`"
- rule: sdk-argument-kind-changed
  symbol: "molam_sdk.models:*PaymentIntent*"
  reason: "pass model fields by name"
"""


def drill(spec: Spec) -> None:
    """Issue 20's API changes, a deprecation and the new API version they come with."""
    spec["info"]["version"] = NEW_API_VERSION
    add_statement_descriptor(spec)
    arrival_date_as_date(spec)
    rename_customer(spec)
    add_customers(spec)
    _ids(spec)
    retrieve = operation(spec, "retrieve_payment_intent")
    retrieve["deprecated"] = True
    retrieve["description"] = DEPRECATION


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    """The release plan of the drilled tree against v1.0.0 (the repository as it is)."""
    root = tmp_path_factory.mktemp("drill-changelog")
    spec_path, tree = regenerate(drill, root / "generated")
    repo = Repo(root / "repo")
    write_version(repo.path, Version(1, 0, 0))
    # Only this release's section is under test, not the notes waiting under `## Unreleased` today.
    (repo.path / "CHANGELOG.md").write_text(
        "# Changelog\n\n## Unreleased\n\n## 1.0.0 - 2026-01-01\n\nFirst.\n"
    )
    (repo.path / "spec/breaking-acknowledged.yaml").write_text("[]\n")
    repo.commit("Release 1.0.0")
    repo.git("tag", "-a", "v1.0.0", "-m", "molam-sdk 1.0.0")
    (repo.path / "spec/molam.yaml").write_text(spec_path.read_text())
    install(tree, repo.path)
    (repo.path / "spec/breaking-acknowledged.yaml").write_text(ACKS)
    repo.commit("The drill's API changes")
    return plan_release(repo.path, gates=(), date=DATE)


def section_lines(plan: Plan) -> list[str]:
    """The section's lines, without the empty ones."""
    return [line for line in plan.section.splitlines() if line]


def test_the_release_is_planned_without_a_refusal(plan: Plan) -> None:
    assert plan.problems == []
    assert str(plan.version) == "2.0.0"


def test_breaking_lines_name_calls_fields_and_python_types_once_each(plan: Plan) -> None:
    lines = section_lines(plan)
    renamed = "Migration: `customer_id` is `customer` in requests, responses and the list filter."
    breaking = lines[lines.index("### Breaking") + 1 : lines.index("### Deprecated")]
    assert breaking == [
        "- `molam.payment_intents.create(customer=...)`: renamed from `customer_id=` "
        f"(POST /v1/connect/payment_intents). {renamed}",
        "- `molam.payment_intents.list(customer=...)`: renamed from `customer_id=` "
        f"(GET /v1/connect/payment_intents). {renamed}",
        "- `PaymentIntent.customer`: renamed from `PaymentIntent.customer_id` (GET /v1/connect/payment_intents, "
        f"POST /v1/connect/payment_intents, GET /v1/connect/payment_intents/{{id}}, +10 more). {renamed}",
        "- `Payout.arrival_date`: type changed from `int` to `datetime.date` (GET /v1/treasury/payouts, "
        "POST /v1/treasury/payouts, GET /v1/treasury/payouts/{id}, +5 more). "
        "Migration: compare `arrival_date` with `datetime.date` values, not Unix seconds.",
    ]


def test_a_deprecation_names_its_replacement(plan: Plan) -> None:
    lines = section_lines(plan)
    deprecated = lines[lines.index("### Deprecated") + 1 : lines.index("### Added")]
    assert deprecated == [
        "- `molam.payment_intents.retrieve()`: deprecated (GET /v1/connect/payment_intents/{id}). "
        "Use `molam.payment_intents.list(limit=1)` instead."
    ]


def test_a_new_resource_is_one_grouped_line_and_a_new_field_is_the_call_users_write(plan: Plan) -> None:
    lines = section_lines(plan)
    added = lines[lines.index("### Added") + 1 :]
    assert added == [
        "- New models: `CreateCustomerRequest`, `Customer`, `CustomerCreatedEventData`, `CustomerList`, "
        "`DeletedCustomer`, `UpdateCustomerRequest`.",
        "- `molam.customers`: new resource: `create()`, `delete()`, `list()`, `retrieve()` and `update()` "
        "(POST /v1/customers, DELETE /v1/customers/{id}, GET /v1/customers, +2 more).",
        "- `molam.payment_intents.create(statement_descriptor=...)`: new optional argument "
        "(POST /v1/connect/payment_intents).",
        "- `CustomerCreatedEvent`: new webhook event `customer.created` (`EventType.CUSTOMER_CREATED`).",
        "- `PaymentIntent.statement_descriptor`: new field (GET /v1/connect/payment_intents, "
        "POST /v1/connect/payment_intents, GET /v1/connect/payment_intents/{id}, +10 more).",
    ]


def test_the_section_holds_no_generator_words(plan: Plan) -> None:
    """Sync and async, raw-response variants, modules and the client's default version fold into the lines
    above (which the report's SDK findings also reached: the SDK acknowledgements matched)."""
    assert plan.section.splitlines()[:3] == [
        f"## 2.0.0 - {DATE}",
        "",
        f"API version `{NEW_API_VERSION}` (the default `Molam-Version`), was `2025-01-15`. "
        "Changes since v1.0.0.",
    ]
    for noise in ("molam_sdk", "Async", "with_raw_response", "module", "integer", "=)", "### Changed"):
        assert noise not in plan.section
    assert any(change.source == "sdk" and change.acknowledged for change in plan.report.changes)
    assert plan.stale_acks == ()
