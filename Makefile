# Two commands for a newcomer: `make run` and `make test`. Both set up the environment
# first (a local uv in .tools/, the locked dependencies in .venv/), needing only python3.
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: setup run test lint typecheck contracts pytest bench clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

$(VENV)/.synced: $(UV) pyproject.toml uv.lock
	$(UV) sync --frozen --all-extras --quiet
	touch $@

setup: $(VENV)/.synced

# The main job on the built-in example portfolio, on the date it was made for (reproducible).
run: setup
	$(BIN)/reintegratie signalen --peildatum 2025-11-03

lint: setup
	$(BIN)/ruff check src addin tests bench
	$(BIN)/ruff format --check src addin tests bench

typecheck: setup
	$(BIN)/mypy src/reintegratie_core src/reintegratie_io src/reintegratie_cli addin/reintegratie_addin

contracts: setup
	$(BIN)/lint-imports

pytest: setup
	$(BIN)/pytest --hypothesis-profile=ci

test: lint typecheck contracts pytest lite

# The xlwings Lite check in real Pyodide (`make test-lite`) is part of `make test` wherever
# Node.js is installed; without it `make test` says so and goes on, except in CI (CI=true),
# where a missing Node.js is a failure: the check must run there.
.PHONY: lite
lite: setup
	@if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory test-lite; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "make test: Node.js (node, npm) ontbreekt; de Pyodide-controle moet in CI draaien" >&2; exit 1; \
	else \
		echo "make test: Node.js ontbreekt, de xlwings Lite-controle in Pyodide (make test-lite) is overgeslagen"; \
	fi

bench: setup
	$(BIN)/python bench/bench_lifting.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .pytest_cache .ruff_cache .hypothesis .venv-lowest .sdist-test

# The documentation: lint its generator, regenerate the pages, pictures and snippets that
# follow from the code (docs/tools), then build the site with every warning an error.
.PHONY: docs
docs: setup
	$(BIN)/ruff check docs/tools
	$(BIN)/ruff format --check docs/tools
	$(BIN)/mypy docs/tools
	$(BIN)/python -m docs.tools.generate
	$(BIN)/mkdocs build --strict

# The add-in's generated files — VBA modules and xlwings Lite files from the RI_ function
# signatures — and the example workbooks; tests fail while they are out of date. The
# benchmark: recalculating RI_ formulas vs Excel's own date functions in one engine.
.PHONY: addin examples bench-werkmap
addin: setup
	$(BIN)/python addin/tools/gen_vba.py
	$(BIN)/python addin/tools/gen_lite.py

examples: setup
	$(BIN)/ruff check excel
	$(BIN)/python excel/bouw_voorbeelden.py

bench-werkmap: setup
	$(BIN)/python bench/bench_werkmap.py

.PHONY: referentie
# The reference workbook for `werkmap`, computed by LibreOffice (needs `soffice`:
# apt-get install libreoffice-calc-nogui); the test compares against the committed result.
referentie: setup
	$(BIN)/python tests/cli/referentie/bouw_referentie.py

.PHONY: bench-signalen
# The worklist over 1,000,000 generated sick periods: time, rows/s, peak memory, I/O floor.
bench-signalen: setup
	$(BIN)/python bench/bench_signalen.py

# Packaging checks (CI, `.ci/run`). `test-lowest`: the tests against the LOWEST versions the
# project declares for its direct dependencies (uv --resolution lowest-direct), so the
# floors in pyproject.toml are versions that really work; the test tools at their locked
# versions (holidays too: an oracle the tests compare the core's feestdagen with). The docs
# tests need the docs toolchain, not the runtime floors: left out.
# `test-sdist`: build the sdist, unpack it, and run its own tests from the unpacked tree.
.PHONY: test-lowest test-sdist
LOWEST := .venv-lowest
LOCKED = $(shell $(BIN)/python -c "import importlib.metadata as m; print(' '.join(f'{p}=={m.version(p)}' for p in ('pytest', 'hypothesis', 'ruff', 'packaging', 'holidays')))")
test-lowest: setup
	rm -rf $(LOWEST)
	$(UV) venv --quiet --python $(BIN)/python $(LOWEST)
	$(UV) pip install --quiet --python $(LOWEST)/bin/python --resolution lowest-direct \
		-e ".[excel,cli,werkmap]" $(LOCKED)
	$(UV) pip list --python $(LOWEST)/bin/python 2>/dev/null | grep -iE '^(attrs|cattrs|python-dateutil|holidays|schwifty|xlwings|openpyxl|defusedxml|tqdm|formualizer|python-calamine) '
	$(LOWEST)/bin/python -m pytest -p no:cacheprovider --ignore=tests/docs

SDIST_DIR := .sdist-test
test-sdist: setup
	rm -rf $(SDIST_DIR) && mkdir -p $(SDIST_DIR)
	$(UV) build --quiet --sdist --out-dir $(SDIST_DIR)
	tar -xzf $(SDIST_DIR)/reintegratie_core-*.tar.gz -C $(SDIST_DIR)
	cd $(SDIST_DIR)/reintegratie_core-*/ && test -f LICENSE && test -d sources/seeds \
		&& PYTHONPATH=src:addin:. $(CURDIR)/$(BIN)/python -m pytest -p no:cacheprovider

# xlwings Lite in real Pyodide: the npm `pyodide` package pinned in
# addin/lite/pyodide-test/package-lock.json, run by the machine's Node.js (20 or later).
# The wheels come from local files in a temporary folder: the project's (uv build), the pure
# wheels of its dependencies (pip download: Pyodide's bundled ones at Pyodide's versions,
# the others at uv.lock's). Every RI_ function's reference examples in four input styles,
# error values included, must give exactly CPython's results.
.PHONY: test-lite
LITE_TEST := addin/lite/pyodide-test
test-lite: setup
	cd $(LITE_TEST) && npm ci --no-audit --no-fund --loglevel=error
	set -e; work=$$(mktemp -d); trap 'rm -rf "$$work"' EXIT; \
	$(UV) build --quiet --wheel --out-dir "$$work"; \
	$(BIN)/python $(LITE_TEST)/wheels.py "$$work" $(TOOLS)/bin/python; \
	$(BIN)/python $(LITE_TEST)/lite_check.py prepare "$$work/calls.json" "$$work/expected.json" addin/lite/main.py; \
	cd $(LITE_TEST) && node run.mjs "$$work" lite_check.py ../main.py "$$work/calls.json" "$$work/expected.json"
