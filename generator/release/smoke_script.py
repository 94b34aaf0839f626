"""The release's smoke test, run by the python of a fresh venv holding only the built wheels.

    <venv>/bin/python generator/release/smoke_script.py VERSION API_VERSION

Run by path (not `-m`), so nothing of the repository is importable: `molam_sdk`, `molam_sdk_ext` and
`molam_sandbox` must come from the venv's site-packages (checked). It checks the installed versions and
`molam --version`, starts the installed sandbox (`python -m molam_sandbox`) on a free loopback port, creates
and confirms one payment intent through `Molam` over HTTP, and prints one JSON line describing it. Any
failure is an exception (exit status 1) with the reason.
"""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path


def check_installed_release(argv: list[str]) -> int:
    """Check the installed release `argv[0]` made for API version `argv[1]`; print what was run."""
    version, api_version = argv
    import molam_sandbox
    from molam_sandbox.server import SandboxProcess

    import molam_sdk
    import molam_sdk_ext
    from molam_sdk_ext import Molam

    site = Path(sysconfig.get_paths()["purelib"]).resolve()
    for module in (molam_sdk, molam_sdk_ext, molam_sandbox):
        where = Path(str(module.__file__)).resolve()
        if not where.is_relative_to(site):
            raise RuntimeError(f"{module.__name__} was imported from {where}, not from the venv ({site})")
    if molam_sdk_ext.__version__ != version:
        raise RuntimeError(f"molam_sdk_ext.__version__ is {molam_sdk_ext.__version__}, expected {version}")
    if api_version != molam_sdk.API_VERSION:
        raise RuntimeError(f"molam_sdk.API_VERSION is {molam_sdk.API_VERSION}, expected {api_version}")
    cli = subprocess.run(
        [str(Path(sys.executable).parent / "molam"), "--version"], capture_output=True, text=True, timeout=60
    )
    if cli.returncode != 0 or cli.stdout.split()[:2] != ["molam", version]:
        raise RuntimeError(f"`molam --version` said {cli.stdout!r} {cli.stderr!r}")
    with SandboxProcess(api_key="sk_test_release_smoke") as sandbox:
        with Molam(api_key=sandbox.api_key, base_url=sandbox.url, max_retries=0) as molam:
            intent = molam.payment_intents.create(
                amount=15000,
                currency="XOF",
                payment_method="pm_card_visa",
                confirm=True,
                idempotency_key="release-smoke-1",
            )
        if intent.status != "succeeded" or intent.amount != 15000:
            raise RuntimeError(f"unexpected payment intent {intent.id}: {intent.status} {intent.amount}")
        print(
            json.dumps(
                {
                    "version": version,
                    "api_version": api_version,
                    "sandbox": sandbox.url,
                    "payment_intent": intent.id,
                    "status": str(intent.status),
                    "cli": cli.stdout.strip(),
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(check_installed_release(sys.argv[1:]))
