//! `methodobject.h`: method tables and calling conventions.

use core::ffi::{c_char, c_int, c_void};

/// `ml_meth` is a C union of function-pointer types; stored type-erased.
#[repr(C)]
pub struct PyMethodDef {
    pub ml_name: *const c_char,
    pub ml_meth: *mut c_void,
    pub ml_flags: c_int,
    pub ml_doc: *const c_char,
}

pub const METH_KEYWORDS: c_int = 0x0002;
pub const METH_NOARGS: c_int = 0x0004;
pub const METH_O: c_int = 0x0008;
pub const METH_STATIC: c_int = 0x0020;
pub const METH_FASTCALL: c_int = 0x0080;
