//! Conversions between Python objects and Rust values: `FromPy` (arguments, field assignment) and
//! `IntoPy` (return values). Each also names its Python type for error messages and stubs.
//!
//! Extraction is strict and never lossy: an int out of the target's range is `OverflowError`, a wrong
//! type is `TypeError` naming `what` (the argument or field) and the expected type.

use crate::err::{PyErr, PyResult};
use crate::obj::{Borrowed, Obj};
use pyzig_ffi as ffi;
use std::ffi::c_int;

/// Converts a borrowed Python object to a Rust value.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a parameter of a Python-callable function",
    label = "no conversion from a Python object to `{Self}`",
    note = "parameters take ints, floats, bool, str, Option, Vec, Obj, Py<T>, records, enums, or a type that implements `pyzig::FromPy`"
)]
pub trait FromPy<'a>: Sized {
    /// `what` names the value in errors: `"add() argument 'a'"`, `"Point.x"`.
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self>;
    /// The Python type as written in a stub (`"int"`, `"list[Point]"`).
    fn hint() -> String;
}

/// Converts a Rust value into a new Python object.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned to Python",
    label = "no conversion from `{Self}` to a Python object",
    note = "return ints, floats, bool, str, (), tuples, Option, Vec, Obj, Py<T>, records, classes, enums, PyResult of these, or a type that implements `pyzig::IntoPy`"
)]
pub trait IntoPy {
    fn into_py(self) -> PyResult<Obj>;
    fn hint() -> String;
}

/// `TypeError: {what} must be {expected}, not {actual}`.
#[cold]
#[inline(never)]
pub fn type_mismatch(obj: Borrowed<'_>, what: &str, expected: &str) -> PyErr {
    PyErr::type_error(format!("{what} must be {expected}, not {}", obj.type_name()))
}

pub fn tuple_from(items: Vec<Obj>) -> PyResult<Obj> {
    // SAFETY: a fresh tuple of the right size; `PyTuple_SetItem` steals each reference.
    unsafe {
        let t = Obj::from_owned_ptr(ffi::PyTuple_New(items.len() as isize))?;
        for (i, item) in items.into_iter().enumerate() {
            ffi::PyTuple_SetItem(t.as_ptr(), i as isize, item.into_ptr());
        }
        Ok(t)
    }
}

/// A new `dict` of `(key, value)` pairs, in order (a later duplicate key wins, as in `dict(pairs)`).
pub fn dict_from<K: IntoPy, V: IntoPy>(pairs: Vec<(K, V)>) -> PyResult<Obj> {
    // SAFETY: a fresh dict; `PyDict_SetItem` takes its own references; -1 means an exception is set.
    unsafe {
        let d = Obj::from_owned_ptr(ffi::PyDict_New())?;
        for (k, v) in pairs {
            let (k, v) = (k.into_py()?, v.into_py()?);
            if ffi::PyDict_SetItem(d.as_ptr(), k.as_ptr(), v.as_ptr()) < 0 {
                return Err(PyErr::fetch());
            }
        }
        Ok(d)
    }
}

pub(crate) fn list_from(items: Vec<Obj>) -> PyResult<Obj> {
    // SAFETY: a fresh list of the right size; `PyList_SetItem` steals each reference.
    unsafe {
        let l = Obj::from_owned_ptr(ffi::PyList_New(items.len() as isize))?;
        for (i, item) in items.into_iter().enumerate() {
            ffi::PyList_SetItem(l.as_ptr(), i as isize, item.into_ptr());
        }
        Ok(l)
    }
}

/// An empty vector for the `n` items a sequence's `__len__` announced. `__len__` is user code and may
/// lie: trusting a huge `n` would abort the process on a failed allocation, so reserve only a bounded
/// amount up front and let the item loop grow it (or stop at the first missing item).
pub(crate) fn vec_for_len<T>(n: isize) -> Vec<T> {
    Vec::with_capacity(usize::try_from(n).unwrap_or(0).min(4096))
}

fn is_int(obj: Borrowed<'_>) -> bool {
    obj.flags() & ffi::Py_TPFLAGS_LONG_SUBCLASS != 0
}

