# The two commands a new machine needs: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
BENCH_STAMP := $(VENV)/.installed-bench
# check and makemigrations run with the test settings: no SECRET_KEY needed for them.
TEST_ENV := DJANGO_SETTINGS_MODULE=loften.settings_test

.PHONY: run test install demo browser messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml constraints.txt
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

$(BENCH_STAMP): $(TEST_STAMP)
	$(BIN)/pip install -q --disable-pip-version-check -c constraints.txt -e '.[test,bench]'
	touch $@

install: $(STAMP)

# A development .env, written once, so that every `loften` command works beside the demo:
# DEBUG on and a secret key generated for this machine. An existing .env is never touched.
.env:
	@printf '%s\n' '# Written by make run for development on this machine; never for a server (see .env.example).' \
	  'DEBUG=true' "SECRET_KEY=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote a development .env (DEBUG=true, a generated SECRET_KEY)."

demo: install .env
	DEBUG=true $(BIN)/loften migrate --no-input -v 0
	DEBUG=true $(BIN)/loften demo

run: demo
	DEBUG=true $(BIN)/loften runserver 127.0.0.1:8000

# Browser tests use Debian's chromium; install it (and gettext) when we may, else they skip.
browser:
	@if ! command -v chromium >/dev/null || ! command -v msgfmt >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext >/dev/null; \
	  else echo "Note: install Debian's chromium and gettext for the browser and translation checks."; fi; \
	fi

test: $(TEST_STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(TEST_ENV) $(BIN)/loften compilemessages --ignore=.venv -v 0
	$(TEST_ENV) $(BIN)/loften check --fail-level WARNING
	$(TEST_ENV) $(BIN)/loften makemigrations --check --dry-run -v 1
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

messages: $(TEST_STAMP)
	$(TEST_ENV) $(BIN)/loften makemessages -l sv --ignore=.venv --ignore=var --ignore=staticfiles --ignore=tests --ignore=bench --no-obsolete --no-location

bench: $(BENCH_STAMP)
	$(TEST_ENV) $(BIN)/python bench/promise_page.py
	$(TEST_ENV) $(BIN)/python bench/parse_pages.py
	$(TEST_ENV) $(BIN)/python bench/situation_picture.py
	$(TEST_ENV) $(BIN)/python bench/printed_documents.py
	$(TEST_ENV) $(BIN)/python bench/national.py
	@if psql -h 127.0.0.1 -U postgres -d postgres -qtAc "select 1" >/dev/null 2>&1; then \
	  DATABASE_URL=postgres://postgres@127.0.0.1:5432/loften_bench $(TEST_ENV) $(BIN)/python bench/situation_picture.py; \
	  DATABASE_URL=postgres://postgres@127.0.0.1:5432/loften_bench $(TEST_ENV) $(BIN)/python bench/national.py; \
	else echo "PostgreSQL at 127.0.0.1:5432 does not answer: the situation and national benchmarks ran on SQLite only."; fi
	$(BIN)/python bench/load.py
	$(BIN)/python bench/crash.py

clean:
	rm -rf $(VENV) var staticfiles
