# Summit Archive — every target sets itself up: a fresh clone needs only `make run` or `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha256sum requirements.txt | cut -c1-16)
HOST ?= 127.0.0.1
PORT ?= 8000
# gunicorn workers for `make serve`: 2 × cores + 1, gunicorn's own advice.
WORKERS ?= $(shell echo $$((2 * $$(nproc) + 1)))

.PHONY: setup run serve worker require-secret-key test lint eval eval-heldout bench bench-extraction loadtest lock clean backup restore

setup: $(STAMP)

$(STAMP): requirements.txt
	@test -x $(BIN)/python || { echo "Creating the virtual environment in $(VENV)…" && $(PYTHON) -m venv $(VENV); }
	@echo "Installing $$(grep -c '^[A-Za-z0-9]' requirements.txt) pinned packages (a first run takes about two minutes)…"
	$(BIN)/python -m pip install --progress-bar on --disable-pip-version-check --require-hashes -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@
	@echo "Installed."

## make run: migrate the embedded database, import seeds/ (approved at once, as a demonstration),
## print an admin login and serve the site, with an import worker beside it (the admin's imports).
run: export DJANGO_DEBUG ?= 1
run: setup
	@echo "Applying database migrations…"
	$(BIN)/python manage.py migrate --no-input
	@echo "Importing the seed articles from seeds/…"
	$(BIN)/python manage.py import_article seeds/ --publish --approve
	$(BIN)/python manage.py ensure_admin --url http://$(HOST):$(PORT)/admin/
	@echo "Starting the development server at http://$(HOST):$(PORT)/ and an import worker (Ctrl-C stops both)…"
	$(BIN)/python manage.py runserver_with_worker $(HOST):$(PORT)

## make serve: production mode (debug off) on $(HOST):$(PORT): migrate, collect the hashed and
## compressed static files (served by whitenoise), then gunicorn with $(WORKERS) workers.
## Needs DJANGO_SECRET_KEY; DJANGO_ALLOWED_HOSTS defaults to the loopback names. See README "Deploying".
serve: export DJANGO_DEBUG ?= 0
serve: export DJANGO_ALLOWED_HOSTS ?= 127.0.0.1,localhost
# Bound to loopback the server speaks plain HTTP to this machine only, so there is no HTTPS to
# redirect to; behind a TLS proxy set DJANGO_SECURE_SSL_REDIRECT=1. Any other address keeps the redirect.
ifneq ($(filter 127.0.0.1 localhost [::1],$(HOST)),)
serve: export DJANGO_SECURE_SSL_REDIRECT ?= 0
endif
serve: require-secret-key setup
	@echo "Applying database migrations…"
	$(BIN)/python manage.py migrate --no-input
	@echo "Collecting the static files (hashed names, gzip-compressed)…"
	$(BIN)/python manage.py collectstatic --no-input
	@echo "Starting gunicorn with $(WORKERS) workers at http://$(HOST):$(PORT)/ (Ctrl-C stops it)…"
	exec $(BIN)/gunicorn --config config/gunicorn.conf.py --workers $(WORKERS) --bind $(HOST):$(PORT) config.wsgi

## make worker: an import worker in production mode (debug off), taking queued imports from the
## database until stopped (SIGTERM or Ctrl-C: it finishes its job first). Run as many as you want
## imports at once, here or on other machines sharing DATABASE_URL. See README "Deploying".
worker: export DJANGO_DEBUG ?= 0
worker: setup
	@echo "Starting an import worker (Ctrl-C stops it once its job is done)…"
	exec $(BIN)/python manage.py db_worker --no-reload

# Checked before the install, so that a missing key costs no wait. No key is made up here: one
# written to a file would differ between machines and be easy to lose or leak.
require-secret-key:
	@test -n "$$DJANGO_SECRET_KEY" || { \
		echo "make serve needs DJANGO_SECRET_KEY (it signs sessions and password resets). Make one with" >&2; \
		echo "  export DJANGO_SECRET_KEY=\"\$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\"" >&2; \
		echo "and keep it: changing it logs everyone out." >&2; exit 2; }

## make test: lint, then the whole suite (DATABASE_URL chooses the database; SQLite by default).
test: setup lint
	$(BIN)/python -m pytest $(PYTEST_ARGS)

## make backup: the whole database, edit history included, to backups/summit-archive-<UTC time>.dump
## (pg_dump on PostgreSQL) or .sqlite3 (SQLite's online backup); DATABASE_URL chooses the database.
backup: setup
	$(BIN)/python manage.py backup

## make restore FILE=backups/...: replace everything the database holds by that backup (asks first).
restore: setup
	@test -n "$(FILE)" || { echo "Usage: make restore FILE=backups/summit-archive-....dump" >&2; exit 2; }
	$(BIN)/python manage.py restore "$(FILE)"

# No function of the extraction may be more complex than MAX_COMPLEXITY (radon's cyclomatic complexity).
MAX_COMPLEXITY := 15

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/radon cc --json summits/extraction | $(BIN)/python -c "import json, sys; \
		found = [f'{path}:{b[\"lineno\"]} {b[\"name\"]} has complexity {b[\"complexity\"]}' \
			for path, blocks in json.load(sys.stdin).items() for b in blocks if b['complexity'] > $(MAX_COMPLEXITY)]; \
		print(*found, sep='\n') if found else None; sys.exit(1 if found else 0)"

## make eval: the extraction scored against the development set of real articles (tests/gold).
eval: setup
	$(BIN)/python manage.py evaluate_extraction

## make eval-heldout: the same on the held-out set (tests/heldout), real articles kept apart from tuning.
eval-heldout: setup
	$(BIN)/python manage.py evaluate_extraction tests/heldout

## make bench: the pages and the API served by gunicorn (2 workers, debug off) on generated archives
## of 2,000 and 20,000 summits in the local PostgreSQL (made once, then reused), cold and warm, and
## the import beside bare nlp.pipe; the table goes to stdout and bench-results/latest.md.
## BENCH_ARGS="--requests 20 --sizes 2000" changes it; BENCH_DATABASE_URL chooses the server
## (default postgres://postgres@127.0.0.1:5432/summit_bench_{size}). See docs/benchmarks.md.
bench: setup
	$(BIN)/python -m summits.benchmark $(BENCH_ARGS)

## make bench-extraction: throughput of the extraction pipeline against bare spaCy, and its cost per 10 KB.
bench-extraction: setup
	$(BIN)/python -m summits.extraction.bench

## make loadtest: the site served as `make serve` serves it, on an archive of its own, sent a bounded
## number of requests over its pages and the API (locust); fails on any error response.
## LOADTEST_ARGS="--requests 3000 --users 8 ..." (python -m summits.loadtest --help);
## LOADTEST_DATABASE_URL=postgres://.../summit_loadtest runs it on PostgreSQL. See docs/benchmarks.md.
loadtest: setup
	$(BIN)/python -m summits.loadtest $(LOADTEST_ARGS)

## make lock: re-resolve requirements.in into the hashed requirements.txt (needs uv).
lock:
	uv pip compile --generate-hashes --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
		requirements.in -o requirements.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
