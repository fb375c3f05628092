//! Records: plain Rust structs exposed field by field. Runtime half of [`record!`](crate::record):
//! one getset slot per field, `__repr__`, `__eq__`, `__field_names__()`, `__zig_address__()`.

use crate::cell::{Access, PyCell, Step};
use crate::class::{PyClass, Slf};
use crate::err::{PyErr, PyResult};
use crate::field::{Field, FieldPlace};
use crate::method::{GetSetEntry, MethodEntry};
use crate::obj::{Borrowed, Obj};
use crate::sig::{Kind, Sig};
use crate::trampoline::guard;
use pyzig_ffi as ffi;
use std::ffi::{c_int, c_void};

/// Implemented by [`record!`](crate::record).
pub trait Record: PyClass + Clone + PartialEq {
    const FIELD_NAMES: &'static [&'static str];
    /// Detached Python copies of the fields, in declaration order (for `repr`).
    fn field_copies(&self) -> PyResult<Vec<Obj>>;
}

struct FieldInfo {
    offset: usize,
    what: &'static str,
}

unsafe extern "C" fn field_get<T: PyClass, V: Field>(
    slf: *mut ffi::PyObject,
    closure: *mut c_void,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: `closure` is the leaked `FieldInfo` of this getset; `slf` a live `PyCell<T>` (CPython
        // checks the descriptor's type before calling).
        unsafe {
            let info = &*closure.cast::<FieldInfo>();
            if V::SCALAR
                && let Some(p) = PyCell::<T>::owned_for_read(slf)
            {
                return Ok(V::to_py_copy(&*p.cast::<u8>().add(info.offset).cast::<V>())?.into_ptr());
            }
            let r = PyCell::<T>::resolve(slf, T::NAME, Access::Shared)?;
            let _g = r.borrow()?;
            let at = r.at(Step::field(info.offset));
            let vptr = r.ptr.cast::<u8>().add(info.offset).cast::<V>();
            Ok(V::get(FieldPlace::new(vptr, &at))?.into_ptr())
        }
    })
}

unsafe extern "C" fn field_set<T: PyClass, V: Field>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    guard(-1, || {
        // SAFETY: as in `field_get`; `value` is live for the call when not null.
        unsafe {
            let info = &*closure.cast::<FieldInfo>();
            if V::SCALAR && !value.is_null() {
                // Convert first: it may read other wrappers (even this one, through `__float__`) and
                // must not see a half-set value.
                let new = V::extract(Borrowed::from_ptr(value), info.what)?;
                if let Some(p) = PyCell::<T>::owned_for_write(slf) {
                    *p.cast::<u8>().add(info.offset).cast::<V>() = new;
                    return Ok(0);
                }
                return set_in_place::<T, V>(slf, info, new);
            }
            field_set_slow::<T, V>(slf, value, info)
        }
    })
}

/// Deletion, non-scalar fields: the checks the fast path of `field_set` leaves out, out of line.
///
/// # Safety
/// As `field_set`'s arguments.
#[cold]
#[inline(never)]
unsafe fn field_set_slow<T: PyClass, V: Field>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    info: &FieldInfo,
) -> PyResult<c_int> {
    if value.is_null() {
        return Err(PyErr::attribute_error(format!("cannot delete {}", info.what)));
    }
    // SAFETY: `value` is live for the call (not null).
    let new = V::extract(unsafe { Borrowed::from_ptr(value) }, info.what)?;
    // SAFETY: per the contract.
    unsafe { set_in_place::<T, V>(slf, info, new) }
}

/// Stores `new` through the full checks: a view resolved to its target, an exclusive borrow.
///
/// # Safety
/// `slf` is a live `PyCell<T>` and the field at `info.offset` has type `V`.
#[inline(never)]
unsafe fn set_in_place<T: PyClass, V: Field>(slf: *mut ffi::PyObject, info: &FieldInfo, new: V) -> PyResult<c_int> {
    // SAFETY: per the contract; the exclusive borrow is held while the value is stored.
    unsafe {
        let r = PyCell::<T>::resolve(slf, T::NAME, Access::Exclusive)?;
        let _g = r.borrow_mut()?;
        *r.ptr.cast::<u8>().add(info.offset).cast::<V>() = new;
        if V::STRUCTURAL {
            r.bump_epoch();
        }
    }
    Ok(0)
}

