# The two commands of the README: `make run` and `make test`.
SAMPLE := src/coalition/data/sample
COALITION := .venv/bin/coalition

.PHONY: run test setup setup-test lint bench eval funnel agreement

run: setup
	$(COALITION) ingest $(SAMPLE) || [ $$? = 3 ]
	$(COALITION) scorecard --target RUS
	$(COALITION) serve --host 127.0.0.1 --port 8000

test: setup-test
	.venv/bin/python -m pytest -n 2 -q

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

lint: setup-test
	.venv/bin/ruff check src tests benchmarks
	.venv/bin/mypy src

bench: setup-test
	.venv/bin/python benchmarks/extract_speed.py
	.venv/bin/python benchmarks/api_latency.py

eval: setup
	.venv/bin/python scripts/evaluate_all.py

funnel: setup
	.venv/bin/python scripts/funnel.py

agreement: setup
	.venv/bin/python scripts/agreement.py
