//! `sliceobject.h`: slice objects.

use crate::object::{PyObject, PyTypeObject};
use crate::pyport::Py_ssize_t;
use core::ffi::c_int;

unsafe extern "C" {
    pub static mut PySlice_Type: PyTypeObject;
    pub fn PySlice_Unpack(
        slice: *mut PyObject,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: *mut Py_ssize_t,
    ) -> c_int;
    pub fn PySlice_AdjustIndices(
        len: Py_ssize_t,
        start: *mut Py_ssize_t,
        stop: *mut Py_ssize_t,
        step: Py_ssize_t,
    ) -> Py_ssize_t;
}
