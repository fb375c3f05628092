//! Extension module `pyzig._pyzig`: the native part of the `pyzig` package (`pyzig.graph`).
#![forbid(unsafe_code)]

mod graph;
