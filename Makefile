# Support Services Intranet — `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BIN ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/intranet
REDIS_TEST_URL ?= redis://127.0.0.1:6379
# Two workers suit the two-core machines CI runs on; PYTEST_ARGS= runs serially.
PYTEST_ARGS ?= -n 2
RUN_ENV := DEMO_MODE=true CELERY_BROKER_URL=filesystem://

.PHONY: help install install-python install-assets install-browser run worker \
        test test-sqlite test-services test-e2e lint format check bench clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
	  awk 'BEGIN {FS = ":.*## "}; {printf "  \033[1m%-16s\033[0m %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@command -v $(PYTHON_BIN) >/dev/null || { echo "Python 3.11 is needed"; exit 1; }
	test -d $(VENV) || $(PYTHON_BIN) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/build/intranet.css: node_modules/.installed $(wildcard static/scss/*.scss)
	npm run --silent build:css

install-python: $(VENV)/.installed

install-assets: node_modules/.installed static/build/intranet.css

install: install-python install-assets ## Install Python and front-end dependencies
	@mkdir -p var

install-browser: ## Install Debian's Chromium for the browser tests (needs root)
	@if command -v chromium >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null; \
	else echo "Chromium is missing: run 'sudo apt-get install chromium' for the browser tests"; fi

run: install ## Migrate, load demo content and serve with background work on 127.0.0.1:$(PORT)
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py collectstatic --noinput -v0
	$(RUN_ENV) $(PY) manage.py seed_demo
	$(RUN_ENV) $(PY) manage.py search_rebuild -v0
	@echo "Serving on http://127.0.0.1:$(PORT)/ — sign in as staff / demo. Ctrl-C stops everything."
	@trap 'kill 0' EXIT INT TERM; \
	$(RUN_ENV) $(VENV)/bin/celery -A intranet worker --beat --loglevel=INFO \
	  --concurrency=2 --schedule=var/celerybeat-schedule & \
	$(RUN_ENV) $(PY) manage.py runserver --noreload 127.0.0.1:$(PORT)

worker: install ## Run a Celery worker with beat against CELERY_BROKER_URL
	$(VENV)/bin/celery -A intranet worker --beat --loglevel=INFO

test: install install-browser ## Run the whole suite (SQLite; then PostgreSQL + Redis where they answer)
	@$(MAKE) --no-print-directory test-sqlite
	@if $(PY) -m tests.services_available "$(PG_TEST_URL)" "$(REDIS_TEST_URL)"; then \
	  $(MAKE) --no-print-directory test-services; \
	elif [ "$$CI" = "true" ]; then \
	  echo "CI needs PostgreSQL and Redis, and they do not answer"; exit 1; \
	else echo "PostgreSQL or Redis not answering: skipped the run against them"; fi

test-sqlite: install ## Run the suite on the zero-set-up defaults (SQLite, in-process tasks)
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Tests that need a broker start and stop their own Redis servers, so the outage
# tests can really take it away; the shared Redis serves as the cache.
test-services: install ## Run the suite against PostgreSQL and Redis
	DATABASE_URL=$(PG_TEST_URL) CACHE_URL=$(REDIS_TEST_URL)/1 \
	$(VENV)/bin/pytest $(PYTEST_ARGS)

test-e2e: install install-browser ## Run only the browser journeys and accessibility audit in Chromium
	$(VENV)/bin/pytest -m e2e tests/e2e

lint: install-python ## Check style and that no migration is missing
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run -v0

format: install-python ## Format the code
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: lint test ## Lint and test, as CI does

bench: install ## Seed a council-scale dataset and print latency figures
	$(PY) -m bench.run

clean: ## Remove installed dependencies and local data
	rm -rf $(VENV) node_modules static/build var db.sqlite3*
