# The two commands a newcomer needs: `make run` and `make test`.
PYTHON_VERSION := $(shell cat .python-version)
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) || command -v python3.13 || command -v python3.12 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

LOCK := requirements.lock
UV_VERSION := 0.13.9

.PHONY: run test install lock migrate data lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Installs exactly what the lockfile pins, every file checked against its hash. The project itself is
# not installed as a package (it runs from this folder), so nothing is written into the work tree.
$(STAMP): $(LOCK) | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes --no-deps -r $(LOCK)
	touch $(STAMP)

install: $(STAMP)

# After changing the dependencies in pyproject.toml: pin them again (needs the package registry).
lock: | $(BIN)/python
	$(BIN)/pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml --extra test --universal --python-version 3.12 \
		--generate-hashes --quiet -o $(LOCK)

migrate: install
	$(BIN)/python manage.py migrate --noinput

data: migrate
	$(BIN)/python manage.py laad_referentiedata
	$(BIN)/python manage.py laad_demodata

# The web server and one task worker (e-mail, PDFs) together; Ctrl-C (or the server ending) stops both.
run: data
	@echo "Het portaal draait op http://127.0.0.1:8000, met een takenverwerker op de achtergrond (stoppen met Ctrl-C)"
	@$(BIN)/python manage.py db_worker --no-startup-delay & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null; wait $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

bench: install
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
