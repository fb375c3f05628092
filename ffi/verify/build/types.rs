//! Canonical text of a type or signature, so declarations from three sources compare as strings.
//!
//! The text keeps what the ABI sees: integer signedness and width (`c_long` and `isize` become `i64` on a
//! 64-bit Unix target), pointer depth and pointee (a struct by its C tag name, through the header's
//! typedefs, so `PyObject` and bindgen's `_object` agree), arrays with their length, function pointers with
//! parameter count, variadics and return type. It drops what the ABI does not see: `const` vs `mut`
//! (reported as a warning instead), `Option<fn>`/`NonNull` nullability, `!` vs `()`, `unsafe`.

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

/// Canonicalises types of one source (`own`), falling back on the header's typedefs (`header`).
pub struct Canon<'a> {
    pub target: &'a Target,
    pub own: &'a Names,
    pub header: &'a Names,
    /// Keep `const`/`mut` (for the warning pass).
    pub keep_const: bool,
}

impl Canon<'_> {
    pub fn ty(&self, ty: &Type) -> String {
        self.ty_in(ty, self.own, 0)
    }

    pub fn ret(&self, ret: &ReturnType) -> String {
        match ret {
            ReturnType::Default => "()".into(),
            ReturnType::Type(_, t) => self.ty(t),
        }
    }

    /// `fn(a, b, ...) -> r` for a declared function.
    pub fn sig(&self, sig: &syn::Signature) -> String {
        let params: Vec<String> = sig
            .inputs
            .iter()
            .map(|a| match a {
                syn::FnArg::Typed(p) => self.ty(&p.ty),
                syn::FnArg::Receiver(_) => "self".into(),
            })
            .collect();
        let abi = abi_prefix(sig.abi.as_ref());
        fn_text(abi, params, sig.variadic.is_some(), self.ret(&sig.output))
    }

    fn ty_in(&self, ty: &Type, names: &Names, depth: u32) -> String {
        if depth > 40 {
            return "<alias loop>".into();
        }
        match ty {
            Type::Ptr(p) => {
                let q = if !self.keep_const {
                    ""
                } else if p.const_token.is_some() {
                    "const "
                } else {
                    "mut "
                };
                format!("*{q}{}", self.ty_in(&p.elem, names, depth + 1))
            }
            Type::Reference(r) => {
                let q = match (self.keep_const, r.mutability.is_some()) {
                    (false, _) => "",
                    (true, true) => "mut ",
                    (true, false) => "const ",
                };
                format!("*{q}{}", self.ty_in(&r.elem, names, depth + 1))
            }
            Type::BareFn(f) => {
                let params =
                    f.inputs.iter().map(|a| self.ty_in(&a.ty, names, depth + 1)).collect::<Vec<_>>();
                let ret = match &f.output {
                    ReturnType::Default => "()".into(),
                    ReturnType::Type(_, t) => self.ty_in(t, names, depth + 1),
                };
                fn_text(abi_prefix(f.abi.as_ref()), params, f.variadic.is_some(), ret)
            }
            Type::Array(a) => {
                let len = self.eval(&a.len, names, 0).map(|n| n.to_string()).unwrap_or_else(|| {
                    let e = &a.len;
                    quote::quote!(#e).to_string()
                });
                format!("[{}; {len}]", self.ty_in(&a.elem, names, depth + 1))
            }
            Type::Tuple(t) if t.elems.is_empty() => "()".into(),
            Type::Never(_) => if self.keep_const { "!" } else { "()" }.into(),
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
                    ("NonNull", Some(t)) => format!(
                        "*{}{}",
                        if self.keep_const { "mut " } else { "" },
                        self.ty_in(t, names, depth + 1)
                    ),
                    ("PhantomData", _) | ("PhantomPinned", _) => "phantom".into(),
                    _ => self.named(&name, names, depth),
                }
            }
            other => quote::quote!(#other).to_string(),
        }
    }

    fn named(&self, name: &str, names: &Names, depth: u32) -> String {
        if let Some(p) = self.primitive(name) {
            return p;
        }
        if let Some(t) = names.aliases.get(name) {
            return self.ty_in(t, names, depth + 1);
        }
        if let Some(t) = self.header.aliases.get(name) {
            return self.ty_in(t, self.header, depth + 1);
        }
        name.to_owned()
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

fn fn_text(abi: &str, mut params: Vec<String>, variadic: bool, ret: String) -> String {
    if variadic {
        params.push("...".into());
    }
    format!("{abi}fn({}) -> {ret}", params.join(", "))
}

/// Whether a canonical type is a plain integer (or bool), so values compare as `as i128`.
pub fn is_integer(canon: &str) -> bool {
    matches!(
        canon,
        "i8" | "u8" | "i16" | "u16" | "i32" | "u32" | "i64" | "u64" | "i128" | "u128" | "bool"
    )
}
