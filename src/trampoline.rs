//! The boundary: every function CPython calls into goes through `guard`, which turns `Err` into a raised
//! exception and catches panics (unwinding must never cross into C). A forced unwind (`pthread_exit` at
//! interpreter exit) must not be caught: it parks the thread instead (`forced_unwind`).

use crate::err::{PyErr, PyResult};
use crate::forced_unwind::HangOnForcedUnwind;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Runs `body`; on `Err` or panic sets the Python error indicator and returns `on_error`.
#[inline(always)]
pub(crate) fn guard<R>(on_error: R, body: impl FnOnce() -> PyResult<R>) -> R {
    let body = || {
        let hang = HangOnForcedUnwind::arm();
        let result = body();
        hang.disarm();
        result
    };
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => {
            e.restore();
            on_error
        }
        Err(payload) => {
            PyErr::from_panic(payload).restore();
            on_error
        }
    }
}

/// Conjures the value of a zero-sized closure type, so a generic `extern "C"` function can call the
/// closure a macro wrote without any data pointer.
#[inline(always)]
pub(crate) fn zst<F: Copy>() -> F {
    const { assert!(size_of::<F>() == 0, "binding closures must not capture anything") };
    // SAFETY: `F` is zero-sized (asserted above) and a non-capturing closure type, so it has exactly one
    // value and no bytes; reading a zero-sized value through an aligned dangling pointer is allowed.
    unsafe { std::ptr::NonNull::<F>::dangling().as_ptr().read() }
}
