//! Sequence classes: a class that implements [`Sequence`] gets `len()`, `x[i]` (negative indices
//! counted from the end), `x[i] = v`, `del x[i]` and iteration, through the mapping and sequence
//! slots. `x[a:b:c]` gives a new `list` of the items; slice assignment raises `TypeError`.

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

/// The object CPython passed to a slot.
///
/// # Safety
/// `p` is a live object that stays alive for `'a` (an argument of the slot call being served).
unsafe fn arg<'a>(p: *mut ffi::PyObject) -> Borrowed<'a> {
    // SAFETY: the caller's contract.
    unsafe { Borrowed::from_ptr(p) }
}

/// The instance a slot of `C`'s type was called on.
///
/// # Safety
/// `p` is a live instance of `C` for `'a`: the slots are installed only in `C`'s own type.
unsafe fn this<'a, C: PyClass>(p: *mut ffi::PyObject) -> Slf<'a, C> {
    // SAFETY: the caller's contract (a live object of `C`'s type).
    unsafe { Slf::new(Borrowed::from_ptr(p)) }
}

/// The in-range index that `i` names in a sequence of `len` (negative counts from the end).
fn resolve(i: i64, len: usize) -> PyResult<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    if (0..n).contains(&j) { Ok(j as usize) } else { Err(PyErr::index_error("list index out of range")) }
}

fn is_slice(key: Borrowed<'_>) -> bool {
    // `slice` cannot be subclassed: its type pointer says it (its name would cost an attribute look-up).
    key.type_ptr() == &raw mut ffi::PySlice_Type
}

/// `seq[a:b:c]`: a new Python list of the items the slice names (as `list` slicing does).
fn slice<C: Sequence>(s: Slf<'_, C>, key: Borrowed<'_>) -> PyResult<Obj> {
    let len = C::len(s)?;
    let bounds = key.to_owned().getattr("indices")?.call1(len as i64)?;
    let bounds: Vec<i64> = FromPy::from_py(bounds.borrowed(), "slice")?;
    let [start, stop, step] = bounds[..] else { return Err(PyErr::system_error("slice.indices() gave no triple")) };
    let mut items = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        items.push(C::get(s, i as usize)?);
        i += step;
    }
    crate::conv::IntoPy::into_py(items)
}

unsafe extern "C" fn mp_length<C: Sequence>(slf: *mut ffi::PyObject) -> ffi::Py_ssize_t {
    // SAFETY: CPython calls this slot of `C`'s type with a live instance of it.
    guard(-1, || Ok(C::len(unsafe { this::<C>(slf) })? as ffi::Py_ssize_t))
}

unsafe extern "C" fn mp_subscript<C: Sequence>(slf: *mut ffi::PyObject, key: *mut ffi::PyObject) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: CPython calls this slot of `C`'s type with a live instance and a live key.
        let (s, key) = unsafe { (this::<C>(slf), arg(key)) };
        if is_slice(key) {
            return Ok(slice(s, key)?.into_ptr());
        }
        let i = resolve(i64::from_py(key, "index")?, C::len(s)?)?;
        Ok(C::get(s, i)?.into_ptr())
    })
}

unsafe extern "C" fn sq_item<C: Sequence>(slf: *mut ffi::PyObject, i: ffi::Py_ssize_t) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: CPython calls this slot of `C`'s type with a live instance of it.
        let s = unsafe { this::<C>(slf) };
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
        // SAFETY: CPython calls this slot of `C`'s type with a live instance and a live key.
        let (s, key) = unsafe { (this::<C>(slf), arg(key)) };
        if is_slice(key) {
            return Err(PyErr::type_error(
                "slice assignment is not supported on this list; assign items or the whole field",
            ));
        }
        let i = resolve(i64::from_py(key, "index")?, C::len(s)?)?;
        if value.is_null() {
            C::del(s, i)?
        } else {
            // SAFETY: a non-NULL value is a live object for the call.
            C::set(s, i, unsafe { arg(value) })?
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
