//! PyO3 twin of the binding-overhead benchmark surface (see bench/binding/README.md): idiomatic
//! PyO3 — `#[pyclass]` with `#[pyo3(get, set)]` fields, `#[new]` with a signature, `#[pyfunction]`.
//! Not part of the main workspace; built only by bench/binding/run.sh.

use pyo3::exceptions::PyOverflowError;
use pyo3::prelude::*;

/// Point(x, y): a 2-D point (PyO3 twin).
#[pyclass(module = "point_pyo3")]
struct Point {
    #[pyo3(get, set)]
    x: f64,
    #[pyo3(get, set)]
    y: f64,
}

#[pymethods]
impl Point {
    #[new]
    #[pyo3(signature = (x, y))]
    fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }

    /// Euclidean length.
    fn norm(&self) -> f64 {
        (self.x * self.x + self.y * self.y).sqrt()
    }

    /// Dot product with another Point.
    fn dot(&self, other: PyRef<'_, Point>) -> f64 {
        self.x * other.x + self.y * other.y
    }

    /// A new Point scaled by f.
    fn scaled(&self, f: f64) -> Point {
        Point { x: self.x * f, y: self.y * f }
    }

    /// A new Point with x and y exchanged.
    #[getter]
    fn swapped(&self) -> Point {
        Point { x: self.y, y: self.x }
    }
}

/// a + b
#[pyfunction]
fn add(a: i64, b: i64) -> PyResult<i64> {
    a.checked_add(b).ok_or_else(|| PyOverflowError::new_err("add(): result does not fit in a 64-bit integer"))
}

#[pymodule]
fn point_pyo3(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Point>()?;
    m.add_function(wrap_pyfunction!(add, m)?)?;
    Ok(())
}
