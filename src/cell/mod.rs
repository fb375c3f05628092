//! The object layout of every type made by the layer, its ownership states and its borrow flag.
//!
//! A `PyCell<T>` either OWNS its `T` (dropped exactly once: in `tp_dealloc`, or earlier by an explicit
//! release) or is a VIEW of a `T` inside another cell's data (see [`view`]). A view holds a strong
//! reference to the root owner and the path from the root's data to its target, re-walked on every
//! access, so it can never reach freed memory: a released root makes every view raise `ReferenceError`.
//!
//! Aliasing: a borrow flag on the root (shared count, or exclusive) guards every access, so a callback
//! into Python that re-enters the same object gets a `RuntimeError` instead of aliasing `&mut` (the
//! guards are in [`borrow`]).

mod borrow;
mod view;

pub use borrow::{Ref, RefMut};
pub(crate) use borrow::{make_ref, make_ref_mut};
pub(crate) use view::{At, Step};

use crate::err::{PyErr, PyResult};
use crate::obj::Obj;
use crate::visit::Visit;
use borrow::{BorrowGuard, ExclusiveGuard, busy_err, in_use_err};
use pyzig_ffi as ffi;
use std::cell::{Cell, UnsafeCell};
use std::mem::ManuallyDrop;
use view::{Target, View, stale_err, view_target};

// Values of `CellHeader::flag` besides a shared-borrow count (`>= 0`). Every owned state is `>= EXCLUSIVE`
// and the two others lie below it, so "owns a value nobody is modifying" is one sign test (`>= 0`).
/// Owned, and exclusively borrowed.
const EXCLUSIVE: isize = -1;
/// A view: its data is a `View`, its own flag never changes (borrows go to the root's).
const VIEW: isize = -2;
/// Released (explicitly or by dealloc): the data is gone. (Small values: they fit in an immediate.)
const RELEASED: isize = -3;

/// Header shared by every cell, whatever its `T` (views reach their root's through it).
#[repr(C)]
pub struct CellHeader {
    ob_base: ffi::PyObject,
    /// State and borrow flag in one word: `n >= 0` owned with `n` shared borrows, `EXCLUSIVE`,
    /// `VIEW` or `RELEASED`.
    flag: Cell<isize>,
    /// Root only: bumped when a list under this root loses or reorders elements. 64 bits, never wrapping:
    /// a view taken at one value must never match a later one (a `u32` wrapped after 2**32 edits, and a
    /// stale view then read another element). At one edit per nanosecond it lasts 584 years.
    epoch: Cell<u64>,
}

/// What an access through a cell will do; a view's path is walked for that kind of access only.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Access {
    /// Reads under a shared borrow: the walk makes shared references only.
    Shared,
    /// Writes under an exclusive borrow: the walk may make `&mut` (nobody else holds the root).
    Exclusive,
}

union Data<T> {
    owned: ManuallyDrop<T>,
    // Boxed (8 bytes, not 40) so small owned values set the cell's size: a graph `BoundNode` object is
    // 64 bytes, refcount, borrow flag and data on one cache line (graph W1: 53.0 -> 47.1 ms). Views,
    // the rarer kind, pay one extra allocation.
    view: ManuallyDrop<Box<View>>,
}

#[repr(C)]
pub struct PyCell<T> {
    header: CellHeader,
    data: UnsafeCell<Data<T>>,
}

/// # Safety
/// `tp` is a live type whose basic size fits a `PyCell` of the right `T`.
unsafe fn alloc(tp: *mut ffi::PyTypeObject, gc: bool) -> PyResult<*mut ffi::PyObject> {
    // SAFETY: per the contract; both return a new reference with the type incref'd, or null + exception.
    let p = unsafe { if gc { ffi::_PyObject_GC_New(tp) } else { ffi::_PyObject_New(tp) } };
    if p.is_null() { Err(PyErr::fetch()) } else { Ok(p) }
}

