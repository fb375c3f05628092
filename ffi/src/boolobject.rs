//! `boolobject.h`: the two bools.

use crate::longobject::PyLongObject;
use crate::object::PyObject;

unsafe extern "C" {
    pub static mut _Py_TrueStruct: PyLongObject;
    pub static mut _Py_FalseStruct: PyLongObject;
}

#[inline(always)]
pub unsafe fn Py_True() -> *mut PyObject {
    (&raw mut _Py_TrueStruct).cast()
}

#[inline(always)]
pub unsafe fn Py_False() -> *mut PyObject {
    (&raw mut _Py_FalseStruct).cast()
}
