//! Argument parsing for `METH_FASTCALL | METH_KEYWORDS` functions and vectorcall constructors.
//!
//! No allocation and no hashing per call: arguments land in a stack array sized by the parameter
//! count; keyword names are matched by pointer against names interned once (the interpreter interns
//! identifier-like keywords, so `f(a=1)` hits on the first compare), and only then by string comparison.

use crate::conv::FromPy;
use crate::err::{PyErr, PyResult};
use crate::obj::{Borrowed, Obj};
use pyzig_ffi as ffi;
use std::ffi::CString;
use std::sync::OnceLock;

/// Parameter names of one function, with their interned `str` objects made on first use. `KW`: the
/// last parameter is `#[kwargs]` (a type parameter, so functions without one pay nothing for it).
pub struct ArgSpec<const N: usize, const KW: bool = false> {
    /// For messages: `"add"` (shown as `add()`).
    pub func: &'static str,
    pub names: [&'static str; N],
    interned: OnceLock<[usize; N]>,
}

impl<const N: usize, const KW: bool> ArgSpec<N, KW> {
    pub const fn new(func: &'static str, names: [&'static str; N]) -> ArgSpec<N, KW> {
        Self::with_kwargs(func, names, [false; N])
    }

    /// `kwargs[i]` marks the parameter collecting extra keywords; it must be the last one, and `KW`
    /// must say whether there is one (see [`has_kwargs`]).
    pub const fn with_kwargs(func: &'static str, names: [&'static str; N], kwargs: [bool; N]) -> ArgSpec<N, KW> {
        assert!(has_kwargs(&kwargs) == KW, "KW must match the #[kwargs] flags");
        let mut i = 0;
        while i < N {
            assert!(!kwargs[i] || i + 1 == N, "a #[kwargs] parameter must be the last parameter");
            i += 1;
        }
        ArgSpec { func, names, interned: OnceLock::new() }
    }

    /// How many parameters can be given by position or by name.
    const fn named(&self) -> usize {
        if KW { N - 1 } else { N }
    }

    #[inline(always)]
    fn interned(&self) -> PyResult<&[usize; N]> {
        match self.interned.get() {
            Some(v) => Ok(v),
            None => self.intern(),
        }
    }

    #[cold]
    fn intern(&self) -> PyResult<&[usize; N]> {
        let mut v = [0usize; N];
        for (slot, name) in v.iter_mut().zip(self.names) {
            let c = CString::new(name).expect("parameter names have no NUL");
            // SAFETY: NUL-terminated; the reference is kept for the life of the process.
            let p = unsafe { ffi::PyUnicode_InternFromString(c.as_ptr()) };
            if p.is_null() {
                return Err(PyErr::fetch());
            }
            *slot = p as usize;
        }
        let _ = self.interned.set(v);
        Ok(self.interned.get().expect("just set"))
    }

    /// The parameter a keyword names when it is not one of our interned objects (string compare).
    /// The named parameter a keyword is for: `None` when it is an extra keyword (for `#[kwargs]`).
    #[inline(always)]
    fn index_of(&self, interned: &[usize; N], key: *mut ffi::PyObject) -> PyResult<Option<usize>> {
        let named = self.named();
        match interned[..named].iter().position(|&p| p == key as usize) {
            Some(i) => Ok(Some(i)),
            None => self.index_by_text(key),
        }
    }

    #[cold]
    #[inline(never)]
    fn index_by_text(&self, key: *mut ffi::PyObject) -> PyResult<Option<usize>> {
        // SAFETY: `key` is a live keyword name.
        let key = unsafe { Borrowed::from_ptr(key) };
        let text = <&str>::from_py(key, "keyword")?;
        match self.names[..self.named()].iter().position(|n| *n == text) {
            Some(i) => Ok(Some(i)),
            None if KW => Ok(None),
            None => {
                let shown = key.to_owned().repr().unwrap_or_else(|_| "?".into());
                Err(PyErr::type_error(format!("{}() got an unexpected keyword argument {shown}", self.func)))
            }
        }
    }

    #[cold]
    #[inline(never)]
    fn too_many(&self, given: usize) -> PyErr {
        PyErr::type_error(format!(
            "{}() takes at most {} positional argument{} ({given} given)",
            self.func,
            self.named(),
            if self.named() == 1 { "" } else { "s" }
        ))
    }

    #[cold]
    #[inline(never)]
    fn duplicate(&self, i: usize) -> PyErr {
        PyErr::type_error(format!("{}() got multiple values for argument '{}'", self.func, self.names[i]))
    }

    #[inline(always)]
    fn place_keyword(
        &self,
        interned: &[usize; N],
        slots: &mut [*mut ffi::PyObject; N],
        key: *mut ffi::PyObject,
        value: *mut ffi::PyObject,
    ) -> PyResult<()> {
        let Some(i) = self.index_of(interned, key)? else {
            return Ok(()); // an extra keyword: `Args::extra_keywords` collects it
        };
        if !slots[i].is_null() {
            return Err(self.duplicate(i));
        }
        slots[i] = value;
        Ok(())
    }

    /// The arguments of a vectorcall (`args[..nargs]` positional, then one value per `kwnames` item).
    ///
    /// # Safety
    /// The pointers follow the vectorcall convention and stay alive during the call.
    #[inline(always)]
    pub(crate) unsafe fn parse_vector(
        &self,
        args: *const *mut ffi::PyObject,
        nargs: usize,
        kwnames: *mut ffi::PyObject,
        slots: &mut [*mut ffi::PyObject; N],
    ) -> PyResult<()> {
        if nargs > self.named() {
            return Err(self.too_many(nargs));
        }
        // SAFETY: `args` has `nargs` positional entries followed by one per keyword.
        unsafe {
            // Element by element with a constant trip count: no memcpy call, and the caller's array is
            // filled in place (moving a freshly stored array stalls on store-to-load forwarding).
            for (i, slot) in slots.iter_mut().enumerate() {
                if i < nargs {
                    *slot = *args.add(i);
                }
            }
            if !kwnames.is_null() {
                let interned = self.interned()?;
                let nk = ffi::PyTuple_GET_SIZE(kwnames) as usize;
                for k in 0..nk {
                    let key = ffi::PyTuple_GET_ITEM(kwnames, k as isize);
                    self.place_keyword(interned, slots, key, *args.add(nargs + k))?;
                }
            }
        }
        Ok(())
    }

    /// The arguments of an `(args, kwargs)` call (the `tp_new` path).
    ///
    /// # Safety
    /// `args` is a tuple, `kwargs` a dict or null, both alive during the call.
    pub(crate) unsafe fn parse_tuple_dict(
        &self,
        args: *mut ffi::PyObject,
        kwargs: *mut ffi::PyObject,
    ) -> PyResult<[*mut ffi::PyObject; N]> {
        let mut slots = [std::ptr::null_mut(); N];
        // SAFETY: per the contract.
        unsafe {
            let n = ffi::PyTuple_GET_SIZE(args) as usize;
            if n > self.named() {
                return Err(self.too_many(n));
            }
            for (i, slot) in slots.iter_mut().enumerate().take(n) {
                *slot = ffi::PyTuple_GET_ITEM(args, i as isize);
            }
            if !kwargs.is_null() {
                let interned = self.interned()?;
                let (mut pos, mut k, mut v) = (0isize, std::ptr::null_mut(), std::ptr::null_mut());
                while ffi::PyDict_Next(kwargs, &mut pos, &mut k, &mut v) != 0 {
                    if ffi::tp_flags(ffi::Py_TYPE(k)) & ffi::Py_TPFLAGS_UNICODE_SUBCLASS == 0 {
                        return Err(PyErr::type_error(format!("{}() keywords must be strings", self.func)));
                    }
                    self.place_keyword(interned, &mut slots, k, v)?;
                }
            }
        }
        Ok(slots)
    }

    #[inline(always)]
    pub(crate) fn args<'a>(&'static self, slots: &'a [*mut ffi::PyObject; N], raw: Raw) -> Args<'a> {
        Args { spec: self, slots, raw }
    }
}

