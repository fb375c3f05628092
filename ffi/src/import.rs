//! `import.h`: importing a module by name.

use crate::object::PyObject;
use core::ffi::c_char;

unsafe extern "C" {
    pub fn PyImport_ImportModule(name: *const c_char) -> *mut PyObject;
}
