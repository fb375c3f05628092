# pyzig — see README.md. Every target honours PYTHON=/path/to/python3.
PYTHON ?= python3
export PYTHON

.PHONY: all release debug release-safe stubs test bench gdb clean corpus

all: release

release:
	$(PYTHON) tools/build.py --mode release --demo

debug:
	$(PYTHON) tools/build.py --mode debug

release-safe:
	$(PYTHON) tools/build.py --mode release-safe

stubs:
	$(PYTHON) tools/build.py --mode release --stubs-only

test:
	bash tools/test.sh

bench:
	bash tools/bench.sh

gdb:
	bash tools/gdb.sh

corpus:
	bash tools/corpus.sh

clean:
	cargo clean
	rm -rf build dist py/pyzig/*.so py/pyzig/.build-stamp*
