//! Method, function and property tables with one trampoline per calling convention.
//!
//! The convention follows the signature (see ARCHITECTURE.md, "Calls as cheap as C"): no parameters →
//! `METH_NOARGS`; one positional-only parameter → `METH_O`; several positional-only parameters
//! (`#[positional]`) → `METH_FASTCALL`; anything else → `METH_FASTCALL | METH_KEYWORDS`. The body is a zero-sized closure written by a macro; each trampoline is generic over
//! the closure's type, so every method gets its own monomorphic `extern "C"` function.

use crate::args::{ArgSpec, Args};
use crate::class::Slf;
use crate::err::PyResult;
use crate::obj::{Borrowed, Obj};
use crate::sig::Sig;
use crate::trampoline::{guard, zst};
use pyzig_ffi as ffi;
use std::ffi::{CString, c_int, c_void};
use std::marker::PhantomData;

/// One entry of the method table of class `C` (module functions use `C = ()`). Entries made for `C` can
/// only be installed in `C`'s type, which is final; so CPython's descriptor check already guarantees that
/// `self` is a `C` wrapper and the trampolines need not check it again.
pub struct MethodEntry<C = ()> {
    pub name: &'static str,
    pub(crate) flags: c_int,
    pub(crate) meth: *mut c_void,
    /// Docstring including the `name(sig)\n--\n\n` text signature.
    pub(crate) doc: String,
    /// The `.pyi` lines (with decorators, unindented).
    pub stub: String,
    /// Special methods (`__eq__`, `__hash__`, …) are type slots, not table entries.
    pub(crate) slot: Option<(c_int, *mut c_void)>,
    _class: PhantomData<fn() -> C>,
}

/// One property (`getset` descriptor) of class `C`.
pub struct GetSetEntry<C> {
    pub name: &'static str,
    /// Made by `#[setter]`: to be joined to the getter of the same name ([`merge_setters`]).
    setter_only: bool,
    pub(crate) get: ffi::getter,
    pub(crate) set: Option<ffi::setter>,
    pub(crate) closure: *mut c_void,
    pub(crate) doc: String,
    pub stub: String,
    _class: PhantomData<fn() -> C>,
}

fn ptr<'a>(p: *mut ffi::PyObject) -> Borrowed<'a> {
    // SAFETY: CPython passes live objects that outlive the call.
    unsafe { Borrowed::from_ptr(p) }
}

unsafe extern "C" fn m_noargs<C, F: Fn(Slf<'_, C>) -> PyResult<Obj> + Copy>(
    slf: *mut ffi::PyObject,
    _: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: this trampoline is only in `C`'s own table and CPython checked `self`'s type.
    guard(std::ptr::null_mut(), || Ok(zst::<F>()(unsafe { Slf::new(ptr(slf)) })?.into_ptr()))
}

unsafe extern "C" fn m_o<C, F: Fn(Slf<'_, C>, Borrowed<'_>) -> PyResult<Obj> + Copy>(
    slf: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: this trampoline is only in `C`'s own table and CPython checked `self`'s type.
    guard(std::ptr::null_mut(), || Ok(zst::<F>()(unsafe { Slf::new(ptr(slf)) }, ptr(arg))?.into_ptr()))
}

#[inline(always)]
fn with_args<R, const N: usize, const KW: bool>(
    spec: &'static ArgSpec<N, KW>,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
    body: impl FnOnce(&Args<'_>) -> PyResult<R>,
) -> PyResult<R> {
    let mut slots = [std::ptr::null_mut(); N];
    // SAFETY: CPython's FASTCALL arguments, alive for the call.
    unsafe { spec.parse_vector(args, nargs as usize, kwnames, &mut slots)? };
    body(&spec.args(&slots, crate::args::Raw { args, nargs: nargs as usize, kwnames }))
}

unsafe extern "C" fn m_fast<C, F, S, const N: usize, const KW: bool>(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    F: Fn(Slf<'_, C>, &Args<'_>) -> PyResult<Obj> + Copy,
    S: Fn() -> &'static ArgSpec<N, KW> + Copy,
{
    guard(std::ptr::null_mut(), || {
        // SAFETY: this trampoline is only in `C`'s own table and CPython checked `self`'s type.
        with_args(zst::<S>()(), args, nargs, kwnames, |a| Ok(zst::<F>()(unsafe { Slf::new(ptr(slf)) }, a)?.into_ptr()))
    })
}

/// `METH_FASTCALL` without keywords: a `#[positional]` method of several parameters.
unsafe extern "C" fn m_fast_positional<C, F, S, const N: usize, const KW: bool>(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
) -> *mut ffi::PyObject
where
    F: Fn(Slf<'_, C>, &Args<'_>) -> PyResult<Obj> + Copy,
    S: Fn() -> &'static ArgSpec<N, KW> + Copy,
{
    // SAFETY: the same contract as `m_fast`; CPython passes no keywords to a METH_FASTCALL function.
    unsafe { m_fast::<C, F, S, N, KW>(slf, args, nargs, std::ptr::null_mut()) }
}

unsafe extern "C" fn f_noargs<F: Fn() -> PyResult<Obj> + Copy>(
    _: *mut ffi::PyObject,
    _: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || Ok(zst::<F>()()?.into_ptr()))
}

unsafe extern "C" fn f_o<F: Fn(Borrowed<'_>) -> PyResult<Obj> + Copy>(
    _: *mut ffi::PyObject,
    arg: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || Ok(zst::<F>()(ptr(arg))?.into_ptr()))
}

