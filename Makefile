# Two commands for a newcomer: `make demo` (set up, then run uppdrag on missions/) and
# `make test` (set up, then run the tests). Only python3 is needed; everything else is installed
# into .venv from the package registry.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
YEAR ?= $(shell date +%Y)

.PHONY: setup demo test bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

demo: setup
	$(BIN)/uppdrag validate missions
	$(BIN)/uppdrag render --all --pdf

test: setup
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build site dist .pytest_cache
