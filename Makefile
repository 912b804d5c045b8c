# trucewatch: `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
SEED   ?= ../shared/seed/000_8c01d9043c4b7f2f.txt

.PHONY: install install-dev demo test test-fast lint fuzz bench eval eval-holdout check-seed clean

$(STAMP): requirements-pip.lock requirements.lock pyproject.toml web/package-lock.json scripts/build_web.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements-pip.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/trucewatch setup
	# the dashboard: Leaflet from npm (pinned by web/package-lock.json) and the country outlines
	npm ci --prefix web --no-audit --no-fund --loglevel=error
	$(BIN)/python scripts/build_web.py
	touch $(STAMP)

install: $(STAMP)

# the development tools (pytest, hypothesis, ruff, mypy, playwright...): their own lock, never a
# runtime dependency; resolved with the runtime lock by scripts/lock.py
$(DEVSTAMP): $(STAMP) requirements-dev.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes -r requirements.lock -r requirements-dev.lock
	touch $(DEVSTAMP)

install-dev: $(DEVSTAMP)

demo: install
	@if [ -f "$(SEED)" ]; then \
	  echo "== trucewatch analyze $(SEED) --published 2023-01-06 --format text"; \
	  $(BIN)/trucewatch analyze "$(SEED)" --published 2023-01-06 --format text; \
	fi
	@rm -rf build/demo
	@$(BIN)/python scripts/demo_corpus.py build/demo/sample.jsonl
	@echo "== trucewatch ingest build/demo/sample.jsonl --db build/demo/demo.sqlite"
	@$(BIN)/trucewatch ingest build/demo/sample.jsonl --db build/demo/demo.sqlite --quiet
	@$(BIN)/trucewatch status --db build/demo/demo.sqlite
	@echo "== trucewatch report --db build/demo/demo.sqlite --out build/demo/reports"
	@$(BIN)/trucewatch report --db build/demo/demo.sqlite --out build/demo/reports
	@echo "== the dashboard and HTTP API: $(BIN)/trucewatch serve --db build/demo/demo.sqlite"
	@echo "   then open http://127.0.0.1:8765/ (reviews need a token: $(BIN)/trucewatch token add --role analyst --db build/demo/demo.sqlite)"

test: install-dev lint
	$(BIN)/python -m pytest -q

test-fast: install-dev
	$(BIN)/python -m pytest -q -m "not model"

lint: install-dev
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/mypy src
	$(BIN)/python scripts/gen_docs.py --check
	$(BIN)/python scripts/build_web.py --check

# the long fuzzing run, never in CI (which replays the seed corpus and runs 20 hypothesis examples per
# target): tests/fuzz/run.py, FUZZ_EXAMPLES per target (analyze: FUZZ_SLOW_EXAMPLES), FUZZ_JOBS
# processes, at most FUZZ_SECONDS per shard of a target, only the targets FUZZ_ONLY (name prefixes)
FUZZ_EXAMPLES ?= 1000000
FUZZ_SLOW_EXAMPLES ?= 10000
FUZZ_JOBS ?= 1
FUZZ_SECONDS ?=
FUZZ_ONLY ?=
fuzz: install-dev
	$(BIN)/python -m tests.fuzz.run --examples $(FUZZ_EXAMPLES) --slow-examples $(FUZZ_SLOW_EXAMPLES) \
	  --jobs $(FUZZ_JOBS) $(if $(FUZZ_SECONDS),--seconds $(FUZZ_SECONDS)) $(if $(FUZZ_ONLY),--only $(FUZZ_ONLY)) \
	  --crashes fuzz-crashes --summary fuzz-summary.json

check-seed: install
	$(BIN)/trucewatch analyze "$(SEED)" --published 2023-01-06 --format json | $(BIN)/python ../shared/tools/check_seed.py

eval: install
	$(BIN)/trucewatch eval --golden tests/golden --real tests/real/labels --corpus ../shared/corpus \
	  $(foreach f,$(wildcard ../shared/benchmarks/acled/acled_*.csv),--coded $(f))

# the held-out third of the labelled real articles: score it only when a change is finished
eval-holdout: install
	$(BIN)/trucewatch eval --real tests/real/labels --corpus ../shared/corpus --split holdout

bench: install
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python benchmarks/judge_bench.py
	$(BIN)/python benchmarks/scale_bench.py
	$(BIN)/python benchmarks/incremental_bench.py
	$(BIN)/python benchmarks/api_bench.py
	$(BIN)/python benchmarks/linear_bench.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .mypy_cache
