//! Extension module `pyzig._pyzig`: the native part of the `pyzig` package. Its classes are
//! `pyzig.graph`'s (re-exported by `py/pyzig/graph/__init__.py`); the graph itself is the pure-Rust
//! engine `pyzig-graph`, bound through the `pyzig` layer. No `unsafe` here.
#![forbid(unsafe_code)]

mod graph;

use graph::{BFSPath, BoundEdge, BoundNode, EdgeReference, GraphView, NodeReference};

pyzig::module! {
    /// Native part of pyzig: the classes of `pyzig.graph`.
    #[pymodule(init = PyInit__pyzig, name = "pyzig._pyzig", stub = "pyzig/_pyzig.pyi")]
    classes [NodeReference, EdgeReference, GraphView, BoundNode, BoundEdge, BFSPath]
    stub_header "from collections.abc import Callable\nfrom typing import TypeVar\n\n_T = TypeVar(\"_T\")";
    functions {
        /// Returns freed heap memory to the OS (glibc `malloc_trim`); True if any was released.
        fn _malloc_trim() -> bool {
            pyzig::sys::malloc_trim_now()
        }
    }
}
