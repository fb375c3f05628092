//! Canonical text of a type or signature, so declarations from three sources compare as strings.
//!
//! The ABI text keeps what the ABI sees: integer signedness and width (`c_long` and `isize` become `i64` on a
//! 64-bit Unix target), pointer depth and pointee (a struct by its C tag name, through the header's
//! typedefs, so `PyObject` and bindgen's `_object` agree), arrays with their length, function pointers with
//! parameter count, variadics and return type. It drops what the ABI does not see: `const` vs `mut`
//! (reported as a warning instead), `Option<fn>`/`NonNull` nullability, `!` vs `()`, `unsafe`. A `void *`
//! standing for a typed pointer is reported as type erasure (a warning), not a mismatch.

use crate::items::{Crate, Kind};
use std::collections::HashMap;
use syn::{Expr, GenericArgument, PathArguments, ReturnType, Type};

/// Where names used by one source resolve: its own type aliases and integer constants.
pub struct Names {
    aliases: HashMap<String, Type>,
    consts: HashMap<String, Expr>,
}

impl Names {
    pub fn of(krate: &Crate) -> Self {
        let mut aliases = HashMap::new();
        let mut consts = HashMap::new();
        for it in &krate.items {
            match it.kind {
                Kind::TypeAlias => {
                    aliases.entry(it.name.clone()).or_insert_with(|| it.ty.clone().unwrap());
                }
                Kind::Const => {
                    if let Some(e) = &it.value {
                        consts.entry(it.name.clone()).or_insert_with(|| e.clone());
                    }
                }
                _ => {}
            }
        }
        Names { aliases, consts }
    }
}

/// Target facts the Rust spelling of C types depends on.
pub struct Target {
    pointer_bits: u32,
    long_bits: u32,
    char_signed: bool,
}

impl Target {
    pub fn from_env() -> Self {
        let var = |k: &str| std::env::var(k).unwrap_or_default();
        let pointer_bits: u32 = var("CARGO_CFG_TARGET_POINTER_WIDTH").parse().unwrap_or(64);
        let windows = var("CARGO_CFG_TARGET_OS") == "windows";
        let arch = var("CARGO_CFG_TARGET_ARCH");
        let apple = var("CARGO_CFG_TARGET_VENDOR") == "apple";
        Target {
            pointer_bits,
            long_bits: if windows { 32 } else { pointer_bits },
            char_signed: matches!(arch.as_str(), "x86" | "x86_64") || apple || windows,
        }
    }
}

/// A C-level type: what the ABI sees, plus const-ness for warnings.
#[derive(Clone, Debug)]
pub enum CType {
    /// Integer, float, `bool`, `void`, `()`, `phantom`.
    Prim(String),
    Never,
    Ptr {
        konst: bool,
        to: Box<CType>,
    },
    Fn {
        abi: &'static str,
        params: Vec<CType>,
        variadic: bool,
        ret: Box<CType>,
    },
    Array(Box<CType>, String),
    /// A struct, union or unknown name, after typedefs.
    Named(String),
}

/// How two types compare.
#[derive(PartialEq, Eq, Debug)]
pub enum Match {
    Same,
    /// Same but for `const`/`mut` or `!`/`()`.
    SameButConst,
    /// One side is `void *` where the other is a typed (or function) pointer: same ABI, types erased.
    Erased,
    Different,
}

impl CType {
    /// ABI text (no const-ness) or full text.
    pub fn text(&self, keep_const: bool) -> String {
        match self {
            CType::Prim(p) => p.clone(),
            CType::Never => if keep_const { "!" } else { "()" }.into(),
            CType::Ptr { konst, to } => {
                let q = match (keep_const, konst) {
                    (false, _) => "",
                    (true, true) => "const ",
                    (true, false) => "mut ",
                };
                format!("*{q}{}", to.text(keep_const))
            }
            CType::Fn { abi, params, variadic, ret } => {
                let mut ps: Vec<String> = params.iter().map(|p| p.text(keep_const)).collect();
                if *variadic {
                    ps.push("...".into());
                }
                format!("{abi}fn({}) -> {}", ps.join(", "), ret.text(keep_const))
            }
            CType::Array(t, n) => format!("[{}; {n}]", t.text(keep_const)),
            CType::Named(n) => n.clone(),
        }
    }

    fn is_void_ptr(&self) -> bool {
        matches!(self, CType::Ptr { to, .. } if matches!(&**to, CType::Prim(p) if p == "void"))
    }

    fn is_pointer(&self) -> bool {
        matches!(self, CType::Ptr { .. } | CType::Fn { .. })
    }

