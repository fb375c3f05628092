//! pyzig twin of the binding-overhead benchmark surface (see bench/binding/README.md): a `record!`
//! with two float fields and the methods, plus one module function. Benchmark only; not shipped.
#![forbid(unsafe_code)]

pyzig::record! {
    /// Point(x, y): a 2-D point (pyzig twin).
    #[pyclass(module = "point_pyzig")]
    pub struct Point {
        pub x: f64,
        pub y: f64,
    }
    impl {
        /// Euclidean length.
        fn norm(&self) -> f64 {
            (self.x * self.x + self.y * self.y).sqrt()
        }
        /// Dot product with another Point.
        #[positional]
        fn dot(&self, other: Point) -> f64 {
            self.x * other.x + self.y * other.y
        }
        /// A new Point scaled by f.
        #[positional]
        fn scaled(&self, f: f64) -> Point {
            Point { x: self.x * f, y: self.y * f }
        }
        /// A new Point with x and y exchanged.
        #[getter]
        fn swapped(&self) -> Point {
            Point { x: self.y, y: self.x }
        }
    }
}

pyzig::module! {
    /// pyzig twin of the binding-overhead benchmark surface.
    #[pymodule(init = PyInit_point_pyzig, name = "point_pyzig", stub = "point_pyzig.pyi")]
    classes [Point]
    enums []
    exceptions []
    functions {
        /// a + b
        fn add(a: i64, b: i64) -> pyzig::PyResult<i64> {
            a.checked_add(b)
                .ok_or_else(|| pyzig::PyErr::overflow_error("add(): result does not fit in a 64-bit integer"))
        }
    }
}
