//! List fields: `outer.items` is a live view of the `Vec` inside its owner, with the list methods.
//!
//! Elements are read as views (records) or copies (scalars). Anything that removes or reorders elements
//! (`pop`, `remove`, `insert`, `clear`, `del`, item and slice assignment, assigning the whole field)
//! bumps the owner's epoch, after which earlier element views raise `ReferenceError` instead of showing
//! another element; `append`/`extend` keep them valid (a view re-walks its path, so reallocation is fine).
//! `pop()` returns the removed element as a new owning object.

use crate::cell::{Access, At, PyCell, Resolved, Step};
use crate::class::{LazyType, PyClass, Slf};
use crate::conv::{IntoPy, type_mismatch};
use crate::err::{PyErr, PyResult};
use crate::field::{Field, FieldPlace};
use crate::method::MethodEntry;
use crate::obj::{Borrowed, Obj};
use crate::sig::{Kind, Param, Sig};
use crate::trampoline::guard;
use pyzig_ffi as ffi;
use std::ffi::{c_int, c_void};

/// A type that can be a list element; gives the per-element-type list view class its storage.
pub trait ListElem: Field {
    #[doc(hidden)]
    fn list_lazy_type() -> &'static LazyType;
}

macro_rules! scalar_elem {
    ($($t:ty),*) => {$(
        impl ListElem for $t {
            fn list_lazy_type() -> &'static LazyType {
                static LAZY: LazyType = LazyType::new();
                &LAZY
            }
        }
    )*};
}
scalar_elem!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64, bool, String);

/// The list view class is a `PyClass` whose cells hold (views of) `Vec<T>`.
impl<T: ListElem> PyClass for Vec<T> {
    const NAME: &'static str = "ListView";
    const MODULE: &'static str = "pyzig";
    const GC: bool = false;

    fn lazy_type() -> &'static LazyType {
        T::list_lazy_type()
    }

    fn class_spec() -> crate::class::ClassSpec<Self> {
        list_spec::<T>()
    }
}

pub(crate) fn list_view<T: ListElem>(at: &At<'_>) -> PyResult<Obj> {
    at.new_view::<Vec<T>>(crate::class::type_object::<Vec<T>>()?, false)
}

/// A `Vec<T>` from any sequence of convertible items (a `str` is rejected).
pub(crate) fn extract_vec<T: Field>(obj: Borrowed<'_>, what: &str) -> PyResult<Vec<T>> {
    // SAFETY: sequence protocol on a live object.
    unsafe {
        if ffi::tp_flags(ffi::Py_TYPE(obj.as_ptr())) & ffi::Py_TPFLAGS_UNICODE_SUBCLASS != 0
            || ffi::PySequence_Check(obj.as_ptr()) == 0
        {
            return Err(type_mismatch(obj, what, &format!("a sequence of {}", T::hint())));
        }
        let n = ffi::PySequence_Size(obj.as_ptr());
        if n < 0 {
            return Err(PyErr::fetch());
        }
        let mut out = crate::conv::vec_for_len(n);
        for i in 0..n {
            let item = Obj::from_owned_ptr(ffi::PySequence_GetItem(obj.as_ptr(), i))?;
            out.push(T::extract(item.borrowed(), &format!("{what}[{i}]"))?);
        }
        Ok(out)
    }
}

fn resolve<'c, T>(slf: *mut ffi::PyObject, access: Access) -> PyResult<Resolved<'c, Vec<T>>> {
    // SAFETY: `slf` is a live list view cell (our own slots/methods, type checked by CPython).
    unsafe { PyCell::<Vec<T>>::resolve(slf, "list", access) }
}

/// Normalises a Python index (negative from the end); `None` when out of range.
fn norm_index(i: isize, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as isize } else { i };
    (j >= 0 && (j as usize) < len).then_some(j as usize)
}

fn index_error() -> PyErr {
    PyErr::index_error("list index out of range")
}

fn get_item<T: ListElem>(slf: *mut ffi::PyObject, i: isize) -> PyResult<Obj> {
    let r = resolve::<T>(slf, Access::Shared)?;
    let _g = r.borrow()?;
    // SAFETY: resolved and borrowed (shared: others may read it too, so no `&mut`).
    let v = unsafe { &*r.ptr };
    let i = norm_index(i, v.len()).ok_or_else(index_error)?;
    let at = r.at(Step::index::<T>(i));
    // SAFETY: element `i` exists and stays borrowed during the conversion, which only reads it.
    T::get(unsafe { FieldPlace::new(v.as_ptr().add(i).cast_mut(), &at) })
}

