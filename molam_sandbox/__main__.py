"""``python -m molam_sandbox``: serve the local Molam sandbox.

Examples::

    python -m molam_sandbox                       # http://127.0.0.1:12111, state in memory
    python -m molam_sandbox --db molam-sandbox.db # state kept in a SQLite file across restarts
    python -m molam_sandbox --port 0              # any free port
    python -m molam_sandbox --fault-rate 0.3 --fault-kinds 500,503,429,drop,commit_then_500

Each injected fault is logged on the ``molam.sandbox`` logger as
``fault injected kind=503 method=POST path=/v1/connect/payment_intents request_id=req_...``.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import socket
import sqlite3
import sys
from collections.abc import Sequence

import uvicorn
import yaml

from molam_sandbox.app import create_app
from molam_sandbox.faults import ALL_KINDS, FaultConfig, parse_kinds
from molam_sandbox.server import make_config
from molam_sandbox.settings import SandboxSettings, strict_responses_from_environment
from molam_sdk_ext.observability.logs import get_logger

__all__ = ["build_parser", "main"]

#: The state lives in memory unless a SQLite file is named (`--db` or $MOLAM_SANDBOX_DB): a sandbox run
#: from a checkout leaves no file behind, and `molam sandbox`, `make sandbox` and this command agree.
DB_ENVIRONMENT = "MOLAM_SANDBOX_DB"


def _kinds(text: str) -> str:
    try:
        parse_kinds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def build_parser() -> argparse.ArgumentParser:
    """The command line parser."""
    p = argparse.ArgumentParser(prog="python -m molam_sandbox", description="Serve the local Molam sandbox.")
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=12111, help="port (default 12111; 0 picks a free one)")
    p.add_argument(
        "--spec",
        default=None,
        help="OpenAPI spec to serve (default: the one this sandbox was built with)",
    )
    p.add_argument(
        "--models",
        default=None,
        help="request models generated for --spec (a module file from the generator; default: the packaged ones)",
    )
    store = p.add_mutually_exclusive_group()
    store.add_argument(
        "--db",
        default=None,
        help=f"SQLite file keeping the state across restarts (default ${DB_ENVIRONMENT}, else memory)",
    )
    store.add_argument(
        "--memory",
        action="store_true",
        help=f"keep the state in memory only, even with ${DB_ENVIRONMENT} set",
    )
    f = p.add_argument_group("fault injection")
    f.add_argument(
        "--fault-rate", type=float, default=0.0, help="probability of a fault per /v1 request (0..1)"
    )
    f.add_argument(
        "--fault-kinds",
        type=_kinds,
        default=",".join(ALL_KINDS),
        help="comma-separated kinds drawn from (default: all): " + ",".join(ALL_KINDS),
    )
    f.add_argument("--seed", type=int, default=None, help="seed of the fault draws (reproducible runs)")
    f.add_argument("--slow-seconds", type=float, default=2.0, help="delay of the 'slow' fault (default 2)")
    f.add_argument("--retry-after", type=int, default=1, help="Retry-After of injected 429/503 (default 1)")
    w = p.add_argument_group("simulated world")
    w.add_argument(
        "--processing-delay", type=float, default=1.0, help="seconds pm_card_processing stays processing"
    )
    w.add_argument("--refund-delay", type=float, default=0.5, help="seconds a refund stays pending")
    w.add_argument(
        "--payout-delay", type=float, default=None, help="seconds per payout step (default: manual)"
    )
    w.add_argument("--onboarding-delay", type=float, default=None, help="seconds per onboarding step")
    w.add_argument(
        "--webhook-max-attempts", type=int, default=5, help="delivery attempts per event (default 5)"
    )
    w.add_argument(
        "--webhook-backoff", type=float, default=0.5, help="first retry delay, doubling (default 0.5)"
    )
    w.add_argument(
        "--webhook-timeout", type=float, default=5.0, help="delivery timeout in seconds (default 5)"
    )
    w.add_argument("--public-url", default=None, help="base URL used in redirect_url/onboarding_url")
    w.add_argument(
        "--idempotency-lock-timeout",
        type=float,
        default=60.0,
        help="seconds before a claimed Idempotency-Key whose request never finished may run again (default 60)",
    )
    p.add_argument(
        "--strict-responses",
        action="store_true",
        default=strict_responses_from_environment(),
        help="validate every response against the spec; a mismatch is a 500 naming the operation and the JSON "
        "pointer (default: off, on with MOLAM_SANDBOX_STRICT_RESPONSES=1)",
    )
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.add_argument("--access-log", action="store_true", help="log every request (uvicorn access log)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and serve until interrupted."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=getattr(logging, args.log_level.upper()),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
        stream=sys.stderr,
    )
    log = get_logger("molam.sandbox")
    try:
        faults = FaultConfig(
            rate=args.fault_rate,
            kinds=parse_kinds(args.fault_kinds),
            slow_seconds=args.slow_seconds,
            retry_after=args.retry_after,
            seed=args.seed,
        )
    except ValueError as exc:
        build_parser().error(str(exc))
    db_path = None if args.memory else (args.db or os.environ.get(DB_ENVIRONMENT) or None)
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on sockets whose proto says TCP.
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((args.host, args.port))
    except OSError as exc:
        log.error("cannot listen on %s:%d: %s", args.host, args.port, exc.strerror or exc)
        return 1
    port = int(sock.getsockname()[1])
    host_in_url = f"[{args.host}]" if ":" in args.host else args.host
    settings = SandboxSettings(
        public_url=args.public_url or f"http://{host_in_url}:{port}",
        processing_delay=args.processing_delay,
        refund_delay=args.refund_delay,
        payout_delay=args.payout_delay,
        onboarding_delay=args.onboarding_delay,
        webhook_max_attempts=args.webhook_max_attempts,
        webhook_backoff=args.webhook_backoff,
        webhook_timeout=args.webhook_timeout,
        idempotency_lock_timeout=args.idempotency_lock_timeout,
        strict_responses=args.strict_responses,
    )
    try:
        loopback = args.host == "localhost" or ipaddress.ip_address(args.host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        log.warning("binding %s: the sandbox is meant for loopback only", args.host)
    try:
        app = create_app(
            db_path=db_path, faults=faults, settings=settings, spec_path=args.spec, models_path=args.models
        )
    except sqlite3.Error as exc:
        log.error("cannot open the sandbox database %s: %s", db_path, exc)
        sock.close()
        return 2
    except (OSError, ValueError, yaml.YAMLError) as exc:
        log.error("cannot serve the spec %s: %s", args.spec or "(packaged)", exc)
        sock.close()
        return 2
    if faults.rate > 0:
        log.info("fault injection rate=%s kinds=%s seed=%s", faults.rate, ",".join(faults.kinds), faults.seed)
    log.info("Molam sandbox listening on http://%s:%d (state: %s)", host_in_url, port, db_path or "memory")
    server = uvicorn.Server(make_config(app, args.host, port, access_log=args.access_log))
    server.run(sockets=[sock])
    return 0


def console_main() -> None:
    """Entry point of the `molam-sandbox` console script."""
    sys.exit(main())


if __name__ == "__main__":
    console_main()
