//! `bytesobject.h`: bytes.

use crate::object::{PyObject, PyTypeObject};
use crate::pyport::Py_ssize_t;
use core::ffi::{c_char, c_int};

unsafe extern "C" {
    pub static mut PyBytes_Type: PyTypeObject;
    /// The buffer (NUL-terminated, may hold NULs) and length of a bytes object (or a subclass's);
    /// -1 with `TypeError` set for anything else.
    pub fn PyBytes_AsStringAndSize(obj: *mut PyObject, buffer: *mut *mut c_char, length: *mut Py_ssize_t) -> c_int;
}
