//! Extension modules: multi-phase initialisation (`PyModuleDef_Init` + a `Py_mod_exec` slot) for a
//! module declared with [`module!`](crate::module).
//!
//! Types, enums and exception classes are created once per process and shared by every module object
//! (re-imports create new module objects); the registry is global, so on 3.12+ the module declares
//! `Py_mod_multiple_interpreters = not supported` rather than misbehave in a subinterpreter.

use crate::class::{PyClass, class_object, create_type};
use crate::enums::{PyEnum, enum_class};
use crate::err::{PyErr, PyResult};
use crate::exception::PyException;
use crate::method::MethodEntry;
use crate::obj::{Borrowed, Obj};
use crate::trampoline::{guard, zst};
use pyzig_ffi as ffi;
use std::ffi::{CString, c_int, c_void};
use std::sync::OnceLock;

/// The leaked `PyModuleDef` of one module, built on first import.
pub struct ModuleDef(OnceLock<usize>);

impl ModuleDef {
    pub const fn new() -> ModuleDef {
        ModuleDef(OnceLock::new())
    }
}

impl Default for ModuleDef {
    fn default() -> Self {
        ModuleDef::new()
    }
}

/// The module being initialised, handed to the generated exec function.
pub struct Module<'a> {
    obj: Borrowed<'a>,
}

impl Module<'_> {
    /// Adds `value` as attribute `name`.
    pub fn add(&self, name: &str, value: &Obj) -> PyResult<()> {
        let name = CString::new(name).map_err(|_| PyErr::value_error("NUL in attribute name"))?;
        // SAFETY: live module and value, NUL-terminated name; the module takes its own reference.
        if unsafe { ffi::PyModule_AddObjectRef(self.obj.as_ptr(), name.as_ptr(), value.as_ptr()) } < 0 {
            return Err(PyErr::fetch());
        }
        Ok(())
    }

    pub fn add_class<T: PyClass>(&self) -> PyResult<()> {
        create_type::<T>(self.obj.as_ptr())?;
        self.add(T::NAME, &class_object::<T>()?)
    }

    pub fn add_enum<E: PyEnum>(&self) -> PyResult<()> {
        self.add(E::NAME, &enum_class::<E>()?)
    }

    pub fn add_exception<E: PyException>(&self) -> PyResult<()> {
        self.add(E::NAME, &E::class()?)
    }

    /// Adds module functions (entries made with `MethodEntry::fn_*`, as `module!` makes them).
    pub fn add_functions(&self, functions: &[MethodEntry]) -> PyResult<()> {
        let defs = crate::method::method_table(functions);
        // SAFETY: a live module and a leaked, NULL-terminated table (functions keep pointers into it).
        if unsafe { ffi::PyModule_AddFunctions(self.obj.as_ptr(), defs) } < 0 {
            return Err(PyErr::fetch());
        }
        Ok(())
    }

    /// Creates submodule `qualname` (e.g. `"pkg.sub"`), fills it with `init`, adds it to this module as
    /// attribute `attr` and to `sys.modules`, so that `import pkg.sub` finds it.
    pub fn add_submodule(
        &self,
        attr: &str,
        qualname: &str,
        doc: &str,
        init: impl FnOnce(&Module<'_>) -> PyResult<()>,
    ) -> PyResult<()> {
        let name = CString::new(qualname).map_err(|_| PyErr::value_error("NUL in module name"))?;
        // SAFETY: a NUL-terminated name; a new reference, or NULL with an exception set (checked).
        let sub = unsafe { Obj::from_owned_ptr(ffi::PyModule_New(name.as_ptr()))? };
        sub.setattr("__doc__", &crate::conv::IntoPy::into_py(doc)?)?;
        init(&Module { obj: sub.borrowed() })?;
        self.add(attr, &sub)?;
        let modules = Obj::import("sys")?.getattr("modules")?;
        // SAFETY: `sys.modules` is a dict (CPython keeps it one); live key and value; the dict takes its
        // own reference.
        if unsafe { ffi::PyDict_SetItemString(modules.as_ptr(), name.as_ptr(), sub.as_ptr()) } < 0 {
            return Err(PyErr::fetch());
        }
        Ok(())
    }

    pub fn as_obj(&self) -> Obj {
        self.obj.to_owned()
    }
}

unsafe extern "C" fn exec<F: Fn(&Module<'_>) -> PyResult<()> + Copy>(module: *mut ffi::PyObject) -> c_int {
    guard(-1, || {
        // SAFETY: CPython passes the live module object being initialised.
        let m = Module { obj: unsafe { Borrowed::from_ptr(module) } };
        m.add("PanicException", &crate::err::panic_exception()?)?;
        zst::<F>()(&m)?;
        Ok(0)
    })
}

fn leak(s: &str) -> *const std::ffi::c_char {
    CString::new(s).expect("no NUL in module names and docs").into_raw()
}

/// Body of the generated `PyInit_<name>`: builds the definition once and returns it for multi-phase
/// initialisation; `exec` adds the module's classes.
pub fn module_init<F: Fn(&Module<'_>) -> PyResult<()> + Copy + 'static>(
    def: &'static ModuleDef,
    name: &'static str,
    doc: &'static str,
    functions: fn() -> Vec<MethodEntry>,
    _exec: F,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        let p = *def.0.get_or_init(|| {
            let methods = crate::method::method_table(&functions());
            let mut slots = vec![ffi::PyModuleDef_Slot { slot: ffi::Py_mod_exec, value: exec::<F> as *mut c_void }];
            #[cfg(Py_3_12)]
            slots.push(ffi::PyModuleDef_Slot {
                slot: ffi::Py_mod_multiple_interpreters,
                value: ffi::Py_MOD_MULTIPLE_INTERPRETERS_NOT_SUPPORTED as *mut c_void,
            });
            slots.push(ffi::PyModuleDef_Slot { slot: 0, value: std::ptr::null_mut() });
            let def = Box::leak(Box::new(ffi::PyModuleDef {
                m_base: ffi::PyModuleDef_Base {
                    ob_base: ffi::PyObject { ob_refcnt: 1, ob_type: std::ptr::null_mut() },
                    m_init: None,
                    m_index: 0,
                    m_copy: std::ptr::null_mut(),
                },
                m_name: leak(name),
                m_doc: leak(doc),
                m_size: 0,
                m_methods: methods,
                m_slots: Box::leak(slots.into_boxed_slice()).as_mut_ptr(),
                m_traverse: None,
                m_clear: None,
                m_free: None,
            }));
            def as *mut ffi::PyModuleDef as usize
        });
        // SAFETY: a complete, leaked definition; `PyModuleDef_Init` returns it as an object (borrowed).
        Ok(unsafe { ffi::PyModuleDef_Init(p as *mut ffi::PyModuleDef) })
    })
}
