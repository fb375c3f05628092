//! `abstract.h`: calls, sequences, iteration and the index protocol.

use crate::object::PyObject;
use crate::pyport::Py_ssize_t;

/// Set in `nargsf` of a vectorcall when `args[-1]` may be overwritten.
pub const PY_VECTORCALL_ARGUMENTS_OFFSET: usize = 1 << (usize::BITS - 1);

// "C-unwind": the calls that run arbitrary Python code. On 3.10-3.13 a thread that takes the GIL back during
// interpreter finalization leaves them by `pthread_exit`, a forced unwind, which must be able to reach the
// caller's cleanup (the binding layer's `forced_unwind` guard parks the thread there). With "C", Rust
// assumes no unwind, and an unwind into a frame that has cleanups elsewhere aborts the process.
unsafe extern "C-unwind" {
    pub fn PyObject_Call(callable: *mut PyObject, args: *mut PyObject, kwargs: *mut PyObject) -> *mut PyObject;
    /// A call through the vectorcall protocol (`args[..nargs]`, no tuple built), `kwargs` a dict or
    /// null. An exported function on every version (3.10 and 3.11 have `PyObject_Vectorcall` only as
    /// a `static inline`).
    pub fn PyObject_VectorcallDict(
        callable: *mut PyObject,
        args: *const *mut PyObject,
        nargsf: usize,
        kwargs: *mut PyObject,
    ) -> *mut PyObject;
}

unsafe extern "C" {
    pub fn PySequence_Check(op: *mut PyObject) -> core::ffi::c_int;
    pub fn PySequence_Size(op: *mut PyObject) -> Py_ssize_t;
    pub fn PySequence_GetItem(op: *mut PyObject, i: Py_ssize_t) -> *mut PyObject;
    pub fn PyIndex_Check(op: *mut PyObject) -> core::ffi::c_int;
    pub fn PyNumber_Index(op: *mut PyObject) -> *mut PyObject;
}
