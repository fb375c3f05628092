//! Error translation: a Rust-side `PyErr` is either a pending exception class + message (cheap, made
//! lazily) or an exception fetched from the interpreter; `restore` hands it back to CPython.

use crate::obj::Obj;
use pyzig_ffi as ffi;
use std::any::Any;
use std::borrow::Cow;
use std::ffi::CString;
use std::fmt;
use std::sync::OnceLock;

pub type PyResult<T> = Result<T, PyErr>;

enum State {
    /// Class (a reference we own) and message.
    Lazy { class: *mut ffi::PyObject, msg: Cow<'static, str> },
    /// Owned type/value/traceback as returned by `PyErr_Fetch` (value and traceback may be null).
    Fetched { ptype: *mut ffi::PyObject, pvalue: *mut ffi::PyObject, ptb: *mut ffi::PyObject },
}

/// A Python exception held on the Rust side. Raise it by returning it as `Err` from any bound function.
pub struct PyErr {
    // Boxed: keeps `PyResult<Obj>` two words, so the hot (Ok) paths move little.
    state: Box<State>,
}

macro_rules! builtin_ctor {
    ($($fn:ident => $exc:ident),* $(,)?) => {$(
        #[doc = concat!("A `", stringify!($exc), "` with `msg`.")]
        pub fn $fn(msg: impl Into<Cow<'static, str>>) -> PyErr {
            // SAFETY: reading a built-in exception class pointer, initialised before any module loads.
            PyErr::from_class(unsafe { ffi::$exc }, msg)
        }
    )*};
}

impl PyErr {
    /// An exception of `class` (a live exception class) with `msg`; the error holds its own reference
    /// to the class until it is raised or dropped.
    pub(crate) fn from_class(class: *mut ffi::PyObject, msg: impl Into<Cow<'static, str>>) -> PyErr {
        // SAFETY: a live class; the GIL is held wherever a PyErr is made. Released in `restore`/`drop`.
        unsafe { ffi::Py_INCREF(class) };
        PyErr { state: Box::new(State::Lazy { class, msg: msg.into() }) }
    }

    /// An exception of a class object, e.g. one made by [`exception!`](crate::exception).
    pub fn new(class: &Obj, msg: impl Into<Cow<'static, str>>) -> PyErr {
        PyErr::from_class(class.as_ptr(), msg)
    }

    builtin_ctor! {
        type_error => PyExc_TypeError,
        value_error => PyExc_ValueError,
        overflow_error => PyExc_OverflowError,
        index_error => PyExc_IndexError,
        key_error => PyExc_KeyError,
        runtime_error => PyExc_RuntimeError,
        reference_error => PyExc_ReferenceError,
        attribute_error => PyExc_AttributeError,
        system_error => PyExc_SystemError,
        not_implemented_error => PyExc_NotImplementedError,
        memory_error => PyExc_MemoryError,
        recursion_error => PyExc_RecursionError,
    }

    /// The `OSError` Python raises for a failed file operation on `path`: `OSError(errno, strerror,
    /// filename)`, which CPython turns into the subclass for the errno (`FileNotFoundError`,
    /// `PermissionError`, `IsADirectoryError`, …).
    pub fn from_io(e: &std::io::Error, path: &str) -> PyErr {
        let made = (|| {
            // SAFETY: built-in classes live for the whole interpreter.
            let class = unsafe { Obj::from_borrowed_ptr(ffi::PyExc_OSError) };
            let errno = crate::conv::IntoPy::into_py(i64::from(e.raw_os_error().unwrap_or(0)))?;
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text).to_owned();
            let args = vec![errno, crate::conv::IntoPy::into_py(text)?, crate::conv::IntoPy::into_py(path)?];
            class.call(args)
        })();
        match made {
            Ok(value) => PyErr::from_value(value),
            Err(err) => err,
        }
    }

