//! Graph engine with typed edges and dynamic attributes. Pure Rust: knows nothing of Python.