fn copies<T: ListElem>(slf: *mut ffi::PyObject) -> PyResult<Vec<Obj>> {
    let r = resolve::<T>(slf, Access::Shared)?;
    let _g = r.borrow()?;
    // SAFETY: resolved and borrowed.
    unsafe { &*r.ptr }.iter().map(Field::to_py_copy).collect()
}

/// Runs `f` on the exclusively borrowed vector and bumps the owner's epoch if it reports a removal.
fn mutate<T: ListElem, R>(slf: *mut ffi::PyObject, f: impl FnOnce(&mut Vec<T>) -> PyResult<(R, bool)>) -> PyResult<R> {
    let r = resolve::<T>(slf, Access::Exclusive)?;
    let g = r.borrow_mut()?;
    // SAFETY: resolved and exclusively borrowed.
    let res = f(unsafe { &mut *r.ptr });
    drop(g);
    let (out, removed) = res?;
    if removed {
        r.bump_epoch();
    }
    Ok(out)
}

fn slice_indices(slice: Borrowed<'_>, len: usize) -> PyResult<(isize, isize, isize, isize)> {
    let (mut start, mut stop, mut step) = (0isize, 0isize, 0isize);
    // SAFETY: `slice` is a slice object.
    unsafe {
        if ffi::PySlice_Unpack(slice.as_ptr(), &mut start, &mut stop, &mut step) < 0 {
            return Err(PyErr::fetch());
        }
        let n = ffi::PySlice_AdjustIndices(len as isize, &mut start, &mut stop, step);
        Ok((start, stop, step, n))
    }
}

fn is_slice(o: Borrowed<'_>) -> bool {
    o.type_ptr() == &raw mut ffi::PySlice_Type
}

fn index_arg(o: Borrowed<'_>) -> PyResult<isize> {
    <isize as crate::FromPy>::from_py(o, "list index")
}

unsafe extern "C" fn sq_length<T: ListElem>(slf: *mut ffi::PyObject) -> ffi::Py_ssize_t {
    guard(-1, || {
        let r = resolve::<T>(slf, Access::Shared)?;
        let _g = r.borrow()?;
        // SAFETY: resolved and borrowed.
        Ok(unsafe { (*r.ptr).len() } as isize)
    })
}

unsafe extern "C" fn sq_item<T: ListElem>(slf: *mut ffi::PyObject, i: ffi::Py_ssize_t) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || Ok(get_item::<T>(slf, i)?.into_ptr()))
}

unsafe extern "C" fn mp_subscript<T: ListElem>(slf: *mut ffi::PyObject, key: *mut ffi::PyObject) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        // SAFETY: CPython passes a live key.
        let key = unsafe { Borrowed::from_ptr(key) };
        if is_slice(key) {
            let all = copies::<T>(slf)?;
            let (start, _stop, step, n) = slice_indices(key, all.len())?;
            let picked = (0..n).map(|k| all[(start + k * step) as usize].clone()).collect();
            return Ok(crate::conv::list_from(picked)?.into_ptr());
        }
        Ok(get_item::<T>(slf, index_arg(key)?)?.into_ptr())
    })
}

