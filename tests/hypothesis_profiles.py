"""Hypothesis settings for the property tests (``tests/test_properties_*.py``), which import this module.

``PYZIG_HYPOTHESIS`` picks the profile:

- ``ci`` (default): 200 runs of 50 steps per state machine, so that every property test together takes
  about 20 s on a debug build (at most ~40 s on a busy 2-core machine). What ``make test`` runs.
- ``smoke``: 30 runs of 30 steps: what ``make test`` runs on every interpreter but the first (the same code
  runs on each; as the corpus walks, the full ``ci`` run is done once).
- ``long``: 2000 runs of 100 steps, for a fuzzing run of several minutes
  (``PYZIG_HYPOTHESIS=long python3 -m pytest tests/test_properties_*.py``).

Both: no deadline (a debug build, a shared machine: timing is no property), ``print_blob=True`` (a failure
prints the ``@reproduce_failure`` line that replays it). Examples that failed are kept in
``target/hypothesis/`` (gitignored, dropped by ``make clean``), so the next run tries them first.
"""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

_DB = DirectoryBasedExampleDatabase(str(Path(__file__).resolve().parent.parent / "target" / "hypothesis"))
_COMMON = dict(
    deadline=None,
    print_blob=True,
    database=_DB,
    # State machines on native objects are slow to set up in a debug build; that is not a test problem.
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

settings.register_profile("ci", max_examples=200, stateful_step_count=50, **_COMMON)
settings.register_profile("smoke", max_examples=30, stateful_step_count=30, **_COMMON)
settings.register_profile("long", max_examples=2000, stateful_step_count=100, **_COMMON)

PROFILE = os.environ.get("PYZIG_HYPOTHESIS", "ci")
if PROFILE not in ("ci", "smoke", "long"):
    raise ValueError(f"PYZIG_HYPOTHESIS={PROFILE!r}: expected 'ci', 'smoke' or 'long'")
settings.load_profile(PROFILE)