unsafe extern "C" fn f_fast<F, S, const N: usize, const KW: bool>(
    _: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    F: Fn(&Args<'_>) -> PyResult<Obj> + Copy,
    S: Fn() -> &'static ArgSpec<N, KW> + Copy,
{
    guard(std::ptr::null_mut(), || with_args(zst::<S>()(), args, nargs, kwnames, |a| Ok(zst::<F>()(a)?.into_ptr())))
}

/// `METH_FASTCALL` without keywords: a `#[positional]` function of several parameters.
unsafe extern "C" fn f_fast_positional<F, S, const N: usize, const KW: bool>(
    slf: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
) -> *mut ffi::PyObject
where
    F: Fn(&Args<'_>) -> PyResult<Obj> + Copy,
    S: Fn() -> &'static ArgSpec<N, KW> + Copy,
{
    // SAFETY: the same contract as `f_fast`; CPython passes no keywords to a METH_FASTCALL function.
    unsafe { f_fast::<F, S, N, KW>(slf, args, nargs, std::ptr::null_mut()) }
}

unsafe extern "C" fn g_get<C, F: Fn(Slf<'_, C>) -> PyResult<Obj> + Copy>(
    slf: *mut ffi::PyObject,
    _: *mut c_void,
) -> *mut ffi::PyObject {
    // SAFETY: this trampoline is only in `C`'s own table and CPython checked `self`'s type.
    guard(std::ptr::null_mut(), || Ok(zst::<F>()(unsafe { Slf::new(ptr(slf)) })?.into_ptr()))
}

unsafe extern "C" fn g_set<C, F: Fn(Slf<'_, C>, Option<Borrowed<'_>>) -> PyResult<()> + Copy>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    _: *mut c_void,
) -> c_int {
    // SAFETY: this trampoline is only in `C`'s own table and CPython checked `self`'s type; `value` is
    // live or NULL (deletion).
    guard(-1, || {
        let value = if value.is_null() { None } else { Some(ptr(value)) };
        zst::<F>()(unsafe { Slf::new(ptr(slf)) }, value).map(|()| 0)
    })
}

/// The getter of a property that has only a `#[setter]`.
unsafe extern "C" fn g_write_only(_: *mut ffi::PyObject, _: *mut c_void) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || Err(crate::PyErr::attribute_error("this property can only be set")))
}

/// What the closure pointer of a [`GetSetEntry::with_data`] property points to (leaked with the type).
struct DataGetSet<C: 'static, D: 'static> {
    name: &'static str,
    data: &'static D,
    get: fn(Slf<'_, C>, &'static D) -> PyResult<Obj>,
    set: Option<fn(Slf<'_, C>, &'static D, Borrowed<'_>) -> PyResult<()>>,
}

unsafe extern "C" fn d_get<C: 'static, D: 'static>(
    slf: *mut ffi::PyObject,
    closure: *mut c_void,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: `closure` is the leaked `DataGetSet<C, D>` of this property, installed only in `C`'s own
        // type, and CPython checked `self`'s type before calling.
        let (e, slf) = unsafe { (&*closure.cast::<DataGetSet<C, D>>(), Slf::new(ptr(slf))) };
        Ok((e.get)(slf, e.data)?.into_ptr())
    })
}

unsafe extern "C" fn d_set<C: 'static, D: 'static>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    guard(-1, || {
        // SAFETY: as in `d_get`.
        let (e, slf) = unsafe { (&*closure.cast::<DataGetSet<C, D>>(), Slf::new(ptr(slf))) };
        if value.is_null() {
            return Err(crate::PyErr::attribute_error(format!("cannot delete attribute '{}'", e.name)));
        }
        let set = e.set.ok_or_else(|| crate::PyErr::attribute_error(format!("'{}' is read-only", e.name)))?;
        set(slf, e.data, ptr(value))?;
        Ok(0)
    })
}

