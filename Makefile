# The two commands of the README: `make run` and `make test`. Both start with `make setup`.
SHELL := /bin/bash
# The interpreter of .venv: the system's /usr/bin/python3 when it is 3.11 or newer and can make a
# venv with pip, else the first python3 on PATH. Debian builds its Python with profile-guided
# optimisation and links the interpreter statically; pyenv's default build does neither, and on this
# machine kind it ran the extraction ≈ 12 % slower (BENCHMARKS.md, „Extraction speed“).
# `make PYTHON=… setup` overrides it; an existing .venv is kept (remove it to switch).
SYSTEM_PYTHON := $(shell /usr/bin/python3 -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' \
                   >/dev/null 2>&1 && echo /usr/bin/python3)
PYTHON ?= $(or $(SYSTEM_PYTHON),python3)
VENV := .venv
PY := $(VENV)/bin/python
DB := data/koopatlas.duckdb
PORT ?= 8501
SETUP_STAMP := $(VENV)/.setup-done
DEV_STAMP := $(VENV)/.dev-done

.PHONY: setup dev-setup chromium run build test lint bench clean

## setup: virtual environment with requirements.txt (idempotent, quick when nothing changed)
setup: $(SETUP_STAMP)

$(SETUP_STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m koopatlas.web.mapview
	@touch $@

dev-setup: $(DEV_STAMP)

$(DEV_STAMP): $(SETUP_STAMP) requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

## chromium: the system browser for the UI tests, from apt when missing
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## build: boundaries, regions, gazetteer and the sample corpus into $(DB)
build: $(DB)

$(DB): $(SETUP_STAMP) data/aliases.csv data/exonyms.csv data/topics.toml $(wildcard queries/*.sql) $(shell find koopatlas -name '*.py') $(wildcard data/samples/*)
	$(PY) -m koopatlas build

## run: set up, build the database, serve the app on http://localhost:$(PORT)
run: $(DB)
	$(VENV)/bin/streamlit run app.py --server.headless true --server.port $(PORT)

## test: set up (with Chromium) and run all tests
test: dev-setup chromium
	$(PY) -m pytest

lint: dev-setup
	$(VENV)/bin/ruff check koopatlas pages app.py tests bench

bench: dev-setup $(DB)
	$(PY) -m bench

clean:
	rm -rf $(DB) data/geo tests/artifacts
