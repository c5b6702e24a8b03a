# Two commands on a fresh machine: `make book` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ASSETS := assets/npm/.fetched
CHROMIUM := /usr/bin/chromium
GRADE := .venv-grade
GRADE_STAMP := $(GRADE)/.installed
COURSE ?= course

.PHONY: venv assets chromium book pdf test test-loaded execute serve bench student student-book guide lab install-cell assignments assignments-check bench-explorer mutation recreate-full

venv: $(STAMP)

# Re-install whenever requirements.txt or pyproject.toml changes.
$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

# require.js and the widget manager for the offline book, axe-core for the browser tests.
assets: $(ASSETS)

$(ASSETS): tools/fetch_assets.py
	$(PYTHON) -m tools.fetch_assets
	touch $@

# Debian's Chromium for the browser tests (Playwright's own browser download is not used).
chromium:
	@test -x $(CHROMIUM) || { apt-get update && apt-get install -y chromium; }

book: venv assets
	$(BIN)/jupyter-book build . -W -n --keep-going

# Python sources get the full rule set; notebooks get the rules for real errors (undefined or
# unused names, syntax), since style rules fight with teaching code shown cell by cell.
# pytest runs the test files on both of CI's cores (tests/conftest.py orders them).
# --durations prints the slowest tests: the suite must stay well under 20 minutes on CI.
test: venv assets chromium $(GRADE_STAMP)
	$(BIN)/ruff check --extend-exclude "*.ipynb" .
	$(BIN)/ruff check --select F,E9 chapters/
	$(BIN)/lint-imports
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder --durations=20 tests/

# The whole book as one PDF, _build/html/book.pdf (linked from every page's download menu),
# printed offline by the system Chromium from the built pages (tools/book_pdf.py).
# The same suite with one CPU kept busy by a spinning process that the test run starts itself.
test-loaded:
	XORLAB_TEST_HOG=1 $(MAKE) test

pdf: book chromium
	$(BIN)/python -m tools.book_pdf

execute: venv
	$(BIN)/python -m tools.execute

# JupyterLab (with jupyterlab-myst, so exercises, terms and citations render) on the chapters.
lab: venv
	$(BIN)/jupyter lab chapters/

# Rewrite each chapter's first code cell (installs xorlab in Colab) from _config.yml's
# repository.url and pyproject.toml's version; then re-run the chapters (make execute).
install-cell: venv
	$(BIN)/python -m tools.install_cell

serve:
	$(BIN)/python -m http.server 8000 --bind 127.0.0.1 --directory _build/html

bench: venv assets
	$(BIN)/python -m tools.bench_book

# Epochs per second of the live explorers' engine in Chromium, and its size (a figure, no test).
bench-explorer: venv chromium
	$(BIN)/python -m benchmarks.explorer_speed

# The stuck-at-0.5 re-creation against its transcription on all 1,000 seeds (about 4 min).
recreate-full: venv
	XORLAB_FULL=1 nice -n 10 $(BIN)/pytest -q -p no:cacheprovider tests/test_stuck_at_half.py

# Mutation testing of xorlab with mutmut ([tool.mutmut] in pyproject.toml): do the unit tests fail
# when the code is wrong? Slow; not in `test`. mutmut finds sources only in ./, src/ or source/,
# so it runs in a copy, $(MUTMUT)/, where code/ is src/. One module:
# `make mutation ONLY='xorlab.core.stats*'`; then `cd $(MUTMUT) && ../../$(BIN)/mutmut browse`.
MUTMUT := .cache/mutmut
mutation: venv
	$(BIN)/pip install --quiet mutmut==3.8.1
	rm -rf $(MUTMUT)/src $(MUTMUT)/tests $(MUTMUT)/tools $(MUTMUT)/chapters
	mkdir -p $(MUTMUT)/src && cp -rp code/xorlab $(MUTMUT)/src/
	cp -rp tests tools chapters _toc.yml pyproject.toml $(MUTMUT)/
	mkdir -p $(MUTMUT)/mutants/src  # on PYTHONPATH, so that worker processes import the mutants too
	cd $(MUTMUT) && PYTHONPATH=$$PWD/mutants/src nice -n 10 ../../$(BIN)/mutmut run $(ONLY) \
		&& ../../$(BIN)/mutmut results

# The student edition: every chapter without its solutions, in student/ (tools/student.py),
# a book of its own with launch buttons (set its repository with tools/student.py --repository).
student: venv
	$(BIN)/python -m tools.student student

student-book: student
	$(BIN)/jupyter-book build student

# The grading environment: the book's exact pins plus nbgrader, in a venv of its own so that the
# book's environment (Binder, Colab) stays lean (tools/nbgrader/requirements.txt).
$(GRADE_STAMP): requirements.txt pyproject.toml tools/nbgrader/requirements.txt
	test -x $(GRADE)/bin/python || $(PYTHON) -m venv $(GRADE)
	$(GRADE)/bin/pip install --quiet --upgrade pip
	$(GRADE)/bin/pip install --quiet -r tools/nbgrader/requirements.txt
	touch $@

# An nbgrader course in $(COURSE)/: one assignment per chapter, source and release notebooks.
assignments: $(GRADE_STAMP)
	$(GRADE)/bin/python -m tools.assignments $(COURSE)

# The grading round trip for every chapter, in a temporary course: the solutions get every
# autograded point, the untouched release none (`make test` runs it too).
assignments-check: $(GRADE_STAMP)
	$(GRADE)/bin/python -m tools.assignments "$$(mktemp -d)/course" --check

# Regenerate chapters/instructor-guide.md from the chapters (a test checks it is current).
guide: venv
	$(BIN)/python -m tools.instructor_guide