unsafe extern "C" fn s_richcompare<C, F: Fn(Slf<'_, C>, Borrowed<'_>) -> PyResult<Option<bool>> + Copy>(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: CPython calls a type's `tp_richcompare` with an instance of that type first.
        let eq =
            if op == ffi::Py_EQ || op == ffi::Py_NE { zst::<F>()(unsafe { Slf::new(ptr(a)) }, ptr(b))? } else { None };
        match eq {
            Some(eq) => Ok(crate::conv::IntoPy::into_py(eq == (op == ffi::Py_EQ))?.into_ptr()),
            // SAFETY: the static NotImplemented singleton.
            None => Ok(unsafe { Obj::from_borrowed_ptr(ffi::Py_NotImplemented()) }.into_ptr()),
        }
    })
}

unsafe extern "C" fn s_hash<C, F: Fn(Slf<'_, C>) -> PyResult<isize> + Copy>(slf: *mut ffi::PyObject) -> ffi::Py_hash_t {
    // SAFETY: `tp_hash` of `C`'s type receives a `C` instance.
    guard(-1, || {
        Ok(match zst::<F>()(unsafe { Slf::new(ptr(slf)) })? {
            -1 => -2, // -1 means "error" to CPython
            h => h,
        })
    })
}

unsafe extern "C" fn s_repr<C, F: Fn(Slf<'_, C>) -> PyResult<Obj> + Copy>(
    slf: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: `tp_repr` of `C`'s type receives a `C` instance.
    guard(std::ptr::null_mut(), || Ok(zst::<F>()(unsafe { Slf::new(ptr(slf)) })?.into_ptr()))
}

unsafe extern "C" fn s_len<C, F: Fn(Slf<'_, C>) -> PyResult<usize> + Copy>(slf: *mut ffi::PyObject) -> ffi::Py_ssize_t {
    // SAFETY: `mp_length` of `C`'s type receives a `C` instance.
    guard(-1, || {
        let n = zst::<F>()(unsafe { Slf::new(ptr(slf)) })?;
        isize::try_from(n).map_err(|_| crate::PyErr::overflow_error("__len__() is larger than sys.maxsize"))
    })
}

impl<C: 'static> MethodEntry<C> {
    fn special(sig: Sig, slot: c_int, f: *mut c_void) -> Self {
        let mut e = Self::new(sig, 0, std::ptr::null_mut());
        e.slot = Some((slot, f));
        e
    }

    /// `__eq__`/`__ne__` (`tp_richcompare`); `Ok(None)` means NotImplemented; ordering is not supported.
    pub fn slot_eq<F: Fn(Slf<'_, C>, Borrowed<'_>) -> PyResult<Option<bool>> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        Self::special(sig, ffi::Py_tp_richcompare, s_richcompare::<C, F> as *mut c_void)
    }

    /// `__hash__` (`tp_hash`).
    pub fn slot_hash<F: Fn(Slf<'_, C>) -> PyResult<isize> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        Self::special(sig, ffi::Py_tp_hash, s_hash::<C, F> as *mut c_void)
    }

    /// `__repr__` (`tp_repr`).
    pub fn slot_repr<F: Fn(Slf<'_, C>) -> PyResult<Obj> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        Self::special(sig, ffi::Py_tp_repr, s_repr::<C, F> as *mut c_void)
    }

    /// `__len__` (`mp_length`).
    pub fn slot_len<F: Fn(Slf<'_, C>) -> PyResult<usize> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        Self::special(sig, ffi::Py_mp_length, s_len::<C, F> as *mut c_void)
    }
}

/// Hash values: any integer, folded to `Py_hash_t` width.
pub trait HashValue {
    fn to_hash(self) -> isize;
}

macro_rules! hash_value {
    ($($t:ty),*) => {$(
        impl HashValue for $t {
            fn to_hash(self) -> isize {
                self as isize
            }
        }
    )*};
}
hash_value!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// Binds a closure's type to its trampoline; the closure value itself carries nothing.
fn fnptr<F>(_: &F) {}

impl<C> MethodEntry<C> {
    fn new(sig: Sig, flags: c_int, meth: *mut c_void) -> Self {
        MethodEntry {
            name: sig.name,
            flags,
            meth,
            doc: sig.doc_with_signature(),
            stub: sig.stub(),
            slot: None,
            _class: PhantomData,
        }
    }

