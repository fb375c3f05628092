//! `longobject.h`: int.

use crate::object::{PyObject, PyTypeObject};
use core::ffi::{c_int, c_longlong, c_ulonglong, c_void};

/// Opaque (its layout changed in 3.12); only named as the type of the two bool singletons.
#[repr(C)]
pub struct PyLongObject {
    _opaque: [u8; 0],
}

unsafe extern "C" {
    pub static mut PyLong_Type: PyTypeObject;
    pub fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject;
    pub fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject;
    pub fn PyLong_FromVoidPtr(p: *mut c_void) -> *mut PyObject;
    pub fn PyLong_AsLongLongAndOverflow(op: *mut PyObject, overflow: *mut c_int) -> c_longlong;
    pub fn PyLong_AsUnsignedLongLong(op: *mut PyObject) -> c_ulonglong;
}
