//! `pyerrors.h`: the error indicator and the built-in exception classes.

use crate::object::PyObject;
use core::ffi::c_char;

unsafe extern "C" {
    pub fn PyErr_SetString(exc: *mut PyObject, msg: *const c_char);
    pub fn PyErr_Occurred() -> *mut PyObject;
    pub fn PyErr_Clear();
    /// Deprecated from 3.12 but present through 3.13; one code path for every supported version.
    pub fn PyErr_Fetch(ptype: *mut *mut PyObject, pvalue: *mut *mut PyObject, ptb: *mut *mut PyObject);
    pub fn PyErr_Restore(ptype: *mut PyObject, pvalue: *mut PyObject, ptb: *mut PyObject);
    pub fn PyErr_NormalizeException(ptype: *mut *mut PyObject, pvalue: *mut *mut PyObject, ptb: *mut *mut PyObject);
    pub fn PyErr_GivenExceptionMatches(given: *mut PyObject, exc: *mut PyObject) -> core::ffi::c_int;
    pub fn PyErr_NewExceptionWithDoc(
        name: *const c_char,
        doc: *const c_char,
        base: *mut PyObject,
        dict: *mut PyObject,
    ) -> *mut PyObject;
    pub fn PyErr_WriteUnraisable(obj: *mut PyObject);

    pub static mut PyExc_Exception: *mut PyObject;
    pub static mut PyExc_TypeError: *mut PyObject;
    pub static mut PyExc_ValueError: *mut PyObject;
    pub static mut PyExc_OverflowError: *mut PyObject;
    pub static mut PyExc_MemoryError: *mut PyObject;
    pub static mut PyExc_RecursionError: *mut PyObject;
    pub static mut PyExc_IndexError: *mut PyObject;
    pub static mut PyExc_KeyError: *mut PyObject;
    pub static mut PyExc_RuntimeError: *mut PyObject;
    pub static mut PyExc_ReferenceError: *mut PyObject;
    pub static mut PyExc_SystemError: *mut PyObject;
    pub static mut PyExc_AttributeError: *mut PyObject;
    pub static mut PyExc_NotImplementedError: *mut PyObject;
    pub static mut PyExc_OSError: *mut PyObject;
}
