//! `moduleobject.h`: module definitions for multi-phase initialisation.

use crate::methodobject::PyMethodDef;
use crate::object::PyObject;
use crate::objimpl::{inquiry, traverseproc};
use crate::pyport::Py_ssize_t;
use core::ffi::{c_char, c_int, c_void};

#[repr(C)]
pub struct PyModuleDef_Base {
    pub ob_base: PyObject,
    pub m_init: Option<unsafe extern "C" fn() -> *mut PyObject>,
    pub m_index: Py_ssize_t,
    pub m_copy: *mut PyObject,
}

#[repr(C)]
pub struct PyModuleDef_Slot {
    pub slot: c_int,
    pub value: *mut c_void,
}

#[repr(C)]
pub struct PyModuleDef {
    pub m_base: PyModuleDef_Base,
    pub m_name: *const c_char,
    pub m_doc: *const c_char,
    pub m_size: Py_ssize_t,
    pub m_methods: *mut PyMethodDef,
    pub m_slots: *mut PyModuleDef_Slot,
    pub m_traverse: Option<traverseproc>,
    pub m_clear: Option<inquiry>,
    pub m_free: Option<unsafe extern "C" fn(*mut c_void)>,
}

pub const Py_mod_exec: c_int = 2;
#[cfg(Py_3_12)]
pub const Py_mod_multiple_interpreters: c_int = 3;
/// `Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED` is `((void *)0)`.
#[cfg(Py_3_12)]
pub const Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED: usize = 0;

unsafe extern "C" {
    pub fn PyModuleDef_Init(def: *mut PyModuleDef) -> *mut PyObject;
    pub fn PyModule_AddObjectRef(module: *mut PyObject, name: *const c_char, value: *mut PyObject) -> c_int;
    pub fn PyModule_New(name: *const c_char) -> *mut PyObject;
    pub fn PyModule_AddFunctions(module: *mut PyObject, functions: *mut crate::PyMethodDef) -> c_int;
}
