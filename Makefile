# Two commands for a newcomer: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format migrations-check messages bench lock clean mutants

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# requirements-dev.txt holds the runtime pins too (`make lock`); both files carry
# hashes, so pip installs in hash-checking mode and refuses a file that differs.
$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# Links in e-mails and on pages that name the site point where this server runs.
run: export SITE_URL := $(or $(SITE_URL),http://$(HOST):$(PORT))
run: $(VENV)/.installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py create_demo_coordinator
	@echo ""
	@echo "  The portal runs at http://$(HOST):$(PORT)/  (stop it with Ctrl+C)"
	@echo ""
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The Nu Html Checker for the browser tests (tests/browser/html_check.py), from npm's
# vnu-jar; it runs on Java (Debian: default-jre-headless). Without npm the HTML check
# is skipped, or fails with REQUIRE_BROWSER=1.
VNU_VERSION := 26.9.27
VNU_JAR := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar

$(VNU_JAR): | $(BIN)/python
	@if command -v npm >/dev/null; then \
	  npm install --silent --prefix $(VENV)/vnu --no-save --no-audit --no-fund vnu-jar@$(VNU_VERSION); \
	else echo "npm not found: the HTML check of the browser tests is skipped"; fi

# Coverage of the apps and portal/ (what is measured: [tool.coverage] in pyproject.toml).
test: $(VENV)/.installed-dev $(VNU_JAR)
	$(BIN)/pytest --cov --cov-report=term $(PYTEST_ARGS)

# mypy checks the modules listed under [tool.mypy] files in pyproject.toml.
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(VENV)/.installed-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

migrations-check: $(VENV)/.installed
	$(BIN)/python manage.py makemigrations --check --dry-run

# Needs GNU gettext (xgettext, msgfmt): apt-get install gettext.
messages: $(VENV)/.installed
	$(BIN)/python scripts/messages.py

# The search's relevance set (score printed; bench/results/relevance.md), server time
# of the directory on SQLite and PostgreSQL, then a wrk load test
# through gunicorn on PostgreSQL and where a member's request spends its time. Results go to bench/results/. Shorter runs:
# make bench SERVER_TIME_ARGS="--iterations 20 --only sqlite" LOAD_ARGS="--duration 3"
# The fault run (PostgreSQL restart, dead mail server): python bench/fault_postgres_restart.py
bench: $(VENV)/.installed-dev
	$(BIN)/python bench/relevance.py
	$(BIN)/python bench/server_time.py $(SERVER_TIME_ARGS)
	$(BIN)/python bench/statistics_time.py
	$(BIN)/python bench/load.py $(LOAD_ARGS)
	$(BIN)/python bench/member_profile.py

# Mutation testing of the modules where a bug costs most (scripts/mutation_score.py
# names them; [tool.mutmut] in pyproject.toml says which tests run). Slow: tens of
# minutes on two cores, so not part of `make test`. Results are kept in mutants/,
# so a second run re-tests only what changed. MUTANTS='events.links.*' narrows it.
MUTANT_JOBS ?= 2
MUTANTS ?= $(shell $(PYTHON) scripts/mutation_score.py --patterns)
mutants: $(VENV)/.installed-dev
	-$(BIN)/mutmut run --max-children $(MUTANT_JOBS) $(MUTANTS) > mutants.log 2>&1; tail -n 3 mutants.log
	$(BIN)/python scripts/mutation_score.py

# Re-resolve the pinned versions (with hashes) from the ranges in pyproject.toml with
# pip-tools' pip-compile, in a throwaway venv. The dev file is constrained by the
# runtime pins, so both files name the same version of every runtime package.
# Resolves against PyPI alone, whatever a local pip configuration adds.
LOCK_VENV := /tmp/portal-lock
PIP_COMPILE := env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(LOCK_VENV)/bin/pip-compile \
	--quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links
lock:
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/pip install --quiet --upgrade pip "pip-tools>=7.6"
	$(PIP_COMPILE) $(LOCK_ARGS) --output-file requirements.txt pyproject.toml
	$(PIP_COMPILE) $(LOCK_ARGS) --extra dev --constraint requirements.txt \
		--output-file requirements-dev.txt pyproject.toml

clean:
	rm -rf $(VENV) staticfiles .pytest_cache mutants mutants.log
