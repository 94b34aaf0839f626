"""The registry business modules add their plug-ins to (`PLUGINS.write(...)` / `PLUGINS.read(...)`).

It lives apart from `molam_sandbox.plugins` (which imports every business module so that each registers
itself) so that a business module can import it without an import cycle.
"""

from __future__ import annotations

from molam_sandbox.engine import Plugins

__all__ = ["PLUGINS"]

PLUGINS = Plugins()
"""Every business plug-in of the sandbox, registered by its own module at import."""
