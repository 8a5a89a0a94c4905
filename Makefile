# mtqa — every target installs into .venv when needed (once), then runs.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SHARED ?= ../shared

.PHONY: install demo test eval eval-noglossary eval-align eval-terms bench bench-scale lint clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/mtqa audit corpora/dojo --no-exit

test: $(STAMP)
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) -m toolkit.evaluation.gold corpora --markdown $(if $(filter --no-glossary,$(ARGS)),--json out/eval-noglossary.json,--json out/eval.json) $(ARGS)

eval-noglossary: $(STAMP)
	$(PY) -m toolkit.evaluation.gold corpora --markdown --no-glossary --json out/eval-noglossary.json

eval-align: $(STAMP)
	$(PY) -m toolkit.evaluation.align --data $(SHARED)/benchmarks/align --baseline --speed \
		--json out/eval-align.json

eval-terms: $(STAMP)
	$(PY) -m toolkit.evaluation.terms --data $(SHARED)/benchmarks/terms/wmt21-enfr-dev --json out/eval-terms.json

bench: $(STAMP)
	$(PY) -m toolkit.evaluation.bench --shared $(SHARED)

bench-scale: $(STAMP)
	$(PY) -m toolkit.evaluation.bench_scale --json out/bench-scale.json

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info
