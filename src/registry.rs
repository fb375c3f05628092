//! The global type registry: Rust `TypeId` → Python type, so any code can wrap a native value into its
//! Python class without knowing which module declared it. Thread-safe (types may be created while other
//! threads run between GIL switches). One per process: modules built on the layer therefore declare on
//! 3.12+ that they do not support subinterpreters.

use crate::class::{PyClass, new_owned};
use crate::err::{PyErr, PyResult};
use crate::obj::Obj;
use pyzig_ffi as ffi;
use std::any::{Any, TypeId};
use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

struct Entry {
    tp: usize,
    name: &'static str,
    wrap: fn(Box<dyn Any>) -> PyResult<Obj>,
}

static REGISTRY: LazyLock<RwLock<HashMap<TypeId, Entry>>> = LazyLock::new(Default::default);

fn wrap_boxed<T: PyClass>(value: Box<dyn Any>) -> PyResult<Obj> {
    let value = value.downcast::<T>().map_err(|_| PyErr::system_error("registry entry of the wrong type"))?;
    new_owned::<T>(*value)
}

pub(crate) fn register<T: PyClass>(tp: *mut ffi::PyTypeObject) {
    let entry = Entry { tp: tp as usize, name: T::NAME, wrap: wrap_boxed::<T> };
    REGISTRY.write().unwrap_or_else(|e| e.into_inner()).insert(TypeId::of::<T>(), entry);
}

/// Wraps any native value whose type some loaded module declared; `TypeError` when none did.
pub fn wrap<T: Any>(value: T) -> PyResult<Obj> {
    let f = {
        let reg = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
        reg.get(&TypeId::of::<T>()).map(|e| e.wrap)
    };
    match f {
        Some(wrap) => wrap(Box::new(value)),
        None => Err(PyErr::type_error(format!(
            "no Python type is registered for the Rust type {}",
            std::any::type_name::<T>()
        ))),
    }
}

/// The registered Python class of `T`, if any module declared it.
pub fn lookup<T: Any>() -> Option<Obj> {
    let reg = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
    // SAFETY: registered types are kept alive by their type cell for the life of the process.
    reg.get(&TypeId::of::<T>()).map(|e| unsafe { Obj::from_borrowed_ptr(e.tp as *mut ffi::PyObject) })
}

/// Names of all registered classes (for diagnostics).
pub fn registered_names() -> Vec<&'static str> {
    let reg = REGISTRY.read().unwrap_or_else(|e| e.into_inner());
    let mut v: Vec<_> = reg.values().map(|e| e.name).collect();
    v.sort_unstable();
    v
}