unsafe extern "C" fn mp_ass_subscript<T: ListElem>(
    slf: *mut ffi::PyObject,
    key: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
) -> c_int {
    guard(-1, || {
        // SAFETY: CPython passes a live key and a live value or null (deletion).
        let key = unsafe { Borrowed::from_ptr(key) };
        let value = (!value.is_null()).then(|| unsafe { Borrowed::from_ptr(value) });
        if is_slice(key) {
            let new: Option<Vec<T>> = value.map(|v| extract_vec::<T>(v, "list slice assignment")).transpose()?;
            return mutate::<T, _>(slf, |v| {
                let (start, stop, step, n) = slice_indices(key, v.len())?;
                match new {
                    None if step == 1 => {
                        v.drain(start as usize..(stop.max(start)) as usize);
                    }
                    None => {
                        let mut idx: Vec<usize> = (0..n).map(|k| (start + k * step) as usize).collect();
                        idx.sort_unstable();
                        for i in idx.into_iter().rev() {
                            v.remove(i);
                        }
                    }
                    Some(items) if step == 1 => {
                        v.splice(start as usize..(stop.max(start)) as usize, items);
                    }
                    Some(items) => {
                        if items.len() != n as usize {
                            return Err(PyErr::value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {n}",
                                items.len()
                            )));
                        }
                        for (k, item) in items.into_iter().enumerate() {
                            v[(start + k as isize * step) as usize] = item;
                        }
                    }
                }
                Ok((0, true))
            });
        }
        let i = index_arg(key)?;
        let new: Option<T> = value.map(|v| T::extract(v, "list item")).transpose()?;
        mutate::<T, _>(slf, |v| {
            let i = norm_index(i, v.len()).ok_or_else(index_error)?;
            match new {
                Some(item) => v[i] = item,
                None => {
                    v.remove(i);
                }
            }
            Ok((0, true))
        })
    })
}

unsafe extern "C" fn list_repr<T: ListElem>(slf: *mut ffi::PyObject) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        let list = crate::conv::list_from(copies::<T>(slf)?)?;
        Ok(list.repr()?.into_py()?.into_ptr())
    })
}

unsafe extern "C" fn list_richcompare<T: ListElem>(
    a: *mut ffi::PyObject,
    b: *mut ffi::PyObject,
    op: c_int,
) -> *mut ffi::PyObject {
    guard(std::ptr::null_mut(), || {
        let mine = crate::conv::list_from(copies::<T>(a)?)?;
        // SAFETY: live operand.
        let b = unsafe { Borrowed::from_ptr(b) };
        let other = if Some(b.type_ptr()) == <Vec<T> as PyClass>::lazy_type().get() {
            crate::conv::list_from(copies::<T>(b.as_ptr())?)?
        } else {
            b.to_owned()
        };
        // SAFETY: two live objects; list comparison handles every operator.
        unsafe { Obj::from_owned_ptr(ffi::PyObject_RichCompare(mine.as_ptr(), other.as_ptr(), op)).map(Obj::into_ptr) }
    })
}

fn sig(name: &'static str, params: Vec<Param>, ret: String, positional: bool, doc: &str) -> Sig {
    Sig::new(Kind::Method, name, params, ret, positional, doc)
}

fn p(name: &'static str, hint: String, has_default: bool) -> Param {
    Param { name, hint, has_default, kwargs: false }
}