    /// Compares `self` (ours) with `other` (the reference).
    pub fn compare(&self, other: &CType) -> Match {
        if self.text(true) == other.text(true) {
            return Match::Same;
        }
        if self.text(false) == other.text(false) {
            return Match::SameButConst;
        }
        if self.erased_eq(other) { Match::Erased } else { Match::Different }
    }

    fn erased_eq(&self, other: &CType) -> bool {
        if (self.is_void_ptr() && other.is_pointer()) || (other.is_void_ptr() && self.is_pointer()) {
            return true;
        }
        match (self, other) {
            (CType::Ptr { to: a, .. }, CType::Ptr { to: b, .. }) => a.erased_eq(b),
            (CType::Array(a, n), CType::Array(b, m)) => n == m && a.erased_eq(b),
            (
                CType::Fn { abi: a1, params: p1, variadic: v1, ret: r1 },
                CType::Fn { abi: a2, params: p2, variadic: v2, ret: r2 },
            ) => {
                a1 == a2
                    && v1 == v2
                    && p1.len() == p2.len()
                    && p1.iter().zip(p2).all(|(x, y)| x.erased_eq(y))
                    && r1.erased_eq(r2)
            }
            _ => self.text(false) == other.text(false),
        }
    }

    /// Drops the `rust ` marker of a top-level function: whether an item is a Rust fn or a C symbol is
    /// known from its kind, and pyo3-ffi re-implements some C functions in Rust too.
    pub fn without_abi(self) -> CType {
        match self {
            CType::Fn { params, variadic, ret, .. } => CType::Fn { abi: "", params, variadic, ret },
            other => other,
        }
    }
}

/// Canonicalises types of one source (`own`), falling back on the header's typedefs (`header`).
pub struct Canon<'a> {
    pub target: &'a Target,
    pub own: &'a Names,
    pub header: &'a Names,
}

