"""The generated package's surface: spec facts, lazily loaded models, resource modules that load only what
they use."""

from __future__ import annotations

import json
import subprocess
import sys
import typing

import pytest

import molam_sdk
import molam_sdk.models
from molam_sdk_ext.config import ClientSettings

from .spec_cases import REPO_ROOT, load_spec

SPEC = load_spec()


def test_api_version_and_title_are_the_specs() -> None:
    assert SPEC["info"]["version"] == molam_sdk.API_VERSION
    assert SPEC["info"]["title"] == molam_sdk.SPEC_TITLE
    assert sorted(molam_sdk.__all__) == ["API_VERSION", "SPEC_TITLE"]


def test_client_settings_default_to_the_generated_api_version(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOLAM_VERSION", raising=False)
    assert ClientSettings.resolve(api_key="sk_test_generated_4f9Qx2").molam_version == molam_sdk.API_VERSION
    assert ClientSettings(api_key="sk_test_generated_4f9Qx2").molam_version == molam_sdk.API_VERSION

    monkeypatch.setattr(molam_sdk, "API_VERSION", "2031-02-03")  # read from the package, not a copy
    assert ClientSettings.resolve(api_key="sk_test_generated_4f9Qx2").molam_version == "2031-02-03"


def test_every_schema_is_a_lazily_importable_model() -> None:
    names = set(molam_sdk.models.__all__)
    assert set(SPEC["components"]["schemas"]) <= names
    for name in sorted(names):
        model = getattr(molam_sdk.models, name)
        enum_name = name.removesuffix("Literal")
        if enum_name != name and enum_name in names:
            # An enum's Literal alias (what resource methods accept beside the enum): the very same values.
            assert typing.get_origin(model) is typing.Literal
            assert set(typing.get_args(model)) == {
                member.value for member in getattr(molam_sdk.models, enum_name)
            }
            continue
        assert model.__name__ == name
        assert model.__module__.startswith("molam_sdk.models.")
    assert names <= set(dir(molam_sdk.models))


def test_an_unknown_model_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="NoSuchModel"):
        molam_sdk.models.NoSuchModel  # noqa: B018
    with pytest.raises(ImportError):
        from molam_sdk.models import NoSuchModel  # noqa: F401


def loaded_after(statement: str) -> set[str]:
    """The molam_sdk modules a fresh interpreter has loaded after running `statement`."""
    code = f"import sys, json\n{statement}\nprint(json.dumps(sorted(m for m in sys.modules if m.startswith('molam_sdk'))))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True, timeout=60
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


@pytest.mark.slow  # a fresh interpreter importing the SDK: 1-2 s
def test_first_use_of_a_resource_loads_only_its_models() -> None:
    loaded = loaded_after(
        "from molam_sdk_ext import Molam\nMolam(api_key='sk_test_generated_4f9Qx2').payment_intents"
    )

    assert "molam_sdk.models.payment_intent" in loaded
    assert "molam_sdk.models.payment_intent_list" in loaded
    assert "molam_sdk.models.payout" not in loaded  # another resource's model
    assert "molam_sdk.models.create_payment_intent_request" not in loaded  # only in annotations


def test_importing_one_model_loads_only_what_it_refers_to() -> None:
    loaded = loaded_after("from molam_sdk.models import Payout")

    models = {name.rsplit(".", 1)[1] for name in loaded if name.startswith("molam_sdk.models.")}
    assert "payout" in models and "bank_account_beneficiary" in models
    assert "payment_intent" not in models
