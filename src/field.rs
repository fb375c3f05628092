//! Field kinds of records: how a value stored inside a wrapper is read, assigned and copied.
//!
//! Reading a scalar field copies it into a new Python object; reading a record, list or optional record
//! field returns a VIEW into the owner (see `cell`), so `outer.inner.x = 1` changes `outer`.

use crate::cell::{At, Step};
use crate::conv::{FromPy, IntoPy};
use crate::err::PyResult;
use crate::obj::{Borrowed, Obj};
use std::marker::PhantomData;

/// A value located inside a wrapper, borrowed for the duration of one access. Made only by the layer.
pub struct FieldPlace<'a, T> {
    ptr: *mut T,
    at: &'a At<'a>,
    _t: PhantomData<&'a T>,
}

impl<'a, T> FieldPlace<'a, T> {
    /// # Safety
    /// `ptr` is valid and borrowed (shared) for `'a`; `at` locates it.
    pub(crate) unsafe fn new(ptr: *mut T, at: &'a At<'a>) -> Self {
        FieldPlace { ptr, at, _t: PhantomData }
    }

    pub fn value(&self) -> &T {
        // SAFETY: valid and borrowed for 'a per `new`.
        unsafe { &*self.ptr }
    }

    /// A view wrapper of record type `T` onto this value.
    pub fn record_view(&self) -> PyResult<Obj>
    where
        T: crate::class::PyClass,
    {
        self.at.new_view::<T>(crate::class::type_object::<T>()?, T::GC)
    }

    pub(crate) fn at(&self) -> &At<'a> {
        self.at
    }
}

/// A type that can be a record field (or a list element).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a record field",
    label = "not a record field type",
    note = "fields hold ints, floats, bool, String, Option, Box, Vec, records and enums; for a type of your own, implement `pyzig::FromPy` and `pyzig::IntoPy` and write `pyzig::value_field!({Self});`"
)]
pub trait Field: Sized + Clone + 'static {
    /// The stub annotation.
    fn hint() -> String;
    /// The Python value of the field: a copy for scalars, a view for records and lists.
    fn get(place: FieldPlace<'_, Self>) -> PyResult<Obj>;
    /// Converts an assigned Python value; errors name `what` (`"Point.x"`).
    fn extract(obj: Borrowed<'_>, what: &str) -> PyResult<Self>;
    /// A detached Python copy (for `repr`, `pop`, slices).
    fn to_py_copy(&self) -> PyResult<Obj>;
    /// Takes the value out into a new owning Python object (what `list.pop()` returns).
    fn into_py_owned(self) -> PyResult<Obj> {
        self.to_py_copy()
    }
    /// Assigning the field replaces list elements that views may index (bumps the owner's epoch).
    const STRUCTURAL: bool = false;
    /// Reading is `to_py_copy` and runs no Python code (ints, floats, bools, strings, enums): field
    /// access may then take the no-borrow fast path.
    const SCALAR: bool = false;
}

macro_rules! scalar_field {
    ($($t:ty),*) => {$(
        impl Field for $t {
            fn hint() -> String { <$t as IntoPy>::hint() }
            #[inline]
            fn get(place: FieldPlace<'_, Self>) -> PyResult<Obj> { place.value().clone().into_py() }
            #[inline]
            fn extract(obj: Borrowed<'_>, what: &str) -> PyResult<Self> { <$t as FromPy>::from_py(obj, what) }
            fn to_py_copy(&self) -> PyResult<Obj> { self.clone().into_py() }
            const SCALAR: bool = true;
        }
    )*};
}
scalar_field!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64, bool);

/// Read without cloning the `String` first.
impl Field for String {
    fn hint() -> String {
        "str".into()
    }
    #[inline]
    fn get(place: FieldPlace<'_, Self>) -> PyResult<Obj> {
        place.value().as_str().into_py()
    }
    #[inline]
    fn extract(obj: Borrowed<'_>, what: &str) -> PyResult<Self> {
        <String as FromPy>::from_py(obj, what)
    }
    fn to_py_copy(&self) -> PyResult<Obj> {
        self.as_str().into_py()
    }
    const SCALAR: bool = true;
}

impl<T: Field> Field for Option<T> {
    fn hint() -> String {
        format!("{} | None", T::hint())
    }

    fn get(place: FieldPlace<'_, Self>) -> PyResult<Obj> {
        match place.value() {
            None => Ok(Obj::none()),
            Some(inner) => {
                let mut buf = Vec::new();
                let at = place.at().then(&mut buf, Step::some::<T>());
                let inner_ptr = inner as *const T as *mut T;
                // SAFETY: points inside the borrowed value; `at` locates it.
                T::get(unsafe { FieldPlace::new(inner_ptr, &at) })
            }
        }
    }

    fn extract(obj: Borrowed<'_>, what: &str) -> PyResult<Self> {
        if obj.is_none() { Ok(None) } else { T::extract(obj, what).map(Some) }
    }

    fn to_py_copy(&self) -> PyResult<Obj> {
        match self {
            None => Ok(Obj::none()),
            Some(v) => v.to_py_copy(),
        }
    }

    fn into_py_owned(self) -> PyResult<Obj> {
        match self {
            None => Ok(Obj::none()),
            Some(v) => v.into_py_owned(),
        }
    }

    const STRUCTURAL: bool = T::STRUCTURAL;
}

/// A boxed field reads and writes as its content: a nested record in a `Box` is a live view too.
impl<T: Field> Field for Box<T> {
    fn hint() -> String {
        T::hint()
    }

    fn get(place: FieldPlace<'_, Self>) -> PyResult<Obj> {
        let inner_ptr = &**place.value() as *const T as *mut T;
        let mut buf = Vec::new();
        let at = place.at().then(&mut buf, Step::boxed::<T>());
        // SAFETY: points inside the borrowed value (the box's content); `at` locates it.
        T::get(unsafe { FieldPlace::new(inner_ptr, &at) })
    }

    fn extract(obj: Borrowed<'_>, what: &str) -> PyResult<Self> {
        T::extract(obj, what).map(Box::new)
    }

    fn to_py_copy(&self) -> PyResult<Obj> {
        (**self).to_py_copy()
    }

    fn into_py_owned(self) -> PyResult<Obj> {
        (*self).into_py_owned()
    }

    const STRUCTURAL: bool = T::STRUCTURAL;
    const SCALAR: bool = T::SCALAR;
}

/// Makes a type of your own a record field held by value: every read is a fresh Python object
/// (`IntoPy`), every assignment converts (`FromPy`). For `Clone` types with both conversions, e.g. a
/// newtype `struct Meters(f64)`.
#[macro_export]
macro_rules! value_field {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::Field for $t {
            fn hint() -> ::std::string::String {
                <$t as $crate::IntoPy>::hint()
            }
            fn get(place: $crate::FieldPlace<'_, Self>) -> $crate::PyResult<$crate::Obj> {
                $crate::IntoPy::into_py(::core::clone::Clone::clone(place.value()))
            }
            fn extract(obj: $crate::Borrowed<'_>, what: &str) -> $crate::PyResult<Self> {
                <$t as $crate::FromPy>::from_py(obj, what)
            }
            fn to_py_copy(&self) -> $crate::PyResult<$crate::Obj> {
                $crate::IntoPy::into_py(::core::clone::Clone::clone(self))
            }
        }
    )+};
}

