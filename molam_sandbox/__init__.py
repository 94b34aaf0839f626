"""A local sandbox server that behaves like the Molam API, for demos, examples, the CLI and tests.

Start it with ``python -m molam_sandbox`` (see `molam_sandbox.__main__`); build the ASGI app
with `molam_sandbox.app.create_app`; run it from Python with
`molam_sandbox.server.SandboxProcess` or `run_in_thread`. Needs the ``sandbox`` extra (Starlette,
uvicorn, pydantic).
"""
