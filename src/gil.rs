//! Releasing the GIL around native work that touches no Python object, so that other threads run
//! meanwhile (as `Py_BEGIN_ALLOW_THREADS` does in C, and `Python::allow_threads` in PyO3).

use pyzig_ffi as ffi;

/// Runs `f` with the GIL released and takes it back before returning (also when `f` panics, so the
/// panic reaches the call's guard with the GIL held). `f` must not touch Python objects: its captures
/// must be `Send`, which `Obj`, `Borrowed` and `Py` are not. Call it only while holding the GIL.
pub fn allow_threads<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    struct Reacquire(*mut ffi::PyThreadState);
    impl Drop for Reacquire {
        fn drop(&mut self) {
            // Taking the GIL back during finalization ends the thread (see `forced_unwind`).
            let hang = crate::forced_unwind::HangOnForcedUnwind::arm();
            // SAFETY: the state `PyEval_SaveThread` returned on this thread, restored exactly once.
            unsafe { ffi::PyEval_RestoreThread(self.0) };
            hang.disarm();
        }
    }
    // SAFETY: the caller holds the GIL (every binding-layer entry point runs with it); released here and
    // taken back by the guard on every path out.
    let _back = Reacquire(unsafe { ffi::PyEval_SaveThread() });
    f()
}
