//! The object layout of every type made by the layer, and the ownership rule.
//!
//! A `PyCell<T>` either OWNS its `T` (dropped exactly once: in `tp_dealloc`, or earlier by an explicit
//! release) or is a VIEW of a `T` inside another cell's data. A view holds a strong reference to the root
//! owner and the path from the root's data to its target, re-walked on every access, so it can never
//! reach freed memory: a released root makes every view raise `ReferenceError`; a view whose path goes
//! through a list element raises once any list under that root lost or reordered elements (the root's
//! `epoch` changed), because its index may now name another element.
//!
//! Aliasing: a borrow flag on the root (shared count, or exclusive) guards every access, so a callback
//! into Python that re-enters the same object gets a `RuntimeError` instead of aliasing `&mut`.

use crate::class::PyClass;
use crate::err::{PyErr, PyResult};
use crate::obj::Obj;
use pyzig_ffi as ffi;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

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
    /// Root only: bumped when a list under this root loses or reorders elements.
    epoch: Cell<u32>,
}

/// What an access through a cell will do; a view's path is walked for that kind of access only.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Access {
    /// Reads under a shared borrow: the walk makes shared references only.
    Shared,
    /// Writes under an exclusive borrow: the walk may make `&mut` (nobody else holds the root).
    Exclusive,
}

/// One step of a view's path: from a pointer to the parent value to the child (`None`: it is gone).
/// Its third argument says whether the walk is for an exclusive access (see [`Access`]).
#[derive(Clone, Copy)]
pub struct Step {
    f: unsafe fn(*mut u8, usize, bool) -> Option<*mut u8>,
    arg: usize,
    /// Steps into list elements: such views check the root's epoch.
    indexed: bool,
}

impl Step {
    pub(crate) fn field(offset: usize) -> Step {
        unsafe fn at_offset(p: *mut u8, offset: usize, _: bool) -> Option<*mut u8> {
            // SAFETY: `offset` is `offset_of!` of a field of the value `p` points to.
            Some(unsafe { p.add(offset) })
        }
        Step { f: at_offset, arg: offset, indexed: false }
    }

    pub(crate) fn index<T>(i: usize) -> Step {
        unsafe fn elem<T>(p: *mut u8, i: usize, exclusive: bool) -> Option<*mut u8> {
            // SAFETY: `p` points to a live `Vec<T>` (the path was built from its type). A shared
            // walk makes only a shared reference (others may hold some) and its pointer is only read
            // through; an exclusive walk runs while nobody else borrows the root.
            unsafe {
                if exclusive {
                    let v = &mut *p.cast::<Vec<T>>();
                    (i < v.len()).then(|| v.as_mut_ptr().wrapping_add(i).cast::<u8>())
                } else {
                    let v = &*p.cast::<Vec<T>>();
                    (i < v.len()).then(|| v.as_ptr().wrapping_add(i).cast_mut().cast::<u8>())
                }
            }
        }
        Step { f: elem::<T>, arg: i, indexed: true }
    }

    pub(crate) fn some<T>() -> Step {
        unsafe fn some<T>(p: *mut u8, _: usize, exclusive: bool) -> Option<*mut u8> {
            // SAFETY: `p` points to a live `Option<T>`; references as in `index`.
            unsafe {
                if exclusive {
                    (*p.cast::<Option<T>>()).as_mut().map(|r| (r as *mut T).cast::<u8>())
                } else {
                    (*p.cast::<Option<T>>()).as_ref().map(|r| (r as *const T).cast_mut().cast::<u8>())
                }
            }
        }
        Step { f: some::<T>, arg: 0, indexed: false }
    }
}

struct View {
    root: NonNull<ffi::PyObject>,
    root_data: *mut u8,
    epoch: u32,
    indexed: bool,
    path: Box<[Step]>,
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

/// Where a value lives: its root cell and the path from the root's data (what a child view copies).
pub struct At<'a> {
    root: *mut ffi::PyObject,
    root_data: *mut u8,
    epoch: u32,
    parent_path: &'a [Step],
    step: Step,
}

