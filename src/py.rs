//! `Py<T>`: an owned, typed reference to a wrapper, for Rust values that keep other wrappers alive.

use crate::cell::{Access, PyCell, make_ref, make_ref_mut};
use crate::class::{PyClass, Slf, check_type, new_owned};
use crate::conv::{FromPy, IntoPy};
use crate::err::PyResult;
use crate::obj::{Borrowed, Obj};
use crate::visit::Visit;
use crate::{Ref, RefMut};
use std::marker::PhantomData;

/// wrapper alive (a handle holding its graph); declare such a type `gc` and report it in `Traverse`.
pub struct Py<T: PyClass> {
    obj: Obj,
    _t: PhantomData<T>,
}

impl<T: PyClass> Py<T> {
    /// Wraps `value` in a new owning wrapper.
    pub fn new(value: T) -> PyResult<Py<T>> {
        let obj = new_owned::<T>(value)?;
        Ok(Py { obj, _t: PhantomData })
    }

    /// `obj` as a `Py<T>` if it is a `T` wrapper; `TypeError` naming `what` otherwise.
    pub fn downcast(obj: Obj, what: &str) -> PyResult<Py<T>> {
        check_type::<T>(obj.borrowed(), what)?;
        Ok(Py { obj, _t: PhantomData })
    }

    pub(crate) fn from_checked(obj: Obj) -> Py<T> {
        Py { obj, _t: PhantomData }
    }

    pub fn borrow(&self) -> PyResult<Ref<'_, T>> {
        // SAFETY: a live `PyCell<T>` (type checked at construction), alive as long as `self`.
        make_ref(unsafe { PyCell::<T>::resolve(self.obj.as_ptr(), T::NAME, Access::Shared)? })
    }

    pub fn borrow_mut(&self) -> PyResult<RefMut<'_, T>> {
        // SAFETY: as in `borrow`.
        make_ref_mut(unsafe { PyCell::<T>::resolve(self.obj.as_ptr(), T::NAME, Access::Exclusive)? })
    }

    /// Explicit release: drops the native value now. Afterwards every wrapper reaching it (this one, its
    /// views, handles holding it) raises `ReferenceError`; a second release is a no-op.
    pub fn release(&self) -> PyResult<()> {
        // SAFETY: a live `PyCell<T>`.
        unsafe { PyCell::<T>::release(self.obj.as_ptr(), T::NAME) }
    }

    /// For tests of the binding layer (the test module): sets the list-edit counter of an owning object.
    #[doc(hidden)]
    pub fn set_epoch_for_tests(&self, epoch: u64) {
        // SAFETY: a live `PyCell<T>`.
        unsafe { PyCell::<T>::set_epoch(self.obj.as_ptr(), epoch) }
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

impl Visit<'_> {
    pub fn py<U: PyClass>(&mut self, obj: &Py<U>) {
        self.obj(obj.as_obj());
    }
}

impl<C: PyClass> Slf<'_, C> {
    /// A strong typed reference to the wrapper (for handles that keep their owner alive).
    pub fn py(self) -> Py<C> {
        Py::from_checked(self.to_obj())
    }
}

impl<'a, T: PyClass> FromPy<'a> for Py<T> {
    fn from_py(obj: Borrowed<'a>, what: &str) -> PyResult<Self> {
        check_type::<T>(obj, what)?;
        Ok(Py::from_checked(obj.to_owned()))
    }
    fn hint() -> String {
        T::NAME.into()
    }
}

impl<T: PyClass> IntoPy for Py<T> {
    fn into_py(self) -> PyResult<Obj> {
        Ok(self.into_obj())
    }
    fn hint() -> String {
        T::NAME.into()
    }
}
