# kg: set-up, demo and tests. Needs Python 3.11+ and make; everything else is installed here.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The demo's own embedded store, so that other builds in the default store (.kg/store) never leak into exports/.
DEMO_STORE := .kg/demo-store

.PHONY: demo screenshot test train install install-test bench lock clean vocab

$(BIN)/python:
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "kg needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@touch $@

$(VENV)/.test: $(VENV)/.runtime
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	@touch $@

install: $(VENV)/.runtime

install-test: $(VENV)/.test

## demo: build the graph of seeds/ into exports/ (graph.ttl, graph.html) on the embedded store
demo: $(VENV)/.runtime
	$(BIN)/kg build seeds --out exports --store $(DEMO_STORE)

## screenshot: exports/graph.png, the README's picture of exports/graph.html (Debian's chromium)
screenshot: $(VENV)/.test
	$(BIN)/python -m tests.screenshot exports/graph.html exports/graph.png

## test: the whole test suite
test: $(VENV)/.test
	$(BIN)/python -m pytest

## train: rebuild the confidence model (ontology/model/confidence.json) from ../shared's annotated corpora
train: $(VENV)/.test
	$(BIN)/python -m kg.train --shared ../shared

## vocab: regenerate kg/terms.py (classes, relations, domains, ranges, axioms, modalities) from ontology/trade.ttl
vocab: $(VENV)/.runtime
	$(BIN)/python -m kg.termgen

## bench: the benchmarks (ratios measured side by side)
bench: $(VENV)/.test
	$(BIN)/python bench/extraction.py
	$(BIN)/python bench/ingest.py --no-profile
	$(BIN)/python bench/store.py
	$(BIN)/python bench/guard.py
	$(BIN)/python bench/page.py
	$(BIN)/python bench/queries.py
	$(BIN)/python bench/allclaims.py
	$(BIN)/python bench/size.py

## lock: re-pin every installed package into constraints.txt
lock: $(VENV)/.test
	@echo "# Every package the project installs, pinned (pip install -c constraints.txt). Regenerate with: make lock" > constraints.txt
	$(BIN)/python -m pip freeze --all --exclude pip --exclude-editable | grep -v '^-e ' >> constraints.txt

clean:
	rm -rf $(VENV) .kg build .pytest_cache
