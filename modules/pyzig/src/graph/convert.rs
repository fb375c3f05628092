//! Conversions between engine values and Python objects, and engine errors as Python exceptions.

use pyzig::{IntoPy, Obj, PyErr, PyResult};
use pyzig_graph::{Attrs, GraphError, Value};

pub fn value_to_py(v: &Value) -> PyResult<Obj> {
    match v {
        Value::Int(i) => i.into_py(),
        Value::Float(f) => f.into_py(),
        Value::Bool(b) => b.into_py(),
        Value::Str(s) => (&**s).into_py(),
    }
}

/// An attribute value from Python: bool, int (i64), float or str, or an instance of a subclass of one
/// (by type, never by name), or an object with `__index__` (NumPy's integers); anything else is a
/// `TypeError` naming the attribute. Errors of the value itself pass through: `OverflowError` for an int
/// beyond i64, `UnicodeEncodeError` for a str with lone surrogates, whatever its `__index__` raises.
pub fn value_from_py(key: &str, obj: &Obj) -> PyResult<Value> {
    let what = format!("attribute {key:?}");
    if obj.is_bool() {
        return Ok(Value::Bool(obj.extract::<bool>(&what)?));
    }
    if obj.is_str() {
        return Ok(Value::Str(obj.extract::<String>(&what)?.into()));
    }
    if obj.is_float() {
        return Ok(Value::Float(obj.extract::<f64>(&what)?));
    }
    // An int (a subclass too, but not bool, handled above) or an object with `__index__`.
    if obj.is_int() || obj.is_index() {
        return Ok(Value::Int(obj.extract::<i64>(&what)?));
    }
    Err(PyErr::type_error(format!("{what} must be int, float, bool or str, not {}", obj.type_qualname())))
}

/// Attributes from `(key, value)` pairs, e.g. a call's extra keywords.
pub fn attrs_from_py(pairs: &[(String, Obj)]) -> PyResult<Attrs> {
    let mut attrs = Attrs::new();
    for (k, v) in pairs {
        attrs.set(k, value_from_py(k, v)?).map_err(graph_err)?;
    }
    Ok(attrs)
}

pub fn attrs_to_dict(attrs: &Attrs) -> PyResult<Obj> {
    let pairs = attrs.iter().map(|(k, v)| Ok((k.to_owned(), value_to_py(v)?))).collect::<PyResult<Vec<_>>>()?;
    pyzig::dict_from(pairs)
}

pub fn graph_err(e: GraphError) -> PyErr {
    match e {
        GraphError::OutOfMemory => PyErr::memory_error("out of memory growing the graph"),
        other => PyErr::value_error(other.to_string()),
    }
}
