//! Declarations of the CPython C-API that pyzig calls; nothing else.
//!
//! One file per CPython header, declarations only (plus the few `static inline` reference-count helpers
//! the headers define, re-implemented per version). Types are always created from `PyType_Spec` and slots:
//! `PyTypeObject` is opaque here on purpose, its layout is never mirrored. The layouts we do touch
//! (`PyObject`, `PyVarObject`, `PyTupleObject`, `PyFloatObject`, `PyLongObject`) and every constant and
//! offset are checked against bindgen output of the installed headers by `ffi/verify`.
//!
//! Version cfgs (emitted by `build.rs` from `PYZIG_PYTHON`, default `python3`): `Py_3_11`, `Py_3_12`,
//! `Py_3_13`, each meaning "at least this version". Supported: CPython 3.10 to 3.13, 64-bit, GIL builds.
//!
//! For `ffi/verify` — items whose value is not a plain header constant and needs checking:
//! - [`TP_VECTORCALL_OFFSET`] = `offsetof(PyTypeObject, tp_vectorcall)` (400 on 64-bit 3.10–3.13);
//! - [`TP_FLAGS_OFFSET`] = `offsetof(PyTypeObject, tp_flags)` (168);
//! - the layouts of [`PyObject`], [`PyVarObject`], [`PyTupleObject`], [`PyFloatObject`], [`PyLongObject`]
//!   (and 3.12+'s `_PyLongValue`, with `digit`), [`PyMethodDef`],
//!   [`PyGetSetDef`], [`PyModuleDef`], [`PyModuleDef_Base`], [`PyModuleDef_Slot`], [`PyType_Spec`],
//!   [`PyType_Slot`];
//! - the `Py_tp_*`, `Py_mod_*`, `METH_*`, `Py_TPFLAGS_*`, `Py_EQ`, `Py_NE` and
//!   `PY_VECTORCALL_ARGUMENTS_OFFSET` constants;
//! - the inline [`Py_INCREF`]/[`Py_DECREF`] (3.12+: immortal objects, lower 32 bits of `ob_refcnt`; a debug
//!   interpreter, `Py_DEBUG`: its `Py_IncRef`/`Py_DecRef`, which keep `sys.gettotalrefcount()`).
#![allow(non_camel_case_types, non_snake_case, non_upper_case_globals, clippy::missing_safety_doc)]
#![no_std]

#[cfg(not(target_pointer_width = "64"))]
compile_error!("pyzig-ffi supports 64-bit targets only");

mod abstract_;
mod boolobject;
mod bytesobject;
mod ceval;
mod descrobject;
mod dictobject;
mod floatobject;
mod import;
mod listobject;
mod longobject;
mod methodobject;
mod moduleobject;
mod object;
mod objimpl;
mod pyerrors;
mod pyport;
mod sliceobject;
mod tupleobject;
mod typeslots;
mod unicodeobject;

pub use abstract_::*;
pub use boolobject::*;
pub use bytesobject::*;
pub use ceval::*;
pub use descrobject::*;
pub use dictobject::*;
pub use floatobject::*;
pub use import::*;
pub use listobject::*;
pub use longobject::*;
pub use methodobject::*;
pub use moduleobject::*;
pub use object::*;
pub use objimpl::*;
pub use pyerrors::*;
pub use pyport::*;
pub use sliceobject::*;
pub use tupleobject::*;
pub use typeslots::*;
pub use unicodeobject::*;