fn is_str(obj: Borrowed<'_>) -> bool {
    obj.flags() & ffi::Py_TPFLAGS_UNICODE_SUBCLASS != 0
}

/// A Python int as `i64`; `Ok(None)` when it does not fit.
#[inline(always)]
fn int_i64(obj: Borrowed<'_>) -> PyResult<Option<i64>> {
    // An int of one digit (magnitude below 2**30) is read in place; only larger ones pay the call.
    #[cfg(pylong_digit_30)]
    // SAFETY: `obj` is an int (checked by the caller), so its layout is `PyLongObject`.
    if let Some(v) = unsafe { ffi::compact_value(obj.as_ptr()) } {
        return Ok(Some(v));
    }
    let mut overflow: c_int = 0;
    // SAFETY: `obj` is an int (checked by the caller); `overflow` is a local.
    let v = unsafe { ffi::PyLong_AsLongLongAndOverflow(obj.as_ptr(), &mut overflow) };
    if overflow != 0 {
        return Ok(None);
    }
    // SAFETY: checking the error indicator.
    if v == -1 && !unsafe { ffi::PyErr_Occurred() }.is_null() {
        return Err(PyErr::fetch());
    }
    Ok(Some(v))
}

/// A non-negative Python int as `u64`; `Ok(None)` when negative or above `u64::MAX`.
fn int_u64(obj: Borrowed<'_>) -> PyResult<Option<u64>> {
    if let Some(v) = int_i64(obj)? {
        return Ok(u64::try_from(v).ok());
    }
    // SAFETY: an int beyond i64: the unsigned conversion raises OverflowError above 2**64-1 or if negative.
    let u = unsafe { ffi::PyLong_AsUnsignedLongLong(obj.as_ptr()) };
    if u == u64::MAX && !unsafe { ffi::PyErr_Occurred() }.is_null() {
        // SAFETY: the indicator is set; drop it, the caller raises its own message.
        unsafe { ffi::PyErr_Clear() };
        return Ok(None);
    }
    Ok(Some(u))
}

/// What `operator.index(obj)` returns, for an object that is not an int but stands for one (numpy's
/// integers, for example), as PyO3 accepts them; an exception its `__index__` raises propagates.
/// `TypeError` naming `what` for an object without `__index__` (floats, strings, ...).
#[cold]
#[inline(never)]
fn via_index(obj: Borrowed<'_>, what: &str) -> PyResult<Obj> {
    // SAFETY: `obj` is a live object; `PyIndex_Check` only reads its type.
    if unsafe { ffi::PyIndex_Check(obj.as_ptr()) } == 0 {
        return Err(type_mismatch(obj, what, "int"));
    }
    // SAFETY: a new reference (an exact int) or null with the error set, which `from_owned_ptr`
    // turns into the PyErr.
    let int = unsafe { Obj::from_owned_ptr(ffi::PyNumber_Index(obj.as_ptr())) }?;
    debug_assert!(is_int(int.borrowed()));
    Ok(int)
}

#[cold]
#[inline(never)]
fn out_of_range(obj: Borrowed<'_>, what: &str, rust: &str, min: i128, max: i128) -> PyErr {
    let shown = obj.to_owned().repr().unwrap_or_else(|_| "value".to_owned());
    PyErr::overflow_error(format!("{what} = {shown} is out of range for {rust} ({min}..={max})"))
}

