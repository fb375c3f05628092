//! `pyzig.graph`: Python types over the pure-Rust graph engine (`pyzig-graph`).

pub mod state;