/// The getset entry of one field. `_proof` (`|o| &o.field`) ties `V` to the field at `offset`.
pub fn field_entry<T: PyClass, V: Field>(
    name: &'static str,
    what: &'static str,
    offset: usize,
    doc: &str,
    _proof: fn(&T) -> &V,
) -> GetSetEntry<T> {
    let info = Box::leak(Box::new(FieldInfo { offset, what }));
    let stub = format!(
        "@property\ndef {name}(self) -> {hint}: ...\n@{name}.setter\ndef {name}(self, value: {hint}) -> None: ...\n",
        hint = V::hint()
    );
    GetSetEntry::raw(
        name,
        field_get::<T, V>,
        Some(field_set::<T, V>),
        (info as *mut FieldInfo).cast(),
        doc.to_owned(),
        stub,
    )
}

pub(crate) unsafe extern "C" fn repr<T: Record>(slf: *mut ffi::PyObject) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: a live `PyCell<T>` (our own `tp_repr`).
        let copies = unsafe {
            let r = PyCell::<T>::resolve(slf, T::NAME, Access::Shared)?;
            let g = crate::cell::make_ref(r)?;
            g.field_copies()?
        };
        let mut s = format!("{}(", T::NAME);
        for (i, (name, v)) in T::FIELD_NAMES.iter().zip(copies).enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(name);
            s.push('=');
            s.push_str(&v.repr()?);
        }
        s.push(')');
        Ok(crate::conv::IntoPy::into_py(s)?.into_ptr())
    })
}

pub(crate) unsafe extern "C" fn richcompare<T: Record>(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: `a` is a live `PyCell<T>`, `b` a live object.
        unsafe {
            let same = Some(ffi::Py_TYPE(b)) == T::lazy_type().get();
            if !same || (op != ffi::Py_EQ && op != ffi::Py_NE) {
                return Ok(Obj::from_borrowed_ptr(ffi::Py_NotImplemented()).into_ptr());
            }
            let ra = crate::cell::make_ref(PyCell::<T>::resolve(a, T::NAME, Access::Shared)?)?;
            let rb = crate::cell::make_ref(PyCell::<T>::resolve(b, T::NAME, Access::Shared)?)?;
            let eq = *ra == *rb;
            Ok(crate::conv::IntoPy::into_py(eq == (op == ffi::Py_EQ))?.into_ptr())
        }
    })
}

/// The slots and methods every record gets; with `hash`, also `__hash__`: the hash of the tuple of its
/// field values, consistent with `__eq__` (like a dataclass with `unsafe_hash=True`: a record used as a
/// dict key or set member must not be changed meanwhile).
pub fn record_extras<T: Record>(hash: bool) -> (Vec<(c_int, *mut c_void)>, Vec<MethodEntry<T>>) {
    let slots =
        vec![(ffi::Py_tp_repr, repr::<T> as *mut c_void), (ffi::Py_tp_richcompare, richcompare::<T> as *mut c_void)];
    let names = MethodEntry::fn_noargs(
        Sig::new(
            Kind::Static,
            "__field_names__",
            vec![],
            "tuple[str, ...]".into(),
            false,
            "The field names, in order.",
        ),
        || {
            let names =
                T::FIELD_NAMES.iter().map(|n| crate::conv::IntoPy::into_py(*n)).collect::<PyResult<Vec<_>>>()?;
            crate::conv::tuple_from(names)
        },
    );
    let address = MethodEntry::noargs(
        Sig::new(
            Kind::Method,
            "__zig_address__",
            vec![],
            "int".into(),
            false,
            "Address of the native data (a debugging handle; the name is kept from the Zig original).",
        ),
        |slf: Slf<'_, T>| {
            let r = slf.get()?;
            crate::conv::IntoPy::into_py(&*r as *const T as usize)
        },
    );
    let mut methods = vec![names, address];
    if hash {
        methods.push(MethodEntry::slot_hash(
            Sig::new(Kind::Method, "__hash__", vec![], "int".into(), false, ""),
            |slf: Slf<'_, T>| {
                let copies = slf.get()?.field_copies()?;
                crate::conv::tuple_from(copies)?.hash()
            },
        ));
    }
    (slots, methods)
}
