//! Python classes for Rust types: the `PyClass` trait the macros implement, and type creation from
//! `PyType_Spec` (never a hand-mirrored `PyTypeObject`).

use crate::args::{ArgSpec, Args};
use crate::cell::PyCell;
use crate::conv::type_mismatch;
use crate::err::{PyErr, PyResult};
use crate::method::{GetSetEntry, MethodEntry};
use crate::obj::{Borrowed, Obj};
use crate::trampoline::{guard, zst};
use crate::visit::Visit;
use pyzig_ffi as ffi;
use std::ffi::{CString, c_int, c_void};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicPtr, Ordering};

/// A Rust type with a Python class. Implemented by [`class!`](crate::class) and
/// [`record!`](crate::record); not by hand.
pub trait PyClass: Sized + 'static {
    /// Python class name.
    const NAME: &'static str;
    /// Dotted module name shown as `__module__`.
    const MODULE: &'static str;
    /// Instances can hold Python objects: GC-tracked, with `tp_traverse`/`tp_clear`.
    const GC: bool;
    #[doc(hidden)]
    fn lazy_type() -> &'static LazyType;
    #[doc(hidden)]
    fn class_spec() -> ClassSpec<Self>;
    #[doc(hidden)]
    fn traverse_hook(&self, _visit: &mut Visit<'_>) {}
    #[doc(hidden)]
    fn clear_hook(&mut self) {}
}

/// For `gc` classes: report and drop the Python objects a value holds, so cycles are collected.
pub trait Traverse {
    fn traverse(&self, visit: &mut Visit<'_>);
    fn clear(&mut self);
}

/// The Python type of one Rust type: created once per process (see the module docs on
/// subinterpreters), then read with one atomic load.
pub struct LazyType {
    /// Null until created; then the type, kept alive by this reference for the life of the process.
    tp: AtomicPtr<ffi::PyTypeObject>,
    factory: OnceLock<&'static str>,
    /// The class's `.pyi` text, made once: a class spec leaks its tables (they must outlive a type), so
    /// building one per `_stubs()` call would leak a little each time.
    stub: OnceLock<String>,
}

impl LazyType {
    pub const fn new() -> LazyType {
        LazyType { tp: AtomicPtr::new(std::ptr::null_mut()), factory: OnceLock::new(), stub: OnceLock::new() }
    }

    #[inline(always)]
    pub(crate) fn get(&self) -> Option<*mut ffi::PyTypeObject> {
        let p = self.tp.load(Ordering::Acquire);
        (!p.is_null()).then_some(p)
    }

    /// The type, or null before it is created (no object has a null type, so comparing an object's
    /// type with this needs no separate "created yet?" test).
    #[inline(always)]
    pub(crate) fn raw(&self) -> *mut ffi::PyTypeObject {
        self.tp.load(Ordering::Acquire)
    }

