"""Deprecated: the local sandbox moved to its own package, `molam_sandbox` (``pip install 'molam-sdk[sandbox]'``).

``python -m molam_sdk_ext.sandbox`` keeps working for one release: it says where the server went and runs
``python -m molam_sandbox`` with the same arguments. Nothing in the SDK imports the sandbox.
"""

from __future__ import annotations

import importlib.util
import runpy
import sys

__all__: list[str] = []

MOVED = (
    "molam_sdk_ext.sandbox moved to the molam_sandbox package: run `python -m molam_sandbox` or `molam sandbox` "
    "(pip install 'molam-sdk[sandbox]'). This alias goes away in the next major release."
)

if __name__ == "__main__":
    print(f"DeprecationWarning: {MOVED}", file=sys.stderr, flush=True)
    if importlib.util.find_spec("molam_sandbox") is None:
        print("molam_sandbox is not installed: pip install 'molam-sdk[sandbox]'", file=sys.stderr)
        sys.exit(2)
    runpy.run_module("molam_sandbox", run_name="__main__", alter_sys=True)