impl At<'_> {
    fn child_path(&self) -> Box<[Step]> {
        let mut p = Vec::with_capacity(self.parent_path.len() + 1);
        p.extend_from_slice(self.parent_path);
        p.push(self.step);
        p.into_boxed_slice()
    }

    /// A new view cell of type `T` (whose Python type is `tp`) for the value here.
    pub(crate) fn new_view<T>(&self, tp: *mut ffi::PyTypeObject, gc: bool) -> PyResult<Obj> {
        let path = self.child_path();
        let indexed = path.iter().any(|s| s.indexed);
        // SAFETY: `tp` is the heap type whose instances are `PyCell<T>`; the root is a live cell.
        unsafe {
            let p = alloc(tp, gc)?;
            let cell = p.cast::<PyCell<T>>();
            init_header(cell.cast(), VIEW);
            ffi::Py_INCREF(self.root);
            (*cell).data.get().write(Data {
                view: ManuallyDrop::new(Box::new(View {
                    root: NonNull::new_unchecked(self.root),
                    root_data: self.root_data,
                    epoch: self.epoch,
                    indexed,
                    path,
                })),
            });
            if gc {
                ffi::PyObject_GC_Track(p.cast());
            }
            Obj::from_owned_ptr(p)
        }
    }

    /// The place of a child of the value here (one step further).
    pub(crate) fn then<'b>(&'b self, path_buf: &'b mut Vec<Step>, step: Step) -> At<'b> {
        path_buf.clear();
        path_buf.extend_from_slice(self.parent_path);
        path_buf.push(self.step);
        At { root: self.root, root_data: self.root_data, epoch: self.epoch, parent_path: path_buf, step }
    }
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
    epoch: u32,
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
        self.hdr.epoch.set(self.hdr.epoch.get().wrapping_add(1));
    }
}

#[cold]
fn released_err(name: &str) -> PyErr {
    PyErr::reference_error(format!("this {name} was released; its native data is gone"))
}

#[cold]
fn stale_err(name: &str) -> PyErr {
    PyErr::reference_error(format!(
        "this {name} no longer exists in its owner (it was removed, or its list was changed since it \
         was read); read it again from the owner"
    ))
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
        unsafe {
            ((*cell).header.flag.get() >= 0).then(|| (&raw mut (*(*cell).data.get()).owned).cast::<T>())
        }
    }

    /// The fast path of scalar field writes: the value if this cell owns it and it is not borrowed.
    ///
    /// # Safety
    /// `this` is a live `PyCell<T>`.
    #[inline(always)]
    pub(crate) unsafe fn owned_for_write(this: *mut ffi::PyObject) -> Option<*mut T> {
        let cell = this.cast::<PyCell<T>>();
        // SAFETY: as in `owned_for_read`.
        unsafe {
            ((*cell).header.flag.get() == 0).then(|| (&raw mut (*(*cell).data.get()).owned).cast::<T>())
        }
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
            if gc { ffi::PyObject_GC_Del(this.cast()) } else { ffi::PyObject_Free(this.cast()) }
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
                    let mut v = Visit { visit, arg, ret: 0, _p: PhantomData };
                    let value: &T = &(*(*cell).data.get()).owned;
                    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| each(value, &mut v)));
                    v.ret
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

/// Where a view's path leads now.
enum Target {
    At(*mut u8),
    Released,
    /// A list on the path lost or reordered elements, or an element or option is gone.
    Stale,
    /// The root is borrowed in a way that refuses the access: not walked.
    Busy,
}

/// Walks `view`'s path for an `access`, after checking that its root (whose header is `root_hdr`) is
/// alive and would allow that access, so the walk never makes a reference that aliases a live borrow.
///
/// # Safety
/// `view` is the view of a live cell and `root_hdr` its root's header.
unsafe fn view_target(view: &View, root_hdr: &CellHeader, access: Access) -> Target {
    let flag = root_hdr.flag.get();
    if flag < EXCLUSIVE {
        return Target::Released;
    }
    let refused = match access {
        Access::Shared => flag == EXCLUSIVE,
        Access::Exclusive => flag != 0,
    };
    if refused {
        return Target::Busy;
    }
    if view.indexed && root_hdr.epoch.get() != view.epoch {
        return Target::Stale;
    }
    let mut p = view.root_data;
    for step in view.path.iter() {
        // SAFETY: the root is alive and nobody holds a borrow this walk's references would alias;
        // each step was built from the type of the value it starts from.
        p = match unsafe { (step.f)(p, step.arg, access == Access::Exclusive) } {
            Some(p) => p,
            None => return Target::Stale,
        };
    }
    Target::At(p)
}

/// Handed to [`Traverse::traverse`](crate::Traverse): report every Python object the value holds.
pub struct Visit<'a> {
    visit: ffi::visitproc,
    arg: *mut std::ffi::c_void,
    ret: std::ffi::c_int,
    _p: PhantomData<&'a ()>,
}

