//! pyzig binding layer: exposes native Rust data to CPython through the raw C-API.
