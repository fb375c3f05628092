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

/// An attribute value from Python: bool, int (i64), float or str; anything else is a `TypeError`
/// naming the attribute.
pub fn value_from_py(key: &str, obj: &Obj) -> PyResult<Value> {
    let what = format!("attribute {key:?}");
    // bool first: it is an int subclass.
    if let Ok(b) = obj.extract::<bool>(&what) {
        return Ok(Value::Bool(b));
    }
    match obj.extract::<i64>(&what) {
        Ok(i) => return Ok(Value::Int(i)),
        // Not an int and no `__index__`: try the other kinds. Anything else (OverflowError, or any
        // exception from the object's own `__index__`, a TypeError too) is the caller's to see.
        Err(e) if e.matches(&pyzig::builtins::type_error()) && obj.getattr("__index__").is_err() => {}
        Err(e) => return Err(e),
    }
    if let Ok(s) = obj.extract::<String>(&what) {
        return Ok(Value::Str(s.into()));
    }
    if obj.type_name() == "float" {
        return Ok(Value::Float(obj.extract::<f64>(&what)?));
    }
    Err(PyErr::type_error(format!("{what} must be int, float, bool or str, not {}", obj.type_name())))
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
