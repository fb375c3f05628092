"""A pytest plugin that hunts reference leaks the way CPython's ``regrtest -R 3:3`` does.

``python -m pytest -p pytest_refleak --refleak=3:3 tests/...`` (with ``tools/`` on ``sys.path``) runs every
selected test 3 times to warm up (caches, interned strings, lazily made types), then 3 more times, and after
each run reads, with the garbage collected, ``sys.gettotalrefcount()`` (a debug interpreter's count of all
references) and ``sys.getallocatedblocks()`` (memory blocks the interpreter's allocator holds). A test
leaks references when every measured run grew the reference total (as regrtest judges: a single growth can
be a cache filling, a growth on every run is a leak); leaking tests fail the session, each named with its
deltas. Growth of memory blocks on every run is reported but does not fail: CPython 3.11 itself grows a
few blocks per call on some paths and gives them back only much later (``str(inspect.signature(divmod))``
grows 4-6 blocks a call, run after run), so a block count alone cannot tell our leak from its caches; the
long loop (tools/longloop.py: RSS and tracemalloc over 10,000 rounds) is the memory check. The deltas of
every test go to ``--refleak-report`` when given (a JSON file).

Only a debug interpreter has ``sys.gettotalrefcount``; on another the plugin refuses to run rather than
report nothing.
"""

from __future__ import annotations

import gc
import json
import sys
from typing import Any

import pytest
from _pytest.runner import runtestprotocol


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("refleak")
    group.addoption("--refleak", default=None, metavar="WARMUPS:RUNS",
                    help="run each test WARMUPS + RUNS times and fail those whose reference or block counts "
                         "grow on every one of the RUNS (a debug interpreter is needed)")
    group.addoption("--refleak-report", default=None, metavar="FILE", help="write the deltas of every test here")


def _parse(spec: str) -> tuple[int, int]:
    try:
        warmups, runs = (int(x) for x in spec.split(":"))
    except ValueError:
        raise pytest.UsageError(f"--refleak takes WARMUPS:RUNS, e.g. 3:3; got {spec!r}") from None
    if warmups < 1 or runs < 2:
        raise pytest.UsageError(f"--refleak {spec}: at least 1 warm-up and 2 measured runs")
    return warmups, runs


_POOL = {v: v for v in range(-1000, 1000)}


def _pooled(value: int) -> int:
    return _POOL.setdefault(value, value)


def _counts() -> tuple[int, int]:
    # Twice: objects freed by the first collection may release others held only through finalizers.
    gc.collect()
    gc.collect()
    return sys.gettotalrefcount(), sys.getallocatedblocks()  # type: ignore[attr-defined]


class RefleakRunner:
    def __init__(self, warmups: int, runs: int) -> None:
        self.warmups = warmups
        self.runs = runs
        self.results: dict[str, dict[str, Any]] = {}
        self.leaks: list[str] = []
        self.block_growth: list[str] = []

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item: pytest.Item, nextitem: pytest.Item | None) -> bool:
        item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
        # One run more than measured: the last is given the next test, so it tears down less than the others
        # (module and session fixtures stay for the next test) and its deltas are not comparable.
        total = self.warmups + self.runs + 1
        # Deltas only, in lists made up front, as pooled ints: storing a new int object per run would itself
        # add a reference and a memory block per run (regrtest takes the same care).
        ref_deltas = [0] * total
        block_deltas = [0] * total
        done = 0
        failed = False
        reports = []
        refs_before, blocks_before = _counts()
        for i in range(total):
            # Only the last run is logged: pytest then shows one result per test. A failing run stops.
            last = i == total - 1
            reports = runtestprotocol(item, nextitem=nextitem if last else None, log=False)
            # pytest keeps each run's captured output on the item: not the test's references.
            item._report_sections.clear()  # type: ignore[attr-defined]
            if any(r.failed for r in reports):
                failed = True
                break
            if not any(r.when == "call" for r in reports) or any(r.skipped for r in reports):
                break  # skipped: nothing to measure
            refs_after, blocks_after = _counts()
            ref_deltas[i] = _pooled(refs_after - refs_before)
            block_deltas[i] = _pooled(blocks_after - blocks_before)
            refs_before, blocks_before = refs_after, blocks_after
            done += 1
        for report in reports:
            item.ihook.pytest_runtest_logreport(report=report)
        if not failed and done == total:
            measured_refs = ref_deltas[self.warmups:self.warmups + self.runs]
            measured_blocks = block_deltas[self.warmups:self.warmups + self.runs]
            leaked = all(d > 0 for d in measured_refs)
            grew = all(d > 0 for d in measured_blocks)
            self.results[item.nodeid] = {"refs": measured_refs, "blocks": measured_blocks, "leak": leaked}
            line = f"{item.nodeid}: references {measured_refs}, memory blocks {measured_blocks}"
            if leaked:
                self.leaks.append(line)
            elif grew:
                self.block_growth.append(line)
        item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        return True

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        tr = terminalreporter
        tr.section("reference leaks (%d:%d)" % (self.warmups, self.runs))
        tr.write_line(f"{len(self.results)} tests measured, {len(self.leaks)} leaking references, "
                      f"{len(self.block_growth)} more growing memory blocks on every run (reported, not failing)")
        total_refs = sum(sum(r["refs"]) for r in self.results.values())
        total_blocks = sum(sum(r["blocks"]) for r in self.results.values())
        tr.write_line(f"sum of all deltas over the measured runs: references {total_refs:+d}, "
                      f"memory blocks {total_blocks:+d}")
        for line in self.block_growth:
            tr.write_line("blocks " + line)
        for line in self.leaks:
            tr.write_line("LEAK " + line, red=True)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        report = session.config.getoption("--refleak-report")
        if report:
            with open(report, "w") as f:
                json.dump({"warmups": self.warmups, "runs": self.runs, "tests": self.results}, f, indent=1)
        if self.leaks and session.exitstatus == 0:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_configure(config: pytest.Config) -> None:
    spec = config.getoption("--refleak")
    if not spec:
        return
    if not hasattr(sys, "gettotalrefcount"):
        raise pytest.UsageError(
            f"--refleak needs a debug interpreter (sys.gettotalrefcount); {sys.executable} is not one "
            "(Debian: python3.11-dbg)")
    warmups, runs = _parse(spec)
    config.pluginmanager.register(RefleakRunner(warmups, runs), "refleak-runner")
