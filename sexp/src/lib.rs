//! Lossless, KiCad-exact S-expression engine. Pure Rust: knows nothing of Python.