impl<T: crate::list::ListElem> Field for Vec<T> {
    fn hint() -> String {
        format!("list[{}]", T::hint())
    }

    fn get(place: FieldPlace<'_, Self>) -> PyResult<Obj> {
        crate::list::list_view::<T>(place.at())
    }

    fn extract(obj: Borrowed<'_>, what: &str) -> PyResult<Self> {
        crate::list::extract_vec::<T>(obj, what)
    }

    fn to_py_copy(&self) -> PyResult<Obj> {
        let items = self.iter().map(Field::to_py_copy).collect::<PyResult<Vec<_>>>()?;
        crate::conv::list_from(items)
    }

    const STRUCTURAL: bool = true;
}

/// Record-typed parameters and return values: by value (a copy of the wrapped record).
#[inline(always)]
pub fn extract_record<T: crate::class::PyClass + Clone>(obj: Borrowed<'_>, what: &str) -> PyResult<T> {
    // The common case in one type compare and one flag test: an owned wrapper of `T` nobody modifies.
    // Cloning a record runs no Python code (its fields hold no Python objects), so no borrow is taken.
    if obj.type_ptr() == T::lazy_type().raw() {
        // SAFETY: the type matches, so `obj` is a live `PyCell<T>`, alive for the call.
        if let Some(p) = unsafe { crate::cell::PyCell::<T>::owned_for_read(obj.as_ptr()) } {
            // SAFETY: `p` points to the owned value, not being modified.
            return Ok(unsafe { (*p).clone() });
        }
    }
    extract_record_slow(obj, what)
}

/// Wrong types, views, released or busy wrappers: the full checks and their errors.
#[inline(never)]
fn extract_record_slow<T: crate::class::PyClass + Clone>(obj: Borrowed<'_>, what: &str) -> PyResult<T> {
    crate::class::check_type::<T>(obj, what)?;
    // SAFETY: type checked; the object is alive for the call.
    let value = unsafe { crate::cell::PyCell::<T>::borrow(obj.as_ptr(), T::NAME)? }.clone();
    Ok(value)
}
