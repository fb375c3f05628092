//! Borrows of a root cell's value: the guards that keep its borrow flag, and what callers hold.

use super::{CellHeader, EXCLUSIVE, Resolved};
use crate::err::{PyErr, PyResult};

/// A shared borrow of a root cell's value, released on drop.
pub(crate) struct BorrowGuard<'c> {
    pub(super) hdr: &'c CellHeader,
}

impl<'c> BorrowGuard<'c> {
    #[inline(always)]
    pub(super) fn shared(hdr: &'c CellHeader) -> PyResult<BorrowGuard<'c>> {
        let b = hdr.flag.get();
        if b < 0 {
            return Err(busy_err());
        }
        hdr.flag.set(b + 1);
        Ok(BorrowGuard { hdr })
    }

    #[inline(always)]
    pub(super) fn exclusive(hdr: &'c CellHeader) -> PyResult<ExclusiveGuard<'c>> {
        if hdr.flag.get() != 0 {
            return Err(in_use_err());
        }
        hdr.flag.set(EXCLUSIVE);
        Ok(ExclusiveGuard { hdr })
    }
}

impl Drop for BorrowGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.hdr.flag.set(self.hdr.flag.get() - 1);
    }
}

/// An exclusive borrow of a root cell's value, released on drop.
pub(crate) struct ExclusiveGuard<'c> {
    pub(super) hdr: &'c CellHeader,
}

impl Drop for ExclusiveGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.hdr.flag.set(0);
    }
}

#[cold]
#[inline(never)]
pub(super) fn busy_err() -> PyErr {
    PyErr::runtime_error(
        "the object is being modified by a call still running (re-entrant access from a callback, or another thread)",
    )
}

#[cold]
#[inline(never)]
pub(super) fn in_use_err() -> PyErr {
    PyErr::runtime_error(
        "the object is in use by a call still running (re-entrant modification from a callback, or another thread)",
    )
}

/// Shared access to a wrapped value.
pub struct Ref<'a, T> {
    pub(super) ptr: *const T,
    pub(super) _guard: BorrowGuard<'a>,
}

impl<T> std::ops::Deref for Ref<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: resolved and shared-borrowed; alive while the guard is.
        unsafe { &*self.ptr }
    }
}

/// Exclusive access to a wrapped value.
pub struct RefMut<'a, T> {
    pub(super) ptr: *mut T,
    pub(super) _guard: ExclusiveGuard<'a>,
}

impl<T> std::ops::Deref for RefMut<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: resolved and exclusively borrowed.
        unsafe { &*self.ptr }
    }
}

impl<T> std::ops::DerefMut for RefMut<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: resolved and exclusively borrowed.
        unsafe { &mut *self.ptr }
    }
}

pub(crate) fn make_ref<'c, T>(r: Resolved<'c, T>) -> PyResult<Ref<'c, T>> {
    let g = r.borrow()?;
    Ok(Ref { ptr: r.ptr, _guard: g })
}

pub(crate) fn make_ref_mut<'c, T>(r: Resolved<'c, T>) -> PyResult<RefMut<'c, T>> {
    let g = r.borrow_mut()?;
    Ok(RefMut { ptr: r.ptr, _guard: g })
}