    /// Raises an exception instance already made (e.g. one whose attributes were set after creation).
    pub fn from_value(value: Obj) -> PyErr {
        let ptype = value.borrowed().type_ptr().cast::<ffi::PyObject>();
        // SAFETY: a live type object; the new state owns one reference to it and the value's.
        unsafe { ffi::Py_INCREF(ptype) };
        PyErr { state: Box::new(State::Fetched { ptype, pvalue: value.into_ptr(), ptb: std::ptr::null_mut() }) }
    }

    /// Takes the interpreter's pending exception; a `SystemError` if none is set (a C-API contract
    /// violation we report instead of crashing).
    pub fn fetch() -> PyErr {
        let (mut t, mut v, mut tb) = (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: out-pointers to locals; the GIL is held by every caller of the layer.
        unsafe { ffi::PyErr_Fetch(&mut t, &mut v, &mut tb) };
        if t.is_null() {
            return PyErr::system_error("a C-API call failed without setting an exception");
        }
        PyErr { state: Box::new(State::Fetched { ptype: t, pvalue: v, ptb: tb }) }
    }

    /// Hands the exception to the interpreter (sets the error indicator).
    pub fn restore(self) {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: moving the owned pointers out of a value that will not be dropped.
        let state = unsafe { std::ptr::read(&this.state) };
        match *state {
            State::Lazy { class, msg } => {
                let text = CString::new(msg.replace('\0', "\\0")).expect("NULs replaced");
                // SAFETY: `class` is a live exception class (our reference, released after); the message
                // is NUL-terminated.
                unsafe {
                    ffi::PyErr_SetString(class, text.as_ptr());
                    ffi::Py_DECREF(class);
                }
            }
            // SAFETY: `PyErr_Restore` steals the three references we own.
            State::Fetched { ptype, pvalue, ptb } => unsafe { ffi::PyErr_Restore(ptype, pvalue, ptb) },
        }
    }

    /// True when this exception is an instance of `class` (or a subclass).
    pub fn matches(&self, class: &Obj) -> bool {
        let given = match &*self.state {
            State::Lazy { class, .. } => *class,
            State::Fetched { ptype, .. } => *ptype,
        };
        // SAFETY: both are live class objects.
        unsafe { ffi::PyErr_GivenExceptionMatches(given, class.as_ptr()) != 0 }
    }

    /// The exception as an object (normalised), e.g. to store or re-raise later.
    pub fn into_value(self) -> Obj {
        self.restore();
        let (mut t, mut v, mut tb) = (std::ptr::null_mut(), std::ptr::null_mut(), std::ptr::null_mut());
        // SAFETY: fetching what we just set; normalising makes `v` an exception instance.
        unsafe {
            ffi::PyErr_Fetch(&mut t, &mut v, &mut tb);
            ffi::PyErr_NormalizeException(&mut t, &mut v, &mut tb);
            ffi::Py_XDECREF(t);
            ffi::Py_XDECREF(tb);
            Obj::from_owned_ptr(v).unwrap_or_else(|_| Obj::none())
        }
    }

    /// The exception for a caught panic: `PanicException` carrying the panic message.
    pub(crate) fn from_panic(payload: Box<dyn Any + Send>) -> PyErr {
        let msg = if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_owned()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "panic with a non-string payload".to_owned()
        };
        match panic_exception() {
            Ok(class) => PyErr::from_class(class.as_ptr(), format!("Rust panic: {msg}")),
            Err(e) => e,
        }
    }
}

impl Drop for PyErr {
    fn drop(&mut self) {
        match *self.state {
            // SAFETY: we own these references; the GIL is held wherever a PyErr lives.
            State::Fetched { ptype, pvalue, ptb } => unsafe {
                ffi::Py_XDECREF(ptype);
                ffi::Py_XDECREF(pvalue);
                ffi::Py_XDECREF(ptb);
            },
            // SAFETY: as above, the class reference `from_class` took.
            State::Lazy { class, .. } => unsafe { ffi::Py_DECREF(class) },
        }
    }
}

