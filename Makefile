# Two commands for a newcomer: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrations-check messages bench lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py create_demo_coordinator
	@echo ""
	@echo "  The portal runs at http://$(HOST):$(PORT)/  (stop it with Ctrl+C)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-dev
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run

# Needs GNU gettext (xgettext, msgfmt): apt-get install gettext.
messages: $(VENV)/.installed
	$(BIN)/python scripts/messages.py

# Server time of the directory on SQLite and PostgreSQL, then a wrk load test
# through gunicorn on PostgreSQL. Results go to bench/results/.
bench: $(VENV)/.installed-dev
	[ ! -f bench/server_time.py ] || $(BIN)/python bench/server_time.py
	$(BIN)/python bench/statistics_time.py
	$(BIN)/python bench/load.py

# Re-resolve the pinned versions from the ranges in pyproject.toml.
lock:
	rm -rf /tmp/portal-lock && $(PYTHON) -m venv /tmp/portal-lock
	/tmp/portal-lock/bin/pip install --quiet --upgrade pip
	/tmp/portal-lock/bin/pip install --quiet ".[dev]"
	$(PYTHON) scripts/lock.py /tmp/portal-lock/bin/python

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
