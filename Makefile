# Hefboom: `make demo` runs the product with the demo case; `make test` runs every test.
# Needs Python 3.11 (PYTHON=... to point elsewhere). Everything else is installed here.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint format messages screenshot clean

$(VENV)/.base: pyproject.toml requirements/base.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/base.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base requirements/dev.txt
	$(BIN)/pip install --quiet -r requirements/dev.txt
	touch $@

demo: $(VENV)/.base
	$(BIN)/hefboom demo

test: $(VENV)/.dev
	scripts/ensure-chromium
	$(BIN)/ruff check .
	$(BIN)/hefboom makemigrations --check --dry-run > /dev/null || (echo "Model changes without a migration: run 'hefboom makemigrations'." && exit 1)
	$(BIN)/python scripts/audit
	HEFBOOM_PRODUCTION=1 HEFBOOM_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  HEFBOOM_ALLOWED_HOSTS=hefboom.example.org HEFBOOM_BEHIND_PROXY=1 $(BIN)/hefboom check --deploy --fail-level WARNING
	$(BIN)/pytest

lint: $(VENV)/.dev
	$(BIN)/ruff check .

format: $(VENV)/.dev
	$(BIN)/ruff check --fix .

messages: $(VENV)/.base
	cd src/hefboom && ../../$(BIN)/hefboom makemessages -l nl -l fr --no-obsolete --ignore "*/tests/*" && ../../$(BIN)/hefboom compilemessages

screenshot: $(VENV)/.dev
	HEFBOOM_SCREENSHOT=docs/img/demo.png $(BIN)/pytest -q -k test_demo_in_browser

clean:
	rm -rf $(VENV) var
