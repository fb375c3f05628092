//! `ceval.h` and `pystate.h`: letting other threads run while native code works on data of its own.

/// Opaque: only passed back to `PyEval_RestoreThread`.
#[repr(C)]
pub struct PyThreadState {
    _opaque: [u8; 0],
}

unsafe extern "C" {
    pub fn PyEval_SaveThread() -> *mut PyThreadState;
    pub fn PyEval_RestoreThread(tstate: *mut PyThreadState);
}
