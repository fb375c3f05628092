//! Errors of the module: `ParseError` (a `ValueError` with `.line` and `.column`), and the engine's
//! field and write errors as `ValueError`s.

use pyzig::{IntoPy, PyErr, PyException};
use pyzig_kicad::file::LoadError;
use pyzig_kicad::{FieldError, WriteError};

pyzig::exception! {
    /// Malformed S-expression text; `.line` and `.column` (1-based) say where.
    #[pyexception(module = "pyzig_sexp", base = ValueError)]
    pub struct ParseError;
}

fn with_position(class_err: PyErr, line: usize, column: usize) -> PyErr {
    let value = class_err.into_value();
    let set = |name: &str, v: usize| v.into_py().and_then(|o| value.setattr(name, &o));
    match set("line", line).and_then(|_| set("column", column)) {
        Ok(()) => PyErr::from_value(value),
        Err(e) => e,
    }
}

/// A load failure: `ParseError` for bad text, `ValueError` naming both roots for a file of another kind.
pub fn load_error(e: &LoadError) -> PyErr {
    match e {
        LoadError::Parse(p) => {
            with_position(ParseError::new_err(p.to_string().trim_end().to_owned()), p.line, p.column)
        }
        LoadError::WrongKind { .. } => PyErr::value_error(e.to_string()),
    }
}

pub fn field_error(e: &FieldError) -> PyErr {
    PyErr::value_error(e.to_string())
}

pub fn write_error(e: &WriteError) -> PyErr {
    match e {
        WriteError::Index { .. } => PyErr::index_error(e.to_string()),
        _ => PyErr::value_error(e.to_string()),
    }
}
