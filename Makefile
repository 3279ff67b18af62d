# Every target installs what it needs on first use: a virtual environment in
# .venv (from pyproject.toml) and, for TypeScript, the pinned compiler from npm.
# A fresh machine needs only python3 (>= 3.11), node/npm (>= 18) and make.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
GENERATED_PY_PROJECT := $(wildcard generated/python/pyproject.toml)
TS_TOOLS := tools/typescript
TSC      := $(TS_TOOLS)/node_modules/.bin/tsc

# make contract BASE_URL=https://... RETELL_API_KEY=... ARGS='--live'
# The key travels in the environment, never on a command line that `ps` or a CI
# log would show; ARGS passes any other option of `python -m contract_tests`.
BASE_URL ?=
SEED     ?=
MAX_EXAMPLES ?=
ARGS     ?=
PORT     ?= 8080

.DEFAULT_GOAL := help
.PHONY: help venv generate check-generated lint test pytest ts-test mock contract mutants bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml $(GENERATED_PY_PROJECT)
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]' $(if $(GENERATED_PY_PROJECT),-e ./generated/python)
	@touch $@

venv: $(STAMP)  ## Create .venv and install the project with its dev extras

$(TSC): $(TS_TOOLS)/package.json $(TS_TOOLS)/package-lock.json
	npm ci --prefix $(TS_TOOLS) --no-audit --no-fund
	@touch $@

generate: $(STAMP)  ## Generate models and clients from spec/openapi.yaml into generated/
	$(PY) -m generator generate

check-generated: $(STAMP)  ## Fail (with a diff) when generated/ is stale
	$(PY) -m generator check

lint: $(STAMP) $(TSC)  ## ruff check, ruff format --check, mypy --strict, tsc --strict
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy generator mock_server contract_tests tests $(wildcard benchmarks)
	$(if $(wildcard generated/python/retell_client),$(PY) -m mypy generated/python/retell_client)
	$(if $(wildcard generated/typescript/tsconfig.json),$(TSC) -p generated/typescript --noEmit --strict)

pytest: $(STAMP)  ## The Python test suite
	$(PY) -m pytest

test: lint check-generated pytest  ## Every check (what CI runs)

ts-test: $(STAMP) $(TSC)  ## The TypeScript client: tsc --strict, then its tests under node --test
	$(PY) -m pytest tests/typescript

mock: $(STAMP)  ## Run the mock server on 127.0.0.1:8080 (PORT=... to change)
	$(PY) -m mock_server --host 127.0.0.1 --port $(PORT)

contract: $(STAMP)  ## Contract-test BASE_URL (default: a mock server on a free loopback port)
	$(PY) -m contract_tests $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(SEED),--seed $(SEED)) $(if $(MAX_EXAMPLES),--max-examples $(MAX_EXAMPLES)) $(ARGS)

mutants: $(STAMP)  ## Run the contract suite against the mock and each faulty variant
	$(PY) -m contract_tests.mutants

bench: $(STAMP)  ## Speed and memory figures against peers, written to BENCHMARKS.md
	$(PY) -m benchmarks

clean:  ## Remove the virtual environment, caches, build output and installed tools
	rm -rf $(VENV) $(TS_TOOLS)/node_modules build .pytest_cache .mypy_cache .ruff_cache .hypothesis reports
