//! `object.h`: the object header, type creation from specs, flags, reference counting, comparisons.

use crate::pyport::{Py_hash_t, Py_ssize_t};
use core::ffi::{c_char, c_int, c_uint, c_ulong, c_void};

/// `PyObject` of a release (non-`Py_TRACE_REFS`) GIL build. From 3.12 `ob_refcnt` is a union whose lower
/// 32 bits are the count proper (see [`Py_INCREF`]); the size and offsets are unchanged.
#[repr(C)]
pub struct PyObject {
    pub ob_refcnt: Py_ssize_t,
    pub ob_type: *mut PyTypeObject,
}

#[repr(C)]
pub struct PyVarObject {
    pub ob_base: PyObject,
    pub ob_size: Py_ssize_t,
}

/// Opaque: never mirrored (its layout changes between versions). Reached through the slots given at
/// creation, plus the two checked offsets below.
#[repr(C)]
pub struct PyTypeObject {
    _opaque: [u8; 0],
}

/// `offsetof(PyTypeObject, tp_vectorcall)`: the `Py_tp_vectorcall` slot exists only from 3.14, so on
/// 3.10–3.13 the binding layer stores the constructor's vectorcall there after `PyType_FromModuleAndSpec`.
pub const TP_VECTORCALL_OFFSET: usize = 400;
/// `offsetof(PyTypeObject, tp_flags)` (an `unsigned long`): read for fast subclass checks.
pub const TP_FLAGS_OFFSET: usize = 168;

pub type newfunc = unsafe extern "C" fn(*mut PyTypeObject, *mut PyObject, *mut PyObject) -> *mut PyObject;
pub type vectorcallfunc =
    unsafe extern "C" fn(*mut PyObject, *const *mut PyObject, usize, *mut PyObject) -> *mut PyObject;

#[repr(C)]
pub struct PyType_Slot {
    pub slot: c_int,
    pub pfunc: *mut c_void,
}

#[repr(C)]
pub struct PyType_Spec {
    pub name: *const c_char,
    pub basicsize: c_int,
    pub itemsize: c_int,
    pub flags: c_uint,
    pub slots: *mut PyType_Slot,
}

pub const Py_TPFLAGS_BASETYPE: c_ulong = 1 << 10;
pub const Py_TPFLAGS_IMMUTABLETYPE: c_ulong = 1 << 8;
pub const Py_TPFLAGS_HAVE_GC: c_ulong = 1 << 14;
pub const Py_TPFLAGS_DEFAULT: c_ulong = 0;
pub const Py_TPFLAGS_LONG_SUBCLASS: c_ulong = 1 << 24;
pub const Py_TPFLAGS_BYTES_SUBCLASS: c_ulong = 1 << 27;
pub const Py_TPFLAGS_UNICODE_SUBCLASS: c_ulong = 1 << 28;

pub const Py_EQ: c_int = 2;
pub const Py_NE: c_int = 3;

unsafe extern "C" {
    pub static mut _Py_NoneStruct: PyObject;
    pub static mut _Py_NotImplementedStruct: PyObject;

    pub fn PyType_FromModuleAndSpec(
        module: *mut PyObject,
        spec: *mut PyType_Spec,
        bases: *mut PyObject,
    ) -> *mut PyObject;
    pub fn PyType_IsSubtype(a: *mut PyTypeObject, b: *mut PyTypeObject) -> c_int;
    pub fn _Py_Dealloc(op: *mut PyObject);
    pub fn PyObject_Repr(op: *mut PyObject) -> *mut PyObject;
    pub fn PyObject_Str(op: *mut PyObject) -> *mut PyObject;
    pub fn PyObject_RichCompare(a: *mut PyObject, b: *mut PyObject, op: c_int) -> *mut PyObject;
    pub fn PyObject_RichCompareBool(a: *mut PyObject, b: *mut PyObject, op: c_int) -> c_int;
    pub fn PyObject_GetAttrString(op: *mut PyObject, name: *const c_char) -> *mut PyObject;
    pub fn PyObject_SetAttrString(op: *mut PyObject, name: *const c_char, v: *mut PyObject) -> c_int;
    pub fn PyObject_IsTrue(op: *mut PyObject) -> c_int;
    pub fn PyObject_IsInstance(inst: *mut PyObject, cls: *mut PyObject) -> c_int;
    pub fn PyObject_Hash(op: *mut PyObject) -> Py_hash_t;
    /// The function forms of `Py_INCREF`/`Py_DECREF`; a debug interpreter's keep its reference total.
    pub fn Py_IncRef(op: *mut PyObject);
    pub fn Py_DecRef(op: *mut PyObject);
}