/// # Safety
/// `h` is a freshly allocated cell.
unsafe fn init_header(h: *mut CellHeader, flag: isize) {
    // SAFETY: writing the fields after the initialised `PyObject` head.
    unsafe {
        (&raw mut (*h).flag).write(Cell::new(flag));
        (&raw mut (*h).epoch).write(Cell::new(0));
    }
}

/// A new wrapper that owns `value`, of type `tp` (instances are `PyCell<T>`).
pub(crate) fn new_owned_in<T>(tp: *mut ffi::PyTypeObject, gc: bool, value: T) -> PyResult<Obj> {
    const { assert!(align_of::<PyCell<T>>() <= 16, "pymalloc aligns to 16 bytes") };
    // SAFETY: `tp` was built for `PyCell<T>` (callers pass the type registered for `T`).
    unsafe {
        let p = alloc(tp, gc)?;
        let cell = p.cast::<PyCell<T>>();
        init_header(cell.cast(), 0);
        (*cell).data.get().write(Data { owned: ManuallyDrop::new(value) });
        if gc {
            ffi::PyObject_GC_Track(p.cast());
        }
        Ok(Obj::from_owned_ptr(p).expect("non-null"))
    }
}

/// A value reached through a cell: the root's header, the pointer, and what a child view needs.
pub(crate) struct Resolved<'c, T> {
    hdr: &'c CellHeader,
    pub(crate) ptr: *mut T,
    root: *mut ffi::PyObject,
    root_data: *mut u8,
    epoch: u64,
    path: &'c [Step],
}

impl<'c, T> Resolved<'c, T> {
    pub(crate) fn at(&self, step: Step) -> At<'_> {
        At { root: self.root, root_data: self.root_data, epoch: self.epoch, parent_path: self.path, step }
    }

    pub(crate) fn borrow(&self) -> PyResult<BorrowGuard<'c>> {
        BorrowGuard::shared(self.hdr)
    }

    pub(crate) fn borrow_mut(&self) -> PyResult<ExclusiveGuard<'c>> {
        BorrowGuard::exclusive(self.hdr)
    }

    /// Marks that elements of a list under this root were removed or reordered.
    pub(crate) fn bump_epoch(&self) {
        let next = self.hdr.epoch.get().checked_add(1).expect("2**64 list edits under one object");
        self.hdr.epoch.set(next);
    }
}

#[cold]
fn released_err(name: &str) -> PyErr {
    PyErr::reference_error(format!("this {name} was released; its native data is gone"))
}

