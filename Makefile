# Two commands for a newcomer: `make demo` (set up, then run uppdrag on missions/) and
# `make test` (set up, then run the checks and the tests). Only python3 is needed: uv comes from
# PyPI with its hashes (requirements/uv.txt) and installs exactly what uv.lock says into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
TOOLS := .tools
UV := $(TOOLS)/bin/uv
LATEST := .venv-latest
YEAR ?= $(shell date +%Y)

# uv uses the machine's Python and never downloads one; `uv sync` fills $(VENV).
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: setup demo test test-fast test-latest check upgrade bench import-score clean

setup: $(VENV)/.installed

$(UV): requirements/uv.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/uv.txt
	touch $@

$(VENV)/.installed: pyproject.toml uv.lock $(UV)
	$(UV) sync --quiet --locked --extra dev --python $(PYTHON)
	touch $@

demo: setup
	$(BIN)/uppdrag validate missions
	$(BIN)/uppdrag render --all --pdf

# The static checks (README: Kodkontroller), then every test.
check: setup
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy

test: check
	$(BIN)/python -m pytest

# Everything but the tests marked slow (Chromium, LibreOffice, the wheel, concurrency).
test-fast: check
	$(BIN)/python -m pytest -m "not slow"

# The suite against the newest releases of every dependency, in a venv of its own: a coming
# break shows here before a new lock brings it in. Does not touch $(VENV) or uv.lock.
test-latest: $(UV)
	rm -rf $(LATEST)
	$(UV) venv --quiet --python $(PYTHON) $(LATEST)
	VIRTUAL_ENV=$(LATEST) $(UV) pip install --quiet --refresh --upgrade -e ".[dev]"
	VIRTUAL_ENV=$(LATEST) $(UV) pip list --quiet 2>/dev/null | grep -iE '^(pyyaml|pydantic|typer|click|jinja2|weasyprint|python-docx|pdfplumber) ' || true
	$(LATEST)/bin/python -m pytest -q -p no:cacheprovider

# A new lock from the newest releases that pyproject.toml allows (review the diff, then test).
upgrade: $(UV)
	$(UV) lock --upgrade --python $(PYTHON)
	$(UV) export --quiet --only-group bootstrap --format requirements-txt --no-emit-project -o requirements/uv.txt

# The import corpus: fields equal / total per producer (tools/import_corpus.py).
import-score: setup
	$(BIN)/python tools/import_corpus.py score

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) $(LATEST) $(TOOLS) build site dist .pytest_cache
