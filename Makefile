# The Molam Python SDK. A newcomer runs two commands: `make demo`, then `make test`.
# Every target uses the project's own virtualenv (.venv), created by `make setup`.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Users' extras (all of them, for the tests and examples), then the repository's own tools: PEP 735
# dependency groups in pyproject.toml, never published with the package.
EXTRAS := redis,postgres,sandbox,cli,django,flask,fastapi,prometheus,otel,celery
GROUPS := --group dev --group docs --group bench
STAMP  := $(VENV)/.installed

.PHONY: sandbox setup generate check-generated lint typecheck pytest test test-fast demo bench breaking surface release docs migrate clean

setup: $(STAMP) $(VENV)/.version

$(STAMP): pyproject.toml packaging/sandbox/pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# The sandbox is its own distribution (packaging/sandbox); naming it here satisfies the `sandbox` extra.
	$(PY) -m pip install -q -e ./packaging/sandbox -e '.[$(EXTRAS)]' $(GROUPS)
	touch $(STAMP)

# The installed metadata carries the version (molam_sdk_ext/__init__.py): when a release writes a new one,
# refresh both editable installs (no dependency change, a few seconds) so metadata and code agree again.
$(VENV)/.version: $(STAMP) molam_sdk_ext/__init__.py
	$(PY) -c 'import importlib.metadata as m, re, sys; f = open("molam_sdk_ext/__init__.py").read(); sys.exit(m.version("molam-sdk") != re.search(r"__version__ = \"(.*)\"", f)[1])' \
	  || $(PY) -m pip install -q --no-deps -e ./packaging/sandbox -e .
	touch $@

generate: setup           ## regenerate molam_sdk/, the sandbox models, spec/sdk-surface.txt and docs/BREAKING_RULES.md
	$(PY) -m generator generate
	$(PY) -m generator surface --write
	$(PY) -m generator rules --write

check-generated: setup    ## fail when committed generated code differs from the spec
	$(PY) -m generator check

lint: setup               ## the spec's rules, then ruff over the whole tree
	$(PY) -m generator lint
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check molam_sdk_ext molam_sandbox generator tests

