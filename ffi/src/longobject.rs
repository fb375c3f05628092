//! `longobject.h`: int.

use crate::object::{PyObject, PyTypeObject};
use core::ffi::{c_int, c_longlong, c_ulonglong, c_void};

unsafe extern "C" {
    pub static mut PyLong_Type: PyTypeObject;
    pub fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject;
    pub fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject;
    pub fn PyLong_FromVoidPtr(p: *mut c_void) -> *mut PyObject;
    pub fn PyLong_AsLongLongAndOverflow(op: *mut PyObject, overflow: *mut c_int) -> c_longlong;
    pub fn PyLong_AsUnsignedLongLong(op: *mut PyObject) -> c_ulonglong;
}
