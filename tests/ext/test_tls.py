"""TLS: a real local HTTPS server that requires a client certificate (trustme CA), and http:// refusal."""

from __future__ import annotations

import http.server
import json
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
import trustme

from molam_sdk.requester import Request, RequestOptions
from molam_sdk_ext import AsyncMolam, Molam
from molam_sdk_ext.config import ConfigurationError
from molam_sdk_ext.errors import APIConnectionError
from tests.support.transport import TEST_KEY

BALANCE = Request("get", "/v1/treasury/balances")


@attrs.frozen
class TLSFiles:
    ca: str
    client_cert: str
    client_key: str
    url: str


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        peer = self.connection.getpeercert()
        subject = dict(item[0] for item in peer["subject"]) if peer else {}
        payload = json.dumps(
            {"client": subject.get("commonName", ""), "auth": self.headers["Authorization"][:15]}
        )
        data = payload.encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def mtls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TLSFiles]:
    directory: Path = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    server_cert = ca.issue_cert("127.0.0.1", "localhost")
    client_cert = ca.issue_cert("merchant.molam.test", common_name="merchant.molam.test")
    ca_path, cert_path, key_path = directory / "ca.pem", directory / "client.pem", directory / "client.key"
    ca.cert_pem.write_to_path(str(ca_path))
    client_cert.cert_chain_pems[0].write_to_path(str(cert_path))
    client_cert.private_key_pem.write_to_path(str(key_path))

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_cert.configure_cert(context)
    ca.configure_trust(context)
    context.verify_mode = ssl.CERT_REQUIRED  # mutual TLS: no client certificate, no connection

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield TLSFiles(
        str(ca_path), str(cert_path), str(key_path), f"https://127.0.0.1:{server.server_address[1]}"
    )
    server.shutdown()
    server.server_close()


def test_client_certificate_is_presented(mtls: TLSFiles) -> None:
    with Molam(
        TEST_KEY, base_url=mtls.url, verify=mtls.ca, client_cert=mtls.client_cert, client_key=mtls.client_key
    ) as molam:
        response = molam.request(BALANCE, RequestOptions())
    assert response.json() == {"client": "merchant.molam.test", "auth": "Bearer sk_test_"}


async def test_async_client_certificate_is_presented(mtls: TLSFiles) -> None:
    async with AsyncMolam(
        TEST_KEY, base_url=mtls.url, verify=mtls.ca, client_cert=mtls.client_cert, client_key=mtls.client_key
    ) as molam:
        response = await molam.request(BALANCE, RequestOptions())
    assert response.json()["client"] == "merchant.molam.test"


def test_without_client_certificate_the_server_refuses(mtls: TLSFiles) -> None:
    with (
        Molam(TEST_KEY, base_url=mtls.url, verify=mtls.ca, max_retries=0) as molam,
        pytest.raises(APIConnectionError) as info,
    ):
        molam.request(BALANCE, RequestOptions())
    assert TEST_KEY not in str(info.value)


def test_verification_is_on_by_default(mtls: TLSFiles) -> None:
    # The server's certificate comes from a private CA the default trust store does not know.
    with (
        Molam(
            TEST_KEY,
            base_url=mtls.url,
            client_cert=mtls.client_cert,
            client_key=mtls.client_key,
            max_retries=0,
        ) as molam,
        pytest.raises(APIConnectionError, match="ConnectError"),
    ):
        molam.request(BALANCE, RequestOptions())


def test_certificate_files_from_the_environment(mtls: TLSFiles, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOLAM_CLIENT_CERT", mtls.client_cert)
    monkeypatch.setenv("MOLAM_CLIENT_KEY", mtls.client_key)
    with Molam(TEST_KEY, base_url=mtls.url, verify=mtls.ca) as molam:
        assert molam.request(BALANCE, RequestOptions()).json()["client"] == "merchant.molam.test"


@pytest.mark.parametrize("url", ["http://api.molam.com", "http://192.168.1.20:12111"])
def test_plain_http_refused_for_remote_hosts(url: str) -> None:
    with pytest.raises(ConfigurationError, match="Refusing plain http://"):
        Molam(TEST_KEY, base_url=url)
    with pytest.raises(ConfigurationError):
        AsyncMolam(TEST_KEY, base_url=url)
    Molam(TEST_KEY, base_url=url, allow_insecure_http=True).close()
