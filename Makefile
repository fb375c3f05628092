# pyzig — see README.md. Every target honours PYTHON=/path/to/python3 (exported to the scripts).
PYTHON ?= python3
export PYTHON

.PHONY: all release cli debug release-safe release-small stubs test bench gdb clean corpus fmt \
	pydebug refleak valgrind asan fuzz threads

# Release build of the modules for $(PYTHON), a .pth in its site-packages so `import pyzig` works from any
# directory, the graph demo, and the command-line tool.
all: release cli

release:
	$(PYTHON) tools/build.py --mode release --demo

# The KiCad S-expression tool, built to target/release/pyzig-sexp (`cargo install --path sexp` puts it on PATH).
cli:
	cargo build --release -p pyzig-sexp --bin pyzig-sexp
	@echo "built target/release/pyzig-sexp"

debug:
	$(PYTHON) tools/build.py --mode debug --all

release-safe:
	$(PYTHON) tools/build.py --mode release-safe

release-small:
	$(PYTHON) tools/build.py --mode release-small

# Rewrite gen/ (and the .pyi copies in py/) from the built modules.
stubs:
	$(PYTHON) tools/build.py --stubs-only --all

test:
	bash tools/test.sh

bench:
	bash tools/bench.sh

gdb:
	bash tools/gdb.sh $(ARGS)

# The reliability checks (README, "Reliability"); `make test` runs the quick form of each.
# The Python suite under Debian's debug interpreter python3.11-dbg (Py_DEBUG).
pydebug:
	bash tools/debug-python.sh test

# Reference leaks, -R 3:3 over every test file (debug interpreter), then 10,000 rounds of load, edit and
# drop on the release build with RSS and tracemalloc flat.
refleak:
	bash tools/debug-python.sh refleak full
	$(PYTHON) tools/build.py --mode release --all --no-pth
	PYZIG_NORECOMPILE=1 $(PYTHON) tools/longloop.py 10000

# The Python suite under valgrind memcheck.
valgrind:
	bash tools/valgrind.sh full

# The engines' Rust tests and the Python hostile suites on AddressSanitizer builds.
asan:
	bash tools/asan.sh

# The thread tests with 10 s phases instead of 1 s (several threads on one graph, record, file).
threads:
	PYZIG_THREAD_SECONDS=10 $(PYTHON) -m pytest -q -p no:cacheprovider tests/test_threads.py

# Longer fuzzing: every cargo-fuzz target 300 s, and the hypothesis state machines with many examples.
fuzz:
	bash tools/fuzz.sh 300
	PYZIG_HYPOTHESIS=long $(PYTHON) -m pytest -q -p no:cacheprovider tests/test_properties_graph.py \
		tests/test_properties_records.py

corpus:
	bash tools/corpus.sh

# Format every crate of the workspace (and the two crates outside it) with rustfmt.toml.
fmt:
	bash tools/fmt.sh

clean:
	$(PYTHON) tools/build.py --clean
	cargo clean
	rm -rf build dist
