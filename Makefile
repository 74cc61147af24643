# dipgraph: the commands the README names. `make run` and `make test` work on a fresh clone.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
DATA    ?= data
HOST    ?= 127.0.0.1
PORT    ?= 8000
SAMPLE  := scripts/sample_corpus
CHROMIUM := /usr/bin/chromium

.PHONY: run test install lint bench sample clean node chromium

$(BIN)/.installed: requirements.lock pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(BIN)/.installed node

# Front-end packages from the npm registry (lock file committed; nothing from a CDN).
node:
	@if [ -f package.json ]; then \
	  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then npm ci --no-audit --no-fund; fi; \
	fi

# Debian's Chromium for the browser end-to-end tests (never `playwright install`).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  (apt-get update -qq && apt-get install -y -qq chromium) || \
	  (sudo apt-get update -qq && sudo apt-get install -y -qq chromium); \
	fi

$(DATA)/graph.nq: $(BIN)/.installed $(wildcard $(SAMPLE)/*)
	$(BIN)/dipgraph ingest $(SAMPLE) --data $(DATA)

sample: $(DATA)/graph.nq

run: install sample
	$(BIN)/dipgraph serve --data $(DATA) --host $(HOST) --port $(PORT)

test: install chromium
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check graph app scripts tests
	$(BIN)/mypy graph app scripts

bench: $(BIN)/.installed
	$(BIN)/python scripts/bench_extract.py --n 2000

clean:
	rm -rf $(VENV) node_modules $(DATA) test-output