impl Canon<'_> {
    pub fn ty(&self, ty: &Type) -> CType {
        self.ty_in(ty, self.own, 0)
    }

    fn ret_in(&self, ret: &ReturnType, names: &Names, depth: u32) -> CType {
        match ret {
            ReturnType::Default => CType::Prim("()".into()),
            ReturnType::Type(_, t) => self.ty_in(t, names, depth),
        }
    }

    /// A declared function as a function type.
    pub fn sig(&self, sig: &syn::Signature) -> CType {
        let params = sig
            .inputs
            .iter()
            .map(|a| match a {
                syn::FnArg::Typed(p) => self.ty(&p.ty),
                syn::FnArg::Receiver(_) => CType::Named("self".into()),
            })
            .collect();
        CType::Fn {
            abi: abi_prefix(sig.abi.as_ref()),
            params,
            variadic: sig.variadic.is_some(),
            ret: Box::new(self.ret_in(&sig.output, self.own, 0)),
        }
    }

    fn ty_in(&self, ty: &Type, names: &Names, depth: u32) -> CType {
        if depth > 40 {
            return CType::Named("<alias loop>".into());
        }
        let ptr = |konst: bool, to: CType| CType::Ptr { konst, to: Box::new(to) };
        match ty {
            Type::Ptr(p) => ptr(p.const_token.is_some(), self.ty_in(&p.elem, names, depth + 1)),
            Type::Reference(r) => ptr(r.mutability.is_none(), self.ty_in(&r.elem, names, depth + 1)),
            Type::BareFn(f) => CType::Fn {
                abi: abi_prefix(f.abi.as_ref()),
                params: f.inputs.iter().map(|a| self.ty_in(&a.ty, names, depth + 1)).collect(),
                variadic: f.variadic.is_some(),
                ret: Box::new(self.ret_in(&f.output, names, depth + 1)),
            },
            Type::Array(a) => {
                let len = self.eval(&a.len, names, 0).map(|n| n.to_string()).unwrap_or_else(|| {
                    let e = &a.len;
                    quote::quote!(#e).to_string()
                });
                CType::Array(Box::new(self.ty_in(&a.elem, names, depth + 1)), len)
            }
            Type::Tuple(t) if t.elems.is_empty() => CType::Prim("()".into()),
            Type::Never(_) => CType::Never,
            Type::Paren(p) => self.ty_in(&p.elem, names, depth),
            Type::Group(g) => self.ty_in(&g.elem, names, depth),
            Type::Path(p) if p.qself.is_none() => {
                let seg = p.path.segments.last().unwrap();
                let name = seg.ident.to_string();
                let arg = match &seg.arguments {
                    PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
                        GenericArgument::Type(t) => Some(t),
                        _ => None,
                    }),
                    _ => None,
                };
                match (name.as_str(), arg) {
                    ("Option" | "ManuallyDrop" | "UnsafeCell" | "Cell" | "MaybeUninit", Some(t)) => {
                        self.ty_in(t, names, depth + 1)
                    }
                    ("NonNull", Some(t)) => ptr(false, self.ty_in(t, names, depth + 1)),
                    ("PhantomData" | "PhantomPinned", _) => CType::Prim("phantom".into()),
                    _ => self.named(&name, names, depth),
                }
            }
            other => CType::Named(quote::quote!(#other).to_string()),
        }
    }

    fn named(&self, name: &str, names: &Names, depth: u32) -> CType {
        if let Some(p) = self.primitive(name) {
            return CType::Prim(p);
        }
        if let Some(t) = names.aliases.get(name) {
            return self.ty_in(t, names, depth + 1);
        }
        if let Some(t) = self.header.aliases.get(name) {
            return self.ty_in(t, self.header, depth + 1);
        }
        CType::Named(name.to_owned())
    }
    fn primitive(&self, name: &str) -> Option<String> {
        let ptr = self.target.pointer_bits;
        let long = self.target.long_bits;
        let s = match name {
            "i8" | "c_schar" => "i8".into(),
            "u8" | "c_uchar" => "u8".into(),
            "c_char" => if self.target.char_signed { "i8" } else { "u8" }.into(),
            "i16" | "c_short" => "i16".into(),
            "u16" | "c_ushort" => "u16".into(),
            "i32" | "c_int" => "i32".into(),
            "u32" | "c_uint" => "u32".into(),
            "i64" | "c_longlong" => "i64".into(),
            "u64" | "c_ulonglong" => "u64".into(),
            "i128" | "u128" | "f32" | "f64" | "bool" | "char" => name.into(),
            "c_float" => "f32".into(),
            "c_double" => "f64".into(),
            "c_long" => format!("i{long}"),
            "c_ulong" => format!("u{long}"),
            "isize" | "ssize_t" | "c_ssize_t" => format!("i{ptr}"),
            "usize" | "size_t" | "c_size_t" => format!("u{ptr}"),
            "c_void" => "void".into(),
            _ => return None,
        };
        Some(s)
    }

    /// Integer value of an array length: literals, named constants, `+ - * << |` and casts.
    fn eval(&self, e: &Expr, names: &Names, depth: u32) -> Option<i128> {
        if depth > 20 {
            return None;
        }
        match e {
            Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_parse().ok(),
            Expr::Paren(p) => self.eval(&p.expr, names, depth + 1),
            Expr::Group(g) => self.eval(&g.expr, names, depth + 1),
            Expr::Cast(c) => self.eval(&c.expr, names, depth + 1),
            Expr::Path(p) => {
                let name = p.path.segments.last()?.ident.to_string();
                let v = names.consts.get(&name).or_else(|| self.header.consts.get(&name))?;
                self.eval(v, names, depth + 1)
            }
            Expr::Binary(b) => {
                let l = self.eval(&b.left, names, depth + 1)?;
                let r = self.eval(&b.right, names, depth + 1)?;
                use syn::BinOp::*;
                match b.op {
                    Add(_) => l.checked_add(r),
                    Sub(_) => l.checked_sub(r),
                    Mul(_) => l.checked_mul(r),
                    Shl(_) => l.checked_shl(u32::try_from(r).ok()?),
                    BitOr(_) => Some(l | r),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

fn abi_prefix(abi: Option<&syn::Abi>) -> &'static str {
    match abi {
        // `extern "C"`, `extern "C-unwind"`, `extern` (= "C"): one calling convention for our purpose.
        Some(a) => match a.name.as_ref().map(|n| n.value()) {
            None => "",
            Some(n) if n == "C" || n == "C-unwind" || n == "system" || n == "system-unwind" => "",
            Some(_) => "other-abi ",
        },
        None => "rust ",
    }
}

/// Whether a const of this type compares as an integer: `X as i128`, or `X as usize as i128` for a
/// pointer (C's `((void *)0)`-style macros).
pub fn int_expr(t: &CType, expr: &str) -> Option<String> {
    match t {
        CType::Ptr { .. } => Some(format!("({expr}) as usize")),
        _ if is_integer(t) => Some(expr.to_owned()),
        _ => None,
    }
}

/// Whether a canonical type is a plain integer (or bool), so values compare as `as i128`.
pub fn is_integer(t: &CType) -> bool {
    matches!(
        t.text(false).as_str(),
        "i8" | "u8" | "i16" | "u16" | "i32" | "u32" | "i64" | "u64" | "i128" | "u128" | "bool"
    )
}
