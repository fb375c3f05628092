//! The worked example of the `pyzig` crate docs, verbatim, so that it keeps compiling. It exports
//! `PyInit_mymod`, which nothing imports; the features themselves are tested through `lib.rs`.
#![allow(dead_code)]

use pyzig::{Obj, Py, PyException, PyResult, Traverse, Visit};

pyzig::enumeration! {
    /// A colour.
    #[pyenum(module = "mymod")]
    pub enum Color { Red = "red", Green = "green" }
}

pyzig::exception! {
    #[pyexception(module = "mymod", base = ValueError)]
    pub struct MyError;
}

pyzig::record! {
    /// A 2-D point.
    #[pyclass(module = "mymod")]
    pub struct Point {
        /// Horizontal.
        pub x: f64 = 0.0,
        pub y: f64 = 0.0,
    }
    impl {
        fn norm(&self) -> f64 { (self.x * self.x + self.y * self.y).sqrt() }   // METH_NOARGS
        #[positional]
        fn scaled(&self, k: f64) -> Point { Point { x: self.x * k, y: self.y * k } }  // METH_O
        fn moved(&self, dx: f64 = 0.0, dy: f64 = 0.0) -> Point {              // FASTCALL|KEYWORDS
            Point { x: self.x + dx, y: self.y + dy }
        }
        #[getter]
        fn swapped(&self) -> Point { Point { x: self.y, y: self.x } }
    }
}

/// A handle that stores Python objects: a GC type, not constructible from Python.
pub struct Graph {
    payloads: Vec<Obj>,
}
impl Traverse for Graph {
    fn traverse(&self, visit: &mut Visit<'_>) {
        for o in &self.payloads {
            visit.obj(o)
        }
    }
    fn clear(&mut self) {
        self.payloads.clear()
    }
}

pyzig::class! {
    /// A graph.
    #[pyclass(module = "mymod", name = "GraphView", gc = true, factory = "GraphView.create()")]
    impl Graph {
        #[staticmethod]
        fn create() -> Graph { Graph { payloads: Vec::new() } }
        fn add(&mut self, payload: Obj) -> usize { self.payloads.push(payload); self.payloads.len() - 1 }
        fn node(this: Py<Self>, index: usize) -> Node { Node { graph: this, index } }
        #[stub("(self, callback: Callable[[object], object]) -> None")]  // instead of `callback: object`
        fn each(&self, callback: Obj) -> PyResult<()> {
            for p in &self.payloads { callback.call1(p.clone())?; }
            Ok(())
        }
        fn destroy(this: Py<Self>) -> PyResult<()> { this.release() }
    }
}

/// Holds its graph alive; after `destroy()` its methods raise `ReferenceError`.
pub struct Node {
    graph: Py<Graph>,
    index: usize,
}
impl Traverse for Node {
    fn traverse(&self, visit: &mut Visit<'_>) {
        visit.py(&self.graph)
    }
    fn clear(&mut self) {}
}
pyzig::class! {
    #[pyclass(module = "mymod", gc = true, factory = "GraphView.node()")]
    impl Node {
        fn payload(&self) -> PyResult<Obj> {
            let g = self.graph.borrow()?;
            g.payloads.get(self.index).cloned().ok_or_else(|| MyError::new_err("no such node"))
        }
    }
}

pyzig::module! {
    /// My module.
    #[pymodule(init = PyInit_mymod, name = "mymod", stub = "mymod.pyi")]
    classes [Point, Graph, Node]
    enums [Color]
    exceptions [MyError]
    stub_header "from collections.abc import Callable";  // imports and TypeVars the stubs use
    functions {
        fn add(a: i64, b: i64 = 0) -> i64 { a + b }
        #[positional]
        fn neg(a: i64) -> i64 { -a }
    }
}
