//! Enums: a fieldless Rust enum becomes a real `enum.Enum` class with `str` values (a `StrEnum`-like
//! class on every supported version), or an `enum.IntEnum` with integer values, made once through
//! the `enum` module's functional API.

use crate::err::{LazyClass, PyErr, PyResult};
use crate::obj::{Borrowed, Obj};
use std::sync::OnceLock;

/// Implemented by [`enumeration!`](crate::enumeration).
pub trait PyEnum: Copy + 'static {
    const NAME: &'static str;
    const MODULE: &'static str;
    const DOC: &'static str;
    /// `(Python member name, str value)` in declaration order; `index()` is the position here.
    /// `(Python member name, value)` in declaration order, the value written as Python source (a
    /// `str` value's text; an integer's digits when [`PyEnum::INT`]); `index()` is the position here.
    const MEMBERS: &'static [(&'static str, &'static str)];
    /// An `enum.IntEnum` (values are integers) rather than a `str`-valued `enum.Enum`.
    const INT: bool = false;
    fn index(self) -> usize;
    fn from_index(i: usize) -> Self;
    #[doc(hidden)]
    fn lazy() -> &'static LazyEnum;
}

/// The class and its members (kept for identity checks and fast reads).
pub struct LazyEnum {
    class: LazyClass,
    members: OnceLock<Box<[usize]>>,
}

impl LazyEnum {
    pub const fn new() -> LazyEnum {
        LazyEnum { class: LazyClass::new(), members: OnceLock::new() }
    }
}

impl Default for LazyEnum {
    fn default() -> Self {
        LazyEnum::new()
    }
}

/// The Python class of `E`, created on first use.
pub fn enum_class<E: PyEnum>() -> PyResult<Obj> {
    let lazy = E::lazy();
    let class = lazy.class.get_or_try_init(|| {
        let enum_mod = Obj::import("enum")?;
        let pairs = E::MEMBERS
            .iter()
            .map(|(n, v)| {
                if E::INT {
                    crate::conv::IntoPy::into_py((*n, int_value(v)?))
                } else {
                    crate::conv::IntoPy::into_py((*n, *v))
                }
            })
            .collect::<PyResult<Vec<_>>>()?;
        let mut kwargs = vec![
            ("module", crate::conv::IntoPy::into_py(E::MODULE)?),
            ("qualname", crate::conv::IntoPy::into_py(E::NAME)?),
        ];
        if !E::INT {
            kwargs.push(("type", Obj::import("builtins")?.getattr("str")?));
        }
        let base = if E::INT { "IntEnum" } else { "Enum" };
        let class = enum_mod
            .getattr(base)?
            .call_kw(vec![crate::conv::IntoPy::into_py(E::NAME)?, crate::conv::list_from(pairs)?], &kwargs)?;
        if !E::DOC.is_empty() {
            class.setattr("__doc__", &crate::conv::IntoPy::into_py(doc::<E>().as_str())?)?;
        }
        Ok(class)
    })?;
    if lazy.members.get().is_none() {
        let objs = E::MEMBERS.iter().map(|(name, _)| class.getattr(name)).collect::<PyResult<Vec<Obj>>>()?;
        // The holder keeps its own, never released, reference to each member: the class alone does not
        // keep them alive (`type.__delattr__(Color, "Red")` plus `_member_map_.pop` remove them all).
        let v: Box<[usize]> = objs.into_iter().map(|o| o.into_ptr() as usize).collect();
        if let Err(lost) = lazy.members.set(v) {
            // Lost a race (another thread between GIL switches): release the references taken above.
            for &p in lost.iter() {
                // SAFETY: each is a strong reference taken by `into_ptr` above and owned by nobody else.
                unsafe { pyzig_ffi::Py_DECREF(p as *mut pyzig_ffi::PyObject) };
            }
        }
    }
    Ok(class)
}

/// The class docstring: the `#[doc]` lines, each without the space after `///`.
fn doc<E: PyEnum>() -> String {
    crate::sig::join_doc(&E::DOC.lines().collect::<Vec<_>>())
}