impl fmt::Debug for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &*self.state {
            State::Lazy { msg, .. } => write!(f, "PyErr({msg:?})"),
            State::Fetched { .. } => write!(f, "PyErr(<fetched>)"),
        }
    }
}

/// Address of a process-lifetime class object (written once under the GIL).
pub(crate) struct LazyClass(OnceLock<usize>);

impl LazyClass {
    pub(crate) const fn new() -> Self {
        LazyClass(OnceLock::new())
    }

    pub(crate) fn get_or_try_init(&self, make: impl FnOnce() -> PyResult<Obj>) -> PyResult<Obj> {
        if let Some(&p) = self.0.get() {
            // SAFETY: the holder keeps one reference forever, so the object is alive.
            return Ok(unsafe { Obj::from_borrowed_ptr(p as *mut ffi::PyObject) });
        }
        let obj = make()?;
        let p = obj.clone().into_ptr() as usize; // the holder's own, never released, reference
        if self.0.set(p).is_err() {
            // Lost a race (another thread between GIL switches): drop ours, use the stored one.
            // SAFETY: undo the reference taken for the holder.
            unsafe { ffi::Py_DECREF(p as *mut ffi::PyObject) };
            let p = *self.0.get().expect("set by the winner");
            // SAFETY: the holder keeps one reference forever.
            return Ok(unsafe { Obj::from_borrowed_ptr(p as *mut ffi::PyObject) });
        }
        Ok(obj)
    }
}

static PANIC_EXCEPTION: LazyClass = LazyClass::new();

/// `pyzig.PanicException` (a `RuntimeError`): what a Rust panic becomes at the boundary.
pub fn panic_exception() -> PyResult<Obj> {
    PANIC_EXCEPTION.get_or_try_init(|| {
        // SAFETY: NUL-terminated literals; base is the built-in RuntimeError.
        unsafe {
            Obj::from_owned_ptr(ffi::PyErr_NewExceptionWithDoc(
                c"pyzig.PanicException".as_ptr(),
                c"A Rust panic caught at the Python boundary; the message is the panic's.".as_ptr(),
                ffi::PyExc_RuntimeError,
                std::ptr::null_mut(),
            ))
        }
    })
}

/// Creates a module-specific exception class `qualname` (`"pkg.mod.Name"`) deriving from `base`.
pub fn new_exception_class(qualname: &str, doc: &str, base: Option<&Obj>) -> PyResult<Obj> {
    let name = CString::new(qualname).map_err(|_| PyErr::value_error("NUL in exception name"))?;
    let doc = CString::new(doc).map_err(|_| PyErr::value_error("NUL in exception doc"))?;
    // SAFETY: NUL-terminated strings; the base is a live class or the built-in Exception.
    unsafe {
        let base = base.map_or(ffi::PyExc_Exception, Obj::as_ptr);
        Obj::from_owned_ptr(ffi::PyErr_NewExceptionWithDoc(name.as_ptr(), doc.as_ptr(), base, std::ptr::null_mut()))
    }
}

/// Built-in exception classes as objects, e.g. as bases for [`exception!`](crate::exception).
pub mod builtins {
    use super::*;
    macro_rules! builtin_class {
        ($($fn:ident => $exc:ident),* $(,)?) => {$(
            #[doc = concat!("The built-in `", stringify!($exc), "` class.")]
            pub fn $fn() -> Obj {
                // SAFETY: built-in classes live for the whole interpreter.
                unsafe { Obj::from_borrowed_ptr(ffi::$exc) }
            }
        )*};
    }
    builtin_class! {
        exception => PyExc_Exception,
        value_error => PyExc_ValueError,
        type_error => PyExc_TypeError,
        runtime_error => PyExc_RuntimeError,
        key_error => PyExc_KeyError,
        index_error => PyExc_IndexError,
    }
}
