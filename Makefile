# Two commands for a new user: `make figures` and `make test`.
# Each creates .venv when missing and installs requirements.txt into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SEED   := data/raw/2025-01-21-xi-putin-video-call.txt

SOTU   := ../shared/corpora/state_union

.PHONY: setup install figures example test lint bench clean help

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

setup: $(BIN)/python  ## create .venv (only that)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m analysis.offline --check
	touch $(STAMP)

install: $(STAMP)  ## install requirements.txt and the package into .venv

figures: $(STAMP)  ## run every notebook and write figures/
	$(BIN)/python -m analysis report $(SEED) --out figures --notebooks-out reports/seed

example: $(STAMP)  ## the README's corpus example: Clinton vs G. W. Bush, State of the Union addresses
	$(BIN)/python -m analysis report $(SOTU) --speakers Clinton GWBush --out reports/clinton-gwbush --format html
	mkdir -p figures/examples
	cp reports/clinton-gwbush/00_overview.png figures/examples/clinton-gwbush-00_overview.png
	cp reports/clinton-gwbush/01_per_speech.png figures/examples/clinton-gwbush-01_per_speech.png

test: $(STAMP)  ## lint, then run the whole test suite (notebooks included)
	$(BIN)/ruff check analysis tests benchmarks
	mkdir -p $(VENV)/var/tmp
	TMPDIR=$(CURDIR)/$(VENV)/var/tmp $(BIN)/python -m pytest -n 2 --dist loadgroup

lint: $(STAMP)  ## ruff only
	$(BIN)/ruff check analysis tests benchmarks

bench: $(STAMP)  ## speed and memory benchmarks -> benchmarks/RESULTS.md
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python benchmarks/run.py

clean:  ## remove caches and generated reports (keeps .venv and figures/)
	rm -rf .pytest_cache .ruff_cache .hypothesis reports data/processed
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +
