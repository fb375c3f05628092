# pyzig — see README.md. Every target honours PYTHON=/path/to/python3 (exported to the scripts).
PYTHON ?= python3
export PYTHON

.PHONY: all release debug release-safe release-small stubs test bench gdb clean corpus

# Release build of the modules for $(PYTHON), a .pth in its site-packages so `import pyzig` works from any
# directory, and the graph demo.
all: release

release:
	$(PYTHON) tools/build.py --mode release --demo

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

corpus:
	bash tools/corpus.sh

clean:
	$(PYTHON) tools/build.py --clean
	cargo clean
	rm -rf build dist