    pub(crate) fn get_or_try_init(
        &self,
        make: impl FnOnce() -> PyResult<*mut ffi::PyTypeObject>,
    ) -> PyResult<*mut ffi::PyTypeObject> {
        if let Some(t) = self.get() {
            return Ok(t);
        }
        let t = make()?;
        // The holder owns the new type's reference for the life of the process (a racing creator's
        // type, if any, is simply kept alive too).
        let _ = self.tp.compare_exchange(std::ptr::null_mut(), t, Ordering::AcqRel, Ordering::Acquire);
        Ok(self.get().expect("set"))
    }
}

impl Default for LazyType {
    fn default() -> Self {
        LazyType::new()
    }
}

/// The type object for `T`, created on first use.
#[inline]
pub fn type_object<T: PyClass>() -> PyResult<*mut ffi::PyTypeObject> {
    match T::lazy_type().get() {
        Some(t) => Ok(t),
        None => create_type::<T>(std::ptr::null_mut()),
    }
}

/// The class object for `T` (e.g. to add to a module).
pub fn class_object<T: PyClass>() -> PyResult<Obj> {
    // SAFETY: a live type object kept alive by its holder.
    Ok(unsafe { Obj::from_borrowed_ptr(type_object::<T>()?.cast()) })
}

/// Wraps `value` in a new owning wrapper of its class.
#[inline]
pub fn new_owned<T: PyClass>(value: T) -> PyResult<Obj> {
    crate::cell::new_owned_in(type_object::<T>()?, T::GC, value)
}

/// `TypeError` unless `obj` is a `T` wrapper (classes are final, so the type compares by address).
#[inline]
pub fn check_type<T: PyClass>(obj: Borrowed<'_>, what: &str) -> PyResult<()> {
    if obj.type_ptr() == T::lazy_type().raw() { Ok(()) } else { Err(type_mismatch(obj, what, T::NAME)) }
}

/// How Python may construct a class.
pub enum Constructor<T> {
    /// `Class(...)` parses the parameters and builds the value: made by [`Constructor::new`].
    Args {
        vectorcall: ffi::vectorcallfunc,
        tp_new: ffi::newfunc,
        sig: crate::sig::Sig,
        _t: std::marker::PhantomData<fn() -> T>,
    },
    /// Not constructible: `Class()` raises `TypeError` naming this factory (e.g. `"GraphView.create()"`).
    Factory(&'static str),
}

/// Everything a declaration says about its class, collected once when the type is created.
pub struct ClassSpec<T> {
    pub doc: &'static str,
    pub constructor: Constructor<T>,
    pub methods: Vec<MethodEntry<T>>,
    pub getsets: Vec<GetSetEntry<T>>,
    /// Further type slots (`Py_tp_repr`, sequence slots, …).
    pub slots: Vec<(c_int, *mut c_void)>,
}

/// The `.pyi` text of `T`'s class.
pub fn class_stub<T: PyClass>() -> String {
    T::lazy_type().stub.get_or_init(make_class_stub::<T>).clone()
}

fn make_class_stub<T: PyClass>() -> String {
    let spec = T::class_spec();
    let mut body = String::new();
    if !spec.doc.is_empty() {
        body.push_str(&crate::sig::docstring(spec.doc, ""));
    }
    if let Constructor::Args { sig, .. } = &spec.constructor {
        body.push_str(&sig.stub());
    }
    for g in &spec.getsets {
        body.push_str(&g.stub);
    }
    for m in &spec.methods {
        body.push_str(&m.stub);
    }
    if body.is_empty() {
        body.push_str("...\n");
    }
    // Heap types without `Py_TPFLAGS_BASETYPE` cannot be subclassed.
    format!("@final\nclass {}:\n{}", T::NAME, crate::sig::indent(&body, "    "))
}

/// Creates `T`'s heap type (once) and registers it.
pub fn create_type<T: PyClass>(module: *mut ffi::PyObject) -> PyResult<*mut ffi::PyTypeObject> {
    T::lazy_type().get_or_try_init(|| {
        let spec = T::class_spec();
        let tp = build_type::<T>(module, spec)?;
        crate::registry::register::<T>(tp);
        Ok(tp)
    })
}

unsafe extern "C" fn dealloc<T: PyClass>(slf: *mut ffi::PyObject) {
    // SAFETY: CPython calls tp_dealloc once with a dead instance of this type.
    unsafe { PyCell::<T>::dealloc(slf, T::GC) }
}

unsafe extern "C" fn traverse<T: PyClass>(slf: *mut ffi::PyObject, visit: ffi::visitproc, arg: *mut c_void) -> c_int {
    // SAFETY: a live instance of this GC type.
    unsafe { PyCell::<T>::traverse(slf, visit, arg, T::traverse_hook) }
}

unsafe extern "C" fn clear<T: PyClass>(slf: *mut ffi::PyObject) -> c_int {
    // SAFETY: a live instance of this GC type.
    unsafe { PyCell::<T>::clear(slf, T::clear_hook) }
}

/// Builds the wrapper from parsed arguments.
#[inline(always)]
fn construct<T: PyClass, M: Fn(&Args<'_>) -> PyResult<T> + Copy, const N: usize, const KW: bool>(
    spec: &'static ArgSpec<N, KW>,
    slots: &[*mut ffi::PyObject; N],
    raw: crate::args::Raw,
) -> PyResult<*mut ffi::PyObject> {
    let value = zst::<M>()(&spec.args(slots, raw))?;
    Ok(new_owned::<T>(value)?.into_ptr())
}

unsafe extern "C" fn vectorcall_new<T, S, M, const N: usize, const KW: bool>(
    _tp: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargsf: usize,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    T: PyClass,
    S: Fn() -> &'static ArgSpec<N, KW> + Copy,
    M: Fn(&Args<'_>) -> PyResult<T> + Copy,
{
    guard(std::ptr::null_mut(), || {
        let spec = zst::<S>()();
        let nargs = nargsf & !ffi::PY_VECTORCALL_ARGUMENTS_OFFSET;
        let mut slots = [std::ptr::null_mut(); N];
        // SAFETY: CPython's vectorcall arguments, alive for the call.
        unsafe { spec.parse_vector(args, nargs, kwnames, &mut slots)? };
        construct::<T, M, N, KW>(spec, &slots, crate::args::Raw { args, nargs, kwnames })
    })
}

unsafe extern "C" fn tp_new<T, S, M, const N: usize, const KW: bool>(
    _tp: *mut ffi::PyTypeObject,
    args: *mut ffi::PyObject,
    kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject
where
    T: PyClass,
    S: Fn() -> &'static ArgSpec<N, KW> + Copy,
    M: Fn(&Args<'_>) -> PyResult<T> + Copy,
{
    guard(std::ptr::null_mut(), || {
        let spec = zst::<S>()();
        // SAFETY: a tuple and an optional dict from `type.__call__`.
        let slots = unsafe { spec.parse_tuple_dict(args, kwargs)? };
        construct::<T, M, N, KW>(spec, &slots, crate::args::Raw { args: std::ptr::null(), nargs: 0, kwnames: kwargs })
    })
}

impl<T: PyClass> Constructor<T> {
    /// A keyword/positional constructor: `spec` names the parameters, `make` builds the value (both
    /// zero-sized closures written by the macros).
    pub fn new<S, M, const N: usize, const KW: bool>(spec: S, make: M, sig: crate::sig::Sig) -> Self
    where
        S: Fn() -> &'static ArgSpec<N, KW> + Copy + 'static,
        M: Fn(&Args<'_>) -> PyResult<T> + Copy + 'static,
    {
        let _ = (spec, make);
        Constructor::Args {
            vectorcall: vectorcall_new::<T, S, M, N, KW>,
            tp_new: tp_new::<T, S, M, N, KW>,
            sig,
            _t: std::marker::PhantomData,
        }
    }
}

unsafe extern "C" fn tp_new_factory<T: PyClass>(
    _tp: *mut ffi::PyTypeObject,
    _args: *mut ffi::PyObject,
    _kwargs: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        let how = T::lazy_type().factory.get().copied().unwrap_or("the library's factory functions");
        Err(PyErr::type_error(format!("cannot create '{}' instances directly; use {how}", T::NAME)))
    })
}

fn leak_cstr(s: &str) -> *const std::ffi::c_char {
    CString::new(s).expect("no NUL in names and docs").into_raw()
}

fn build_type<T: PyClass>(module: *mut ffi::PyObject, spec: ClassSpec<T>) -> PyResult<*mut ffi::PyTypeObject> {
    let qualname = format!("{}.{}", T::MODULE, T::NAME);
    let mut slots: Vec<ffi::PyType_Slot> = Vec::new();
    let mut push = |slot: c_int, p: *mut c_void| slots.push(ffi::PyType_Slot { slot, pfunc: p });

    let mut doc = String::new();
    match &spec.constructor {
        Constructor::Args { sig, .. } => {
            doc.push_str(&sig.doc_with_signature());
        }
        Constructor::Factory(f) => {
            let _ = T::lazy_type().factory.set(f);
        }
    }
    if !matches!(spec.constructor, Constructor::Args { .. }) {
        doc.push_str(spec.doc);
    }
    push(ffi::Py_tp_doc, leak_cstr(&doc) as *mut c_void);
    push(ffi::Py_tp_dealloc, dealloc::<T> as *mut c_void);
    let mut vectorcall: Option<ffi::vectorcallfunc> = None;
    match spec.constructor {
        Constructor::Args { vectorcall: vc, tp_new, .. } => {
            push(ffi::Py_tp_new, tp_new as *mut c_void);
            vectorcall = Some(vc);
        }
        Constructor::Factory(_) => push(ffi::Py_tp_new, tp_new_factory::<T> as *mut c_void),
    }
    if T::GC {
        push(ffi::Py_tp_traverse, traverse::<T> as *mut c_void);
        push(ffi::Py_tp_clear, clear::<T> as *mut c_void);
    }
    for &(slot, p) in &spec.slots {
        push(slot, p);
    }
    for e in &spec.methods {
        if let Some((slot, p)) = e.slot {
            push(slot, p);
        }
    }
    if spec.methods.iter().any(|e| e.slot.is_none()) {
        let defs = crate::method::method_table(&spec.methods);
        push(ffi::Py_tp_methods, defs as *mut c_void);
    }
    if !spec.getsets.is_empty() {
        let defs = crate::method::getset_table(&spec.getsets);
        push(ffi::Py_tp_getset, defs as *mut c_void);
    }
    push(0, std::ptr::null_mut());

    let mut flags = ffi::Py_TPFLAGS_DEFAULT | ffi::Py_TPFLAGS_IMMUTABLETYPE;
    if T::GC {
        flags |= ffi::Py_TPFLAGS_HAVE_GC;
    }
    let type_spec = Box::leak(Box::new(ffi::PyType_Spec {
        // Leaked: before 3.12 `tp_name` points into the spec's string.
        name: leak_cstr(&qualname),
        basicsize: size_of::<PyCell<T>>() as c_int,
        itemsize: 0,
        flags: flags as std::ffi::c_uint,
        slots: Box::leak(slots.into_boxed_slice()).as_mut_ptr(),
    }));
    // SAFETY: a complete spec whose tables are leaked (they must outlive the type).
    let tp = unsafe { ffi::PyType_FromModuleAndSpec(module, type_spec, std::ptr::null_mut()) };
    if tp.is_null() {
        return Err(PyErr::fetch());
    }
    let tp = tp.cast::<ffi::PyTypeObject>();
    if let Some(vc) = vectorcall {
        // SAFETY: no `Py_tp_vectorcall` slot before 3.14, so the field is set in place at the offset
        // `ffi/verify` checks; the type is not yet visible to any Python code.
        unsafe { *(tp.cast::<u8>().add(ffi::TP_VECTORCALL_OFFSET).cast::<Option<ffi::vectorcallfunc>>()) = Some(vc) };
    }
    Ok(tp)
}

/// Method bodies get their `self` through this: a borrowed wrapper of `C`. Made only by the trampolines
/// of `C`'s own method table (see `MethodEntry`), so its type needs no further check.
pub struct Slf<'a, C> {
    obj: Borrowed<'a>,
    _class: std::marker::PhantomData<fn() -> C>,
}

impl<C> Clone for Slf<'_, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C> Copy for Slf<'_, C> {}

impl<'a, C> Slf<'a, C> {
    /// # Safety
    /// `obj` is a live wrapper whose type is `C`'s.
    pub(crate) unsafe fn new(obj: Borrowed<'a>) -> Self {
        Slf { obj, _class: std::marker::PhantomData }
    }

    pub(crate) fn as_ptr(self) -> *mut ffi::PyObject {
        self.obj.as_ptr()
    }

    /// A new strong reference to the wrapper.
    pub(crate) fn to_obj(self) -> Obj {
        self.obj.to_owned()
    }
}

impl<'a, C: PyClass> Slf<'a, C> {
    /// Borrows the value (shared).
    #[inline]
    pub fn get(self) -> PyResult<crate::Ref<'a, C>> {
        // SAFETY: a live `PyCell<C>` (see `new`), alive for the call ('a).
        unsafe { PyCell::<C>::borrow(self.obj.as_ptr(), C::NAME) }
    }

    /// Borrows the value (exclusive).
    #[inline]
    pub fn get_mut(self) -> PyResult<crate::RefMut<'a, C>> {
        // SAFETY: as in `get`.
        unsafe { PyCell::<C>::borrow_mut(self.obj.as_ptr(), C::NAME) }
    }

    /// Runs `f` on the value under a shared borrow (what `&self` methods use).
    #[inline(always)]
    pub fn with_ref<R>(self, f: impl FnOnce(&C) -> R) -> PyResult<R> {
        // SAFETY: a live `PyCell<C>` (see `new`), alive for the call.
        unsafe { PyCell::<C>::with_ref(self.obj.as_ptr(), C::NAME, f) }
    }

    /// Runs `f` on the value under an exclusive borrow (what `&mut self` methods use).
    #[inline(always)]
    pub fn with_mut<R>(self, f: impl FnOnce(&mut C) -> R) -> PyResult<R> {
        // SAFETY: as in `with_ref`.
        unsafe { PyCell::<C>::with_mut(self.obj.as_ptr(), C::NAME, f) }
    }
}

/// Lets a constructor return either `Self` or `PyResult<Self>`.
pub trait IntoResult<T> {
    fn into_result(self) -> PyResult<T>;
}

impl<T> IntoResult<T> for T {
    fn into_result(self) -> PyResult<T> {
        Ok(self)
    }
}

impl<T> IntoResult<T> for PyResult<T> {
    fn into_result(self) -> PyResult<T> {
        self
    }
}
