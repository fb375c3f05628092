//! `typeslots.h`: slot ids for `PyType_Slot`.

use core::ffi::c_int;

pub const Py_mp_ass_subscript: c_int = 3;
pub const Py_mp_length: c_int = 4;
pub const Py_mp_subscript: c_int = 5;
pub const Py_sq_length: c_int = 45;
pub const Py_tp_clear: c_int = 51;
pub const Py_tp_dealloc: c_int = 52;
pub const Py_tp_doc: c_int = 56;
pub const Py_tp_getset: c_int = 73;
pub const Py_tp_hash: c_int = 59;
pub const Py_tp_methods: c_int = 64;
pub const Py_tp_new: c_int = 65;
pub const Py_tp_repr: c_int = 66;
pub const Py_tp_richcompare: c_int = 67;
pub const Py_tp_traverse: c_int = 71;
pub const Py_sq_item: c_int = 44;
