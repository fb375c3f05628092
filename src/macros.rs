//! The declaration macros (grammar and example in the crate docs). Each expands to plain Rust plus calls
//! into the layer; the generated code contains no `unsafe` block (only `#[unsafe(no_mangle)]` on
//! `PyInit_*`), so extension crates can `#![forbid(unsafe_code)]`. Functions are collected by
//! tt-munchers (`__items`, `__fns`) that re-emit each one and accumulate its table entry; entries are
//! zero-sized closures, expanded inside `impl T` so that `Self` works in user signatures.

/// Picks the first of an optional value and a default.
#[doc(hidden)]
#[macro_export]
macro_rules! __or {
    ($x:expr; $d:expr) => {
        $x
    };
    (; $d:expr) => {
        $d
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __has {
    () => {
        false
    };
    ($d:expr) => {
        true
    };
}

/// A `#[stub("(params) -> ret")]` override, shape-checked at compile time.
#[doc(hidden)]
#[macro_export]
macro_rules! __stub_sig {
    () => {
        ::core::option::Option::None
    };
    ($s:literal) => {
        ::core::option::Option::Some(const { $crate::rt::checked_stub($s) })
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __ret_hint {
    () => {
        ::std::string::String::from("None")
    };
    ($ret:ty) => {
        <$ret as $crate::IntoPy>::hint()
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __params {
    ($($(#[$pattr:ident])? $arg:ident : $ty:ty $(= $def:expr)?),*) => {
        ::std::vec![$($crate::rt::Param {
            name: ::core::stringify!($arg),
            hint: $crate::__hint!([$($pattr)?] $ty),
            has_default: $crate::__has!($($def)?),
            kwargs: $crate::__is_kwargs!($($pattr)?),
        }),*]
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __hint {
    ([kwargs] $ty:ty) => {
        ::std::string::String::from("object")
    };
    ([] $ty:ty) => {
        <$ty as $crate::FromPy>::hint()
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __is_kwargs {
    () => {
        false
    };
    (kwargs) => {
        true
    };
}

/// One argument out of `Args`: converted, defaulted, or a "missing required argument" error.
#[doc(hidden)]
#[macro_export]
macro_rules! __arg {
    ([kwargs] $args:ident, $i:expr, $what:expr, $ty:ty) => {
        $args.extra_keywords()?
    };
    ([] $args:ident, $i:expr, $what:expr, $ty:ty) => {
        match $args.get::<$ty>($i, $what)? {
            ::core::option::Option::Some(v) => v,
            ::core::option::Option::None => return ::core::result::Result::Err($args.missing($i)),
        }
    };
    ([] $args:ident, $i:expr, $what:expr, $ty:ty, $def:expr) => {
        match $args.get::<$ty>($i, $what)? {
            ::core::option::Option::Some(v) => v,
            ::core::option::Option::None => $def,
        }
    };
}

/// Same for record fields (converted with `Field::extract`).
#[doc(hidden)]
#[macro_export]
macro_rules! __field_arg {
    ($args:ident, $i:expr, $what:expr, $ty:ty) => {
        match $args.get::<$crate::Borrowed<'_>>($i, $what)? {
            ::core::option::Option::Some(o) => <$ty as $crate::Field>::extract(o, $what)?,
            ::core::option::Option::None => return ::core::result::Result::Err($args.missing($i)),
        }
    };
    ($args:ident, $i:expr, $what:expr, $ty:ty, $def:expr) => {
        match $args.get::<$crate::Borrowed<'_>>($i, $what)? {
            ::core::option::Option::Some(o) => <$ty as $crate::Field>::extract(o, $what)?,
            ::core::option::Option::None => $def,
        }
    };
}

/// Calls the user's function with the receiver the declaration asked for. The borrow ends before the
/// result is converted: conversion may allocate (and so run the collector or finalizers), and when the
/// body runs no Python code the compiler can drop the flag's increment and decrement altogether.
#[doc(hidden)]
#[macro_export]
macro_rules! __call {
    (ref $slf:ident, $name:ident, ($($a:ident),*)) => {{
        let __v = $slf.with_ref(|__r| Self::$name(__r $(, $a)*))?;
        $crate::IntoPy::into_py(__v)
    }};
    (mut $slf:ident, $name:ident, ($($a:ident),*)) => {{
        let __v = $slf.with_mut(|__r| Self::$name(__r $(, $a)*))?;
        $crate::IntoPy::into_py(__v)
    }};
    (py $slf:ident, $name:ident, ($($a:ident),*)) => {{
        let __p = $slf.py();
        $crate::IntoPy::into_py(Self::$name(__p $(, $a)*))
    }};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __spec {
    ($func:expr, $([$($pattr:ident)?] $arg:ident),*) => {
        || {
            const N: usize = [$(::core::stringify!($arg)),*].len();
            const FLAGS: [bool; N] = [$($crate::__is_kwargs!($($pattr)?)),*];
            const KW: bool = $crate::rt::has_kwargs(&FLAGS);
            static SPEC: $crate::rt::ArgSpec<N, KW> = $crate::rt::ArgSpec::with_kwargs(
                $func, [$(::core::stringify!($arg)),*], FLAGS);
            &SPEC
        }
    };
}

/// The table entry of one method, by receiver kind and arity (→ calling convention).
#[doc(hidden)]
#[macro_export]
macro_rules! __entry {
    // Methods without parameters: METH_NOARGS.
    ($recv:ident [$T:ident] [$($doc:literal),*] [$($stub:literal)?] $name:ident [] [$($ret:ty)?]) => {
        $crate::rt::MethodEntry::noargs(
            $crate::rt::Sig::new($crate::rt::Kind::Method, ::core::stringify!($name), ::std::vec![],
                $crate::__ret_hint!($($ret)?), false,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            |slf: $crate::rt::Slf<'_, Self>| -> $crate::PyResult<$crate::Obj> { $crate::__call!($recv slf, $name, ()) },
        )
    };
    // One positional-only parameter: METH_O.
    (@o $recv:ident [$T:ident] [$($doc:literal),*] [$($stub:literal)?] $name:ident [$arg:ident : $ty:ty] [$($ret:ty)?])
        => {
        $crate::rt::MethodEntry::o(
            $crate::rt::Sig::new($crate::rt::Kind::Method, ::core::stringify!($name), $crate::__params!($arg: $ty),
                $crate::__ret_hint!($($ret)?), true,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            |slf: $crate::rt::Slf<'_, Self>, __o: $crate::Borrowed<'_>| -> $crate::PyResult<$crate::Obj> {
                let $arg: $ty = <$ty as $crate::FromPy>::from_py(__o,
                    ::core::concat!(::core::stringify!($name), "() argument '", ::core::stringify!($arg), "'"))?;
                $crate::__call!($recv slf, $name, ($arg))
            },
        )
    };
    // Several positional-only parameters (`#[positional]`): METH_FASTCALL, keywords refused by CPython.
    (@pos $recv:ident [$T:ident] [$($doc:literal),*] [$($stub:literal)?] $name:ident [$($arg:ident : $ty:ty
        $(= $def:expr)?),+] [$($ret:ty)?]) => {
        $crate::rt::MethodEntry::fast_positional(
            $crate::rt::Sig::new($crate::rt::Kind::Method, ::core::stringify!($name), $crate::__params!($($arg: $ty
                $(= $def)?),+), $crate::__ret_hint!($($ret)?), true,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            $crate::__spec!(::core::stringify!($name), $([] $arg),+),
            |slf: $crate::rt::Slf<'_, Self>, __args: &$crate::rt::Args<'_>| -> $crate::PyResult<$crate::Obj> {
                let _i: usize = 0;
                $(
                    let $arg: $ty = $crate::__arg!([] __args, _i,
                        ::core::concat!(::core::stringify!($name), "() argument '", ::core::stringify!($arg), "'"), $ty
                            $(, $def)?);
                    let _i = _i + 1;
                )+
                $crate::__call!($recv slf, $name, ($($arg),+))
            },
        )
    };
    // Anything else: METH_FASTCALL | METH_KEYWORDS.
    ($recv:ident [$T:ident] [$($doc:literal),*] [$($stub:literal)?] $name:ident [$($(#[$pattr:ident])? $arg:ident :
        $ty:ty $(= $def:expr)?),+] [$($ret:ty)?]) => {
        $crate::rt::MethodEntry::fast(
            $crate::rt::Sig::new($crate::rt::Kind::Method, ::core::stringify!($name), $crate::__params!($($(#[$pattr])?
                $arg: $ty $(= $def)?),+),
                $crate::__ret_hint!($($ret)?), false,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            $crate::__spec!(::core::stringify!($name), $([$($pattr)?] $arg),+),
            |slf: $crate::rt::Slf<'_, Self>, __args: &$crate::rt::Args<'_>| -> $crate::PyResult<$crate::Obj> {
                let _i: usize = 0;
                $(
                    let $arg: $ty = $crate::__arg!([$($pattr)?] __args, _i,
                        ::core::concat!(::core::stringify!($name), "() argument '", ::core::stringify!($arg), "'"), $ty
                            $(, $def)?);
                    let _i = _i + 1;
                )+
                $crate::__call!($recv slf, $name, ($($arg),+))
            },
        )
    };
}

/// Entries of static methods (`Self::f`) and module functions (`f`): the callee path is `$f`.
#[doc(hidden)]
#[macro_export]
macro_rules! __fn_entry {
    ($kind:ident [$($doc:literal),*] [$($stub:literal)?] $name:ident ($($f:tt)+) [] [$($ret:ty)?]) => {
        $crate::rt::MethodEntry::fn_noargs(
            $crate::rt::Sig::new($crate::rt::Kind::$kind, ::core::stringify!($name), ::std::vec![],
                $crate::__ret_hint!($($ret)?), false,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            || -> $crate::PyResult<$crate::Obj> { $crate::IntoPy::into_py($($f)+()) },
        )
    };
    (@o $kind:ident [$($doc:literal),*] [$($stub:literal)?] $name:ident ($($f:tt)+) [$arg:ident : $ty:ty] [$($ret:ty)?])
        => {
        $crate::rt::MethodEntry::fn_o(
            $crate::rt::Sig::new($crate::rt::Kind::$kind, ::core::stringify!($name), $crate::__params!($arg: $ty),
                $crate::__ret_hint!($($ret)?), true,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            |__o: $crate::Borrowed<'_>| -> $crate::PyResult<$crate::Obj> {
                let $arg: $ty = <$ty as $crate::FromPy>::from_py(__o,
                    ::core::concat!(::core::stringify!($name), "() argument '", ::core::stringify!($arg), "'"))?;
                $crate::IntoPy::into_py($($f)+($arg))
            },
        )
    };
    (@pos $kind:ident [$($doc:literal),*] [$($stub:literal)?] $name:ident ($($f:tt)+) [$($arg:ident : $ty:ty
        $(= $def:expr)?),+] [$($ret:ty)?]) => {
        $crate::rt::MethodEntry::fn_fast_positional(
            $crate::rt::Sig::new($crate::rt::Kind::$kind, ::core::stringify!($name), $crate::__params!($($arg: $ty
                $(= $def)?),+), $crate::__ret_hint!($($ret)?), true,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            $crate::__spec!(::core::stringify!($name), $([] $arg),+),
            |__args: &$crate::rt::Args<'_>| -> $crate::PyResult<$crate::Obj> {
                let _i: usize = 0;
                $(
                    let $arg: $ty = $crate::__arg!([] __args, _i,
                        ::core::concat!(::core::stringify!($name), "() argument '", ::core::stringify!($arg), "'"), $ty
                            $(, $def)?);
                    let _i = _i + 1;
                )+
                $crate::IntoPy::into_py($($f)+($($arg),+))
            },
        )
    };
    ($kind:ident [$($doc:literal),*] [$($stub:literal)?] $name:ident ($($f:tt)+) [$($(#[$pattr:ident])? $arg:ident :
        $ty:ty $(= $def:expr)?),+] [$($ret:ty)?]) => {
        $crate::rt::MethodEntry::fn_fast(
            $crate::rt::Sig::new($crate::rt::Kind::$kind, ::core::stringify!($name), $crate::__params!($($(#[$pattr])?
                $arg: $ty $(= $def)?),+),
                $crate::__ret_hint!($($ret)?), false,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            $crate::__spec!(::core::stringify!($name), $([$($pattr)?] $arg),+),
            |__args: &$crate::rt::Args<'_>| -> $crate::PyResult<$crate::Obj> {
                let _i: usize = 0;
                $(
                    let $arg: $ty = $crate::__arg!([$($pattr)?] __args, _i,
                        ::core::concat!(::core::stringify!($name), "() argument '", ::core::stringify!($arg), "'"), $ty
                            $(, $def)?);
                    let _i = _i + 1;
                )+
                $crate::IntoPy::into_py($($f)+($($arg),+))
            },
        )
    };
}

/// Munches the items of a `class!`/`record!` body: re-emits each function in an `impl` block and
/// collects its table entry; at the end emits `__pyzig_items()` returning the tables.
#[doc(hidden)]
#[macro_export]
macro_rules! __items {
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]) => {
        impl $T {
            #[doc(hidden)]
            #[allow(unused_mut, clippy::vec_init_then_push)]
            fn __pyzig_items() -> (
                ::std::vec::Vec<$crate::rt::MethodEntry<Self>>,
                ::std::vec::Vec<$crate::rt::GetSetEntry<Self>>,
                ::core::option::Option<$crate::rt::Constructor<Self>>,
            ) {
                let mut ctor = ::core::option::Option::None;
                $( ctor = ::core::option::Option::Some($c); )*
                (::std::vec![$($m)*], ::std::vec![$($g)*], ctor)
            }
        }
    };
    // #[new]: the constructor (keyword style, vectorcall).
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[new] $vis:vis fn $name:ident ($($(#[$pattr:ident])?
            $arg:ident : $ty:ty $(= $def:expr)?),* $(,)?) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($($arg: $ty),*) -> $ret $body }
        $crate::__items!(@munch [$T] [$($m)*] [$($g)*] [$($c)* {
            $crate::rt::Constructor::new(
                $crate::__spec!(<$T as $crate::PyClass>::NAME, $([$($pattr)?] $arg),*),
                |__args: &$crate::rt::Args<'_>| -> $crate::PyResult<Self> {
                    let _i: usize = 0;
                    $(
                        let $arg: $ty = $crate::__arg!([$($pattr)?] __args, _i,
                            ::core::concat!(::core::stringify!($T), "() argument '", ::core::stringify!($arg), "'"), $ty
                                $(, $def)?);
                        let _i = _i + 1;
                    )*
                    $crate::rt::IntoResult::<Self>::into_result(Self::$name($($arg),*))
                },
                $crate::rt::Sig::new($crate::rt::Kind::Init, <$T as $crate::PyClass>::NAME,
                    $crate::__params!($($(#[$pattr])? $arg: $ty $(= $def)?),*), ::std::string::String::new(), false, "")
                    .with_stub($crate::__stub_sig!($($stub)?)),
            )
        }] $($rest)*);
    };
    // #[staticmethod] #[positional] with one parameter: METH_O | METH_STATIC.
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[staticmethod] #[positional] $vis:vis fn $name:ident
            ($arg:ident : $ty:ty $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($arg: $ty) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__fn_entry!(@o Static [$($doc),*] [$($stub)?] $name (Self::$name)
            [$arg: $ty] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    // #[staticmethod] #[positional] with several parameters: METH_FASTCALL | METH_STATIC.
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[staticmethod] #[positional] $vis:vis fn $name:ident
            ($($arg:ident : $ty:ty $(= $def:expr)?),+ $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($($arg: $ty),+) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__fn_entry!(@pos Static [$($doc),*] [$($stub)?] $name (Self::$name)
            [$($arg: $ty $(= $def)?),+] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[staticmethod] $vis:vis fn $name:ident
            ($($(#[$pattr:ident])? $arg:ident : $ty:ty $(= $def:expr)?),* $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($($arg: $ty),*) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__fn_entry!(Static [$($doc),*] [$($stub)?] $name (Self::$name)
            [$($(#[$pattr])? $arg: $ty $(= $def)?),*] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    // #[getter]: a read-only property.
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[getter] $vis:vis fn $name:ident (&$s:ident) -> $ret:ty
            $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&$s) -> $ret $body }
        $crate::__items!(@munch [$T] [$($m)*] [$($g)* $crate::rt::GetSetEntry::getter(
            $crate::rt::Sig::new($crate::rt::Kind::Getter, ::core::stringify!($name), ::std::vec![],
                <$ret as $crate::IntoPy>::hint(), false,
                    &$crate::rt::join_doc(&[$($doc),*])).with_stub($crate::__stub_sig!($($stub)?)),
            |slf: $crate::rt::Slf<'_, Self>| -> $crate::PyResult<$crate::Obj> { $crate::__call!(ref slf, $name, ()) },
        ),] [$($c)*] $($rest)*);
    };
    // #[setter(name)]: makes property `name` (a `#[getter]` of that name) writable; `del` raises
    // AttributeError, a value that does not convert TypeError naming `Class.name`.
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* #[setter($prop:ident)] $vis:vis fn $name:ident (&mut $s:ident, $arg:ident : $ty:ty
            $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&mut $s, $arg: $ty) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)*] [$($g)* $crate::rt::GetSetEntry::setter(::core::stringify!($prop),
            <$ty as $crate::FromPy>::hint(),
            |slf: $crate::rt::Slf<'_, Self>, __v: ::core::option::Option<$crate::Borrowed<'_>>| -> $crate::PyResult<()> {
                let ::core::option::Option::Some(__v) = __v else {
                    return ::core::result::Result::Err($crate::PyErr::attribute_error(::core::concat!("cannot delete ",
                        ::core::stringify!($T), ".", ::core::stringify!($prop))));
                };
                let $arg: $ty = <$ty as $crate::FromPy>::from_py(__v,
                    ::core::concat!(::core::stringify!($T), ".", ::core::stringify!($prop)))?;
                slf.with_mut(|__r| $crate::rt::IntoResult::<()>::into_result(Self::$name(__r, $arg)))?
            },
        ),] [$($c)*] $($rest)*);
    };
    // Special methods of classes become type slots: `__eq__` (other of any FromPy type; a value that
    // does not convert compares as NotImplemented), `__hash__`, `__repr__`, `__len__`.
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $vis:vis fn __eq__ (&$s:ident, $other:ident : $oty:ty $(,)?) -> bool $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn __eq__(&$s, $other: $oty) -> bool $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::rt::MethodEntry::slot_eq(
            $crate::rt::Sig::new($crate::rt::Kind::Method, "__eq__", ::std::vec![$crate::rt::Param {
                name: "other", hint: "object".into(), has_default: false, kwargs: false }], "bool".into(), true, ""),
            |slf: $crate::rt::Slf<'_, Self>, __o: $crate::Borrowed<'_>| ->
                $crate::PyResult<::core::option::Option<bool>> {
                let ::core::result::Result::Ok($other) = <$oty as $crate::FromPy>::from_py(__o, "other") else {
                    return ::core::result::Result::Ok(::core::option::Option::None);
                };
                let __r = slf.get()?;
                ::core::result::Result::Ok(::core::option::Option::Some(Self::__eq__(&*__r, $other)))
            },
        ),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $vis:vis fn __hash__ (&$s:ident $(,)?) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn __hash__(&$s) -> $ret $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::rt::MethodEntry::slot_hash(
            $crate::rt::Sig::new($crate::rt::Kind::Method, "__hash__", ::std::vec![], "int".into(), false, ""),
            |slf: $crate::rt::Slf<'_, Self>| -> $crate::PyResult<isize> {
                let __r = slf.get()?;
                ::core::result::Result::Ok($crate::rt::HashValue::to_hash(Self::__hash__(&*__r)))
            },
        ),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $vis:vis fn __repr__ (&$s:ident $(,)?) -> $ret:ty $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn __repr__(&$s) -> $ret $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::rt::MethodEntry::slot_repr(
            $crate::rt::Sig::new($crate::rt::Kind::Method, "__repr__", ::std::vec![], "str".into(), false, ""),
            |slf: $crate::rt::Slf<'_, Self>| -> $crate::PyResult<$crate::Obj> { $crate::__call!(ref slf, __repr__, ())
                },
        ),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $vis:vis fn __len__ (&$s:ident $(,)?) -> usize $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn __len__(&$s) -> usize $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::rt::MethodEntry::slot_len(
            $crate::rt::Sig::new($crate::rt::Kind::Method, "__len__", ::std::vec![], "int".into(), false, ""),
            |slf: $crate::rt::Slf<'_, Self>| -> $crate::PyResult<usize> {
                let __r = slf.get()?;
                ::core::result::Result::Ok(Self::__len__(&*__r))
            },
        ),] [$($g)*] [$($c)*] $($rest)*);
    };
    // Methods: receiver `&self`, `&mut self` or `this: Py<Self>`; `#[positional]` + one parameter → METH_O.
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident (&$s:ident,
            $arg:ident : $ty:ty $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&$s, $arg: $ty) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(@o ref [$T] [$($doc),*] [$($stub)?] $name [$arg: $ty]
            [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident (&mut $s:ident,
            $arg:ident : $ty:ty $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&mut $s, $arg: $ty) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(@o mut [$T] [$($doc),*] [$($stub)?] $name [$arg: $ty]
            [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident ($this:ident :
            Py<Self>, $arg:ident : $ty:ty $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($this: $crate::Py<Self>, $arg: $ty) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(@o py [$T] [$($doc),*] [$($stub)?] $name [$arg: $ty]
            [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    // `#[positional]` + several parameters → METH_FASTCALL (keywords refused).
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident (&$s:ident,
            $($arg:ident : $ty:ty $(= $def:expr)?),+ $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&$s, $($arg: $ty),+) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(@pos ref [$T] [$($doc),*] [$($stub)?] $name
            [$($arg: $ty $(= $def)?),+] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident (&mut $s:ident,
            $($arg:ident : $ty:ty $(= $def:expr)?),+ $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&mut $s, $($arg: $ty),+) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(@pos mut [$T] [$($doc),*] [$($stub)?] $name
            [$($arg: $ty $(= $def)?),+] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident ($this:ident :
            Py<Self>, $($arg:ident : $ty:ty $(= $def:expr)?),+ $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($this: $crate::Py<Self>, $($arg: $ty),+) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(@pos py [$T] [$($doc),*] [$($stub)?] $name
            [$($arg: $ty $(= $def)?),+] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? $vis:vis fn $name:ident (&$s:ident $(, $(#[$pattr:ident])?
            $arg:ident : $ty:ty $(= $def:expr)?)* $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&$s $(, $arg: $ty)*) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(ref [$T] [$($doc),*] [$($stub)?] $name [$($(#[$pattr])?
            $arg: $ty $(= $def)?),*] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? $vis:vis fn $name:ident (&mut $s:ident $(,
            $(#[$pattr:ident])? $arg:ident : $ty:ty $(= $def:expr)?)* $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name(&mut $s $(, $arg: $ty)*) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(mut [$T] [$($doc),*] [$($stub)?] $name [$($(#[$pattr])?
            $arg: $ty $(= $def)?),*] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
    (@munch [$T:ident] [$($m:tt)*] [$($g:tt)*] [$($c:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? $vis:vis fn $name:ident ($this:ident : Py<Self> $(,
            $(#[$pattr:ident])? $arg:ident : $ty:ty $(= $def:expr)?)* $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        impl $T { $(#[doc = $doc])* $vis fn $name($this: $crate::Py<Self> $(, $arg: $ty)*) $(-> $ret)? $body }
        $crate::__items!(@munch [$T] [$($m)* $crate::__entry!(py [$T] [$($doc),*] [$($stub)?] $name [$($(#[$pattr])?
            $arg: $ty $(= $def)?),*] [$($ret)?]),] [$($g)*] [$($c)*] $($rest)*);
    };
}

/// Munches module functions: emits each and collects its entry into `__pyzig_module_functions()`.
#[doc(hidden)]
#[macro_export]
macro_rules! __fns {
    (@munch [$($m:tt)*]) => {
        #[doc(hidden)]
        fn __pyzig_module_functions() -> ::std::vec::Vec<$crate::rt::MethodEntry> {
            ::std::vec![$($m)*]
        }
    };
    (@munch [$($m:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident ($arg:ident : $ty:ty
            $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        $(#[doc = $doc])* $vis fn $name($arg: $ty) $(-> $ret)? $body
        $crate::__fns!(@munch [$($m)* $crate::__fn_entry!(@o Module [$($doc),*] [$($stub)?] $name ($name) [$arg: $ty]
            [$($ret)?]),] $($rest)*);
    };
    (@munch [$($m:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? #[positional] $vis:vis fn $name:ident ($($arg:ident :
            $ty:ty $(= $def:expr)?),+ $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        $(#[doc = $doc])* $vis fn $name($($arg: $ty),+) $(-> $ret)? $body
        $crate::__fns!(@munch [$($m)* $crate::__fn_entry!(@pos Module [$($doc),*] [$($stub)?] $name ($name)
            [$($arg: $ty $(= $def)?),+] [$($ret)?]),] $($rest)*);
    };
    (@munch [$($m:tt)*]
        $(#[doc = $doc:literal])* $(#[stub($stub:literal)])? $vis:vis fn $name:ident ($($(#[$pattr:ident])? $arg:ident :
            $ty:ty $(= $def:expr)?),* $(,)?) $(-> $ret:ty)? $body:block
        $($rest:tt)*
    ) => {
        $(#[doc = $doc])* $vis fn $name($($arg: $ty),*) $(-> $ret)? $body
        $crate::__fns!(@munch [$($m)* $crate::__fn_entry!(Module [$($doc),*] [$($stub)?] $name ($name) [$($(#[$pattr])?
            $arg: $ty $(= $def)?),*] [$($ret)?]),] $($rest)*);
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __gc_hooks {
    () => {};
    (false) => {};
    (true) => {
        fn traverse_hook(&self, visit: &mut $crate::Visit<'_>) {
            <Self as $crate::Traverse>::traverse(self, visit)
        }
        fn clear_hook(&mut self) {
            <Self as $crate::Traverse>::clear(self)
        }
    };
}

/// Declares a Python class for an existing Rust type (a handle, an engine object).
///
/// See the crate documentation for the full grammar and an example.
#[macro_export]
macro_rules! class {
    (
        $(#[doc = $doc:literal])*
        #[pyclass(module = $module:literal $(, name = $pyname:literal)? $(, gc = $gc:tt)? $(, factory =
            $factory:literal)? $(, extend = $extend:path)? $(,)?)]
        impl $T:ident { $($items:tt)* }
    ) => {
        impl $crate::PyClass for $T {
            const NAME: &'static str = $crate::__or!($($pyname)?; ::core::stringify!($T));
            const MODULE: &'static str = $module;
            const GC: bool = $crate::__has!($($gc)?) && $crate::__or!($($gc)?; false);
            fn lazy_type() -> &'static $crate::rt::LazyType {
                static LAZY: $crate::rt::LazyType = $crate::rt::LazyType::new();
                &LAZY
            }
            fn class_spec() -> $crate::rt::ClassSpec<Self> {
                let (methods, getsets, ctor) = Self::__pyzig_items();
                let doc: &'static str = ::std::boxed::Box::leak($crate::rt::join_doc(&[$($doc),*]).into_boxed_str());
                let constructor = match ctor {
                    ::core::option::Option::Some(mut c) => {
                        if let $crate::rt::Constructor::Args { sig, .. } = &mut c {
                            sig.doc = doc.to_owned();
                        }
                        c
                    }
                    ::core::option::Option::None => $crate::rt::Constructor::Factory(
                        $crate::__or!($($factory)?; "the functions of its module that return it")),
                };
                let getsets = $crate::rt::merge_setters(getsets);
                #[allow(unused_mut)]
                let mut spec =
                    $crate::rt::ClassSpec { doc, constructor, methods, getsets, slots: ::std::vec::Vec::new() };
                $( $extend(&mut spec); )?
                spec
            }
            $crate::__gc_hooks!($($gc)?);
        }

        impl $crate::IntoPy for $T {
            fn into_py(self) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::new_owned::<Self>(self)
            }
            fn hint() -> ::std::string::String {
                <Self as $crate::PyClass>::NAME.into()
            }
        }

        $crate::__items!(@munch [$T] [] [] [] $($items)*);
    };
}

/// The struct of a record, with `#[derive(Clone, Debug, PartialEq)]` unless `derive = false` (the
/// user then derives or implements `Clone` and `PartialEq`, which the record needs, in the attributes).
#[doc(hidden)]
#[macro_export]
macro_rules! __record_struct {
    ([false] [$(#[$m:meta])*] $($item:tt)*) => {
        $(#[$m])* $($item)*
    };
    ([$(true)?] [$(#[$m:meta])*] $($item:tt)*) => {
        #[derive(Clone, Debug, PartialEq)]
        $(#[$m])* $($item)*
    };
}

/// `true`/`false` of an optional flag (absent: `false`).
#[doc(hidden)]
#[macro_export]
macro_rules! __flag {
    () => {
        false
    };
    (true) => {
        true
    };
    (false) => {
        false
    };
}

/// Declares a record: a Rust struct whose every field is a Python property, with a keyword
/// constructor, `__repr__`, `__eq__`, `__field_names__()` and `__zig_address__()`.
///
/// See the crate documentation for the full grammar and an example.
#[macro_export]
macro_rules! record {
    (
        $(#[doc = $doc:literal])*
        #[pyclass(module = $module:literal $(, derive = $derive:ident)? $(, hash = $hash:ident)? $(,)?)]
        $(#[$attr:meta])*
        $vis:vis struct $T:ident {
            $( $(#[doc = $fdoc:literal])* $fvis:vis $field:ident : $fty:ty $(= $def:expr)? ),* $(,)?
        }
        $(impl { $($items:tt)* })?
    ) => {
        $crate::__record_struct! { [$($derive)?] [$(#[doc = $doc])* $(#[$attr])*] $vis struct $T {
            $( $(#[doc = $fdoc])* $fvis $field: $fty, )*
        } }

        impl $crate::PyClass for $T {
            const NAME: &'static str = ::core::stringify!($T);
            const MODULE: &'static str = $module;
            const GC: bool = false;
            fn lazy_type() -> &'static $crate::rt::LazyType {
                static LAZY: $crate::rt::LazyType = $crate::rt::LazyType::new();
                &LAZY
            }
            fn class_spec() -> $crate::rt::ClassSpec<Self> {
                let (mut methods, user_getsets, _ctor) = Self::__pyzig_items();
                let (slots, extra) = $crate::rt::record_extras::<Self>($crate::__flag!($($hash)?));
                methods.extend(extra);
                let mut getsets = ::std::vec![$(
                    $crate::rt::field_entry::<Self, $fty>(
                        ::core::stringify!($field),
                        ::core::concat!(::core::stringify!($T), ".", ::core::stringify!($field)),
                        ::core::mem::offset_of!($T, $field),
                        &$crate::rt::join_doc(&[$($fdoc),*]),
                        |o: &Self| &o.$field,
                    )
                ),*];
                getsets.extend(user_getsets);
                let getsets = $crate::rt::merge_setters(getsets);
                let doc: &'static str = ::std::boxed::Box::leak($crate::rt::join_doc(&[$($doc),*]).into_boxed_str());
                let constructor = $crate::rt::Constructor::new(
                    $crate::__spec!(::core::stringify!($T), $([] $field),*),
                    |__args: &$crate::rt::Args<'_>| -> $crate::PyResult<Self> {
                        let _i: usize = 0;
                        $(
                            let $field: $fty = $crate::__field_arg!(__args, _i,
                                ::core::concat!(::core::stringify!($T), ".", ::core::stringify!($field)), $fty $(,
                                    $def)?);
                            let _i = _i + 1;
                        )*
                        ::core::result::Result::Ok(Self { $($field),* })
                    },
                    $crate::rt::Sig::new($crate::rt::Kind::Init, ::core::stringify!($T),
                        ::std::vec![$($crate::rt::Param {
                            name: ::core::stringify!($field),
                            hint: <$fty as $crate::Field>::hint(),
                            has_default: $crate::__has!($($def)?),
                            kwargs: false,
                        }),*],
                        ::std::string::String::new(), false, doc),
                );
                $crate::rt::ClassSpec { doc, constructor, methods, getsets, slots }
            }
        }

        impl $crate::rt::Record for $T {
            const FIELD_NAMES: &'static [&'static str] = &[$(::core::stringify!($field)),*];
            fn field_copies(&self) -> $crate::PyResult<::std::vec::Vec<$crate::Obj>> {
                ::core::result::Result::Ok(::std::vec![$($crate::Field::to_py_copy(&self.$field)?),*])
            }
        }

        impl $crate::Field for $T {
            fn hint() -> ::std::string::String {
                ::core::stringify!($T).into()
            }
            fn get(place: $crate::FieldPlace<'_, Self>) -> $crate::PyResult<$crate::Obj> {
                place.record_view()
            }
            fn extract(obj: $crate::Borrowed<'_>, what: &str) -> $crate::PyResult<Self> {
                $crate::rt::extract_record::<Self>(obj, what)
            }
            fn to_py_copy(&self) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::new_owned::<Self>(::core::clone::Clone::clone(self))
            }
            fn into_py_owned(self) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::new_owned::<Self>(self)
            }
        }

        impl $crate::rt::ListElem for $T {
            fn list_lazy_type() -> &'static $crate::rt::LazyType {
                static LAZY: $crate::rt::LazyType = $crate::rt::LazyType::new();
                &LAZY
            }
        }

        impl<'a> $crate::FromPy<'a> for $T {
            fn from_py(obj: $crate::Borrowed<'a>, what: &str) -> $crate::PyResult<Self> {
                $crate::rt::extract_record::<Self>(obj, what)
            }
            fn hint() -> ::std::string::String {
                ::core::stringify!($T).into()
            }
        }

        impl $crate::IntoPy for $T {
            fn into_py(self) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::new_owned::<Self>(self)
            }
            fn hint() -> ::std::string::String {
                ::core::stringify!($T).into()
            }
        }

        $crate::__items!(@munch [$T] [] [] [] $($($items)*)?);
    };
}

/// Declares a fieldless enum exposed as a `str`-valued `enum.Enum` class, or with `int` in its
/// `#[pyenum(...)]` and integer values, as an `enum.IntEnum`.
#[macro_export]
macro_rules! enumeration {
    (
        $(#[doc = $doc:literal])*
        #[pyenum(module = $module:literal, int $(,)?)]
        $vis:vis enum $E:ident { $( $(#[doc = $vdoc:literal])* $V:ident = $val:literal ),* $(,)? }
    ) => {
        $crate::enumeration! {
            @impl [$(#[doc = $doc])*] $module, true, $vis $E { $( [$(#[doc = $vdoc])*] $V = ::core::stringify!($val) ),* }
        }
        impl $E {
            /// The member's integer value.
            pub fn value(self) -> i64 {
                [$($val),*][self as usize]
            }
        }
    };
    (
        $(#[doc = $doc:literal])*
        #[pyenum(module = $module:literal $(,)?)]
        $vis:vis enum $E:ident { $( $(#[doc = $vdoc:literal])* $V:ident = $val:literal ),* $(,)? }
    ) => {
        $crate::enumeration! {
            @impl [$(#[doc = $doc])*] $module, false, $vis $E { $( [$(#[doc = $vdoc])*] $V = $val ),* }
        }
    };
    (
        @impl [$(#[doc = $doc:literal])*] $module:literal, $int:literal,
        $vis:vis $E:ident { $( [$(#[doc = $vdoc:literal])*] $V:ident = $val:expr ),* }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $vis enum $E { $( $(#[doc = $vdoc])* $V ),* }

        impl $crate::rt::PyEnum for $E {
            const NAME: &'static str = ::core::stringify!($E);
            const MODULE: &'static str = $module;
            const DOC: &'static str = ::core::concat!($($doc, "\n"),*);
            const MEMBERS: &'static [(&'static str, &'static str)] = &[$((::core::stringify!($V), $val)),*];
            const INT: bool = $int;
            fn index(self) -> usize {
                self as usize
            }
            fn from_index(i: usize) -> Self {
                [$(Self::$V),*][i]
            }
            fn lazy() -> &'static $crate::rt::LazyEnum {
                static LAZY: $crate::rt::LazyEnum = $crate::rt::LazyEnum::new();
                &LAZY
            }
        }

        impl $crate::Field for $E {
            fn hint() -> ::std::string::String {
                ::core::stringify!($E).into()
            }
            fn get(place: $crate::FieldPlace<'_, Self>) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::enum_to_py(*place.value())
            }
            fn extract(obj: $crate::Borrowed<'_>, what: &str) -> $crate::PyResult<Self> {
                $crate::rt::enum_extract::<Self>(obj, what)
            }
            fn to_py_copy(&self) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::enum_to_py(*self)
            }
            const SCALAR: bool = true;
        }

        impl $crate::rt::ListElem for $E {
            fn list_lazy_type() -> &'static $crate::rt::LazyType {
                static LAZY: $crate::rt::LazyType = $crate::rt::LazyType::new();
                &LAZY
            }
        }

        impl<'a> $crate::FromPy<'a> for $E {
            fn from_py(obj: $crate::Borrowed<'a>, what: &str) -> $crate::PyResult<Self> {
                $crate::rt::enum_extract::<Self>(obj, what)
            }
            fn hint() -> ::std::string::String {
                ::core::stringify!($E).into()
            }
        }

        impl $crate::IntoPy for $E {
            fn into_py(self) -> $crate::PyResult<$crate::Obj> {
                $crate::rt::enum_to_py(self)
            }
            fn hint() -> ::std::string::String {
                ::core::stringify!($E).into()
            }
        }
    };
}

/// Declares a module-specific exception class deriving from a built-in one.
#[macro_export]
macro_rules! exception {
    (
        $(#[doc = $doc:literal])*
        #[pyexception(module = $module:literal, base = $base:ident $(,)?)]
        $vis:vis struct $E:ident;
    ) => {
        $(#[doc = $doc])*
        $vis struct $E;

        impl $crate::PyException for $E {
            const NAME: &'static str = ::core::stringify!($E);
            const MODULE: &'static str = $module;
            const DOC: &'static str = ::core::concat!($($doc, "\n"),*);
            const BASE: &'static str = ::core::stringify!($base);
            fn lazy() -> &'static $crate::rt::LazyException {
                static LAZY: $crate::rt::LazyException = $crate::rt::LazyException::new();
                &LAZY
            }
        }
    };
}

/// Declares the extension module: its `PyInit_*`, classes, enums, exceptions, functions and stubs.
/// `submodules init, stubs;` (after `stub_extra`) names two functions of the crate: `init(&Module)`
/// adds the submodules ([`Module::add_submodule`](crate::Module::add_submodule)), `stubs()` returns
/// their stub files (`BTreeMap<String, String>`, path under `gen/` -> text), merged into `_stubs()`.
#[macro_export]
macro_rules! module {
    (
        $(#[doc = $doc:literal])*
        #[pymodule(init = $init:ident, name = $name:literal, stub = $stub:literal $(,)?)]
        $(classes [$($cls:ty),* $(,)?])?
        $(enums [$($en:ty),* $(,)?])?
        $(exceptions [$($ex:ty),* $(,)?])?
        $(stub_header $header:expr;)?
        $(stub_extra $extra:expr;)?
        $(submodules $subs:path, $sub_stubs:path;)?
        functions { $($items:tt)* }
    ) => {
        $crate::__fns!(@munch [] $($items)*);

        #[doc(hidden)]
        fn __pyzig_stub_files() -> ::std::collections::BTreeMap<::std::string::String, ::std::string::String> {
            let mut s = ::std::string::String::new();
            s.push_str("# Generated by pyzig from the module's declarations; do not edit.\n");
            let doc = $crate::rt::join_doc(&[$($doc),*]);
            if !doc.is_empty() {
                s.push_str(&$crate::rt::docstring(&doc, ""));
            }
            s.push_str("import enum\nfrom typing import final\n");
            $( s.push_str(::core::convert::AsRef::<str>::as_ref(&$header).trim_end()); s.push('\n'); )?
            s.push('\n');
            s.push_str("class PanicException(RuntimeError): ...\n\n");
            $($( s.push_str(&<$ex as $crate::PyException>::stub()); s.push('\n'); )*)?
            $($( s.push_str(&$crate::rt::enum_stub::<$en>()); s.push('\n'); )*)?
            $($( s.push_str(&$crate::rt::class_stub::<$cls>()); s.push('\n'); )*)?
            for f in __pyzig_all_functions() {
                s.push_str(&f.stub);
            }
            $( s.push('\n'); s.push_str($extra); )?
            #[allow(unused_mut)]
            let mut m = ::std::collections::BTreeMap::new();
            $( m.extend($sub_stubs()); )?
            m.insert(::std::string::String::from($stub), s);
            m
        }

        #[doc(hidden)]
        fn __pyzig_all_functions() -> ::std::vec::Vec<$crate::rt::MethodEntry> {
            let mut v = __pyzig_module_functions();
            v.push($crate::rt::MethodEntry::fn_noargs(
                $crate::rt::Sig::new($crate::rt::Kind::Module, "_stubs", ::std::vec![],
                    "dict[str, str]".into(), false, "Stub files of this module: path under gen/ -> .pyi text."),
                || $crate::IntoPy::into_py(__pyzig_stub_files()),
            ));
            v
        }

        #[unsafe(no_mangle)]
        #[allow(non_snake_case)]
        pub extern "C" fn $init() -> *mut $crate::ffi::PyObject {
            static DEF: $crate::rt::ModuleDef = $crate::rt::ModuleDef::new();
            $crate::rt::module_init(&DEF, $name, ::core::concat!($($doc, "\n"),*), __pyzig_all_functions,
                |m: &$crate::rt::Module<'_>| -> $crate::PyResult<()> {
                    $($( m.add_class::<$cls>()?; )*)?
                    $($( m.add_enum::<$en>()?; )*)?
                    $($( m.add_exception::<$ex>()?; )*)?
                    $( $subs(m)?; )?
                    ::core::result::Result::Ok(())
                })
        }
    };
}
