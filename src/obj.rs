//! `Obj`: an owned strong reference to any Python object; `Borrowed`: a reference valid for one call.

use crate::conv::{FromPy, IntoPy};
use crate::err::{PyErr, PyResult};
use pyzig_ffi as ffi;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// An owned reference to a Python object: `Clone` increments, `Drop` decrements the count.
/// Not `Send`: it only exists on the thread that holds the GIL.
pub struct Obj(NonNull<ffi::PyObject>);

impl Obj {
    /// Takes ownership of a new reference; a null pointer means the C-API call failed.
    ///
    /// # Safety
    /// `p` is null with an exception set, or a new (owned) reference; the GIL is held.
    pub(crate) unsafe fn from_owned_ptr(p: *mut ffi::PyObject) -> PyResult<Obj> {
        NonNull::new(p).map(Obj).ok_or_else(PyErr::fetch)
    }

    /// # Safety
    /// `p` is a live object; the GIL is held.
    pub(crate) unsafe fn from_borrowed_ptr(p: *mut ffi::PyObject) -> Obj {
        // SAFETY: live object per the contract.
        unsafe { ffi::Py_INCREF(p) };
        Obj(NonNull::new(p).expect("borrowed pointer is not null"))
    }

    pub fn as_ptr(&self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    /// Gives up ownership (the caller now owns the reference).
    pub fn into_ptr(self) -> *mut ffi::PyObject {
        let p = self.0.as_ptr();
        std::mem::forget(self);
        p
    }

    pub fn none() -> Obj {
        // SAFETY: None is a static object.
        unsafe { Obj::from_borrowed_ptr(ffi::Py_None()) }
    }

    pub fn is_none(&self) -> bool {
        // SAFETY: comparing addresses only.
        self.as_ptr() == unsafe { ffi::Py_None() }
    }

    /// `True` or `False`.
    pub fn is_bool(&self) -> bool {
        // SAFETY: comparing addresses with the two static bools.
        let p = self.as_ptr();
        p == unsafe { ffi::Py_True() } || p == unsafe { ffi::Py_False() }
    }

    /// An `int` or an instance of a subclass (`bool` too: test `is_bool` first where it matters).
    pub fn is_int(&self) -> bool {
        self.borrowed().flags() & ffi::Py_TPFLAGS_LONG_SUBCLASS != 0
    }

    /// Stands for an int: its type has `__index__` (`operator.index` takes it; NumPy's integers do).
    pub fn is_index(&self) -> bool {
        // SAFETY: a live object; `PyIndex_Check` only reads its type's slot.
        unsafe { ffi::PyIndex_Check(self.as_ptr()) != 0 }
    }

    /// A `str` or an instance of a subclass.
    pub fn is_str(&self) -> bool {
        self.borrowed().flags() & ffi::Py_TPFLAGS_UNICODE_SUBCLASS != 0
    }

    /// A `float` or an instance of a subclass (by type, never by name).
    pub fn is_float(&self) -> bool {
        let tp = self.borrowed().type_ptr();
        // SAFETY: `tp` is the live type of a live object; `PyFloat_Type` is static.
        tp == &raw mut ffi::PyFloat_Type || unsafe { ffi::PyType_IsSubtype(tp, &raw mut ffi::PyFloat_Type) } != 0
    }

    /// `type(obj).__qualname__`, led by its module unless that is `builtins`: what an error message names,
    /// so that a class that happens to be called `float` is not shown as the builtin.
    pub fn type_qualname(&self) -> String {
        // SAFETY: the type of a live object is a live object.
        let tp = unsafe { Obj::from_borrowed_ptr(self.borrowed().type_ptr().cast()) };
        let part = |name: &str| tp.getattr(name).and_then(|n| n.extract::<String>(name)).ok();
        let qualname = part("__qualname__").unwrap_or_else(|| self.type_name());
        match part("__module__") {
            Some(m) if m != "builtins" => format!("{m}.{qualname}"),
            _ => qualname,
        }
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Obj) -> bool {
        self.as_ptr() == other.as_ptr()
    }

    pub fn borrowed(&self) -> Borrowed<'_> {
        Borrowed(self.0, PhantomData)
    }

    /// Converts to a Rust value; errors name `what` (e.g. `"callback result"`).
    pub fn extract<'a, T: FromPy<'a>>(&'a self, what: &str) -> PyResult<T> {
        T::from_py(self.borrowed(), what)
    }