macro_rules! int_conv {
    ($via:ident: $($t:ty),*) => {$(
        impl<'a> FromPy<'a> for $t {
            #[inline]
            fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
                // Not recursive, with the rare path out of line: the int path then inlines into every
                // caller (a recursive `from_py` was sometimes left out of line whole).
                #[inline(always)]
                fn exact(obj: Borrowed<'_>, what: &str) -> PyResult<$t> {
                    match $via(obj)?.and_then(|v| <$t>::try_from(v).ok()) {
                        Some(v) => Ok(v),
                        None => Err(out_of_range(obj, what, stringify!($t), <$t>::MIN as i128, <$t>::MAX as i128)),
                    }
                }
                #[cold]
                #[inline(never)]
                fn indexed(obj: Borrowed<'_>, what: &str) -> PyResult<$t> {
                    exact(via_index(obj, what)?.borrowed(), what)
                }
                if !is_int(obj) {
                    return indexed(obj, what);
                }
                exact(obj, what)
            }
            fn hint() -> String { "int".into() }
        }
        impl IntoPy for $t {
            #[inline]
            fn into_py(self) -> PyResult<Obj> {
                // SAFETY: plain constructors; null means MemoryError, turned into PyErr.
                unsafe {
                    #[allow(irrefutable_let_patterns, unused_comparisons)]
                    if let Ok(v) = i64::try_from(self) {
                        Obj::from_owned_ptr(ffi::PyLong_FromLongLong(v))
                    } else {
                        Obj::from_owned_ptr(ffi::PyLong_FromUnsignedLongLong(self as u64))
                    }
                }
            }
            fn hint() -> String { "int".into() }
        }
    )*};
}
int_conv!(int_i64: i8, i16, i32, i64, isize, u8, u16, u32);
int_conv!(int_u64: u64, usize);

impl<'a> FromPy<'a> for f64 {
    #[inline]
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        if obj.type_ptr() == &raw mut ffi::PyFloat_Type {
            // SAFETY: an exact float; `ob_fval` is in the checked layout.
            return Ok(unsafe { (*obj.as_ptr().cast::<ffi::PyFloatObject>()).ob_fval });
        }
        not_exact_float(obj, what)
    }
    fn hint() -> String {
        "float".into()
    }
}

/// Ints, float subclasses and what `float()` takes: out of line, so that the exact-float path of every
/// caller (a setter, an argument) is a compare and a load.
#[cold]
#[inline(never)]
fn not_exact_float(obj: Borrowed<'_>, what: &str) -> PyResult<f64> {
    if is_int(obj) {
        // SAFETY: an int; converting may raise OverflowError for huge ints.
        let v = unsafe { ffi::PyFloat_AsDouble(obj.as_ptr()) };
        if v == -1.0 && !unsafe { ffi::PyErr_Occurred() }.is_null() {
            return Err(PyErr::fetch());
        }
        return Ok(v);
    }
    // SAFETY: float subclasses.
    if unsafe { ffi::PyType_IsSubtype(obj.type_ptr(), &raw mut ffi::PyFloat_Type) } != 0 {
        // SAFETY: a float subclass instance shares the layout.
        return Ok(unsafe { (*obj.as_ptr().cast::<ffi::PyFloatObject>()).ob_fval });
    }
    via_float(obj, what)
}

/// Any other object that `float()` accepts without parsing text (`__float__`: `Fraction`, `Decimal`,
/// NumPy scalars; `__index__`), as `PyFloat_AsDouble` and PyO3 take it. A `TypeError` names `what`; other
/// errors (`__float__` raising, `OverflowError`) pass through.
fn via_float(obj: Borrowed<'_>, what: &str) -> PyResult<f64> {
    // SAFETY: any live object; may run `__float__`/`__index__` (the GIL is held). -1.0 with an exception
    // set is the error return.
    let v = unsafe { ffi::PyFloat_AsDouble(obj.as_ptr()) };
    if v == -1.0 && !unsafe { ffi::PyErr_Occurred() }.is_null() {
        let e = PyErr::fetch();
        return Err(if e.matches(&crate::builtins::type_error()) { type_mismatch(obj, what, "float") } else { e });
    }
    Ok(v)
}

impl<'a> FromPy<'a> for f32 {
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        let v = f64::from_py(obj, what)?;
        let narrowed = v as f32;
        if v.is_finite() && narrowed.is_infinite() {
            let shown = obj.to_owned().repr().unwrap_or_else(|_| v.to_string());
            return Err(PyErr::overflow_error(format!("{what} = {shown} is out of range for f32")));
        }
        Ok(narrowed)
    }
    fn hint() -> String {
        "float".into()
    }
}

impl IntoPy for f64 {
    #[inline]
    fn into_py(self) -> PyResult<Obj> {
        // SAFETY: plain constructor.
        unsafe { Obj::from_owned_ptr(ffi::PyFloat_FromDouble(self)) }
    }
    fn hint() -> String {
        "float".into()
    }
}

