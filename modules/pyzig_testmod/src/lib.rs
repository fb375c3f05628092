//! Extension module `pyzig_testmod`.
