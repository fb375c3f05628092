//! Extension module `pyzig`.