    pub fn noargs<F: Fn(Slf<'_, C>) -> PyResult<Obj> + Copy + 'static>(sig: Sig, f: F) -> Self
    where
        C: 'static,
    {
        fnptr(&f);
        Self::new(sig, ffi::METH_NOARGS, m_noargs::<C, F> as *mut c_void)
    }

    pub fn o<F: Fn(Slf<'_, C>, Borrowed<'_>) -> PyResult<Obj> + Copy + 'static>(sig: Sig, f: F) -> Self
    where
        C: 'static,
    {
        fnptr(&f);
        Self::new(sig, ffi::METH_O, m_o::<C, F> as *mut c_void)
    }

    pub fn fast<F, S, const N: usize, const KW: bool>(sig: Sig, spec: S, f: F) -> Self
    where
        C: 'static,
        F: Fn(Slf<'_, C>, &Args<'_>) -> PyResult<Obj> + Copy + 'static,
        S: Fn() -> &'static ArgSpec<N, KW> + Copy + 'static,
    {
        fnptr(&(f, spec));
        Self::new(sig, ffi::METH_FASTCALL | ffi::METH_KEYWORDS, m_fast::<C, F, S, N, KW> as *mut c_void)
    }

    /// `#[positional]` with several parameters: `METH_FASTCALL` alone, so a keyword is a `TypeError`
    /// raised by CPython before the call ("takes no keyword arguments").
    pub fn fast_positional<F, S, const N: usize, const KW: bool>(sig: Sig, spec: S, f: F) -> Self
    where
        C: 'static,
        F: Fn(Slf<'_, C>, &Args<'_>) -> PyResult<Obj> + Copy + 'static,
        S: Fn() -> &'static ArgSpec<N, KW> + Copy + 'static,
    {
        fnptr(&(f, spec));
        Self::new(sig, ffi::METH_FASTCALL, m_fast_positional::<C, F, S, N, KW> as *mut c_void)
    }

    /// A static method (`static_ = true`) or a module function (`false`) without parameters.
    pub fn fn_noargs<F: Fn() -> PyResult<Obj> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        let flags = ffi::METH_NOARGS | if sig.kind == crate::sig::Kind::Static { ffi::METH_STATIC } else { 0 };
        Self::new(sig, flags, f_noargs::<F> as *mut c_void)
    }

    pub fn fn_o<F: Fn(Borrowed<'_>) -> PyResult<Obj> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        let flags = ffi::METH_O | if sig.kind == crate::sig::Kind::Static { ffi::METH_STATIC } else { 0 };
        Self::new(sig, flags, f_o::<F> as *mut c_void)
    }

