//! What a `gc` class's `Traverse::traverse` is handed: it reports the Python objects a value holds.

use crate::obj::Obj;
use pyzig_ffi as ffi;
use std::marker::PhantomData;

/// Handed to [`Traverse::traverse`](crate::Traverse): report every Python object the value holds.
pub struct Visit<'a> {
    visit: ffi::visitproc,
    arg: *mut std::ffi::c_void,
    ret: std::ffi::c_int,
    _p: PhantomData<&'a ()>,
}

impl Visit<'_> {
    pub(crate) fn new(visit: ffi::visitproc, arg: *mut std::ffi::c_void) -> Self {
        Visit { visit, arg, ret: 0, _p: PhantomData }
    }

    /// What `tp_traverse` returns: the first non-zero result of the collector's callback, else 0.
    pub(crate) fn result(&self) -> std::ffi::c_int {
        self.ret
    }

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
}