/// True when one of the flags is set (the `KW` parameter of [`ArgSpec`]).
pub const fn has_kwargs(flags: &[bool]) -> bool {
    let mut i = 0;
    while i < flags.len() {
        if flags[i] {
            return true;
        }
        i += 1;
    }
    false
}

/// Where the keywords of a call are, for `#[kwargs]` collection: a vectorcall's `args`/`nargs`/
/// `kwnames`, or (`args` null) the keyword dict of a `tp_new` call in `kwnames`.
#[derive(Clone, Copy)]
pub(crate) struct Raw {
    pub(crate) args: *const *mut ffi::PyObject,
    pub(crate) nargs: usize,
    pub(crate) kwnames: *mut ffi::PyObject,
}

/// Type-erased view of a spec for `Args` (which has no `N`); used on cold paths only.
trait SpecInfo {
    fn func(&self) -> &'static str;
    fn name(&self, i: usize) -> &'static str;
    fn has_kwargs(&self) -> bool;
    fn is_named(&self, key: *mut ffi::PyObject) -> PyResult<bool>;
}

impl<const N: usize, const KW: bool> SpecInfo for ArgSpec<N, KW> {
    fn func(&self) -> &'static str {
        self.func
    }
    fn name(&self, i: usize) -> &'static str {
        self.names[i]
    }
    fn has_kwargs(&self) -> bool {
        KW
    }
    fn is_named(&self, key: *mut ffi::PyObject) -> PyResult<bool> {
        let interned = self.interned()?;
        Ok(self.index_of(interned, key)?.is_some())
    }
}

