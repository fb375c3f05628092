//! [`declare!`](crate::declare): one declaration per KiCad type, yielding its static [`TypeDecl`]
//! (what the Python binding and the generic reader/writer use) and its typed Rust view.

use std::borrow::Cow;

use pyzig_sexp::{NodeId, Tree};

use crate::decl::{Count, FieldDecl, TypeDecl, ValueKind};
use crate::error::FieldError;
use crate::read::{Value, read, scalar};

/// A KiCad type with a declaration (implemented by [`declare!`](crate::declare)).
pub trait Typed: Sized {
    fn decl() -> &'static TypeDecl;
    /// The view of node `id` (a list of this type).
    fn at(id: NodeId) -> Self;
}

/// What one value of a field decodes to (the `K` of `One<K>`, `Optional<K>`, `List<K>`).
pub trait FieldType {
    const KIND: ValueKind;
    type Out<'t>;
    fn from_value<'t>(tree: &'t Tree, v: Value<'t>) -> Self::Out<'t>;
}

/// Text, unescaped.
pub struct Str;
/// A keyword: text written as a bare token (`smd`, `solid`).
pub struct Sym;
pub struct Int;
pub struct Float;
pub struct Bool;

impl FieldType for Str {
    const KIND: ValueKind = ValueKind::Str;
    type Out<'t> = Cow<'t, str>;
    fn from_value<'t>(_: &'t Tree, v: Value<'t>) -> Cow<'t, str> {
        match v {
            Value::Str(s) => s,
            _ => Cow::Borrowed(""),
        }
    }
}

impl FieldType for Sym {
    const KIND: ValueKind = ValueKind::Sym;
    type Out<'t> = Cow<'t, str>;
    fn from_value<'t>(_: &'t Tree, v: Value<'t>) -> Cow<'t, str> {
        match v {
            Value::Str(s) => s,
            _ => Cow::Borrowed(""),
        }
    }
}

impl FieldType for Int {
    const KIND: ValueKind = ValueKind::Int;
    type Out<'t> = i64;
    fn from_value(_: &Tree, v: Value<'_>) -> i64 {
        if let Value::Int(i) = v { i } else { 0 }
    }
}

impl FieldType for Float {
    const KIND: ValueKind = ValueKind::Float;
    type Out<'t> = f64;
    fn from_value(_: &Tree, v: Value<'_>) -> f64 {
        if let Value::Float(f) = v { f } else { 0.0 }
    }
}

impl FieldType for Bool {
    const KIND: ValueKind = ValueKind::Bool;
    type Out<'t> = bool;
    fn from_value(_: &Tree, v: Value<'_>) -> bool {
        matches!(v, Value::Bool(true))
    }
}

/// How many values a field has and what a read returns (`One<K>`: `K`'s value, `Optional<K>`:
/// `Option`, `List<K>`: `Vec`).
pub trait Access {
    const COUNT: Count;
    const KIND: ValueKind;
    type Out<'t>;
    fn get<'t>(tree: &'t Tree, id: NodeId, decl: &TypeDecl, f: &FieldDecl) -> Result<Self::Out<'t>, FieldError>;
}

pub struct One<K>(std::marker::PhantomData<K>);
pub struct Optional<K>(std::marker::PhantomData<K>);
pub struct List<K>(std::marker::PhantomData<K>);

impl<K: FieldType> Access for One<K> {
    const COUNT: Count = Count::One;
    const KIND: ValueKind = K::KIND;
    type Out<'t> = K::Out<'t>;
    fn get<'t>(tree: &'t Tree, id: NodeId, decl: &TypeDecl, f: &FieldDecl) -> Result<K::Out<'t>, FieldError> {
        Ok(K::from_value(tree, read(tree, id, decl, f)?))
    }
}

impl<K: FieldType> Access for Optional<K> {
    const COUNT: Count = Count::Optional;
    const KIND: ValueKind = K::KIND;
    type Out<'t> = Option<K::Out<'t>>;
    fn get<'t>(tree: &'t Tree, id: NodeId, decl: &TypeDecl, f: &FieldDecl) -> Result<Self::Out<'t>, FieldError> {
        Ok(match read(tree, id, decl, f)? {
            Value::None => None,
            v => Some(K::from_value(tree, v)),
        })
    }
}