#[inline(always)]
pub unsafe fn Py_None() -> *mut PyObject {
    &raw mut _Py_NoneStruct
}

#[inline(always)]
pub unsafe fn Py_NotImplemented() -> *mut PyObject {
    &raw mut _Py_NotImplementedStruct
}

#[inline(always)]
pub unsafe fn Py_TYPE(op: *mut PyObject) -> *mut PyTypeObject {
    // SAFETY: the caller passes a live object; `ob_type` is part of the checked header.
    unsafe { (*op).ob_type }
}

/// `tp_flags` read in place (offset checked by `ffi/verify`); cheaper than `PyType_GetFlags`.
#[inline(always)]
pub unsafe fn tp_flags(tp: *mut PyTypeObject) -> c_ulong {
    // SAFETY: `tp` is a live type object and `TP_FLAGS_OFFSET` is its `tp_flags` field.
    unsafe { *(tp as *const u8).add(TP_FLAGS_OFFSET).cast::<c_ulong>() }
}

/// The 32-bit word that holds the count proper on 3.12+ (`ob_refcnt_split[PY_BIG_ENDIAN]`).
#[cfg(Py_3_12)]
#[inline(always)]
unsafe fn refcnt_low(op: *mut PyObject) -> *mut u32 {
    // SAFETY: `op` is live; `ob_refcnt` is 8 bytes, so index 0 (little endian) or 1 (big endian) of its
    // two 32-bit halves is inside it.
    unsafe {
        let base = (&raw mut (*op).ob_refcnt).cast::<u32>();
        if cfg!(target_endian = "big") { base.add(1) } else { base }
    }
}

#[inline(always)]
pub unsafe fn Py_INCREF(op: *mut PyObject) {
    #[cfg(Py_DEBUG)]
    {
        // SAFETY: `op` is live and the GIL is held; the debug interpreter's own function also counts the
        // reference in `sys.gettotalrefcount()`.
        unsafe { Py_IncRef(op) };
    }
    #[cfg(all(Py_3_12, not(Py_DEBUG)))]
    {
        // SAFETY: `op` is live; immortal objects (low word all ones) are left untouched, as in object.h.
        unsafe {
            let low = refcnt_low(op);
            let new = (*low).wrapping_add(1);
            if new != 0 {
                *low = new;
            }
        }
    }
    #[cfg(not(any(Py_3_12, Py_DEBUG)))]
    {
        // SAFETY: `op` is live and the GIL is held.
        unsafe { (*op).ob_refcnt += 1 };
    }
}

#[inline(always)]
pub unsafe fn Py_DECREF(op: *mut PyObject) {
    #[cfg(Py_DEBUG)]
    // SAFETY: as below; the debug interpreter's function also checks for a negative count.
    unsafe {
        Py_DecRef(op)
    }
    #[cfg(not(Py_DEBUG))]
    // SAFETY: `op` is live, the caller owns one reference and holds the GIL.
    unsafe {
        #[cfg(Py_3_12)]
        if ((*op).ob_refcnt as i32) < 0 {
            return; // immortal
        }
        (*op).ob_refcnt -= 1;
        if (*op).ob_refcnt == 0 {
            _Py_Dealloc(op);
        }
    }
}

#[inline(always)]
pub unsafe fn Py_XDECREF(op: *mut PyObject) {
    if !op.is_null() {
        // SAFETY: non-null and owned by the caller.
        unsafe { Py_DECREF(op) }
    }
}
