//! A Python `str` (or `bytes` holding UTF-8) lent to Rust as `&str` for as long as Rust keeps it: the
//! text is the str's own UTF-8 form or the bytes' buffer (nothing is copied), and the object stays
//! alive until its holder is dropped, on any thread (the drop takes the GIL to release it). A parser
//! can keep it as the source of a tree instead of copying the text, and hand the very same `str`
//! back when the text is asked for again.

use std::ptr::NonNull;

use pyzig_ffi as ffi;

use crate::err::{PyErr, PyResult};
use crate::obj::{Borrowed, Obj};

pub struct SharedStr {
    obj: NonNull<ffi::PyObject>,
    text: *const u8,
    len: usize,
    is_str: bool,
}

// SAFETY: the text is immutable for the object's life (a `str` or `bytes` never changes once made, and a
// str's UTF-8 form, once made, is kept in the object until it is freed), and the holder owns a strong reference,
// so reading it from any thread is sound; the object itself is only touched in `drop`, with the GIL.
unsafe impl Send for SharedStr {}
// SAFETY: as above: shared access only reads the immutable text.
unsafe impl Sync for SharedStr {}

impl SharedStr {
    /// The text of `obj` if it is exactly a `str` (`None` for anything else, subclasses included, so
    /// that what [`SharedStr::to_obj`] hands back is a plain `str`); an error for a str with no UTF-8
    /// form (lone surrogates). Call it holding the GIL, as every binding-layer function runs.
    pub fn new(obj: Borrowed<'_>) -> PyResult<Option<SharedStr>> {
        if obj.type_ptr() != &raw mut ffi::PyUnicode_Type {
            return Ok(None);
        }
        let mut len: ffi::Py_ssize_t = 0;
        // SAFETY: a str and the GIL held; the UTF-8 buffer is cached in the object for its life.
        let text = unsafe { ffi::PyUnicode_AsUTF8AndSize(obj.as_ptr(), &mut len) };
        if text.is_null() {
            return Err(PyErr::fetch());
        }
        // Our own strong reference, released in `drop`.
        let obj = obj.to_owned().into_ptr();
        Ok(Some(SharedStr {
            obj: NonNull::new(obj).expect("a borrowed object is not null"),
            text: text.cast(),
            len: len as usize,
            is_str: true,
        }))
    }

    /// The text of `obj` if it is a `bytes` (a subclass too) holding UTF-8: `None` for anything
    /// else, and for bytes that are not UTF-8 a copy of them (for the caller's error, which can then
    /// point at the bad byte). Call it holding the GIL.
    pub fn from_utf8_bytes(obj: Borrowed<'_>) -> Option<Result<SharedStr, Vec<u8>>> {
        if obj.flags() & ffi::Py_TPFLAGS_BYTES_SUBCLASS == 0 {
            return None;
        }
        let mut buffer: *mut std::ffi::c_char = std::ptr::null_mut();
        let mut len: ffi::Py_ssize_t = 0;
        // SAFETY: a bytes object and the GIL held: this gives its buffer, which lives (unchanged) as
        // long as the object; it cannot fail for a bytes object.
        let rc = unsafe { ffi::PyBytes_AsStringAndSize(obj.as_ptr(), &mut buffer, &mut len) };
        assert!(rc == 0 && !buffer.is_null(), "PyBytes_AsStringAndSize failed on a bytes object");
        // SAFETY: as above; the slice is only read here, while `obj` is borrowed.
        let bytes = unsafe { std::slice::from_raw_parts(buffer.cast::<u8>(), len as usize) };
        if std::str::from_utf8(bytes).is_err() {
            return Some(Err(bytes.to_vec()));
        }
        let obj = obj.to_owned().into_ptr();
        Some(Ok(SharedStr {
            obj: NonNull::new(obj).expect("a borrowed object is not null"),
            text: buffer.cast(),
            len: len as usize,
            is_str: false,
        }))
    }

    /// Whether the text is a `str`'s (rather than a `bytes`').
    pub fn is_str(&self) -> bool {
        self.is_str
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: `PyUnicode_AsUTF8AndSize` gave (or `from_utf8_bytes` checked) valid UTF-8 of this length,
        // alive while we hold the object.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.text, self.len)) }
    }

    /// The `str` (or `bytes`) itself (a new reference). Call it holding the GIL.
    pub fn to_obj(&self) -> Obj {
        // SAFETY: our reference keeps the object alive; the caller holds the GIL.
        unsafe { Obj::from_borrowed_ptr(self.obj.as_ptr()) }
    }
}

impl Drop for SharedStr {
    fn drop(&mut self) {
        // Taking the GIL during finalization ends the thread (see `forced_unwind`).
        let hang = crate::forced_unwind::HangOnForcedUnwind::arm();
        // SAFETY: `PyGILState_Ensure` takes the GIL on any thread that has none (and only counts on one
        // that holds it); our strong reference is released once, then the previous state restored.
        unsafe {
            let state = ffi::PyGILState_Ensure();
            hang.disarm();
            ffi::Py_DECREF(self.obj.as_ptr());
            ffi::PyGILState_Release(state);
        }
    }
}