impl<K: FieldType> Access for List<K> {
    const COUNT: Count = Count::List;
    const KIND: ValueKind = K::KIND;
    type Out<'t> = Vec<K::Out<'t>>;
    fn get<'t>(tree: &'t Tree, id: NodeId, decl: &TypeDecl, f: &FieldDecl) -> Result<Self::Out<'t>, FieldError> {
        let Value::List(items) = read(tree, id, decl, f)? else { return Ok(Vec::new()) };
        let what = || format!("{}.{}", decl.name, f.name);
        items.into_iter().map(|i| Ok(K::from_value(tree, scalar(tree, i, K::KIND, what)?))).collect()
    }
}

/// Declares KiCad types: for each, a `static` [`TypeDecl`] and a typed view `struct Name { id }` whose
/// methods read each field from a [`Tree`]. Each type is written
/// `#[kicad(module = "pcb", head = "pad")] pub struct Pad { fields }`; field syntax:
/// `name: One<Str> = Child("name") default Str(""),` — count `One`/`Optional`/`List`, value `Str`, `Int`,
/// `Float`, `Bool` or another declared type, key `Pos(n)`, `Child("head")`, `Flag("token")` or `Root`,
/// and an optional default. `#[py = "type"]` names the Python field when the Rust name differs.
#[macro_export]
macro_rules! declare {
    ($(
        $(#[doc = $doc:literal])*
        #[kicad(module = $module:expr, head = $head:expr $(,)?)]
        pub struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $(#[py = $py:literal])?
                $f:ident : $count:ident < $kind:ty > = $key:ident $(($karg:expr))? $(default $dk:ident ($dv:expr))?
            ),* $(,)?
        }
    )*) => {$(
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name {
            /// The list node this view reads.
            pub id: $crate::sexp::NodeId,
        }

        impl $crate::Typed for $name {
            fn decl() -> &'static $crate::TypeDecl {
                static DECL: $crate::TypeDecl = $crate::TypeDecl {
                    name: ::core::stringify!($name),
                    module: $module,
                    head: $head,
                    doc: ::core::concat!($($doc, "\n"),*),
                    fields: &[$($crate::FieldDecl {
                        name: $crate::__py_name!($f $($py)?),
                        key: $crate::Key::$key $(($karg))?,
                        value: <$crate::declare::$count<$kind> as $crate::declare::Access>::KIND,
                        count: <$crate::declare::$count<$kind> as $crate::declare::Access>::COUNT,
                        default: $crate::__default!($($dk $dv)?),
                        doc: ::core::concat!($($fdoc, "\n"),*),
                    }),*],
                };
                &DECL
            }
            fn at(id: $crate::sexp::NodeId) -> Self {
                $name { id }
            }
        }

        impl $crate::declare::FieldType for $name {
            const KIND: $crate::ValueKind = $crate::ValueKind::Node(<$name as $crate::Typed>::decl);
            type Out<'t> = $name;
            fn from_value<'t>(_: &'t $crate::sexp::Tree, v: $crate::Value<'t>) -> $name {
                match v {
                    $crate::Value::Node(id) => $name { id },
                    _ => $name { id: $crate::sexp::NodeId::from_raw(u32::MAX) },
                }
            }
        }

        impl $name {
            $(
                $(#[doc = $fdoc])*
                pub fn $f<'t>(&self, tree: &'t $crate::sexp::Tree)
                    -> ::core::result::Result<
                        <$crate::declare::$count<$kind> as $crate::declare::Access>::Out<'t>, $crate::FieldError>
                {
                    let decl = <$name as $crate::Typed>::decl();
                    let field = decl.field($crate::__py_name!($f $($py)?)).expect("declared");
                    <$crate::declare::$count<$kind> as $crate::declare::Access>::get(tree, self.id, decl, field)
                }
            )*
        }
    )*};
}

#[doc(hidden)]
#[macro_export]
macro_rules! __py_name {
    ($f:ident) => {
        ::core::stringify!($f)
    };
    ($f:ident $py:literal) => {
        $py
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __default {
    () => {
        $crate::Default::None
    };
    ($dk:ident $dv:expr) => {
        $crate::Default::$dk($dv)
    };
}
