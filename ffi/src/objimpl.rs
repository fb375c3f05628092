//! `objimpl.h`: allocation and the cyclic GC hooks.

use crate::object::{PyObject, PyTypeObject};
use core::ffi::{c_int, c_void};

pub type visitproc = unsafe extern "C" fn(*mut PyObject, *mut c_void) -> c_int;
pub type traverseproc = unsafe extern "C" fn(*mut PyObject, visitproc, *mut c_void) -> c_int;
pub type inquiry = unsafe extern "C" fn(*mut PyObject) -> c_int;

unsafe extern "C" {
    /// What `PyObject_New` expands to: uninitialised memory of `tp_basicsize`, header set, type incref'd
    /// for heap types.
    pub fn _PyObject_New(tp: *mut PyTypeObject) -> *mut PyObject;
    /// What `PyObject_GC_New` expands to; the object is not yet tracked.
    pub fn _PyObject_GC_New(tp: *mut PyTypeObject) -> *mut PyObject;
    pub fn PyObject_Free(p: *mut c_void);
    pub fn PyObject_GC_Del(p: *mut c_void);
    pub fn PyObject_GC_Track(op: *mut c_void);
    pub fn PyObject_GC_UnTrack(op: *mut c_void);
}
