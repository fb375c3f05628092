//! `ceval.h` and `pystate.h`: letting other threads run while native code works on data of its own, and
//! counting the C recursion of calls back into Python.

use core::ffi::{c_char, c_int, c_uint};

/// Opaque: only passed back to `PyEval_RestoreThread`.
#[repr(C)]
pub struct PyThreadState {
    _opaque: [u8; 0],
}

/// `PyGILState_STATE`: a C enum (`PyGILState_LOCKED`, `PyGILState_UNLOCKED`), only passed back to
/// `PyGILState_Release`.
pub type PyGILState_STATE = c_uint;

// "C-unwind": taking the GIL back during interpreter finalization ends the thread with `pthread_exit`
// (3.10-3.13), a forced unwind that must reach the caller's cleanup (see `PyObject_Call`).
unsafe extern "C-unwind" {
    pub fn PyEval_RestoreThread(tstate: *mut PyThreadState);
    /// Takes the GIL on any thread, whether or not it holds it already (then it only counts).
    pub fn PyGILState_Ensure() -> PyGILState_STATE;
}

unsafe extern "C" {
    pub fn PyEval_SaveThread() -> *mut PyThreadState;
    pub fn PyGILState_Release(state: PyGILState_STATE);
    /// Counts one level of C recursion: non-zero, with `RecursionError` raised, past the limit.
    pub fn Py_EnterRecursiveCall(where_: *const c_char) -> c_int;
    pub fn Py_LeaveRecursiveCall();
}
