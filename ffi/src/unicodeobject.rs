//! `unicodeobject.h`: str.

use crate::object::PyObject;
use crate::pyport::Py_ssize_t;
use core::ffi::c_char;

unsafe extern "C" {
    pub fn PyUnicode_FromStringAndSize(s: *const c_char, len: Py_ssize_t) -> *mut PyObject;
    pub fn PyUnicode_AsUTF8AndSize(op: *mut PyObject, len: *mut Py_ssize_t) -> *const c_char;
    pub fn PyUnicode_InternFromString(s: *const c_char) -> *mut PyObject;
}
