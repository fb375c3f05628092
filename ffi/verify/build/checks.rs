//! What is compared for each kind of declaration (struct, const, function, static, alias), written
//! through `Out` as `Report` calls.

use crate::emit::{Out, Sources};
use crate::items::{Item, Kind};
use crate::types::{CType, Canon, Names, int_expr};
use std::collections::HashMap;

/// Read-only lookups.
pub struct Ctx<'a> {
    pub s: &'a Sources<'a>,
    pub ours_names: Names,
    pub header_names: Names,
    pub pyo3_names: Names,
    pub header_by_name: HashMap<&'a str, &'a Item>,
    pub pyo3_exports: HashMap<String, usize>,
}

#[derive(Clone, Copy)]
enum Src {
    Ours,
    Header,
    Pyo3,
}

impl<'a> Ctx<'a> {
    fn canon(&self, src: Src) -> Canon<'_> {
        let own = match src {
            Src::Ours => &self.ours_names,
            Src::Header => &self.header_names,
            Src::Pyo3 => &self.pyo3_names,
        };
        Canon { target: self.s.target, own, header: &self.header_names }
    }

    fn ty(&self, src: Src, ty: &syn::Type) -> CType {
        self.canon(src).ty(ty)
    }

    fn sig(&self, src: Src, it: &Item) -> CType {
        self.canon(src).sig(it.sig.as_ref().unwrap()).without_abi()
    }

    fn pyo3_item(&self, name: &str, kinds: &[Kind]) -> Option<&'a Item> {
        let it = &self.s.pyo3.items[*self.pyo3_exports.get(name)?];
        kinds.contains(&it.kind).then_some(it)
    }

    /// The header's item of that name, or else of the name with a leading `_`: CPython made several
    /// private names public under the same spelling without it (`_PyCFunctionFastWithKeywords` before 3.13).
    fn header_item(&self, o: &mut Out, name: &str, kinds: &[Kind]) -> Option<&'a Item> {
        let find = |n: &str| self.header_by_name.get(n).copied().filter(|h| kinds.contains(&h.kind));
        find(name).or_else(|| {
            let private = find(&format!("_{name}"))?;
            o.note("Unverified", name, &format!("compared with the header's `_{name}` (its name in this version)"));
            Some(private)
        })
    }

    /// The header's struct/union behind `name`, through typedefs.
    fn header_record(&self, name: &str) -> Option<&'a Item> {
        let mut name = name.to_owned();
        for _ in 0..10 {
            let it = *self.header_by_name.get(name.as_str())?;
            match it.kind {
                Kind::Struct | Kind::Union => return Some(it),
                Kind::TypeAlias => name = type_name(it.ty.as_ref()?)?,
                _ => return None,
            }
        }
        None
    }

    /// Finds field `name` in a header record, looking into bindgen's anonymous members: returns the chain
    /// of (record, field) whose offsets add up to the field's offset, and the field's type.
    fn header_field(&self, rec: &'a Item, name: &str, depth: u32) -> Option<(Vec<(String, String)>, &'a syn::Type)> {
        if let Some(f) = rec.fields.iter().find(|f| f.name == name) {
            return Some((vec![(rec.name.clone(), f.name.clone())], &f.ty));
        }
        if depth > 4 {
            return None;
        }
        for f in rec.fields.iter().filter(|f| f.name.starts_with("__bindgen_anon_")) {
            let Some(inner) = type_name(&f.ty).and_then(|n| self.header_record(&n)) else {
                continue;
            };
            if let Some((mut chain, ty)) = self.header_field(inner, name, depth + 1) {
                chain.insert(0, (rec.name.clone(), f.name.clone()));
                return Some((chain, ty));
            }
        }
        None
    }

    fn is_bitfield_record(&self, ty: &syn::Type) -> bool {
        type_name(ty)
            .and_then(|n| self.header_record(&n))
            .is_some_and(|r| r.fields.iter().any(|f| f.name.starts_with("_bitfield_")))
    }

    pub fn record(&self, o: &mut Out, it: &Item, path: Option<&str>) {
        let name = it.name.as_str();
        if is_opaque(it) {
            return self.opaque(o, it);
        }
        let header = self.header_record(name);
        if !it.repr_c {
            if header.is_some() {
                o.fail(name, "repr", "declared without #[repr(C)] but the header has this struct");
            } else {
                o.absent(it, "Rust-only struct (not #[repr(C)])");
            }
            return;
        }
        let pyo3 = self.pyo3_item(name, &[Kind::Struct, Kind::Union]).filter(|p| !is_opaque(p));
        if header.is_none() {
            o.absent(it, "struct");
        }
        let bg = format!("crate::bg::{name}");
        let py = format!("::pyo3_ffi::{name}");
        match path {
            Some(p) if header.is_some() || pyo3.is_some() => {
                for what in ["size_of", "align_of"] {
                    o.int(
                        name,
                        what,
                        &format!("{what}::<{p}>()"),
                        header.map(|_| format!("{what}::<{bg}>()")),
                        pyo3.map(|_| format!("{what}::<{py}>()")),
                    );
                }
            }
            Some(_) => {}
            None => o.note("Unverified", name, "not public outside its crate: size and offsets not compiled"),
        }
        let mut covered = Vec::new();
        for f in &it.fields {
            let item = format!("{name}.{}", f.name);
            let fname = &f.name;
            let pyo3_off = pyo3
                .filter(|p3| f.public && p3.fields.iter().any(|g| g.public && g.name == f.name))
                .map(|_| format!("offset_of!({py}, {fname})"));
            let Some(h) = header else {
                if let (Some(p), Some(_)) = (path, &pyo3_off) {
                    o.int(&item, "offset_of", &format!("offset_of!({p}, {fname})"), None, pyo3_off);
                }
                continue;
            };
            let cname = f.c_name();
            let Some((chain, hty)) = self.header_field(h, &cname, 0) else {
                o.fail(&item, "field", &format!("the header's `{}` has no field `{cname}`", h.name));
                continue;
            };
            covered.push(chain[0].1.clone());
            if self.is_bitfield_record(hty) {
                o.note("Unverified", &item, "C bitfields: compared by offset and size, not by type");
                if let Some(p) = path.filter(|_| f.public && it.kind == Kind::Struct && chain.len() == 1) {
                    o.int(
                        &item,
                        "field size",
                        &format!("::pyzig_ffi_verify::field_size(|s: &{p}| &s.{fname})"),
                        Some(format!("::pyzig_ffi_verify::field_size(|s: &{bg}| &s.{})", chain[0].1)),
                        None,
                    );
                }
            } else {
                o.compare(&item, "type", &self.ty(Src::Ours, &f.ty), Some(&self.ty(Src::Header, hty)), None);
            }
            match path {
                Some(p) if f.public => {
                    let header_expr = chain
                        .iter()
                        .map(|(rec, fld)| format!("offset_of!(crate::bg::{rec}, {fld})"))
                        .collect::<Vec<_>>()
                        .join(" + ");
                    o.int(&item, "offset_of", &format!("offset_of!({p}, {fname})"), Some(header_expr), pyo3_off);
                }
                Some(_) => {
                    o.note("Unverified", &item, "private field: offset not compiled (the struct's size covers it)")
                }
                None => {}
            }
        }
        if let Some(h) = header {
            for hf in &h.fields {
                let n = hf.name.as_str();
                if n.starts_with("_bitfield_") || n.starts_with("__bindgen_padding") || covered.iter().any(|c| c == n) {
                    continue;
                }
                let msg = format!(
                    "the header's `{}` has field `{n}` (`{}`), not declared here",
                    h.name,
                    self.ty(Src::Header, &hf.ty).text(true)
                );
                o.fail(&format!("{name}.{n}"), "field", &msg);
            }
        }
    }

    pub fn opaque(&self, o: &mut Out, it: &Item) {
        let name = it.name.as_str();
        if self.header_by_name.contains_key(name) {
            let (ours, header) = (self.ty(Src::Ours, &path_type(name)), self.ty(Src::Header, &path_type(name)));
            o.compare(name, "opaque type name", &ours, Some(&header), None);
        } else {
            o.absent(it, "opaque type");
        }
    }

    pub fn constant(&self, o: &mut Out, it: &Item, path: Option<&str>) {
        let name = it.name.as_str();
        let ty = self.ty(Src::Ours, it.ty.as_ref().unwrap());
        let exprs = it.check_exprs();
        let header = self.header_item(o, name, &[Kind::Const]);
        let Some(p) = path else {
            return o.note("Unverified", name, "private const: not compared");
        };
        let Some(ours) = int_expr(&ty, p) else {
            o.note("Unverified", name, &format!("type `{}` is not an integer: value not compared", ty.text(true)));
            if header.is_none() && exprs.is_empty() {
                o.absent(it, "const");
            }
            return;
        };
        let pyo3 = self
            .pyo3_item(name, &[Kind::Const])
            .and_then(|c| int_expr(&self.ty(Src::Pyo3, c.ty.as_ref().unwrap()), &format!("::pyo3_ffi::{name}")));
        for e in &exprs {
            if let Err(err) = syn::parse_str::<syn::Expr>(e) {
                o.fail(name, "verify marker", &format!("`verify: {e}` is not an expression: {err}"));
                continue;
            }
            let what = format!("value = {e} (in the header)");
            o.int(name, &what, &ours, Some(format!("{{ use crate::bg::*; {e} }}")), None);
        }
        let Some(header) = header else {
            if exprs.is_empty() {
                o.absent(it, "const");
            }
            if let Some(pyo3) = pyo3 {
                o.int(name, "value", &ours, None, Some(pyo3));
            }
            return;
        };
        let hty = self.ty(Src::Header, header.ty.as_ref().unwrap());
        match int_expr(&hty, &format!("crate::bg::{}", header.name)) {
            Some(h) => o.int(name, "value", &ours, Some(h), pyo3),
            None => o.fail(name, "value", &format!("ours is an integer, the header's is `{}`", hty.text(true))),
        }
    }

    pub fn function(&self, o: &mut Out, it: &Item) {
        let name = it.name.as_str();
        if it.kind == Kind::RustFn && !it.public {
            return o.note("Unverified", name, "private Rust helper: not compared");
        }
        let ours = self.sig(Src::Ours, it);
        let head = self.header_item(o, name, &[Kind::ExternFn]).map(|h| self.sig(Src::Header, h));
        let pyo3 = self.pyo3_item(name, &[Kind::ExternFn, Kind::RustFn]).map(|p| self.sig(Src::Pyo3, p));
        if head.is_none() {
            o.absent(it, if it.kind == Kind::RustFn { "Rust re-implementation" } else { "function" });
        }
        o.compare(name, "signature", &ours, head.as_ref(), pyo3.as_ref());
    }

    pub fn static_(&self, o: &mut Out, it: &Item) {
        let name = it.name.as_str();
        let ours = self.ty(Src::Ours, it.ty.as_ref().unwrap());
        let head = self.header_item(o, name, &[Kind::Static]).map(|h| self.ty(Src::Header, h.ty.as_ref().unwrap()));
        let pyo3 = self.pyo3_item(name, &[Kind::Static]).map(|p| self.ty(Src::Pyo3, p.ty.as_ref().unwrap()));
        if head.is_none() {
            o.absent(it, "static");
        }
        o.compare(name, "static type", &ours, head.as_ref(), pyo3.as_ref());
    }

    pub fn alias(&self, o: &mut Out, it: &Item) {
        let name = it.name.as_str();
        let ours = self.ty(Src::Ours, it.ty.as_ref().unwrap());
        let kinds = [Kind::TypeAlias, Kind::Struct, Kind::Union, Kind::OpaqueEnum];
        // The header's meaning of the name, through its typedefs.
        let head = self.header_item(o, name, &kinds).map(|h| self.ty(Src::Header, &path_type(&h.name)));
        let pyo3 = self.pyo3_item(name, &[Kind::TypeAlias]).map(|p| self.ty(Src::Pyo3, p.ty.as_ref().unwrap()));
        if head.is_none() {
            o.absent(it, "type");
        }
        o.compare(name, "type", &ours, head.as_ref(), pyo3.as_ref());
    }
}

/// A struct with no public data: only private zero-sized fields (`[u8; 0]`, `PhantomData`) or none.
fn is_opaque(it: &Item) -> bool {
    it.fields.iter().all(|f| {
        !f.public
            && match &f.ty {
                syn::Type::Array(a) => match &a.len {
                    syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Int(i), .. }) => i.base10_digits() == "0",
                    _ => false,
                },
                syn::Type::Path(p) => {
                    p.path.segments.last().is_some_and(|s| s.ident.to_string().starts_with("Phantom"))
                }
                _ => false,
            }
    })
}

/// The last path segment of a plain type path.
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => Some(p.path.segments.last()?.ident.to_string()),
        _ => None,
    }
}

fn path_type(name: &str) -> syn::Type {
    syn::parse_str(name).expect("an identifier is a type")
}
