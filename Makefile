# pyzig — see README.md. Every target honours PYTHON=/path/to/python3 (exported to the scripts).
PYTHON ?= python3
export PYTHON

.PHONY: all release cli debug release-safe release-small stubs test bench gdb clean corpus fmt

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

corpus:
	bash tools/corpus.sh

# Format every crate of the workspace (and the two crates outside it) with rustfmt.toml.
fmt:
	bash tools/fmt.sh

clean:
	$(PYTHON) tools/build.py --clean
	cargo clean
	rm -rf build dist
