"""Client figures of DESIGN.md section 6, each measured side by side with its peers in one run.

1. Per call, in process (httpx.MockTransport, a ~1 KB payment intent): the full `Molam` client
   (`payment_intents.create` -> typed model, with idempotency, retry, breaker, telemetry and logging layers)
   vs raw `httpx.Client.post` + `json.loads` vs stripe-python 16 (`StripeClient` over `stripe.HTTPXClient`,
   whose httpx client is swapped for one on the same MockTransport). Target: Molam <= 1.35x raw.
2. Async throughput against a local uvicorn server (subprocess), same concurrency: `AsyncMolam` vs raw
   `httpx.AsyncClient`. Target: >= 0.9x.
3. Circuit breaker overhead per closed-state call vs pybreaker. Target: <= 0.5 us.
4. `python -c "import molam_sdk_ext"` vs `import httpx` vs `import stripe`, by repeated subprocess timing, in a
   venv with only the runtime dependencies when one exists (`MOLAM_BENCH_VENV`, default /tmp/rtvenv; make it
   with `python -m venv /tmp/rtvenv && /tmp/rtvenv/bin/pip install -e . stripe==16.1.0`). Target: <= 1.25x.

The machines are shared and noisy: every comparison interleaves its contenders round by round and reports the
best round (the least disturbed) and the median round. Run: `python bench/client_bench.py [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import socket
import statistics
import subprocess
import sys
import textwrap
import time
import timeit
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

API_KEY = "sk_test_BenchKey0123456789abcdef"
ROOT = Path(__file__).resolve().parent.parent


def payment_intent() -> bytes:
    """A payment intent as the API returns it, padded with metadata to about 1 KB."""
    body = {
        "id": "pi_3Nf8kLm2aB9xQ7",
        "object": "payment_intent",
        "amount": 15000,
        "amount_received": 0,
        "currency": "XOF",
        "status": "requires_payment_method",
        "capture_method": "automatic",
        "payment_method": None,
        "customer_id": "cus_8Jd3Xe1Mr5Yq",
        "merchant_id": "mer_7Hc2Wd9Lq4Zp",
        "description": "Commande 1042 - Boutique Teranga",
        "metadata": {f"field_{i:02d}": f"value-{i:04d}-abcdefgh" for i in range(14)},
        "return_url": "https://boutique-teranga.sn/checkout/complete",
        "cancel_url": "https://boutique-teranga.sn/checkout/cancel",
        "redirect_url": None,
        "client_secret": "pi_3Nf8kLm2aB9xQ7_secret_Yt5Rw2Kp9Lm3",
        "latest_charge": None,
        "last_payment_error": None,
        "cancellation_reason": None,
        "created": 1736935200,
        "livemode": False,
    }
    return json.dumps(body).encode()


PAYLOAD = payment_intent()
RESPONSE_HEADERS = {
    "Content-Type": "application/json",
    "Molam-Request-Id": "req_bench",
    "Request-Id": "req_bench",
}


def mock_handler(request: httpx.Request) -> httpx.Response:
    """The same answer for every contender."""
    return httpx.Response(200, content=PAYLOAD, headers=RESPONSE_HEADERS)


def rounds(contenders: dict[str, Callable[[], Any]], n_rounds: int, per_round: int) -> dict[str, list[float]]:
    """Seconds per call of each contender, one figure per round, contenders interleaved within each round."""
    for fn in contenders.values():  # warm up: imports, pools, caches
        for _ in range(max(50, per_round // 5)):
            fn()
    results: dict[str, list[float]] = {name: [] for name in contenders}
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(n_rounds):
            for name, fn in contenders.items():
                start = time.perf_counter()
                for _ in range(per_round):
                    fn()
                results[name].append((time.perf_counter() - start) / per_round)
            gc.collect()
    finally:
        if gc_was_enabled:
            gc.enable()
    return results


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


# --------------------------------------------------------------------------- 1. per call, in process


def bench_per_call(quick: bool) -> None:
    from molam_sdk.requester import Request, RequestOptions
    from molam_sdk_ext import Molam

    print(f"\n[1] per call, in process: httpx.MockTransport, {len(PAYLOAD)}-byte payment intent")
    transport = httpx.MockTransport(mock_handler)
    raw_client = httpx.Client(transport=transport)
    url = "https://api.molam.com/v1/connect/payment_intents"
    auth = {"Authorization": f"Bearer {API_KEY}"}

    def raw() -> Any:
        response = raw_client.post(url, json={"amount": 15000, "currency": "XOF"}, headers=auth)
        return json.loads(response.content)

    molam = Molam(API_KEY, transport=transport)

    def molam_create() -> Any:
        return molam.payment_intents.create(amount=15000, currency="XOF")

    described = Request(
        "post",
        "/v1/connect/payment_intents",
        json={"amount": 15000, "currency": "XOF"},
        headers={"Content-Type": "application/json"},
    )
    no_options = RequestOptions()

    def molam_request() -> Any:
        return json.loads(molam.request(described, no_options).content)

    # For transparency: the same client with httpx's cookie jar put back (the SDK keeps no cookies, which
    # also spares it httpx's per-response cookie parsing that the raw client pays).
    molam_jar = Molam(API_KEY, transport=transport)
    molam_jar.http_client._cookies = httpx.Cookies()

    def molam_create_with_jar() -> Any:
        return molam_jar.payment_intents.create(amount=15000, currency="XOF")

    contenders: dict[str, Callable[[], Any]] = {
        "raw httpx.Client.post + json.loads": raw,
        "Molam payment_intents.create (model)": molam_create,
        "Molam requester only (+ json.loads)": molam_request,
        "Molam create, httpx cookie jar kept": molam_create_with_jar,
    }
    stripe_note = ""
    try:
        import stripe

        stripe_http = stripe.HTTPXClient(allow_sync_methods=True)
        stripe_http._client = httpx.Client(
            transport=transport
        )  # same MockTransport, stripe's own code above it
        stripe_client = stripe.StripeClient(API_KEY, http_client=stripe_http)
        stripe_client.v1.payment_intents.create(params={"amount": 15000, "currency": "xof"})

        def stripe_create() -> Any:
            return stripe_client.v1.payment_intents.create(params={"amount": 15000, "currency": "xof"})

        contenders["stripe-python 16 v1.payment_intents.create"] = stripe_create
    except Exception as exc:  # stripe is a bench extra; report instead of failing
        stripe_note = f"  (stripe skipped: {type(exc).__name__}: {exc})"

    n_rounds, per_round = (10, 100) if quick else (60, 100)
    results = rounds(contenders, n_rounds, per_round)
    base_best = min(results["raw httpx.Client.post + json.loads"])
    base_median = statistics.median(results["raw httpx.Client.post + json.loads"])
    print(f"  {'contender':44} {'best us':>9} {'median us':>10} {'x raw (best)':>13} {'x raw (median)':>15}")
    for name, values in results.items():
        best, median = min(values), statistics.median(values)
        print(
            f"  {name:44} {best * 1e6:9.1f} {median * 1e6:10.1f} {best / base_best:13.2f} {median / base_median:15.2f}"
        )
    ratio = min(results["Molam payment_intents.create (model)"]) / base_best
    paired = [
        m / r
        for m, r in zip(
            results["Molam payment_intents.create (model)"],
            results["raw httpx.Client.post + json.loads"],
            strict=True,
        )
    ]
    print(f"  median of per-round ratios Molam/raw (adjacent runs): {statistics.median(paired):.2f}x")
    print(f"  target: Molam <= 1.35x raw -> {ratio:.2f}x, {verdict(ratio <= 1.35)}{stripe_note}")
    molam.close()
    molam_jar.close()
    raw_client.close()


# --------------------------------------------------------------------------- 2. async throughput

SERVER = textwrap.dedent(
    """
    import sys
    import uvicorn

    PAYLOAD = open(sys.argv[2], "rb").read()
    HEADERS = [(b"content-type", b"application/json"), (b"molam-request-id", b"req_bench"),
               (b"content-length", str(len(PAYLOAD)).encode())]

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
        await send({"type": "http.response.body", "body": PAYLOAD})

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False,
                lifespan="off")
    """
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def local_server(tmp: Path) -> Iterator[str]:
    port = free_port()
    script, payload = tmp / "bench_server.py", tmp / "bench_payload.json"
    script.write_text(SERVER)
    payload.write_bytes(PAYLOAD)
    process = subprocess.Popen([sys.executable, str(script), str(port), str(payload)])
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.post(url + "/ready", content=b"{}")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("the benchmark server did not start") from None
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)


async def throughput(call: Callable[[], Any], total: int, concurrency: int) -> float:
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await call()

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return total / (time.perf_counter() - start)


async def async_contenders(url: str, total: int, concurrency: int, n_rounds: int) -> dict[str, list[float]]:
    from molam_sdk_ext import AsyncMolam

    raw_client = httpx.AsyncClient()
    molam = AsyncMolam(API_KEY, base_url=url)
    endpoint = url + "/v1/connect/payment_intents"
    auth = {"Authorization": f"Bearer {API_KEY}"}

    async def raw() -> Any:
        response = await raw_client.post(endpoint, json={"amount": 15000, "currency": "XOF"}, headers=auth)
        return json.loads(response.content)

    async def molam_create() -> Any:
        return await molam.payment_intents.create(amount=15000, currency="XOF")

    contenders = {
        "raw httpx.AsyncClient.post + json.loads": raw,
        "AsyncMolam payment_intents.create": molam_create,
    }
    for fn in contenders.values():
        await throughput(fn, 200, concurrency)  # warm up the pools
    results: dict[str, list[float]] = {name: [] for name in contenders}
    order = list(contenders)
    for n in range(n_rounds):
        # Alternate who goes first, so a slow drift of the machine's load favours neither.
        for name in order if n % 2 == 0 else order[::-1]:
            results[name].append(await throughput(contenders[name], total, concurrency))
    await raw_client.aclose()
    await molam.close()
    return results


def bench_async(quick: bool, tmp: Path) -> None:
    concurrency = 16
    total, n_rounds = (300, 6) if quick else (400, 24)
    print(
        f"\n[2] async throughput: local uvicorn server (subprocess), {concurrency} concurrent tasks, "
        f"{n_rounds} rounds of {total} calls each, contenders alternating"
    )
    try:
        import uvicorn  # noqa: F401  (only the server subprocess uses it)
    except ImportError:
        print("  skipped: uvicorn is not installed (extra `sandbox`)")
        return
    with local_server(tmp) as url:
        results = asyncio.run(async_contenders(url, total, concurrency, n_rounds))
    raw_name, molam_name = "raw httpx.AsyncClient.post + json.loads", "AsyncMolam payment_intents.create"
    paired = [m / r for m, r in zip(results[molam_name], results[raw_name], strict=True)]
    print(f"  {'contender':44} {'best req/s':>11} {'median req/s':>13} {'x raw (best)':>13}")
    for name, values in results.items():
        best = max(values)
        print(
            f"  {name:44} {best:11.0f} {statistics.median(values):13.0f} {best / max(results[raw_name]):13.2f}"
        )
    ratio = max(results[molam_name]) / max(results[raw_name])
    print(f"  median of per-round ratios (adjacent runs): {statistics.median(paired):.2f}x")
    print(f"  target: AsyncMolam >= 0.9x raw -> {ratio:.2f}x (best rounds), {verdict(ratio >= 0.9)}")


# --------------------------------------------------------------------------- 3. breaker overhead


def bench_breaker(quick: bool) -> None:
    from molam_sdk_ext.transport.breaker import CircuitBreaker

    print("\n[3] circuit breaker, closed state, per call overhead over a bare call")
    number, repeat = (50_000, 5) if quick else (200_000, 9)

    def work() -> None:
        return None

    ours = CircuitBreaker("bench")

    def ours_transport_path() -> None:
        token = ours.acquire()
        work()
        ours.on_success(token)

    contenders: dict[str, Callable[[], Any]] = {
        "bare call": work,
        "molam CircuitBreaker acquire/on_success": ours_transport_path,
        "molam CircuitBreaker.call(fn)": lambda: ours.call(work),
    }
    try:
        import pybreaker

        theirs = pybreaker.CircuitBreaker(fail_max=5, reset_timeout=30)
        contenders["pybreaker.CircuitBreaker.call(fn)"] = lambda: theirs.call(work)
    except ImportError:
        print("  (pybreaker not installed: extra `bench`)")
    best = {
        name: min(timeit.repeat(fn, number=number, repeat=repeat)) / number for name, fn in contenders.items()
    }
    bare = best["bare call"]
    # The lambdas add one call frame; measure it so `.call(fn)` rows compare fairly.
    frame = min(timeit.repeat(lambda: work(), number=number, repeat=repeat)) / number - bare
    print(f"  {'contender':44} {'us/call':>9} {'overhead us':>12}")
    for name, seconds in best.items():
        extra = seconds - bare - (frame if ".call(fn)" in name else 0.0)
        print(f"  {name:44} {seconds * 1e6:9.3f} {max(0.0, extra) * 1e6:12.3f}")
    overhead = best["molam CircuitBreaker acquire/on_success"] - bare
    print(
        f"  target: <= 0.5 us per closed-state call -> {overhead * 1e6:.3f} us, {verdict(overhead <= 0.5e-6)}"
    )
    print("  (no lock is taken on the closed path; pybreaker takes a lock around every call)")


# --------------------------------------------------------------------------- 4. import time


def bench_import(quick: bool) -> None:
    venv = Path(os.environ.get("MOLAM_BENCH_VENV", "/tmp/rtvenv"))
    python = venv / "bin" / "python"
    if python.exists():
        where = f"runtime-only venv {venv}"
    else:
        python = Path(sys.executable)
        where = f"{sys.executable} (dev venv: click/rich make `import httpx` slower, see DESIGN.md 7)"
    print(f"\n[4] import time, repeated `python -c` subprocesses, {where}")
    statements = {
        "python -c pass": "pass",
        "import httpx": "import httpx",
        "import molam_sdk_ext": "import molam_sdk_ext",
        "from molam_sdk_ext import Molam": "from molam_sdk_ext import Molam",
        "Molam(...).payment_intents (first use)": (
            "from molam_sdk_ext import Molam; Molam('sk_test_x1234567890').payment_intents"
        ),
        "import stripe": "import stripe",
    }
    available = {}
    for name, statement in statements.items():
        probe = subprocess.run([str(python), "-c", statement], capture_output=True, cwd="/", check=False)
        if probe.returncode == 0:
            available[name] = statement
        else:
            print(f"  ({name}: not importable in this environment, skipped)")
    n = 7 if quick else 21
    times: dict[str, list[float]] = {name: [] for name in available}
    for _ in range(n):
        for name, statement in available.items():
            start = time.perf_counter()
            subprocess.run([str(python), "-c", statement], check=True, cwd="/")
            times[name].append(time.perf_counter() - start)
    base = min(times["python -c pass"])
    httpx_best = min(times["import httpx"])
    print(f"  {'statement':44} {'best ms':>8} {'median ms':>10} {'x httpx':>8} {'x httpx (import only)':>22}")
    for name, values in times.items():
        best = min(values)
        only = (best - base) / (httpx_best - base) if httpx_best > base else float("nan")
        print(
            f"  {name:44} {best * 1e3:8.1f} {statistics.median(values) * 1e3:10.1f} {best / httpx_best:8.2f} {only:22.2f}"
        )
    ratio = min(times["import molam_sdk_ext"]) / httpx_best
    print(f"  target: import molam_sdk_ext <= 1.25x import httpx -> {ratio:.2f}x, {verdict(ratio <= 1.25)}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run)")
    parser.add_argument("--only", choices=["call", "async", "breaker", "import"], action="append")
    args = parser.parse_args()
    only = set(args.only or ["call", "async", "breaker", "import"])
    print(
        f"client benchmarks: python {sys.version.split()[0]}, httpx {httpx.__version__}, {os.cpu_count()} CPUs"
    )
    if "call" in only:
        bench_per_call(args.quick)
    if "async" in only:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            bench_async(args.quick, Path(tmp))
    if "breaker" in only:
        bench_breaker(args.quick)
    if "import" in only:
        bench_import(args.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
