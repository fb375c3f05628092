"""Run under gdb by `make gdb`: import pyzig and run the graph demo (`python -m pyzig.graph`)."""

import runpy

import pyzig

print(f"gdb_demo: pyzig from {pyzig.__file__}")
runpy.run_module("pyzig.graph", run_name="__main__", alter_sys=True)
print("gdb_demo: done")
