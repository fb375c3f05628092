"""Build machinery for pyzig's extension modules (development checkouts and the wheel backend).

For: building the Rust extension crates in ``modules/`` for the running interpreter, placing them in
``py/`` with that interpreter's extension suffix, keeping ``gen/`` stubs current, build-on-import,
and the in-tree PEP 517 backend. Not for: anything at run time of an installed wheel — the wheel
ships without this package, and ``pyzig`` only imports it when it finds sources beside itself.

Only the standard library is used (Python 3.10+), so it runs before anything is installed.
"""