fn list_spec<T: ListElem>() -> crate::class::ClassSpec<Vec<T>> {
    let methods = vec![
        MethodEntry::o(
            sig("append", vec![p("value", T::hint(), false)], "None".into(), true, "Appends a copy of value."),
            |slf: Slf<'_, Vec<T>>, arg: Borrowed<'_>| {
                let item = T::extract(arg, "append() argument")?;
                mutate::<T, _>(slf.as_ptr(), |v| {
                    v.push(item);
                    Ok(((), false))
                })?;
                Ok(Obj::none())
            },
        ),
        MethodEntry::o(
            sig(
                "extend",
                vec![p("values", format!("list[{}]", T::hint()), false)],
                "None".into(),
                true,
                "Appends copies of values.",
            ),
            |slf: Slf<'_, Vec<T>>, arg: Borrowed<'_>| {
                let items = extract_vec::<T>(arg, "extend() argument")?;
                mutate::<T, _>(slf.as_ptr(), |v| {
                    v.extend(items);
                    Ok(((), false))
                })?;
                Ok(Obj::none())
            },
        ),
        MethodEntry::fast(
            sig(
                "insert",
                vec![p("index", "int".into(), false), p("value", T::hint(), false)],
                "None".into(),
                false,
                "Inserts a copy of value before index.",
            ),
            || {
                static SPEC: crate::args::ArgSpec<2> = crate::args::ArgSpec::new("insert", ["index", "value"]);
                &SPEC
            },
            |slf: Slf<'_, Vec<T>>, args: &crate::args::Args<'_>| {
                let i: isize = args.get(0, "insert() argument 'index'")?.ok_or_else(|| args.missing(0))?;
                let item: T = match args.get::<Borrowed<'_>>(1, "value")? {
                    Some(o) => T::extract(o, "insert() argument 'value'")?,
                    None => return Err(args.missing(1)),
                };
                mutate::<T, _>(slf.as_ptr(), |v| {
                    let len = v.len() as isize;
                    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
                    v.insert(j as usize, item);
                    Ok(((), true))
                })?;
                Ok(Obj::none())
            },
        ),
        MethodEntry::fast(
            sig(
                "pop",
                vec![p("index", "int".into(), true)],
                T::hint(),
                false,
                "Removes and returns the element at index (default last) as a new owning object.",
            ),
            || {
                static SPEC: crate::args::ArgSpec<1> = crate::args::ArgSpec::new("pop", ["index"]);
                &SPEC
            },
            |slf: Slf<'_, Vec<T>>, args: &crate::args::Args<'_>| {
                let i: isize = args.get(0, "pop() argument 'index'")?.unwrap_or(-1);
                let item = mutate::<T, _>(slf.as_ptr(), |v| {
                    if v.is_empty() {
                        return Err(PyErr::index_error("pop from empty list"));
                    }
                    let j = norm_index(i, v.len()).ok_or_else(|| PyErr::index_error("pop index out of range"))?;
                    Ok((v.remove(j), true))
                })?;
                item.into_py_owned()
            },
        ),
        MethodEntry::o(
            sig(
                "remove",
                vec![p("value", T::hint(), false)],
                "None".into(),
                true,
                "Removes the first element equal to value.",
            ),
            |slf: Slf<'_, Vec<T>>, arg: Borrowed<'_>| {
                let all = copies::<T>(slf.as_ptr())?;
                let target = arg.to_owned();
                let mut found = None;
                for (i, c) in all.iter().enumerate() {
                    if c.eq(&target)? {
                        found = Some(i);
                        break;
                    }
                }
                let i = found.ok_or_else(|| PyErr::value_error("list.remove(x): x not in list"))?;
                mutate::<T, _>(slf.as_ptr(), |v| {
                    if i < v.len() {
                        v.remove(i);
                    }
                    Ok(((), true))
                })?;
                Ok(Obj::none())
            },
        ),
        MethodEntry::noargs(
            sig("clear", vec![], "None".into(), false, "Removes every element."),
            |slf: Slf<'_, Vec<T>>| {
                mutate::<T, _>(slf.as_ptr(), |v| {
                    v.clear();
                    Ok(((), true))
                })?;
                Ok(Obj::none())
            },
        ),
        MethodEntry::o(
            sig(
                "index",
                vec![p("value", T::hint(), false)],
                "int".into(),
                true,
                "Position of the first element equal to value.",
            ),
            |slf: Slf<'_, Vec<T>>, arg: Borrowed<'_>| {
                let target = arg.to_owned();
                for (i, c) in copies::<T>(slf.as_ptr())?.iter().enumerate() {
                    if c.eq(&target)? {
                        return i.into_py();
                    }
                }
                Err(PyErr::value_error("value is not in list"))
            },
        ),
    ];
    let slots: Vec<(c_int, *mut c_void)> = vec![
        (ffi::Py_sq_length, sq_length::<T> as *mut c_void),
        (ffi::Py_mp_length, sq_length::<T> as *mut c_void),
        (ffi::Py_sq_item, sq_item::<T> as *mut c_void),
        (ffi::Py_mp_subscript, mp_subscript::<T> as *mut c_void),
        (ffi::Py_mp_ass_subscript, mp_ass_subscript::<T> as *mut c_void),
        (ffi::Py_tp_repr, list_repr::<T> as *mut c_void),
        (ffi::Py_tp_richcompare, list_richcompare::<T> as *mut c_void),
    ];
    crate::class::ClassSpec {
        doc: "A live view of a list stored inside a native object.",
        constructor: crate::class::Constructor::Factory("the list field of its owner"),
        methods,
        getsets: Vec::new(),
        slots,
    }
}

#[cfg(test)]
mod tests {
    use super::norm_index;

    #[test]
    fn python_indexing() {
        assert_eq!(norm_index(0, 3), Some(0));
        assert_eq!(norm_index(-1, 3), Some(2));
        assert_eq!(norm_index(-3, 3), Some(0));
        assert_eq!(norm_index(3, 3), None);
        assert_eq!(norm_index(-4, 3), None);
        assert_eq!(norm_index(0, 0), None);
    }
}