impl Visit<'_> {
    pub fn obj(&mut self, obj: &Obj) {
        if self.ret == 0 {
            // SAFETY: a live object we hold a reference to; the collector's callback.
            self.ret = unsafe { (self.visit)(obj.as_ptr(), self.arg) };
        }
    }

    pub fn opt(&mut self, obj: &Option<Obj>) {
        if let Some(o) = obj {
            self.obj(o);
        }
    }

    pub fn py<U: PyClass>(&mut self, obj: &Py<U>) {
        self.obj(obj.as_obj());
    }
}

/// A shared borrow of a root cell's value, released on drop.
pub(crate) struct BorrowGuard<'c> {
    hdr: &'c CellHeader,
}

impl<'c> BorrowGuard<'c> {
    #[inline(always)]
    fn shared(hdr: &'c CellHeader) -> PyResult<BorrowGuard<'c>> {
        let b = hdr.flag.get();
        if b < 0 {
            return Err(busy_err());
        }
        hdr.flag.set(b + 1);
        Ok(BorrowGuard { hdr })
    }

    #[inline(always)]
    fn exclusive(hdr: &'c CellHeader) -> PyResult<ExclusiveGuard<'c>> {
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
    hdr: &'c CellHeader,
}

impl Drop for ExclusiveGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.hdr.flag.set(0);
    }
}

#[cold]
#[inline(never)]
fn busy_err() -> PyErr {
    PyErr::runtime_error("the object is being modified (re-entrant access from a callback)")
}

#[cold]
#[inline(never)]
fn in_use_err() -> PyErr {
    PyErr::runtime_error("the object is in use (re-entrant modification from a callback)")
}

/// Shared access to a wrapped value.
pub struct Ref<'a, T> {
    ptr: *const T,
    _guard: BorrowGuard<'a>,
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
    ptr: *mut T,
    _guard: ExclusiveGuard<'a>,
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

/// An owned, typed reference to a wrapper of `T` (owner or view). Store it in a Rust value to keep the
/// wrapper alive (a handle holding its graph); declare such a type `gc` and report it in `Traverse`.
pub struct Py<T: PyClass> {
    obj: Obj,
    _t: PhantomData<T>,
}

impl<T: PyClass> Py<T> {
    /// Wraps `value` in a new owning wrapper.
    pub fn new(value: T) -> PyResult<Py<T>> {
        let obj = crate::class::new_owned::<T>(value)?;
        Ok(Py { obj, _t: PhantomData })
    }

    /// `obj` as a `Py<T>` if it is a `T` wrapper; `TypeError` naming `what` otherwise.
    pub fn downcast(obj: Obj, what: &str) -> PyResult<Py<T>> {
        crate::class::check_type::<T>(obj.borrowed(), what)?;
        Ok(Py { obj, _t: PhantomData })
    }

    pub(crate) fn from_checked(obj: Obj) -> Py<T> {
        Py { obj, _t: PhantomData }
    }

    pub fn borrow(&self) -> PyResult<Ref<'_, T>> {
        // SAFETY: a live `PyCell<T>` (type checked at construction), alive as long as `self`.
        let r = unsafe { PyCell::<T>::resolve(self.obj.as_ptr(), T::NAME, Access::Shared)? };
        let guard = r.borrow()?;
        Ok(Ref { ptr: r.ptr, _guard: guard })
    }

    pub fn borrow_mut(&self) -> PyResult<RefMut<'_, T>> {
        // SAFETY: as in `borrow`.
        let r = unsafe { PyCell::<T>::resolve(self.obj.as_ptr(), T::NAME, Access::Exclusive)? };
        let guard = r.borrow_mut()?;
        Ok(RefMut { ptr: r.ptr, _guard: guard })
    }

    /// Explicit release: drops the native value now. Afterwards every wrapper reaching it (this one, its
    /// views, handles holding it) raises `ReferenceError`; a second release is a no-op.
    pub fn release(&self) -> PyResult<()> {
        // SAFETY: a live `PyCell<T>`.
        unsafe { PyCell::<T>::release(self.obj.as_ptr(), T::NAME) }
    }

    /// True once released (or when a view's owner was released or it went stale). A view whose
    /// owner is being modified right now counts as not released: its path cannot be walked then.
    pub fn is_released(&self) -> bool {
        // SAFETY: a live `PyCell<T>`.
        unsafe { PyCell::<T>::is_gone(self.obj.as_ptr()) }
    }

    pub fn as_obj(&self) -> &Obj {
        &self.obj
    }

    pub fn into_obj(self) -> Obj {
        self.obj
    }

    /// Address of the native value (what `__zig_address__()` returns).
    pub fn address(&self) -> PyResult<usize> {
        // SAFETY: a live `PyCell<T>`.
        unsafe { PyCell::<T>::resolve(self.obj.as_ptr(), T::NAME, Access::Shared).map(|r| r.ptr as usize) }
    }
}