/// The parsed arguments of one call, handed to generated code. Missing arguments are empty slots.
pub struct Args<'a> {
    spec: &'static dyn SpecInfo,
    slots: &'a [*mut ffi::PyObject],
    raw: Raw,
}

impl<'a> Args<'a> {
    /// Argument `i` converted, or `None` when it was not passed.
    #[inline(always)]
    pub fn get<T: FromPy<'a>>(&self, i: usize, what: &str) -> PyResult<Option<T>> {
        let p = self.slots[i];
        if p.is_null() {
            return Ok(None);
        }
        // SAFETY: the slots hold live objects the caller keeps alive for the call ('a).
        T::from_py(unsafe { Borrowed::from_ptr(p) }, what).map(Some)
    }

    /// The keywords no named parameter took, in call order (the `#[kwargs]` parameter).
    pub fn extra_keywords(&self) -> PyResult<Vec<(String, Obj)>> {
        let m = self.spec;
        if !m.has_kwargs() {
            return Ok(Vec::new());
        }
        let Raw { args, nargs, kwnames } = self.raw;
        if !args.is_null() && !kwnames.is_null() {
            // A vectorcall: each keyword that named a parameter filled a slot of its own (a second
            // value for a slot is an error), so when the slots past the positional ones number the
            // keywords, no keyword is left over and none needs looking up again.
            let filled = self.slots.iter().filter(|p| !p.is_null()).count();
            // SAFETY: `kwnames` is the live keyword-name tuple of the current call.
            if filled - nargs.min(filled) == unsafe { ffi::PyTuple_GET_SIZE(kwnames) } as usize {
                return Ok(Vec::new());
            }
        }
        let mut out = Vec::new();
        let mut take = |k: *mut ffi::PyObject, v: *mut ffi::PyObject| -> PyResult<()> {
            if !m.is_named(k)? {
                // SAFETY: live keyword name and value of the current call.
                let (k, v) = unsafe { (Borrowed::from_ptr(k), Borrowed::from_ptr(v)) };
                out.push((String::from_py(k, "keyword")?, v.to_owned()));
            }
            Ok(())
        };
        // SAFETY: the raw call data of the current call, alive for its duration.
        unsafe {
            if kwnames.is_null() {
                return Ok(out);
            }
            if args.is_null() {
                let (mut pos, mut k, mut v) = (0isize, std::ptr::null_mut(), std::ptr::null_mut());
                while ffi::PyDict_Next(kwnames, &mut pos, &mut k, &mut v) != 0 {
                    take(k, v)?;
                }
            } else {
                for k in 0..ffi::PyTuple_GET_SIZE(kwnames) as usize {
                    take(ffi::PyTuple_GET_ITEM(kwnames, k as isize), *args.add(nargs + k))?;
                }
            }
        }
        Ok(out)
    }

    /// The error for a required argument that was not passed.
    #[cold]
    #[inline(never)]
    pub fn missing(&self, i: usize) -> PyErr {
        PyErr::type_error(format!("{}() missing required argument '{}'", self.spec.func(), self.spec.name(i)))
    }
}
