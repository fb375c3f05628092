//! `tupleobject.h`: tuple (the layout is read directly for `kwnames`).

use crate::object::{PyObject, PyVarObject};
use crate::pyport::Py_ssize_t;
use core::ffi::c_int;

#[repr(C)]
pub struct PyTupleObject {
    pub ob_base: PyVarObject,
    pub ob_item: [*mut PyObject; 1],
}

unsafe extern "C" {
    pub fn PyTuple_New(len: Py_ssize_t) -> *mut PyObject;
    /// Steals a reference to `item`.
    pub fn PyTuple_SetItem(t: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> c_int;
}

/// `PyTuple_GET_SIZE` for a known tuple.
#[inline(always)]
pub unsafe fn PyTuple_GET_SIZE(t: *mut PyObject) -> Py_ssize_t {
    // SAFETY: the caller passes a tuple; `ob_size` is in the checked `PyVarObject` header.
    unsafe { (*t.cast::<PyVarObject>()).ob_size }
}

/// `PyTuple_GET_ITEM`: borrowed, unchecked.
#[inline(always)]
pub unsafe fn PyTuple_GET_ITEM(t: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: the caller passes a tuple and `0 <= i < size`.
    unsafe { *(&raw const (*t.cast::<PyTupleObject>()).ob_item).cast::<*mut PyObject>().offset(i) }
}
