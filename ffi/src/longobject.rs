//! `longobject.h` (and `longintrepr.h`): int. The layout is declared so that an int of one digit (every
//! int below 2**30 in magnitude) is read in place, without a call: see [`compact_value`].

use crate::object::PyObject;
#[cfg(not(Py_3_12))]
use crate::object::PyVarObject;
use core::ffi::{c_int, c_longlong, c_ulonglong};

/// One digit of an int's magnitude (base 2**30 on the interpreters supported).
pub type digit = u32;

/// Before 3.12: the signed digit count is `ob_size`; the digits follow.
#[cfg(not(Py_3_12))]
#[repr(C)]
pub struct PyLongObject {
    pub ob_base: PyVarObject,
    pub ob_digit: [digit; 1],
}

/// 3.12+: the digit count and the sign are packed into `lv_tag`.
#[cfg(Py_3_12)]
#[repr(C)]
pub struct _PyLongValue {
    pub lv_tag: usize,
    pub ob_digit: [digit; 1],
}

#[cfg(Py_3_12)]
#[repr(C)]
pub struct PyLongObject {
    pub ob_base: PyObject,
    pub long_value: _PyLongValue,
}

#[cfg(Py_3_12)]
pub const _PyLong_SIGN_MASK: usize = 3;
#[cfg(Py_3_12)]
pub const _PyLong_NON_SIZE_BITS: usize = 3;

/// The value of an int (exact or subclass) of at most one digit, read from its layout as
/// `PyUnstable_Long_IsCompact`/`PyUnstable_Long_CompactValue` do on 3.12+; `None` for a larger int.
/// Only for interpreters with 30-bit digits (the `pylong_digit_30` cfg).
///
/// verify: not-in-headers: Rust helper over the checked PyLongObject layout (3.12+: the static inline _PyLong_IsCompact
/// and _PyLong_CompactValue of cpython/longintrepr.h)
#[inline(always)]
pub unsafe fn compact_value(op: *mut PyObject) -> Option<i64> {
    let op = op.cast::<PyLongObject>();
    #[cfg(Py_3_12)]
    {
        // SAFETY: the caller passes a live int; `long_value` is part of the checked layout, and a
        // compact int (tag below 2 << NON_SIZE_BITS: at most one digit) always has `ob_digit[0]`
        // (0 for zero).
        unsafe {
            let tag = (*op).long_value.lv_tag;
            if tag >= 2 << _PyLong_NON_SIZE_BITS {
                return None;
            }
            let sign = 1 - (tag & _PyLong_SIGN_MASK) as i64;
            Some(sign * i64::from((*op).long_value.ob_digit[0]))
        }
    }
    #[cfg(not(Py_3_12))]
    {
        // SAFETY: the caller passes a live int; `ob_size` is the signed digit count, and an int with
        // one digit has `ob_digit[0]` (zero, whose count is 0, is not read: 3.10 may allocate it no digit).
        unsafe {
            match (*op).ob_base.ob_size {
                0 => Some(0),
                1 => Some(i64::from((*op).ob_digit[0])),
                -1 => Some(-i64::from((*op).ob_digit[0])),
                _ => None,
            }
        }
    }
}

unsafe extern "C" {
    pub fn PyLong_FromLongLong(v: c_longlong) -> *mut PyObject;
    pub fn PyLong_FromUnsignedLongLong(v: c_ulonglong) -> *mut PyObject;
    pub fn PyLong_AsLongLongAndOverflow(op: *mut PyObject, overflow: *mut c_int) -> c_longlong;
    pub fn PyLong_AsUnsignedLongLong(op: *mut PyObject) -> c_ulonglong;
}
