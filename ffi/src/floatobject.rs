//! `floatobject.h`: float (the layout is read directly for exact floats).

use crate::object::{PyObject, PyTypeObject};

#[repr(C)]
pub struct PyFloatObject {
    pub ob_base: PyObject,
    pub ob_fval: f64,
}

unsafe extern "C" {
    pub static mut PyFloat_Type: PyTypeObject;
    pub fn PyFloat_FromDouble(v: f64) -> *mut PyObject;
    pub fn PyFloat_AsDouble(op: *mut PyObject) -> f64;
}
