//! A thread that CPython ends while it is inside one of our calls.
//!
//! On CPython 3.10–3.13, a thread that takes the GIL back after the interpreter began to finalize (a daemon
//! thread inside `time.sleep` when the main thread exits) is ended with `pthread_exit`. On Linux that is a
//! forced unwind: it runs every cleanup on the thread's stack and must reach the thread's start. Our call
//! guard's `catch_unwind` would catch it, and catching it aborts the process ("FATAL: exception not
//! rethrown"). CPython 3.14 parks such threads forever instead; we do the same on the way out: an armed
//! [`HangOnForcedUnwind`] that is dropped without a Rust panic in flight can only be meeting a forced
//! unwind, and it parks the thread. The interpreter then finishes exiting, which ends the parked thread.

/// Armed around code that can call into Python or take the GIL back; disarmed on the normal way out.
pub(crate) struct HangOnForcedUnwind(());

impl HangOnForcedUnwind {
    #[inline(always)]
    pub(crate) fn arm() -> Self {
        HangOnForcedUnwind(())
    }

    /// The guarded code returned (with a value or an error): nothing to do.
    #[inline(always)]
    pub(crate) fn disarm(self) {
        std::mem::forget(self);
    }
}

impl Drop for HangOnForcedUnwind {
    fn drop(&mut self) {
        // A Rust panic unwinding through here is caught by the call's guard as usual.
        if std::thread::panicking() {
            return;
        }
        // A forced unwind (`pthread_exit`): the GIL is not ours and never will be again. Stop here, before
        // any cleanup above us touches a Python object without it.
        loop {
            std::thread::park();
        }
    }
}
