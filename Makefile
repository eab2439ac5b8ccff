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
	$(BIN)/mypy src/reintegratie_core src/reintegratie_cli addin/reintegratie_addin

contracts: setup
	$(BIN)/lint-imports

pytest: setup
	$(BIN)/pytest --hypothesis-profile=ci

test: lint typecheck contracts pytest

bench: setup
	$(BIN)/python bench/bench_lifting.py

clean:
	rm -rf $(VENV) $(TOOLS) .mypy_cache .pytest_cache .ruff_cache .hypothesis

# The documentation: lint its generator, regenerate the pages, pictures and snippets that
# follow from the code (docs/tools), then build the site with every warning an error.
.PHONY: docs
docs: setup
	$(BIN)/ruff check docs/tools
	$(BIN)/ruff format --check docs/tools
	$(BIN)/mypy docs/tools
	$(BIN)/python -m docs.tools.generate
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

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
