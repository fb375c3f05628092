//! `listobject.h`: list.

use crate::object::PyObject;
use crate::pyport::Py_ssize_t;
use core::ffi::c_int;

unsafe extern "C" {
    pub fn PyList_New(len: Py_ssize_t) -> *mut PyObject;
    /// Steals a reference to `item`.
    pub fn PyList_SetItem(list: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> c_int;
}