    pub fn fn_fast<F, S, const N: usize, const KW: bool>(sig: Sig, spec: S, f: F) -> Self
    where
        F: Fn(&Args<'_>) -> PyResult<Obj> + Copy + 'static,
        S: Fn() -> &'static ArgSpec<N, KW> + Copy + 'static,
    {
        fnptr(&(f, spec));
        let flags = ffi::METH_FASTCALL
            | ffi::METH_KEYWORDS
            | if sig.kind == crate::sig::Kind::Static { ffi::METH_STATIC } else { 0 };
        Self::new(sig, flags, f_fast::<F, S, N, KW> as *mut c_void)
    }

    /// A `#[positional]` static method or module function of several parameters (`METH_FASTCALL`).
    pub fn fn_fast_positional<F, S, const N: usize, const KW: bool>(sig: Sig, spec: S, f: F) -> Self
    where
        F: Fn(&Args<'_>) -> PyResult<Obj> + Copy + 'static,
        S: Fn() -> &'static ArgSpec<N, KW> + Copy + 'static,
    {
        fnptr(&(f, spec));
        let flags = ffi::METH_FASTCALL | if sig.kind == crate::sig::Kind::Static { ffi::METH_STATIC } else { 0 };
        Self::new(sig, flags, f_fast_positional::<F, S, N, KW> as *mut c_void)
    }
}

impl<C: 'static> GetSetEntry<C> {
    /// A read-only computed property.
    pub fn getter<F: Fn(Slf<'_, C>) -> PyResult<Obj> + Copy + 'static>(sig: Sig, f: F) -> Self {
        fnptr(&f);
        let stub = sig.stub();
        GetSetEntry {
            name: sig.name,
            setter_only: false,
            get: g_get::<C, F>,
            set: None,
            closure: std::ptr::null_mut(),
            doc: sig.doc,
            stub,
            _class: PhantomData,
        }
    }

    /// The setter of property `name` (`#[setter(name)]`), taking a `hint`; `f` gets `None` on `del`.
    /// [`merge_setters`] joins it to the `#[getter]` of the same name.
    pub fn setter<F: Fn(Slf<'_, C>, Option<Borrowed<'_>>) -> PyResult<()> + Copy + 'static>(
        name: &'static str,
        hint: String,
        f: F,
    ) -> Self {
        fnptr(&f);
        GetSetEntry {
            name,
            setter_only: true,
            get: g_write_only,
            set: Some(g_set::<C, F>),
            closure: std::ptr::null_mut(),
            doc: String::new(),
            stub: format!("@{name}.setter\ndef {name}(self, value: {hint}) -> None: ...\n"),
            _class: PhantomData,
        }
    }

    /// A property served by shared functions that `data` tells which property they serve (a table of
    /// fields read generically): `get(self, data)`, and `set(self, data, value)` unless read-only.
    /// Deleting the attribute raises `AttributeError`.
    pub fn with_data<D: Sync + 'static>(
        name: &'static str,
        doc: String,
        stub: String,
        data: &'static D,
        get: fn(Slf<'_, C>, &'static D) -> PyResult<Obj>,
        set: Option<fn(Slf<'_, C>, &'static D, Borrowed<'_>) -> PyResult<()>>,
    ) -> Self {
        let table = Box::leak(Box::new(DataGetSet { name, data, get, set }));
        GetSetEntry {
            name,
            setter_only: false,
            get: d_get::<C, D>,
            set: set.map(|_| d_set::<C, D> as ffi::setter),
            closure: (table as *mut DataGetSet<C, D>).cast(),
            doc,
            stub,
            _class: PhantomData,
        }
    }

    pub(crate) fn raw(
        name: &'static str,
        get: ffi::getter,
        set: Option<ffi::setter>,
        closure: *mut c_void,
        doc: String,
        stub: String,
    ) -> Self {
        GetSetEntry { name, setter_only: false, get, set, closure, doc, stub, _class: PhantomData }
    }
}

/// Joins each `#[setter]` to the `#[getter]` of the same name (its stub gains the `@name.setter`
/// lines); a setter without a getter stays a write-only property.
pub fn merge_setters<C>(entries: Vec<GetSetEntry<C>>) -> Vec<GetSetEntry<C>> {
    let (setters, mut out): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| e.setter_only);
    for s in setters {
        match out.iter_mut().find(|g| g.name == s.name && g.set.is_none() && g.closure.is_null()) {
            Some(g) => {
                g.set = s.set;
                g.stub.push_str(&s.stub);
            }
            None => {
                let stub = format!("@property\ndef {0}(self) -> None: ...\n{1}", s.name, s.stub);
                out.push(GetSetEntry { stub, setter_only: false, ..s });
            }
        }
    }
    out
}

fn leak(s: &str) -> *const std::ffi::c_char {
    CString::new(s).expect("no NUL in names and docs").into_raw()
}

/// A leaked, NULL-terminated `PyMethodDef` array (descriptors point into it for the process's life).
pub(crate) fn method_table<C>(entries: &[MethodEntry<C>]) -> *mut ffi::PyMethodDef {
    let mut defs: Vec<ffi::PyMethodDef> = entries
        .iter()
        .filter(|e| e.slot.is_none())
        .map(|e| ffi::PyMethodDef { ml_name: leak(e.name), ml_meth: e.meth, ml_flags: e.flags, ml_doc: leak(&e.doc) })
        .collect();
    defs.push(ffi::PyMethodDef {
        ml_name: std::ptr::null(),
        ml_meth: std::ptr::null_mut(),
        ml_flags: 0,
        ml_doc: std::ptr::null(),
    });
    Box::leak(defs.into_boxed_slice()).as_mut_ptr()
}

/// A leaked, NULL-terminated `PyGetSetDef` array.
pub(crate) fn getset_table<C>(entries: &[GetSetEntry<C>]) -> *mut ffi::PyGetSetDef {
    let mut defs: Vec<ffi::PyGetSetDef> = entries
        .iter()
        .map(|e| ffi::PyGetSetDef {
            name: leak(e.name),
            get: Some(e.get),
            set: e.set,
            doc: leak(&e.doc),
            closure: e.closure,
        })
        .collect();
    defs.push(ffi::PyGetSetDef {
        name: std::ptr::null(),
        get: None,
        set: None,
        doc: std::ptr::null(),
        closure: std::ptr::null_mut(),
    });
    Box::leak(defs.into_boxed_slice()).as_mut_ptr()
}
