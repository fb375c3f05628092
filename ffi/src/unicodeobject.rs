//! `unicodeobject.h`: str.

use crate::object::{PyObject, PyTypeObject};
use crate::pyport::Py_ssize_t;
use core::ffi::c_char;

/// A code point (`Py_UCS4`, `uint32_t`).
pub type Py_UCS4 = u32;

unsafe extern "C" {
    pub static mut PyUnicode_Type: PyTypeObject;
    /// A new, uninitialised compact str of `size` code points none above `maxchar`.
    pub fn PyUnicode_New(size: Py_ssize_t, maxchar: Py_UCS4) -> *mut PyObject;
    pub fn PyUnicode_FromStringAndSize(s: *const c_char, len: Py_ssize_t) -> *mut PyObject;
    pub fn PyUnicode_AsUTF8AndSize(op: *mut PyObject, len: *mut Py_ssize_t) -> *const c_char;
    pub fn PyUnicode_InternFromString(s: *const c_char) -> *mut PyObject;
}
