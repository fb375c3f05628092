//! Argument parsing for `METH_FASTCALL | METH_KEYWORDS` functions and vectorcall constructors.
//!
//! No allocation and no hashing per call: arguments land in a fixed stack array; keyword names are
//! matched by pointer against names interned once (the interpreter interns identifier-like keywords, so
//! `f(a=1)` hits on the first compare), and only then by string comparison.

use crate::conv::FromPy;
use crate::err::{PyErr, PyResult};
use crate::obj::Borrowed;
use pyzig_ffi as ffi;
use std::ffi::CString;
use std::sync::OnceLock;

/// Most parameters one function may declare (the arguments live in a stack array of this size).
pub const MAX_ARGS: usize = 24;

/// Parameter names of one function, with their interned `str` objects made on first use.
pub struct ArgSpec {
    /// For messages: `"add"` (shown as `add()`).
    pub func: &'static str,
    pub names: &'static [&'static str],
    interned: OnceLock<Box<[usize]>>,
}

impl ArgSpec {
    pub const fn new(func: &'static str, names: &'static [&'static str]) -> ArgSpec {
        assert!(names.len() <= MAX_ARGS, "too many parameters for one function");
        ArgSpec { func, names, interned: OnceLock::new() }
    }

    fn interned(&self) -> PyResult<&[usize]> {
        if let Some(v) = self.interned.get() {
            return Ok(v);
        }
        let mut v = Vec::with_capacity(self.names.len());
        for name in self.names {
            let c = CString::new(*name).expect("parameter names have no NUL");
            // SAFETY: NUL-terminated; the reference is kept for the life of the process.
            let p = unsafe { ffi::PyUnicode_InternFromString(c.as_ptr()) };
            if p.is_null() {
                return Err(PyErr::fetch());
            }
            v.push(p as usize);
        }
        let _ = self.interned.set(v.into_boxed_slice());
        Ok(self.interned.get().expect("just set"))
    }

    fn index_of(&self, key: *mut ffi::PyObject) -> PyResult<Option<usize>> {
        let interned = self.interned()?;
        if let Some(i) = interned.iter().position(|&p| p == key as usize) {
            return Ok(Some(i));
        }
        // SAFETY: `key` is a live keyword name (a str per the calling convention).
        let key = unsafe { Borrowed::from_ptr(key) };
        let text = <&str>::from_py(key, "keyword")?;
        Ok(self.names.iter().position(|n| *n == text))
    }

    fn too_many(&self, given: usize) -> PyErr {
        PyErr::type_error(format!(
            "{}() takes at most {} positional argument{} ({given} given)",
            self.func,
            self.names.len(),
            if self.names.len() == 1 { "" } else { "s" }
        ))
    }

    fn place_keyword(&self, slots: &mut [*mut ffi::PyObject], key: *mut ffi::PyObject, value: *mut ffi::PyObject) -> PyResult<()> {
        match self.index_of(key)? {
            Some(i) if slots[i].is_null() => {
                slots[i] = value;
                Ok(())
            }
            Some(i) => Err(PyErr::type_error(format!(
                "{}() got multiple values for argument '{}'",
                self.func, self.names[i]
            ))),
            None => {
                // SAFETY: live keyword name.
                let key = unsafe { Borrowed::from_ptr(key) };
                let shown = key.to_owned().repr().unwrap_or_else(|_| "?".into());
                Err(PyErr::type_error(format!("{}() got an unexpected keyword argument {shown}", self.func)))
            }
        }
    }

    /// Fills `slots` from a vectorcall (`args[..nargs]` positional, then one value per `kwnames` item).
    ///
    /// # Safety
    /// The pointers follow the vectorcall convention and stay alive during the call.
    pub(crate) unsafe fn parse_vector(
        &self,
        slots: &mut [*mut ffi::PyObject],
        args: *const *mut ffi::PyObject,
        nargs: usize,
        kwnames: *mut ffi::PyObject,
    ) -> PyResult<()> {
        if nargs > self.names.len() {
            return Err(self.too_many(nargs));
        }
        // SAFETY: `args` has `nargs` positional entries followed by one per keyword.
        unsafe {
            for i in 0..nargs {
                slots[i] = *args.add(i);
            }
            if !kwnames.is_null() {
                let nk = ffi::PyTuple_GET_SIZE(kwnames) as usize;
                for k in 0..nk {
                    let key = ffi::PyTuple_GET_ITEM(kwnames, k as isize);
                    self.place_keyword(slots, key, *args.add(nargs + k))?;
                }
            }
        }
        Ok(())
    }

    /// Fills `slots` from an `(args, kwargs)` pair (the `tp_new` / `tp_call` path).
    ///
    /// # Safety
    /// `args` is a tuple, `kwargs` a dict or null, both alive during the call.
    pub(crate) unsafe fn parse_tuple_dict(
        &self,
        slots: &mut [*mut ffi::PyObject],
        args: *mut ffi::PyObject,
        kwargs: *mut ffi::PyObject,
    ) -> PyResult<()> {
        // SAFETY: per the contract.
        unsafe {
            let n = ffi::PyTuple_GET_SIZE(args) as usize;
            if n > self.names.len() {
                return Err(self.too_many(n));
            }
            for i in 0..n {
                slots[i] = ffi::PyTuple_GET_ITEM(args, i as isize);
            }
            if !kwargs.is_null() {
                let (mut pos, mut k, mut v) = (0isize, std::ptr::null_mut(), std::ptr::null_mut());
                while ffi::PyDict_Next(kwargs, &mut pos, &mut k, &mut v) != 0 {
                    if ffi::tp_flags(ffi::Py_TYPE(k)) & ffi::Py_TPFLAGS_UNICODE_SUBCLASS == 0 {
                        return Err(PyErr::type_error(format!("{}() keywords must be strings", self.func)));
                    }
                    self.place_keyword(slots, k, v)?;
                }
            }
        }
        Ok(())
    }
}

/// The parsed arguments of one call, handed to generated code. Missing arguments are empty slots.
pub struct Args<'a> {
    spec: &'static ArgSpec,
    slots: &'a [*mut ffi::PyObject],
}

impl<'a> Args<'a> {
    pub(crate) fn new(spec: &'static ArgSpec, slots: &'a [*mut ffi::PyObject]) -> Args<'a> {
        Args { spec, slots }
    }

    /// Argument `i` converted, or `None` when it was not passed.
    #[inline]
    pub fn get<T: FromPy<'a>>(&self, i: usize, what: &str) -> PyResult<Option<T>> {
        let p = self.slots[i];
        if p.is_null() {
            return Ok(None);
        }
        // SAFETY: the slots hold live objects the caller keeps alive for the call ('a).
        T::from_py(unsafe { Borrowed::from_ptr(p) }, what).map(Some)
    }

    /// The error for a required argument that was not passed.
    #[cold]
    pub fn missing(&self, i: usize) -> PyErr {
        PyErr::type_error(format!("{}() missing required argument '{}'", self.spec.func, self.spec.names[i]))
    }
}
