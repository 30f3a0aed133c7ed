# Two commands matter: `make run` (embedded SQLite, demo data, http://127.0.0.1:$(PORT)) and `make test`.
PORT ?= 8000
export PORT
RUN = scripts/uvrun

.PHONY: run test pytest test-fast lint bench clean

# `make run` is the local, embedded set-up: debug mode on unless PUENTE_DEBUG says otherwise.
run: export PUENTE_DEBUG ?= 1
run: export PUENTE_SITE_URL ?= http://127.0.0.1:$(PORT)
run:
	$(RUN) puente migrate --noinput
	$(RUN) puente collectstatic --noinput --verbosity 0
	$(RUN) puente seed_demo
	$(RUN) puente runserver 127.0.0.1:$(PORT)

test pytest test-fast: export PUENTE_TESTING = 1
test:
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) mypy puente
	$(RUN) puente makemigrations --check --dry-run
	$(RUN) puente collectstatic --noinput --verbosity 0
	$(RUN) pytest

# The suite alone (CI runs it a second time with DATABASE_URL pointing at PostgreSQL).
pytest:
	$(RUN) puente collectstatic --noinput --verbosity 0
	$(RUN) pytest

test-fast:
	$(RUN) pytest -m "not browser" -x -q

lint:
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

bench:
	$(RUN) python bench/portfolio.py

clean:
	rm -rf .venv .tools var staticfiles