impl<T> PyCell<T> {
    /// The fast path of scalar field reads (which run no Python code, so hold no borrow): the value if
    /// this cell owns it and it is not being modified.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    #[inline(always)]
    pub(crate) unsafe fn owned_for_read(this: *mut ffi::PyObject) -> Option<*mut T> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; the owned member is initialised while the flag is >= EXCLUSIVE.
        unsafe { ((*cell).header.flag.get() >= 0).then(|| (&raw mut (*(*cell).data.get()).owned).cast::<T>()) }
    }

    /// The fast path of scalar field writes: the value if this cell owns it and it is not borrowed.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    #[inline(always)]
    pub(crate) unsafe fn owned_for_write(this: *mut ffi::PyObject) -> Option<*mut T> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: as in `owned_for_read`.
        unsafe { ((*cell).header.flag.get() == 0).then(|| (&raw mut (*(*cell).data.get()).owned).cast::<T>()) }
    }

    /// Resolves the cell to its value for an access of kind `access`; errors if released or stale,
    /// and, for a view, if its root is borrowed in a way that refuses that access (checked before the
    /// path is walked: the walk makes references into the root's value). The caller still takes the
    /// borrow (`Resolved::borrow`/`borrow_mut`) before touching the value.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`, and stays alive for `'c`.
    #[inline(always)]
    pub(crate) unsafe fn resolve<'c>(
        this: *mut ffi::PyObject,
        name: &str,
        access: Access,
    ) -> PyResult<Resolved<'c, T>> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; the owned member is initialised while the flag is >= EXCLUSIVE.
        unsafe {
            let hdr = &(*cell).header;
            if hdr.flag.get() >= EXCLUSIVE {
                let ptr = (&raw mut (*(*cell).data.get()).owned).cast::<T>();
                return Ok(Resolved { hdr, ptr, root: this, root_data: ptr.cast(), epoch: hdr.epoch.get(), path: &[] });
            }
            Self::resolve_slow(this, name, access)
        }
    }

    /// Shared access for a method call: an owned value nobody is modifying takes one check; views,
    /// released and busy cells take the general path (same errors as `resolve` + `borrow`).
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`, and stays alive for `'c`.
    #[inline(always)]
    pub(crate) unsafe fn borrow<'c>(this: *mut ffi::PyObject, name: &str) -> PyResult<Ref<'c, T>> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell that outlives 'c; `flag >= 0` means it owns its (initialised) value and
        // nobody holds it exclusively, so one more shared borrow is allowed.
        unsafe {
            let hdr = &(*cell).header;
            let b = hdr.flag.get();
            if b >= 0 {
                hdr.flag.set(b + 1);
                let ptr = (&raw mut (*(*cell).data.get()).owned).cast::<T>();
                return Ok(Ref { ptr, _guard: BorrowGuard { hdr } });
            }
            Self::borrow_slow(this, name)
        }
    }

    /// Runs `f` on the value under a shared borrow. The fast path has no join with the slow one, so when
    /// `f` runs no Python code (nothing can observe the flag) the compiler drops the increment and
    /// decrement and only the check remains.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>` for the call.
    #[inline(always)]
    pub(crate) unsafe fn with_ref<R>(this: *mut ffi::PyObject, name: &str, f: impl FnOnce(&T) -> R) -> PyResult<R> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: as in `borrow`; the guard ends the borrow after `f`, also when it unwinds.
        unsafe {
            let hdr = &(*cell).header;
            let b = hdr.flag.get();
            if b >= 0 {
                hdr.flag.set(b + 1);
                let _guard = BorrowGuard { hdr };
                return Ok(f(&*(&raw const (*(*cell).data.get()).owned).cast::<T>()));
            }
            Self::with_ref_slow(this, name, f)
        }
    }

    /// # Safety
    /// As for `with_ref`.
    #[inline(never)]
    unsafe fn with_ref_slow<R>(this: *mut ffi::PyObject, name: &str, f: impl FnOnce(&T) -> R) -> PyResult<R> {
        // SAFETY: per the contract.
        let r = unsafe { Self::borrow_slow(this, name)? };
        Ok(f(&r))
    }

    /// Runs `f` on the value under an exclusive borrow (see `with_ref`).
    ///
    /// # Safety
    /// As for `with_ref`.
    #[inline(always)]
    pub(crate) unsafe fn with_mut<R>(this: *mut ffi::PyObject, name: &str, f: impl FnOnce(&mut T) -> R) -> PyResult<R> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: as in `borrow_mut`; the guard ends the borrow after `f`, also when it unwinds.
        unsafe {
            let hdr = &(*cell).header;
            if hdr.flag.get() == 0 {
                hdr.flag.set(EXCLUSIVE);
                let _guard = ExclusiveGuard { hdr };
                return Ok(f(&mut *(&raw mut (*(*cell).data.get()).owned).cast::<T>()));
            }
            Self::with_mut_slow(this, name, f)
        }
    }

    /// # Safety
    /// As for `with_ref`.
    #[inline(never)]
    unsafe fn with_mut_slow<R>(this: *mut ffi::PyObject, name: &str, f: impl FnOnce(&mut T) -> R) -> PyResult<R> {
        // SAFETY: per the contract.
        let mut r = unsafe { Self::borrow_mut_slow(this, name)? };
        Ok(f(&mut r))
    }

    /// # Safety
    /// As for `borrow`.
    #[inline(never)]
    unsafe fn borrow_slow<'c>(this: *mut ffi::PyObject, name: &str) -> PyResult<Ref<'c, T>> {
        // SAFETY: per the contract.
        make_ref(unsafe { Self::resolve(this, name, Access::Shared)? })
    }

    /// Exclusive access for a method call: an owned, unborrowed value takes one check.
    ///
    /// # Safety
    /// As for `borrow`.
    #[inline(always)]
    pub(crate) unsafe fn borrow_mut<'c>(this: *mut ffi::PyObject, name: &str) -> PyResult<RefMut<'c, T>> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell that outlives 'c; `flag == 0` means it owns its value and nobody
        // borrows it.
        unsafe {
            let hdr = &(*cell).header;
            if hdr.flag.get() == 0 {
                hdr.flag.set(EXCLUSIVE);
                let ptr = (&raw mut (*(*cell).data.get()).owned).cast::<T>();
                return Ok(RefMut { ptr, _guard: ExclusiveGuard { hdr } });
            }
            Self::borrow_mut_slow(this, name)
        }
    }

    /// # Safety
    /// As for `borrow`.
    #[inline(never)]
    unsafe fn borrow_mut_slow<'c>(this: *mut ffi::PyObject, name: &str) -> PyResult<RefMut<'c, T>> {
        // SAFETY: per the contract.
        make_ref_mut(unsafe { Self::resolve(this, name, Access::Exclusive)? })
    }

    /// Views and released cells (`resolve` answers owned ones first; they are handled here too).
    ///
    /// # Safety
    /// As for `resolve`.
    #[inline(never)]
    unsafe fn resolve_slow<'c>(this: *mut ffi::PyObject, name: &str, access: Access) -> PyResult<Resolved<'c, T>> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; the union member read matches the flag.
        unsafe {
            let hdr = &(*cell).header;
            match hdr.flag.get() {
                VIEW => {
                    let view: &View = &(*(*cell).data.get()).view;
                    let root_hdr = &*view.root.as_ptr().cast::<CellHeader>();
                    let p = match view_target(view, root_hdr, access) {
                        Target::At(p) => p,
                        Target::Released => return Err(released_err(name)),
                        Target::Stale => return Err(stale_err(name)),
                        Target::Busy => {
                            return Err(if access == Access::Shared { busy_err() } else { in_use_err() });
                        }
                    };
                    Ok(Resolved {
                        hdr: root_hdr,
                        ptr: p.cast::<T>(),
                        root: view.root.as_ptr(),
                        root_data: view.root_data,
                        // Children made now are current (the walk succeeded), so they get today's epoch.
                        epoch: root_hdr.epoch.get(),
                        path: &view.path,
                    })
                }
                RELEASED => Err(released_err(name)),
                _ => {
                    let ptr = (&raw mut (*(*cell).data.get()).owned).cast::<T>();
                    Ok(Resolved { hdr, ptr, root: this, root_data: ptr.cast(), epoch: hdr.epoch.get(), path: &[] })
                }
            }
        }
    }

    /// For the test module only: moves an owning cell's epoch to `epoch` (to test edits near 2**32
    /// without making four billion of them). A view cell is left alone.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    pub(crate) unsafe fn set_epoch(this: *mut ffi::PyObject, epoch: u64) {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; the header is always initialised.
        unsafe {
            if (*cell).header.flag.get() != VIEW {
                (*cell).header.epoch.set(epoch);
            }
        }
    }

    /// Whether the value is gone: released, or (a view) its root released or its path stale.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    pub(crate) unsafe fn is_gone(this: *mut ffi::PyObject) -> bool {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; the union member read matches the flag.
        unsafe {
            match (*cell).header.flag.get() {
                RELEASED => true,
                VIEW => {
                    let view: &View = &(*(*cell).data.get()).view;
                    let root_hdr = &*view.root.as_ptr().cast::<CellHeader>();
                    matches!(view_target(view, root_hdr, Access::Shared), Target::Released | Target::Stale)
                }
                _ => false,
            }
        }
    }

    /// Drops the owned value now; later access raises. Errors on views and while borrowed.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    pub(crate) unsafe fn release(this: *mut ffi::PyObject, name: &str) -> PyResult<()> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; the owned member is initialised while the flag is >= EXCLUSIVE.
        unsafe {
            let hdr = &(*cell).header;
            match hdr.flag.get() {
                0 => {
                    hdr.flag.set(RELEASED);
                    ManuallyDrop::drop(&mut (*(*cell).data.get()).owned);
                    Ok(())
                }
                VIEW => Err(PyErr::type_error(format!(
                    "this {name} is a view into another object; release its owner instead"
                ))),
                RELEASED => Ok(()), // releasing twice is a no-op, never a double free
                _ => Err(PyErr::runtime_error(format!("cannot release this {name} while it is in use"))),
            }
        }
    }

    /// `tp_dealloc` body: untrack → drop native → `tp_free` → `Py_DECREF(type)`.
    ///
    /// # Safety
    /// Called once by CPython with a dead (refcount 0) `PyCell<T>`.
    pub(crate) unsafe fn dealloc(this: *mut ffi::PyObject, gc: bool) {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: CPython hands us the object exactly once; nothing else references it.
        unsafe {
            let tp = ffi::Py_TYPE(this);
            if gc {
                ffi::PyObject_GC_UnTrack(this.cast());
            }
            let flag = (*cell).header.flag.replace(RELEASED);
            let dropped = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match flag {
                VIEW => {
                    let view = ManuallyDrop::take(&mut (*(*cell).data.get()).view);
                    ffi::Py_DECREF(view.root.as_ptr());
                }
                RELEASED => {}
                _ => ManuallyDrop::drop(&mut (*(*cell).data.get()).owned),
            }));
            if let Err(payload) = dropped {
                PyErr::from_panic(payload).restore();
                ffi::PyErr_WriteUnraisable(std::ptr::null_mut());
            }
            if gc {
                ffi::PyObject_GC_Del(this.cast())
            } else {
                ffi::PyObject_Free(this.cast())
            }
            ffi::Py_DECREF(tp.cast());
        }
    }

    /// `tp_traverse` body: owned values report their objects; views report their root.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`; `visit`/`arg` come from the collector.
    pub(crate) unsafe fn traverse(
        this: *mut ffi::PyObject,
        visit: ffi::visitproc,
        arg: *mut std::ffi::c_void,
        each: fn(&T, &mut Visit<'_>),
    ) -> std::ffi::c_int {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; an exclusively borrowed value is skipped (its objects then look
        // externally referenced, so nothing is freed wrongly).
        unsafe {
            let hdr = &(*cell).header;
            match hdr.flag.get() {
                0.. => {
                    let mut v = Visit::new(visit, arg);
                    let value: &T = &(*(*cell).data.get()).owned;
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| each(value, &mut v)));
                    v.result()
                }
                VIEW => {
                    let view: &View = &(*(*cell).data.get()).view;
                    visit(view.root.as_ptr(), arg)
                }
                _ => 0,
            }
        }
    }

    /// `tp_clear` body: lets the value drop the Python objects it holds (breaking cycles).
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    pub(crate) unsafe fn clear(this: *mut ffi::PyObject, each: fn(&mut T)) -> std::ffi::c_int {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: a live cell; only an unborrowed owned value is touched.
        unsafe {
            let hdr = &(*cell).header;
            if hdr.flag.get() == 0 {
                hdr.flag.set(EXCLUSIVE);
                let value: &mut T = &mut (*(*cell).data.get()).owned;
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| each(value)));
                hdr.flag.set(0);
                if let Err(payload) = r {
                    PyErr::from_panic(payload).restore();
                    ffi::PyErr_WriteUnraisable(this);
                }
            }
            0
        }
    }
}
