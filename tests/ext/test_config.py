"""ClientSettings: arguments over environment over defaults, key checks, regions, http:// refusal, repr."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from molam_sdk_ext.config import DEFAULT_API_VERSION, ClientSettings, ConfigurationError, is_loopback_host
from tests.support.transport import TEST_KEY


def resolve(env: dict[str, str] | None = None, **kwargs: object) -> ClientSettings:
    return ClientSettings.resolve(environ=env or {}, **kwargs)  # type: ignore[arg-type]


def test_defaults() -> None:
    s = resolve(api_key=TEST_KEY)
    assert s.base_url == "https://api.molam.com"
    assert s.molam_version == DEFAULT_API_VERSION == "2025-01-15"
    assert (s.timeout, s.connect_timeout, s.total_timeout, s.max_retries) == (30.0, 5.0, 60.0, 3)
    assert s.telemetry is True
    assert s.verify is True
    assert s.log is None and s.store_url is None and s.client_cert is None
    assert not s.livemode


def test_everything_from_the_environment(tmp_path: Path) -> None:
    cert = tmp_path / "c.pem"
    cert.write_text("x")
    env = {
        "MOLAM_API_KEY": "sk_live_abcdefgh12345678",
        "MOLAM_API_BASE": "https://sandbox.api.molam.com/",
        "MOLAM_VERSION": "2026-02-01",
        "MOLAM_TIMEOUT": "12.5",
        "MOLAM_CONNECT_TIMEOUT": "2",
        "MOLAM_TOTAL_TIMEOUT": "40",
        "MOLAM_MAX_RETRIES": "5",
        "MOLAM_LOG": "debug",
        "MOLAM_TELEMETRY_ENABLED": "false",
        "MOLAM_STORE_URL": "redis://localhost:6379/0",
        "MOLAM_CLIENT_CERT": str(cert),
    }
    s = resolve(env)
    assert s.api_key == "sk_live_abcdefgh12345678" and s.livemode
    assert s.base_url == "https://sandbox.api.molam.com"
    assert s.molam_version == "2026-02-01"
    assert (s.timeout, s.connect_timeout, s.total_timeout, s.max_retries) == (12.5, 2.0, 40.0, 5)
    assert s.log == "debug"
    assert s.telemetry is False
    assert s.store_url == "redis://localhost:6379/0"
    assert s.cert() == str(cert)


def test_arguments_beat_the_environment() -> None:
    env = {"MOLAM_API_KEY": "sk_test_fromtheenvironment", "MOLAM_MAX_RETRIES": "5", "MOLAM_TIMEOUT": "9"}
    s = resolve(env, api_key=TEST_KEY, max_retries=0, timeout=1.0)
    assert s.api_key == TEST_KEY
    assert s.max_retries == 0
    assert s.timeout == 1.0


@pytest.mark.parametrize("region", ["us-east", "eu-west", "ap-south", "EU-WEST"])
def test_regions(region: str) -> None:
    assert resolve(api_key=TEST_KEY, region=region).base_url == f"https://{region.lower()}.api.molam.com"
    assert (
        resolve({"MOLAM_REGION": region}, api_key=TEST_KEY).base_url
        == f"https://{region.lower()}.api.molam.com"
    )


def test_base_url_precedence() -> None:
    env = {"MOLAM_API_BASE": "https://env.example", "MOLAM_REGION": "eu-west"}
    assert resolve(env, api_key=TEST_KEY).base_url == "https://env.example"
    assert resolve(env, api_key=TEST_KEY, region="ap-south").base_url == "https://ap-south.api.molam.com"
    assert (
        resolve(env, api_key=TEST_KEY, region="ap-south", base_url="https://x.example").base_url
        == "https://x.example"
    )


def test_unknown_region() -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve(api_key=TEST_KEY, region="mars-north")
    assert info.value.param == "region"
    with pytest.raises(ConfigurationError) as info:
        resolve({"MOLAM_REGION": "moon"}, api_key=TEST_KEY)
    assert info.value.param == "MOLAM_REGION"


@pytest.mark.parametrize(
    "key",
    [
        "pk_test_abcdefghijklmnop",
        "sk_prod_abcdefghijklmnop",
        "sk_test_",
        "sk_test_abc def",
        "sk_test_abc\r\nX-Evil: 1",
        "sk_test_caf\u00e9caf\u00e9caf\u00e9",
        "Bearer sk_test_abcdefgh",
    ],
)
def test_bad_keys_refused_without_echoing_them(key: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve(api_key=key)
    assert info.value.param == "api_key"
    message = str(info.value) + repr(info.value)
    if key != "sk_test_":  # a bare prefix is no secret
        assert key not in message
    secret_part = key.split("_", 2)[-1]
    if len(secret_part) >= 6:
        assert secret_part not in message


def test_missing_key() -> None:
    with pytest.raises(ConfigurationError, match="MOLAM_API_KEY") as info:
        resolve()
    assert info.value.param == "api_key"


@pytest.mark.parametrize(
    "key", ["sk_test_abcdefgh", "sk_live_ABCdef123_xyz", "jwt_eyJhbGciOiJIUzI1NiJ9.e30.sig"]
)
def test_good_keys(key: str) -> None:
    assert resolve(api_key=key).api_key == key


def test_repr_masks_the_key() -> None:
    s = resolve(api_key=TEST_KEY)
    text = repr(s) + str(s)
    assert TEST_KEY not in text
    assert "sk_test_...7dc" not in text  # exactly the last four, no more
    assert "'sk_test_...p7dc'" in text
    short = resolve(api_key="sk_test_abcdefgh")
    assert "abcdefgh" not in repr(short) and "efgh" not in repr(short)
    assert "redis" not in repr(resolve({"MOLAM_STORE_URL": "redis://:pw@h/0"}, api_key=TEST_KEY))


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:12111",
        "http://127.8.9.10",
        "http://localhost:8000",
        "http://[::1]:9000",
    ],
)
def test_http_allowed_on_loopback(url: str) -> None:
    assert resolve(api_key=TEST_KEY, base_url=url).base_url == url


@pytest.mark.parametrize(
    "url",
    [
        "http://api.molam.com",
        "http://10.0.0.5:8080",
        "http://128.0.0.1",
        "http://[::2]",
        # A name under .localhost is resolved by whatever DNS the machine uses: only `localhost` itself counts.
        "http://evil.localhost",
        "http://api.localhost:12111",
    ],
)
def test_http_refused_elsewhere(url: str) -> None:
    with pytest.raises(ConfigurationError, match="http://") as info:
        resolve(api_key=TEST_KEY, base_url=url)
    assert info.value.param == "base_url"
    assert resolve(api_key=TEST_KEY, base_url=url, allow_insecure_http=True).base_url == url


@pytest.mark.parametrize(
    "url", ["ftp://api.molam.com", "api.molam.com", "https://user:pw@api.molam.com", "https://"]
)
def test_malformed_base_urls(url: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve(api_key=TEST_KEY, base_url=url)
    assert info.value.param == "base_url"
    assert "pw" not in str(info.value)


def test_loopback_detection() -> None:
    assert is_loopback_host("::ffff:127.0.0.1")
    assert not is_loopback_host("::ffff:10.0.0.1")
    assert not is_loopback_host("127.0.0.1.nip.io")


@pytest.mark.parametrize(
    ("env", "param"),
    [
        ({"MOLAM_TIMEOUT": "soon"}, "MOLAM_TIMEOUT"),
        ({"MOLAM_TIMEOUT": "0"}, "timeout"),
        ({"MOLAM_MAX_RETRIES": "2.5"}, "MOLAM_MAX_RETRIES"),
        ({"MOLAM_MAX_RETRIES": "-1"}, "max_retries"),
        ({"MOLAM_TELEMETRY_ENABLED": "perhaps"}, "MOLAM_TELEMETRY_ENABLED"),
    ],
)
def test_bad_environment_values(env: dict[str, str], param: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        resolve(env, api_key=TEST_KEY)
    assert info.value.param == param


@pytest.mark.parametrize("value", ["0", "false", "No", "OFF"])
def test_telemetry_can_be_disabled(value: str) -> None:
    assert resolve({"MOLAM_TELEMETRY_ENABLED": value}, api_key=TEST_KEY).telemetry is False


def test_client_certificate_checks(tmp_path: Path) -> None:
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    cert.write_text("c")
    key.write_text("k")
    s = resolve(api_key=TEST_KEY, client_cert=str(cert), client_key=str(key))
    assert s.cert() == (str(cert), str(key))
    with pytest.raises(ConfigurationError) as info:
        resolve(api_key=TEST_KEY, client_key=str(key))
    assert info.value.param == "client_cert"
    with pytest.raises(ConfigurationError) as info:
        resolve(api_key=TEST_KEY, client_cert=str(tmp_path / "missing.pem"))
    assert info.value.param == "client_cert"


def test_timeouts() -> None:
    s = resolve(api_key=TEST_KEY, timeout=10, connect_timeout=3)
    assert s.httpx_timeout() == httpx.Timeout(10, connect=3)
    assert s.httpx_timeout(1.0) == httpx.Timeout(1.0, connect=1.0)
    custom = httpx.Timeout(4, read=99)
    assert s.httpx_timeout(custom) is custom


def test_settings_are_frozen() -> None:
    s = resolve(api_key=TEST_KEY)
    with pytest.raises(AttributeError):
        s.api_key = "sk_test_other_key_123"  # type: ignore[misc]
    assert s.evolve(max_retries=1).max_retries == 1
    with pytest.raises(ConfigurationError):
        s.evolve(base_url="http://example.com")


@pytest.mark.slow
def test_default_version_is_the_specs() -> None:
    import yaml

    spec = yaml.safe_load((Path(__file__).resolve().parents[2] / "spec" / "molam.yaml").read_text())
    assert spec["info"]["version"] == DEFAULT_API_VERSION
