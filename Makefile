# The two set-up commands of README.md are `make run` and `make test`; the rest serve developers.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test test-sqlite test-postgres fuzz lint format typecheck bench bench-petitions bench-emulation bench-archives bench-archives-fixity messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	touch $(VENV)/.runtime $@

# Tools the browser tests inject into pages (axe-core), pinned by package-lock.json and fetched
# from the npm registry here, at test-install time: nothing from a CDN, nothing minified in git.
# Without npm (a bare Debian machine) the accessibility check is skipped, as the browser tests
# are without chromium; CI installs both and makes them mandatory (VANPHONG_REQUIRE_BROWSER).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --ignore-scripts && touch $@; \
	else echo "npm not found: the axe-core accessibility check will be skipped"; fi

# Plain http on 127.0.0.1, so the HTTPS-only protections are switched off for this one command.
run: $(VENV)/.runtime
	VANPHONG_HTTPS=0 $(BIN)/vanphong migrate --no-input -v 0
	VANPHONG_HTTPS=0 $(BIN)/vanphong collectstatic --no-input -v 0
	VANPHONG_HTTPS=0 $(BIN)/vanphong demo
	@echo "vanphong: http://127.0.0.1:8000  (Ctrl+C to stop)"
	VANPHONG_HTTPS=0 $(BIN)/vanphong serve --bind 127.0.0.1:8000

# SQLite always; PostgreSQL as well when VANPHONG_TEST_DATABASE_URL names one (CI does).
test: $(VENV)/.test node_modules/.installed
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$VANPHONG_TEST_DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; fi

test-sqlite: $(VENV)/.test node_modules/.installed
	env -u VANPHONG_TEST_DATABASE_URL $(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider

test-postgres: $(VENV)/.test node_modules/.installed
	test -n "$$VANPHONG_TEST_DATABASE_URL"
	$(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider

# Every API operation fuzzed from the OpenAPI schema, longer than `make test` does: random
# requests (VANPHONG_FUZZ_EXAMPLES per operation, 500 by default); none may answer 5xx.
fuzz: $(VENV)/.test
	VANPHONG_FUZZ_EXAMPLES=$${VANPHONG_FUZZ_EXAMPLES:-500} $(BIN)/pytest -n 2 --dist loadgroup -p no:cacheprovider \
		tests/api/test_fuzz.py

lint: $(VENV)/.test
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy src tests bench
	$(BIN)/lint-imports

format: $(VENV)/.test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(VENV)/.test
	$(BIN)/python bench/run.py

# The issue-15 figures: letters list, duplicate proposal, yearly report at 10k and 1M letters
# (~1 hour on the 2-core machine; VANPHONG_BENCH_DATABASE_URL for PostgreSQL).
bench-petitions: $(VENV)/.test
	$(BIN)/python bench/petitions.py

# The issue-16 figure: a province's measured criteria (200 units) against a bloc of 10
# (a few minutes; VANPHONG_BENCH_DATABASE_URL for PostgreSQL).
bench-emulation: $(VENV)/.test
	$(BIN)/python bench/emulation.py

# The issue-17 figure: the archives' holdings statistics at 10k and 1M files (a few minutes;
# VANPHONG_BENCH_DATABASE_URL for PostgreSQL).
bench-archives: $(VENV)/.test
	$(BIN)/python bench/archives_holdings.py

# The fixity check against sha256sum over the same files (bench/archives_fixity.py --help).
bench-archives-fixity: $(VENV)/.test
	$(BIN)/python bench/archives_fixity.py

# Vietnamese is the source language; English lives in locale/en.
messages: $(VENV)/.test
	cd src/vanphong && ../../$(BIN)/vanphong makemessages -l en --no-obsolete
	cd src/vanphong && ../../$(BIN)/vanphong compilemessages -l en

clean:
	rm -rf $(VENV) var node_modules .pytest_cache .mypy_cache .ruff_cache
