//! How much C stack the current thread has left, so a call back into Python can refuse with
//! `RecursionError` before the stack runs out.
//!
//! `Py_EnterRecursiveCall` counts levels, not bytes: on 3.12+ its limit (10,000 C levels) times the
//! frames of one level of our calls in a debug build is more than the 8 MiB a thread has. The bound
//! checked here is in bytes: the thread's lowest stack address, asked once per thread (Linux:
//! `pthread_getattr_np`; elsewhere unknown, and only the level count applies).

use crate::err::{PyErr, PyResult};
use std::cell::Cell;

/// What must stay free below the current frame when we call into Python: room for the interpreter to
/// run the callback and raise, with the frames of a debug build; at most a quarter of the thread's stack,
/// so that a thread made small (`threading.stack_size(64 * 1024)`) can still run callbacks.
const RESERVE: usize = 256 * 1024;

thread_local! {
    /// The lowest usable stack address of this thread plus the reserve; 0 when unknown (never asked:
    /// `usize::MAX`).
    static FLOOR: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// `RecursionError` when less than the reserve is left.
#[inline]
pub(crate) fn check_remaining() -> PyResult<()> {
    let here = 0u8;
    let sp = std::ptr::addr_of!(here) as usize;
    let floor = FLOOR.with(|f| {
        if f.get() == usize::MAX {
            f.set(stack_bounds().map_or(0, |(low, size)| low + RESERVE.min(size / 4)));
        }
        f.get()
    });
    if sp < floor {
        return Err(PyErr::recursion_error(
            "maximum recursion depth exceeded: the C stack is almost used up (a callback from native code)",
        ));
    }
    Ok(())
}

/// The thread's lowest stack address and the stack's size.
#[cfg(target_os = "linux")]
fn stack_bounds() -> Option<(usize, usize)> {
    // SAFETY: `attr` is initialised by `pthread_getattr_np` for the calling thread before it is read and
    // destroyed once; `pthread_attr_getstack` writes the two out-parameters.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut addr: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_attr_getstack(&attr, &mut addr, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        // The guard page(s) sit at the bottom of this range; the reserve keeps above them.
        (ok && !addr.is_null()).then_some((addr as usize, size))
    }
}

#[cfg(not(target_os = "linux"))]
fn stack_bounds() -> Option<(usize, usize)> {
    None
}