impl IntoPy for f32 {
    fn into_py(self) -> PyResult<Obj> {
        (self as f64).into_py()
    }
    fn hint() -> String {
        "float".into()
    }
}

impl<'a> FromPy<'a> for bool {
    #[inline]
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        // SAFETY: address comparisons with the two static bools.
        let p = obj.as_ptr();
        if p == unsafe { ffi::Py_True() } {
            Ok(true)
        } else if p == unsafe { ffi::Py_False() } {
            Ok(false)
        } else {
            Err(type_mismatch(obj, what, "bool"))
        }
    }
    fn hint() -> String {
        "bool".into()
    }
}

impl IntoPy for bool {
    #[inline]
    fn into_py(self) -> PyResult<Obj> {
        // SAFETY: the two static bools.
        Ok(unsafe { Obj::from_borrowed_ptr(if self { ffi::Py_True() } else { ffi::Py_False() }) })
    }
    fn hint() -> String {
        "bool".into()
    }
}

impl<'a> FromPy<'a> for &'a str {
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        if !is_str(obj) {
            return Err(type_mismatch(obj, what, "str"));
        }
        let mut len: isize = 0;
        // SAFETY: a str; the UTF-8 buffer is cached in the object and lives as long as it ('a).
        unsafe {
            let p = ffi::PyUnicode_AsUTF8AndSize(obj.as_ptr(), &mut len);
            if p.is_null() {
                return Err(PyErr::fetch()); // e.g. lone surrogates
            }
            Ok(std::str::from_utf8_unchecked(std::slice::from_raw_parts(p.cast::<u8>(), len as usize)))
        }
    }
    fn hint() -> String {
        "str".into()
    }
}

impl<'a> FromPy<'a> for String {
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        <&str>::from_py(obj, what).map(str::to_owned)
    }
    fn hint() -> String {
        "str".into()
    }
}

impl IntoPy for &str {
    fn into_py(self) -> PyResult<Obj> {
        if self.len() >= LARGE_STR && self.is_ascii() {
            return ascii_str(self.as_bytes());
        }
        // SAFETY: valid UTF-8 of the given length.
        unsafe { Obj::from_owned_ptr(ffi::PyUnicode_FromStringAndSize(self.as_ptr().cast(), self.len() as isize)) }
    }
    fn hint() -> String {
        "str".into()
    }
}

/// From this length on, an ASCII text is copied into its `str` in one `memcpy` (checked with a vectorised
/// `is_ascii`) instead of going through CPython's UTF-8 decoder: a 9.5 MB KiCad library becomes a `str`
/// about twice as fast. Below it the decoder is as fast and the check would be extra work.
const LARGE_STR: usize = 4096;

/// A new `str` of ASCII `bytes`, copied straight into the compact object's storage.
#[cold]
fn ascii_str(bytes: &[u8]) -> PyResult<Obj> {
    debug_assert!(bytes.is_ascii());
    // SAFETY: `PyUnicode_New(n, 127)` makes a compact ASCII str of `n` one-byte characters; for such an
    // object `PyUnicode_AsUTF8AndSize` returns its own character storage (PEP 393: the UTF-8 form of an
    // ASCII str is its data), which we fill before anybody else sees the object. The length check makes
    // sure that is the storage we were given.
    unsafe {
        let s = Obj::from_owned_ptr(ffi::PyUnicode_New(bytes.len() as ffi::Py_ssize_t, 127))?;
        let mut n: ffi::Py_ssize_t = 0;
        let data = ffi::PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut n);
        if data.is_null() {
            return Err(PyErr::fetch());
        }
        if n as usize != bytes.len() {
            return Err(PyErr::system_error("PyUnicode_New made a str of another length"));
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), data.cast_mut().cast::<u8>(), bytes.len());
        Ok(s)
    }
}

impl IntoPy for String {
    fn into_py(self) -> PyResult<Obj> {
        self.as_str().into_py()
    }
    fn hint() -> String {
        "str".into()
    }
}

impl IntoPy for &String {
    fn into_py(self) -> PyResult<Obj> {
        self.as_str().into_py()
    }
    fn hint() -> String {
        "str".into()
    }
}