# Each example project is its own import root (two Django projects both have a manage.py), so each is checked
# in its own run; everything else in one. Not a directory named _* (the __pycache__ a test run leaves).
EXAMPLE_PROJECTS := $(filter-out examples/_%,$(sort $(dir $(wildcard examples/*/))))
typecheck: setup          ## mypy --strict over the packages, the generator and every hand-written caller
	$(VENV)/bin/mypy --strict molam_sdk molam_sdk_ext molam_sandbox generator bench tests $(wildcard examples/*.py)
	for project in $(EXAMPLE_PROJECTS); do $(VENV)/bin/mypy --strict $$project || exit 1; done

# The suite runs in parallel (pytest-xdist): each worker starts its own sandbox, Redis and PostgreSQL on free
# ports in temp dirs; loadgroup keeps a group (tests sharing a costly session fixture, tests/fixtures/tiers.py)
# on one worker. 4 workers for the whole suite: on 2 cores they overlap its many waits on subprocesses and
# sockets; one per core for test-fast, which is CPU-bound. Debug logging for the whole run: the secret audit
# checks every record, in every worker.
WORKERS   ?= 4
PYTEST    := MOLAM_LOG=debug $(VENV)/bin/pytest -q --dist loadgroup
# Branch coverage, measured in the pytest processes (the sandbox, CLI and worker subprocesses are not counted);
# the floor sits a little below the figure in README ("Test tiers, parallel runs, coverage"): CI fails below it.
# The tests marked serial (each says why it fails in a worker) run afterwards, adding to the same figure.
COV_FLOOR := 85
COVERAGE  := --cov=molam_sdk_ext --cov=molam_sandbox --cov=generator --cov-branch
# Markers derived by tests/fixtures/tiers.py: no server process at all (Redis, PostgreSQL, Celery, Chromium, the
# sandbox); no slow scenario (marked on the tests that took a second or more when measured) and no drill (code
# regenerated into a temporary tree).
FAST      := not redis and not postgres and not celery and not browser and not sandbox and not slow and not drill

pytest: setup
	scripts/ensure-test-servers
	scripts/ensure-browser   # headless Chromium for the browser tests (pytest -m browser)
	$(PYTEST) -n $(WORKERS) -m "not serial" $(COVERAGE) --cov-report=
	$(PYTEST) -m serial $(COVERAGE) --cov-append --cov-report=term:skip-covered --cov-fail-under=$(COV_FLOOR)

test: check-generated lint typecheck pytest   ## what CI runs

# Bytecode is cached even where the environment sets PYTHONDONTWRITEBYTECODE (this machine does): each worker
# imports every test module to collect, and compiling and assertion-rewriting them all again cost each worker
# 10 s of CPU, a third of the run. The caches are the usual __pycache__ directories (ignored by git, the build
# and the drift check); a source file's change invalidates its cache.
test-fast: setup          ## the tests needing no server (not even the sandbox), without the slow scenarios
	PYTHONDONTWRITEBYTECODE= $(PYTEST) -n auto -m "$(FAST)"

demo: setup               ## start the local sandbox, run the checkout flow against it, stop it
	$(PY) -m molam_sandbox.demo

sandbox: setup           ## run the local Molam API on http://127.0.0.1:12111 (state in memory; DB=file keeps it)
	$(PY) -m molam_sandbox $(if $(DB),--db $(DB))

RUNTIME_VENV := .venv-runtime
$(RUNTIME_VENV)/.installed: pyproject.toml
	test -x $(RUNTIME_VENV)/bin/python || $(PYTHON) -m venv $(RUNTIME_VENV)
	$(RUNTIME_VENV)/bin/pip install -q -e . stripe==16.1.0
	touch $@

# Import times are measured in a venv with only the runtime dependencies (see docs/DESIGN.md section 7).
bench: setup $(RUNTIME_VENV)/.installed   ## speed figures of docs/DESIGN.md section 6 (never run as tests)
	MOLAM_BENCH_VENV=$(CURDIR)/$(RUNTIME_VENV) $(PY) bench/run_all.py

BREAKING_BASE = $(or $(BASE),$(shell git merge-base origin/main HEAD 2>/dev/null),HEAD~1)

breaking: setup           ## spec and SDK surface changes since BASE (default: merge base with origin/main, else HEAD~1)
	$(PY) -m generator breaking --base $(BREAKING_BASE)

surface: setup            ## only the SDK surface (public names and signatures) against BASE's own code
	$(PY) -m generator surface --base $(BREAKING_BASE)

# README "Releases". DRY_RUN=1 prints the plan and changes nothing; BASE=<ref> compares with another
# revision than the last tag; RELEASE_VERSION=x.y.z picks a version (at least the computed one).
# The gates (lint, mypy, the fast test gate) run inside the command, with this venv's python (README,
# "Releases"). SAME_API_VERSION is read from the environment (make exports command-line variables) so a
# reason with quotes or spaces reaches --same-api-version as written.
release: setup            ## gates, then version + CHANGELOG.md from the spec diff, build, twine check, smoke test, tag
	$(PY) -m generator release $(if $(filter 1 yes true,$(DRY_RUN)),--dry-run) $(if $(BASE),--base $(BASE)) $(if $(RELEASE_VERSION),--version $(RELEASE_VERSION)) $(if $(SAME_API_VERSION),--same-api-version "$$SAME_API_VERSION")

docs: setup              ## reference docs from docstrings; fails on any broken reference
	$(VENV)/bin/mkdocs build --strict

migrate: setup           ## apply the PostgreSQL store migrations to MOLAM_STORE_URL
	$(PY) -m molam_sdk_ext.stores.migrate --url "$(MOLAM_STORE_URL)"

clean:
	rm -rf $(VENV) $(RUNTIME_VENV) .mypy_cache .ruff_cache .pytest_cache build dist
