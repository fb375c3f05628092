//! `boolobject.h`: the two bools.

use crate::object::{PyObject, PyTypeObject};

unsafe extern "C" {
    pub static mut PyBool_Type: PyTypeObject;
    pub static mut _Py_TrueStruct: PyObject;
    pub static mut _Py_FalseStruct: PyObject;
}

#[inline(always)]
pub unsafe fn Py_True() -> *mut PyObject {
    &raw mut _Py_TrueStruct
}

#[inline(always)]
pub unsafe fn Py_False() -> *mut PyObject {
    &raw mut _Py_FalseStruct
}