/// An `int` enumeration's value, from the digits `enumeration!` wrote down.
fn int_value(digits: &str) -> PyResult<i64> {
    digits.replace(' ', "").parse().map_err(|_| PyErr::system_error(format!("enum value {digits} is not an integer")))
}

fn members<E: PyEnum>() -> PyResult<&'static [usize]> {
    if E::lazy().members.get().is_none() {
        enum_class::<E>()?;
    }
    Ok(E::lazy().members.get().expect("initialised"))
}

/// The member for `value`.
pub fn to_py<E: PyEnum>(value: E) -> PyResult<Obj> {
    let p = members::<E>()?[value.index()];
    // SAFETY: the holder keeps a strong reference to every member forever (see `enum_class`).
    Ok(unsafe { Obj::from_borrowed_ptr(p as *mut pyzig_ffi::PyObject) })
}

/// Accepts a member, or a `str` equal to a member's value or name; `ValueError` lists the valid names.
pub fn extract<E: PyEnum>(obj: Borrowed<'_>, what: &str) -> PyResult<E> {
    let members = members::<E>()?;
    if let Some(i) = members.iter().position(|&p| p == obj.as_ptr() as usize) {
        return Ok(E::from_index(i));
    }
    if E::INT {
        return extract_int(obj, what);
    }
    let Ok(text) = <&str as crate::FromPy>::from_py(obj, what) else {
        return Err(crate::conv::type_mismatch(obj, what, &format!("{} (or its str value)", E::NAME)));
    };
    if let Some(i) = E::MEMBERS.iter().position(|(n, v)| *v == text || *n == text) {
        return Ok(E::from_index(i));
    }
    let names: Vec<&str> = E::MEMBERS.iter().map(|(n, _)| *n).collect();
    let values: Vec<String> = E::MEMBERS.iter().map(|(_, v)| format!("'{v}'")).collect();
    Err(PyErr::value_error(format!(
        "{what}: '{text}' is not a valid {}; valid names: {} (values: {})",
        E::NAME,
        names.join(", "),
        values.join(", ")
    )))
}

/// An `int` enumeration's member from an `int` equal to its value, or a `str` naming it.
fn extract_int<E: PyEnum>(obj: Borrowed<'_>, what: &str) -> PyResult<E> {
    if let Ok(text) = <&str as crate::FromPy>::from_py(obj, what) {
        if let Some(i) = E::MEMBERS.iter().position(|(n, _)| *n == text) {
            return Ok(E::from_index(i));
        }
        let names: Vec<&str> = E::MEMBERS.iter().map(|(n, _)| *n).collect();
        return Err(PyErr::value_error(format!(
            "{what}: '{text}' is not a member of {}; valid names: {}",
            E::NAME,
            names.join(", ")
        )));
    }
    let Ok(value) = <i64 as crate::FromPy>::from_py(obj, what) else {
        return Err(crate::conv::type_mismatch(obj, what, &format!("{} (or its int value)", E::NAME)));
    };
    for (i, (_, v)) in E::MEMBERS.iter().enumerate() {
        if int_value(v)? == value {
            return Ok(E::from_index(i));
        }
    }
    let values: Vec<String> = E::MEMBERS.iter().map(|(n, v)| format!("{n}={}", v.replace(' ', ""))).collect();
    Err(PyErr::value_error(format!("{what}: {value} is not a valid {}; valid: {}", E::NAME, values.join(", "))))
}

/// The stub text of the class.
pub fn stub<E: PyEnum>() -> String {
    let mut s = if E::INT {
        format!("class {}(enum.IntEnum):\n", E::NAME)
    } else {
        format!("class {}(str, enum.Enum):\n", E::NAME)
    };
    if !E::DOC.is_empty() {
        s.push_str(&crate::sig::docstring(&doc::<E>(), "    "));
    }
    // Lookup by value is `Enum.__new__`, not `str.__new__`.
    s.push_str(&format!("    def __new__(cls, value: object) -> {}: ...\n", E::NAME));
    for (n, v) in E::MEMBERS {
        if E::INT {
            s.push_str(&format!("    {n} = {}\n", v.replace(' ', "")));
        } else {
            s.push_str(&format!("    {n} = {v:?}\n"));
        }
    }
    s
}
