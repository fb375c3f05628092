"""Run under gdb by `make gdb`: import pyzig and run the graph demo (`python -m pyzig.graph`)."""

import runpy

import pyzig

print(f"gdb_demo: pyzig from {pyzig.__file__}")
try:
    runpy.run_module("pyzig.graph", run_name="__main__", alter_sys=True)
    code = 0
except SystemExit as e:  # the demo's own exit status
    code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
print(f"gdb_demo: done (exit {code})")
raise SystemExit(code)