    /// Calls the object with positional arguments.
    pub fn call(&self, args: Vec<Obj>) -> PyResult<Obj> {
        let ptrs: Vec<*mut ffi::PyObject> = args.iter().map(Obj::as_ptr).collect();
        self.vectorcall(&ptrs)
    }

    /// Calls the object with a fixed number of positional arguments, through the vectorcall protocol
    /// with the arguments on the stack: no tuple and no vector is made (a callback per item costs what
    /// the call itself costs).
    pub fn call_array<const N: usize>(&self, args: [&Obj; N]) -> PyResult<Obj> {
        self.vectorcall(&args.map(Obj::as_ptr))
    }

    fn vectorcall(&self, args: &[*mut ffi::PyObject]) -> PyResult<Obj> {
        // SAFETY: a live callable and `args.len()` live arguments (their owners outlive the call);
        // no kwargs.
        calling_python(|| unsafe {
            ffi::PyObject_VectorcallDict(self.as_ptr(), args.as_ptr(), args.len(), std::ptr::null_mut())
        })
    }

    pub fn call0(&self) -> PyResult<Obj> {
        self.call_array([])
    }

    pub fn call1(&self, arg: impl IntoPy) -> PyResult<Obj> {
        self.call_array([&arg.into_py()?])
    }

    /// Calls with positional and keyword arguments.
    pub fn call_kw(&self, args: Vec<Obj>, kwargs: &[(&str, Obj)]) -> PyResult<Obj> {
        let tuple = crate::conv::tuple_from(args)?;
        // SAFETY: fresh dict; keys are NUL-checked C strings; values live.
        unsafe {
            let dict = Obj::from_owned_ptr(ffi::PyDict_New())?;
            for (k, v) in kwargs {
                let key = std::ffi::CString::new(*k).map_err(|_| PyErr::value_error("NUL in keyword"))?;
                if ffi::PyDict_SetItemString(dict.as_ptr(), key.as_ptr(), v.as_ptr()) < 0 {
                    return Err(PyErr::fetch());
                }
            }
            calling_python(|| ffi::PyObject_Call(self.as_ptr(), tuple.as_ptr(), dict.as_ptr()))
        }
    }

    pub fn getattr(&self, name: &str) -> PyResult<Obj> {
        let name = std::ffi::CString::new(name).map_err(|_| PyErr::value_error("NUL in attribute name"))?;
        // SAFETY: live object, NUL-terminated name.
        unsafe { Obj::from_owned_ptr(ffi::PyObject_GetAttrString(self.as_ptr(), name.as_ptr())) }
    }

    pub fn setattr(&self, name: &str, value: &Obj) -> PyResult<()> {
        let name = std::ffi::CString::new(name).map_err(|_| PyErr::value_error("NUL in attribute name"))?;
        // SAFETY: live objects, NUL-terminated name.
        if unsafe { ffi::PyObject_SetAttrString(self.as_ptr(), name.as_ptr(), value.as_ptr()) } < 0 {
            return Err(PyErr::fetch());
        }
        Ok(())
    }

    /// `repr(obj)`.
    pub fn repr(&self) -> PyResult<String> {
        // SAFETY: live object.
        let r = unsafe { Obj::from_owned_ptr(ffi::PyObject_Repr(self.as_ptr()))? };
        r.extract::<String>("repr()")
    }

    /// `str(obj)`.
    pub fn str(&self) -> PyResult<String> {
        // SAFETY: live object.
        let r = unsafe { Obj::from_owned_ptr(ffi::PyObject_Str(self.as_ptr()))? };
        r.extract::<String>("str()")
    }

    /// `bool(obj)`.
    pub fn is_truthy(&self) -> PyResult<bool> {
        // SAFETY: live object.
        match unsafe { ffi::PyObject_IsTrue(self.as_ptr()) } {
            -1 => Err(PyErr::fetch()),
            r => Ok(r != 0),
        }
    }

    /// `a == b` (Python equality).
    /// `isinstance(self, class)` (a `TypeError` when `class` is not a class or tuple of classes).
    pub fn is_instance(&self, class: &Obj) -> PyResult<bool> {
        // SAFETY: two live objects; -1 means an exception is set.
        match unsafe { ffi::PyObject_IsInstance(self.as_ptr(), class.as_ptr()) } {
            -1 => Err(PyErr::fetch()),
            r => Ok(r == 1),
        }
    }

    pub fn eq(&self, other: &Obj) -> PyResult<bool> {
        // SAFETY: live objects.
        match unsafe { ffi::PyObject_RichCompareBool(self.as_ptr(), other.as_ptr(), ffi::Py_EQ) } {
            -1 => Err(PyErr::fetch()),
            r => Ok(r != 0),
        }
    }

