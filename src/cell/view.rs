//! View paths: how a view cell reaches its value inside its root's data.
//!
//! A view stores the steps from the root's data to its target (a field offset, a list index, the inside
//! of an `Option`) and walks them again on every access. A view whose path goes through a list element
//! raises once any list under that root lost or reordered elements (the root's `epoch` changed),
//! because its index may now name another element.

use super::{Access, CellHeader, Data, EXCLUSIVE, PyCell, VIEW, alloc, init_header};
use crate::err::{PyErr, PyResult};
use crate::obj::Obj;
use pyzig_ffi as ffi;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

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

impl Step {
    /// Into the value a `Box<T>` owns (walked again on each access, so a replaced box is followed).
    pub(crate) fn boxed<T>() -> Step {
        unsafe fn deref<T>(p: *mut u8, _: usize, exclusive: bool) -> Option<*mut u8> {
            // SAFETY: `p` points to a live `Box<T>`; references as in `index`.
            unsafe {
                if exclusive {
                    Some((&mut **p.cast::<Box<T>>() as *mut T).cast::<u8>())
                } else {
                    Some((&**p.cast::<Box<T>>() as *const T).cast_mut().cast::<u8>())
                }
            }
        }
        Step { f: deref::<T>, arg: 0, indexed: false }
    }
}

/// A view cell's data: its root (a strong reference) and the path from the root's data.
pub(super) struct View {
    pub(super) root: NonNull<ffi::PyObject>,
    pub(super) root_data: *mut u8,
    pub(super) epoch: u64,
    pub(super) indexed: bool,
    pub(super) path: Box<[Step]>,
}

/// Where a value lives: its root cell and the path from the root's data (what a child view copies).
pub struct At<'a> {
    pub(super) root: *mut ffi::PyObject,
    pub(super) root_data: *mut u8,
    pub(super) epoch: u64,
    pub(super) parent_path: &'a [Step],
    pub(super) step: Step,
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

#[cold]
pub(super) fn stale_err(name: &str) -> PyErr {
    PyErr::reference_error(format!(
        "this {name} no longer exists in its owner (it was removed, or its list was changed since it \
         was read); read it again from the owner"
    ))
}

/// Where a view's path leads now.
pub(super) enum Target {
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
pub(super) unsafe fn view_target(view: &View, root_hdr: &CellHeader, access: Access) -> Target {
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
