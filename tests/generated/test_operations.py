"""Every operation of the spec through its generated resource method: sync, async, parsed and raw.

Driven by the spec (see spec_cases.py): a new operation gets these tests without anyone writing one.
Each call goes through a real httpx client whose transport pytest-httpx replaces; we check the request
on the wire (method, path, query, headers, JSON body) and that the spec's response example is parsed into
the response model and round-trips unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from pytest_httpx import HTTPXMock

import molam_sdk.models
from molam_sdk.pagination import AsyncPage, SyncPage
from molam_sdk.raw_response import RawResponse
from molam_sdk.resources import AsyncRawResources, AsyncResources, SyncRawResources, SyncResources

from .requester import AUTHORIZATION, BASE_URL
from .spec_cases import MOLAM_VERSION, OperationCase, operation_cases

CASES = operation_cases()
REQUEST_ID = "req_generated_1"


def _arguments(case: OperationCase) -> dict[str, Any]:
    arguments = dict(case.keyword)
    arguments["molam_version"] = MOLAM_VERSION
    if case.idempotency_key is not None:
        arguments["idempotency_key"] = case.idempotency_key
    return arguments


def _mock(httpx_mock: HTTPXMock, case: OperationCase) -> None:
    httpx_mock.add_response(
        method=case.http_method,
        json=case.response_example,
        headers={"Molam-Request-Id": REQUEST_ID},
    )


def _check_request(request: httpx.Request | None, case: OperationCase) -> None:
    assert request is not None
    assert request.method == case.http_method
    assert str(request.url).startswith(BASE_URL)
    assert request.url.raw_path.decode().split("?")[0] == case.path
    assert dict(request.url.params) == case.expected_query
    assert request.headers["Authorization"] == AUTHORIZATION
    assert request.headers["Molam-Version"] == MOLAM_VERSION
    if case.idempotency_key is not None:
        assert request.headers["Idempotency-Key"] == case.idempotency_key
    else:
        assert "Idempotency-Key" not in request.headers
    if case.expected_json is None:
        assert request.content == b""
    else:
        assert request.headers["Content-Type"] == "application/json"
        assert json.loads(request.content) == case.expected_json


def _check_model(parsed: Any, schema: str, example: Any) -> None:
    assert isinstance(parsed, getattr(molam_sdk.models, schema))
    assert parsed.to_dict() == example


def _check_result(result: Any, case: OperationCase, *, raw: bool, page_type: type[Any]) -> None:
    if raw:
        assert isinstance(result, RawResponse)
        assert result.status_code == 200
        assert result.request_id == REQUEST_ID
        _check_model(result.parsed, case.response_schema, case.response_example)
    elif case.paginated:
        assert isinstance(result, page_type)
        page: Any = result
        _check_model(page.envelope, case.response_schema, case.response_example)
        assert [item.to_dict() for item in page.data] == case.response_example["data"]
        for item in page.data:
            assert isinstance(item, getattr(molam_sdk.models, str(case.item_schema)))
    else:
        _check_model(result, case.response_schema, case.response_example)


def test_the_spec_has_operations() -> None:
    assert len(CASES) >= 3
    assert len({case.id for case in CASES}) == len(CASES), "x-molam-method must be unique per tag"


@pytest.mark.parametrize("raw", [False, True], ids=["parsed", "raw"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_sync(
    case: OperationCase,
    raw: bool,
    httpx_mock: HTTPXMock,
    resources: SyncResources,
    raw_resources: SyncRawResources,
) -> None:
    _mock(httpx_mock, case)
    namespace = getattr(raw_resources if raw else resources, case.namespace)
    result = getattr(namespace, case.method)(*case.positional, **_arguments(case))
    _check_request(httpx_mock.get_request(), case)
    _check_result(result, case, raw=raw, page_type=SyncPage)


@pytest.mark.parametrize("raw", [False, True], ids=["parsed", "raw"])
@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
async def test_async(
    case: OperationCase,
    raw: bool,
    httpx_mock: HTTPXMock,
    async_resources: AsyncResources,
    async_raw_resources: AsyncRawResources,
) -> None:
    _mock(httpx_mock, case)
    namespace = getattr(async_raw_resources if raw else async_resources, case.namespace)
    result = await getattr(namespace, case.method)(*case.positional, **_arguments(case))
    _check_request(httpx_mock.get_request(), case)
    _check_result(result, case, raw=raw, page_type=AsyncPage)


BODY_CASES = [case for case in CASES if case.body_schema is not None]


@pytest.mark.parametrize("case", BODY_CASES, ids=[case.id for case in BODY_CASES])
def test_whole_body_model_is_sent_as_is(
    case: OperationCase, httpx_mock: HTTPXMock, resources: SyncResources
) -> None:
    """`body=<RequestModel>` instead of field arguments sends the same JSON."""
    _mock(httpx_mock, case)
    body = getattr(molam_sdk.models, str(case.body_schema)).from_dict(case.expected_json)
    arguments = {name: value for name, value in _arguments(case).items() if name not in _body_names(case)}
    getattr(getattr(resources, case.namespace), case.method)(*case.positional, body=body, **arguments)
    _check_request(httpx_mock.get_request(), case)


def _body_names(case: OperationCase) -> set[str]:
    from .spec_cases import python_name

    return {python_name(key) for key in case.expected_json}
