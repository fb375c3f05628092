"""`python -m pyzig.graph`: the allocation/cleanup stress run as a subprocess."""

from __future__ import annotations

import os
import re
import subprocess
import sys


def test_stress_module_reports_no_leak():
    env = dict(os.environ, PYZIG_NORECOMPILE="1")  # conftest already built the module
    p = subprocess.run(
        [sys.executable, "-m", "pyzig.graph", "--n", "100000"], capture_output=True, text=True, env=env, timeout=300
    )
    assert p.returncode == 0, p.stdout + p.stderr
    fields = dict(re.findall(r"^(N|Mem create|Mem destroy|Mem leaked)\s*[:=]\s*(\S+)", p.stdout, re.M))
    assert set(fields) == {"N", "Mem create", "Mem destroy", "Mem leaked"}, p.stdout
    assert int(fields["N"]) == 100000
    assert float(fields["Mem create"]) > 1.0  # 100k nodes must show up in RSS, or the probe is broken
    assert float(fields["Mem leaked"]) <= 1.0


def test_stress_module_rejects_bad_arguments():
    env = dict(os.environ, PYZIG_NORECOMPILE="1")
    p = subprocess.run([sys.executable, "-m", "pyzig.graph", "--n", "-5"], capture_output=True, text=True, env=env)
    assert p.returncode != 0 and "--n" in p.stderr


_OOM_SCRIPT = """
import gc, os, resource
from pyzig.graph import GraphView
gc.disable()
with open("/proc/self/statm") as f:
    vm = int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
limit = vm + (256 << 20)
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
g = GraphView.create()
new = g.create_and_insert_node
n = 0
try:
    while True:
        new()
        n += 1
except MemoryError:
    pass
assert g.get_node_count() == n + 1, (g.get_node_count(), n)
g.destroy()
print("MemoryError after", n)
"""


def test_growth_until_memory_runs_out_raises_memory_error():
    env = dict(os.environ, PYZIG_NORECOMPILE="1")
    p = subprocess.run([sys.executable, "-c", _OOM_SCRIPT], capture_output=True, text=True, env=env, timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    n = int(p.stdout.split()[-1])
    assert n > 100_000  # 256 MB of headroom holds far more than that many nodes
