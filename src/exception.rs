//! Module-specific exception classes, declared with [`exception!`](crate::exception).

use crate::err::{LazyClass, PyErr, PyResult};
use crate::obj::Obj;

/// Implemented by [`exception!`](crate::exception).
pub trait PyException: 'static {
    const NAME: &'static str;
    const MODULE: &'static str;
    const DOC: &'static str;
    /// A built-in exception class name (`"Exception"`, `"ValueError"`, …).
    const BASE: &'static str;
    #[doc(hidden)]
    fn lazy() -> &'static LazyException;

    /// The class, created on first use.
    fn class() -> PyResult<Obj> {
        Self::lazy().0.get_or_try_init(|| {
            let base = Obj::import("builtins")?.getattr(Self::BASE)?;
            crate::err::new_exception_class(&format!("{}.{}", Self::MODULE, Self::NAME), Self::DOC, Some(&base))
        })
    }

    /// An error of this class with `msg`, ready to return as `Err`.
    fn new_err(msg: impl Into<std::borrow::Cow<'static, str>>) -> PyErr {
        match Self::class() {
            Ok(c) => PyErr::new(&c, msg),
            Err(e) => e,
        }
    }

    fn stub() -> String {
        let mut s = format!("class {}({}):", Self::NAME, Self::BASE);
        if Self::DOC.is_empty() {
            s.push_str(" ...\n");
        } else {
            s.push('\n');
            s.push_str(&crate::sig::docstring(Self::DOC, "    "));
        }
        s
    }
}

pub struct LazyException(LazyClass);

impl LazyException {
    pub const fn new() -> LazyException {
        LazyException(LazyClass::new())
    }
}

impl Default for LazyException {
    fn default() -> Self {
        LazyException::new()
    }
}
