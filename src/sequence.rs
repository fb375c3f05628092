//! Sequence classes: a class that implements [`Sequence`] gets `len()`, `x[i]` (negative indices
//! counted from the end), `x[i] = v`, `del x[i]` and iteration, through the mapping and sequence
//! slots. Slices are refused with `TypeError`.

use crate::class::{PyClass, Slf};
use crate::conv::FromPy;
use crate::err::{PyErr, PyResult};
use crate::obj::{Borrowed, Obj};
use crate::trampoline::guard;
use pyzig_ffi as ffi;
use std::ffi::{c_int, c_void};

/// Item access for a class; install with [`sequence_slots`] (e.g. from `class!`'s `extend` hook).
/// Indices given to these are in range (checked against `len` first).
pub trait Sequence: PyClass {
    fn len(slf: Slf<'_, Self>) -> PyResult<usize>;
    fn get(slf: Slf<'_, Self>, index: usize) -> PyResult<Obj>;
    fn set(slf: Slf<'_, Self>, index: usize, value: Borrowed<'_>) -> PyResult<()>;
    fn del(slf: Slf<'_, Self>, index: usize) -> PyResult<()>;
}

fn ptr<'a>(p: *mut ffi::PyObject) -> Borrowed<'a> {
    // SAFETY: CPython passes live objects that outlive the call.
    unsafe { Borrowed::from_ptr(p) }
}

/// The in-range index that `i` names in a sequence of `len` (negative counts from the end).
fn resolve(i: i64, len: usize) -> PyResult<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) { Ok(j as usize) } else { Err(PyErr::index_error("list index out of range")) }
}

fn index_of(key: Borrowed<'_>) -> PyResult<i64> {
    if key.type_name() == "slice" {
        return Err(PyErr::type_error("slices of this list are not supported; use an index"));
    }
    i64::from_py(key, "index")
}

unsafe extern "C" fn mp_length<C: Sequence>(slf: *mut ffi::PyObject) -> ffi::Py_ssize_t {
    // SAFETY (all trampolines here): installed only in `C`'s own type, which CPython checked.
    guard(-1, || Ok(C::len(unsafe { Slf::new(ptr(slf)) })? as ffi::Py_ssize_t))
}

unsafe extern "C" fn mp_subscript<C: Sequence>(slf: *mut ffi::PyObject, key: *mut ffi::PyObject) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        let s = unsafe { Slf::new(ptr(slf)) };
        let i = resolve(index_of(ptr(key))?, C::len(s)?)?;
        Ok(C::get(s, i)?.into_ptr())
    })
}

unsafe extern "C" fn sq_item<C: Sequence>(slf: *mut ffi::PyObject, i: ffi::Py_ssize_t) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        let s = unsafe { Slf::new(ptr(slf)) };
        let i = resolve(i as i64, C::len(s)?)?;
        Ok(C::get(s, i)?.into_ptr())
    })
}

unsafe extern "C" fn mp_ass_subscript<C: Sequence>(
    slf: *mut ffi::PyObject,
    key: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
) -> c_int {
    guard(-1, || {
        let s = unsafe { Slf::new(ptr(slf)) };
        let i = resolve(index_of(ptr(key))?, C::len(s)?)?;
        if value.is_null() {
            C::del(s, i)?
        } else {
            C::set(s, i, ptr(value))?
        }
        Ok(0)
    })
}

/// The slots that make `C` a sequence.
pub fn sequence_slots<C: Sequence>() -> Vec<(c_int, *mut c_void)> {
    vec![
        (ffi::Py_mp_length, mp_length::<C> as *mut c_void),
        (ffi::Py_sq_length, mp_length::<C> as *mut c_void),
        (ffi::Py_mp_subscript, mp_subscript::<C> as *mut c_void),
        (ffi::Py_sq_item, sq_item::<C> as *mut c_void),
        (ffi::Py_mp_ass_subscript, mp_ass_subscript::<C> as *mut c_void),
    ]
}
