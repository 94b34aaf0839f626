"""A local sandbox server that behaves like the Molam API, for demos, examples, the CLI and tests.

Start it with ``python -m molam_sdk_ext.sandbox`` (see `molam_sdk_ext.sandbox.__main__`); build the ASGI app
with `molam_sdk_ext.sandbox.app.create_app`; run it from Python with
`molam_sdk_ext.sandbox.server.SandboxProcess` or `run_in_thread`. Needs the ``sandbox`` extra (Starlette,
uvicorn, pydantic).
"""