impl<'a, T: FromPy<'a>> FromPy<'a> for Option<T> {
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        if obj.is_none() { Ok(None) } else { T::from_py(obj, what).map(Some) }
    }
    fn hint() -> String {
        format!("{} | None", T::hint())
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_py(self) -> PyResult<Obj> {
        match self {
            Some(v) => v.into_py(),
            None => Ok(Obj::none()),
        }
    }
    fn hint() -> String {
        format!("{} | None", T::hint())
    }
}

/// Any sequence (list, tuple, list view, …) whose items convert; a `str` is rejected, not split.
impl<'a, T: for<'b> FromPy<'b>> FromPy<'a> for Vec<T> {
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        // SAFETY: sequence protocol calls on a live object.
        unsafe {
            if is_str(obj) || ffi::PySequence_Check(obj.as_ptr()) == 0 {
                return Err(type_mismatch(obj, what, &format!("a sequence of {}", T::hint())));
            }
            let n = ffi::PySequence_Size(obj.as_ptr());
            if n < 0 {
                return Err(PyErr::fetch());
            }
            let mut out = vec_for_len(n);
            for i in 0..n {
                let item = Obj::from_owned_ptr(ffi::PySequence_GetItem(obj.as_ptr(), i))?;
                out.push(T::from_py(item.borrowed(), &format!("{what}[{i}]"))?);
            }
            Ok(out)
        }
    }
    fn hint() -> String {
        format!("list[{}]", T::hint())
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    fn into_py(self) -> PyResult<Obj> {
        let items = self.into_iter().map(IntoPy::into_py).collect::<PyResult<Vec<_>>>()?;
        list_from(items)
    }
    fn hint() -> String {
        format!("list[{}]", T::hint())
    }
}

impl<'a> FromPy<'a> for Obj {
    fn from_py(obj: Borrowed<'a>, _what: &str) -> PyResult<Self> {
        Ok(obj.to_owned())
    }
    fn hint() -> String {
        "object".into()
    }
}

impl<'a> FromPy<'a> for Borrowed<'a> {
    fn from_py(obj: Borrowed<'a>, _what: &str) -> PyResult<Self> {
        Ok(obj)
    }
    fn hint() -> String {
        "object".into()
    }
}

impl IntoPy for Obj {
    fn into_py(self) -> PyResult<Obj> {
        Ok(self)
    }
    fn hint() -> String {
        "object".into()
    }
}

impl IntoPy for () {
    fn into_py(self) -> PyResult<Obj> {
        Ok(Obj::none())
    }
    fn hint() -> String {
        "None".into()
    }
}

impl<T: IntoPy, E: Into<PyErr>> IntoPy for Result<T, E> {
    fn into_py(self) -> PyResult<Obj> {
        self.map_err(Into::into)?.into_py()
    }
    fn hint() -> String {
        T::hint()
    }
}

macro_rules! tuple_conv {
    ($($n:ident),*) => {
        impl<$($n: IntoPy),*> IntoPy for ($($n,)*) {
            #[allow(non_snake_case)]
            fn into_py(self) -> PyResult<Obj> {
                let ($($n,)*) = self;
                tuple_from(vec![$($n.into_py()?),*])
            }
            fn hint() -> String {
                let parts: Vec<String> = vec![$($n::hint()),*];
                format!("tuple[{}]", parts.join(", "))
            }
        }
    };
}
tuple_conv!(A, B);
tuple_conv!(A, B, C);
tuple_conv!(A, B, C, D);

/// A `dict[str, str]` (used by the `_stubs()` contract).
impl IntoPy for std::collections::BTreeMap<String, String> {
    fn into_py(self) -> PyResult<Obj> {
        // SAFETY: fresh dict; keys and values are live str objects.
        unsafe {
            let d = Obj::from_owned_ptr(ffi::PyDict_New())?;
            for (k, v) in self {
                let (k, v) = (k.into_py()?, v.into_py()?);
                if ffi::PyDict_SetItem(d.as_ptr(), k.as_ptr(), v.as_ptr()) < 0 {
                    return Err(PyErr::fetch());
                }
            }
            Ok(d)
        }
    }
    fn hint() -> String {
        "dict[str, str]".into()
    }
}
