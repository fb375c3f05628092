//! `dictobject.h`: dict.

use crate::object::PyObject;
use crate::pyport::Py_ssize_t;
use core::ffi::{c_char, c_int};

unsafe extern "C" {
    pub fn PyDict_New() -> *mut PyObject;
    pub fn PyDict_SetItem(d: *mut PyObject, key: *mut PyObject, value: *mut PyObject) -> c_int;
    pub fn PyDict_SetItemString(d: *mut PyObject, key: *const c_char, value: *mut PyObject) -> c_int;
    pub fn PyDict_Next(
        d: *mut PyObject,
        pos: *mut Py_ssize_t,
        key: *mut *mut PyObject,
        value: *mut *mut PyObject,
    ) -> c_int;
}