impl<T: PyClass> Clone for Py<T> {
    fn clone(&self) -> Self {
        Py { obj: self.obj.clone(), _t: PhantomData }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Leaf {
        n: i32,
    }

    #[derive(Default)]
    struct Root {
        tag: u8,
        leaves: Vec<Leaf>,
        opt: Option<Leaf>,
    }

    /// The walk's target, checking that a shared walk (from a `&Root`) and an exclusive one agree.
    fn walk(root: &mut Root, path: &[Step]) -> Option<*mut u8> {
        let mut ends = [None, None];
        for (exclusive, end) in [false, true].into_iter().zip(ends.iter_mut()) {
            let mut p = if exclusive {
                (root as *mut Root).cast::<u8>()
            } else {
                (&*root as *const Root).cast_mut().cast::<u8>()
            };
            let mut reached = true;
            for s in path {
                // SAFETY: the steps were built from `Root`'s own field types and offsets.
                match unsafe { (s.f)(p, s.arg, exclusive) } {
                    Some(next) => p = next,
                    None => reached = false,
                }
                if !reached {
                    break;
                }
            }
            *end = reached.then_some(p);
        }
        assert_eq!(ends[0], ends[1], "shared and exclusive walks disagree");
        ends[1]
    }

    #[test]
    fn paths_reach_fields_elements_and_options() {
        let mut r = Root { tag: 1, leaves: vec![Leaf { n: 10 }, Leaf { n: 20 }], opt: None };
        let to_leaf1 = [Step::field(std::mem::offset_of!(Root, leaves)), Step::index::<Leaf>(1)];
        let p = walk(&mut r, &to_leaf1).unwrap();
        // SAFETY: the path ends at a `Leaf`.
        assert_eq!(unsafe { (*p.cast::<Leaf>()).n }, 20);
        assert!(to_leaf1.iter().any(|s| s.indexed));

        let to_opt = [Step::field(std::mem::offset_of!(Root, opt)), Step::some::<Leaf>()];
        assert!(walk(&mut r, &to_opt).is_none(), "None is reported as gone");
        r.opt = Some(Leaf { n: 5 });
        // SAFETY: the path ends at a `Leaf`.
        assert_eq!(unsafe { (*walk(&mut r, &to_opt).unwrap().cast::<Leaf>()).n }, 5);
        assert!(!to_opt.iter().any(|s| s.indexed));
        assert_eq!(r.tag, 1);
    }

    /// What a view read does while other readers hold the root: the shared walk and the read through
    /// its pointer must leave their references valid. Miri checks that (`cargo +nightly miri test -p
    /// pyzig --lib cell::`; it reports undefined behaviour if the walk makes a `&mut`, as it once did).
    #[test]
    fn a_shared_walk_leaves_other_readers_valid() {
        let root = Root { tag: 3, leaves: vec![Leaf { n: 10 }, Leaf { n: 20 }], opt: Some(Leaf { n: 7 }) };
        let reader: &Root = &root;
        let held: &Vec<Leaf> = &reader.leaves;
        let base = (reader as *const Root).cast_mut().cast::<u8>();
        for (path, want) in [
            (vec![Step::field(std::mem::offset_of!(Root, leaves)), Step::index::<Leaf>(1)], 20),
            (vec![Step::field(std::mem::offset_of!(Root, opt)), Step::some::<Leaf>()], 7),
        ] {
            let mut p = base;
            for s in &path {
                // SAFETY: steps built from `Root`'s types; a shared walk from a shared borrow.
                p = unsafe { (s.f)(p, s.arg, false) }.expect("present");
            }
            // SAFETY: the path ends at a `Leaf`; only read.
            assert_eq!(unsafe { (*p.cast::<Leaf>()).n }, want);
        }
        // The other readers' references are still usable.
        assert_eq!(held.len(), 2);
        assert_eq!(reader.tag, 3);
    }

    #[test]
    fn index_past_the_end_is_gone_even_with_capacity_left() {
        let mut r = Root::default();
        r.leaves.reserve(8);
        r.leaves.push(Leaf { n: 1 });
        r.leaves.push(Leaf { n: 2 });
        let to_leaf1 = [Step::field(std::mem::offset_of!(Root, leaves)), Step::index::<Leaf>(1)];
        assert!(walk(&mut r, &to_leaf1).is_some());
        r.leaves.pop();
        assert!(walk(&mut r, &to_leaf1).is_none(), "a popped slot in spare capacity must not be reachable");
    }
}