    /// `hash(obj)`.
    pub fn hash(&self) -> PyResult<isize> {
        // SAFETY: live object.
        match unsafe { ffi::PyObject_Hash(self.as_ptr()) } {
            -1 => Err(PyErr::fetch()),
            h => Ok(h),
        }
    }

    /// `type(obj).__name__`.
    pub fn type_name(&self) -> String {
        self.borrowed().type_name()
    }

    /// Imports a module by dotted name.
    pub fn import(name: &str) -> PyResult<Obj> {
        let name = std::ffi::CString::new(name).map_err(|_| PyErr::value_error("NUL in module name"))?;
        // SAFETY: NUL-terminated name.
        unsafe { Obj::from_owned_ptr(ffi::PyImport_ImportModule(name.as_ptr())) }
    }
}

impl Clone for Obj {
    fn clone(&self) -> Obj {
        // SAFETY: we hold a reference, so the object is alive.
        unsafe { Obj::from_borrowed_ptr(self.as_ptr()) }
    }
}

impl Drop for Obj {
    fn drop(&mut self) {
        // SAFETY: we own one reference; the GIL is held wherever an Obj lives.
        unsafe { ffi::Py_DECREF(self.as_ptr()) }
    }
}

impl std::fmt::Debug for Obj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.repr() {
            Ok(r) => f.write_str(&r),
            Err(_) => write!(f, "<{} object>", self.type_name()),
        }
    }
}

/// A reference the caller keeps alive for `'a` (an argument during one call). Made only by the layer.
#[derive(Clone, Copy)]
pub struct Borrowed<'a>(NonNull<ffi::PyObject>, PhantomData<&'a ()>);

impl<'a> Borrowed<'a> {
    /// # Safety
    /// `p` is a live object that stays alive for `'a`.
    #[inline(always)]
    pub(crate) unsafe fn from_ptr(p: *mut ffi::PyObject) -> Borrowed<'a> {
        debug_assert!(!p.is_null());
        // SAFETY: live objects are never null (per the contract).
        Borrowed(unsafe { NonNull::new_unchecked(p) }, PhantomData)
    }

    pub fn as_ptr(self) -> *mut ffi::PyObject {
        self.0.as_ptr()
    }

    pub fn to_owned(self) -> Obj {
        // SAFETY: alive for 'a.
        unsafe { Obj::from_borrowed_ptr(self.as_ptr()) }
    }

    pub(crate) fn type_ptr(self) -> *mut ffi::PyTypeObject {
        // SAFETY: live object.
        unsafe { ffi::Py_TYPE(self.as_ptr()) }
    }

    pub(crate) fn flags(self) -> std::ffi::c_ulong {
        // SAFETY: the type of a live object is a live type.
        unsafe { ffi::tp_flags(self.type_ptr()) }
    }

    pub fn is_none(self) -> bool {
        // SAFETY: address comparison only.
        self.as_ptr() == unsafe { ffi::Py_None() }
    }

    /// `type(obj).__name__`, for error messages.
    pub fn type_name(self) -> String {
        // SAFETY: the type of a live object is a live object.
        let tp = unsafe { Obj::from_borrowed_ptr(self.type_ptr().cast()) };
        match tp.getattr("__name__").and_then(|n| n.extract::<String>("__name__")) {
            Ok(n) => n,
            Err(_) => "object".to_owned(),
        }
    }
}

/// Runs `call`, a call of arbitrary Python code from inside one of our calls (a callback, a class), and
/// takes its new reference. It counts as a level of C recursion, so a callback that calls us back, again
/// and again, raises `RecursionError` as the same recursion through a C builtin would, before the C
/// stack runs out. A forced unwind out of it parks the thread (`forced_unwind`).
fn calling_python(call: impl FnOnce() -> *mut ffi::PyObject) -> PyResult<Obj> {
    crate::stack::check_remaining()?;
    // SAFETY: the GIL is held (as for every method of `Obj`); a NUL-terminated static string.
    if unsafe { ffi::Py_EnterRecursiveCall(c" in a callback from native code".as_ptr()) } != 0 {
        return Err(PyErr::fetch());
    }
    let hang = crate::forced_unwind::HangOnForcedUnwind::arm();
    let result = call();
    hang.disarm();
    // SAFETY: paired with the successful `Py_EnterRecursiveCall` above, GIL held.
    unsafe { ffi::Py_LeaveRecursiveCall() };
    // SAFETY: `call` returned a new reference or null with an exception set.
    unsafe { Obj::from_owned_ptr(result) }
}
