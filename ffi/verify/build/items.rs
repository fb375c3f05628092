//! Reads a crate's sources with `syn` into a flat list of the items the checks care about, following
//! `mod` declarations from the crate root and keeping only what the active cfgs compile.

use crate::cfg::Cfg;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use syn::punctuated::Punctuated;
use syn::{Attribute, Fields, ForeignItem, Item as SynItem, Meta, Token, UseTree, Visibility};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Struct,
    Union,
    /// `pub enum X {}`: a name only, for pointers to it.
    OpaqueEnum,
    Const,
    /// A function in an `extern` block: a C symbol.
    ExternFn,
    /// A Rust function (e.g. a re-implementation of a C macro or static inline function).
    RustFn,
    Static,
    TypeAlias,
}

#[derive(Clone)]
pub struct Field {
    pub name: String,
    pub ty: syn::Type,
    pub public: bool,
    pub doc: Vec<String>,
}

impl Field {
    /// The C field name: from `/// verify: c-name = NAME` if given (for names Rust cannot spell alike).
    pub fn c_name(&self) -> String {
        self.doc
            .iter()
            .filter_map(|l| l.strip_prefix("verify:").map(str::trim))
            .find_map(|m| m.strip_prefix("c-name").map(|r| r.trim_start_matches([' ', '=']).trim().to_owned()))
            .unwrap_or_else(|| match self.name.strip_prefix("r#") {
                // bindgen spells a C field named like a Rust keyword with a trailing `_`.
                Some(keyword) => format!("{keyword}_"),
                None => self.name.clone(),
            })
    }
}

#[derive(Clone)]
pub struct Item {
    pub name: String,
    pub kind: Kind,
    /// Module path from the crate root.
    pub module: Vec<String>,
    pub public: bool,
    pub repr_c: bool,
    /// Type of a const, static or alias.
    pub ty: Option<syn::Type>,
    /// Value expression of a const.
    pub value: Option<syn::Expr>,
    pub sig: Option<syn::Signature>,
    pub fields: Vec<Field>,
    /// Trimmed doc-comment lines.
    pub doc: Vec<String>,
}

impl Item {
    /// Arguments of `/// verify: <key>` lines.
    pub fn markers(&self) -> impl Iterator<Item = &str> {
        self.doc.iter().filter_map(|l| l.strip_prefix("verify:").map(str::trim))
    }

    /// Rust expressions, evaluated against the header's types, that this const must equal: each
    /// `/// verify: EXPR` line, and each C `offsetof(T, f)` / `sizeof(T)` written in backticks in its doc.
    pub fn check_exprs(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .markers()
            .filter(|m| !m.starts_with("not-in-headers") && !m.starts_with("c-name"))
            .map(str::to_owned)
            .collect();
        for line in self.doc.iter().filter(|l| !l.starts_with("verify:")) {
            for code in line.split('`').skip(1).step_by(2) {
                if let Some(e) = c_layout_expr(code)
                    && !out.contains(&e)
                {
                    out.push(e);
                }
            }
        }
        out
    }
}

/// `offsetof(T, f)` -> `offset_of!(T, f)`, `sizeof(T)` -> `size_of::<T>()`.
pub fn c_layout_expr(code: &str) -> Option<String> {
    let code = code.trim();
    if let Some(args) = code.strip_prefix("offsetof(").and_then(|r| r.strip_suffix(')')) {
        return Some(format!("offset_of!({})", args.trim()));
    }
    let ty = code.strip_prefix("sizeof(").and_then(|r| r.strip_suffix(')'))?;
    Some(format!("size_of::<{}>()", ty.trim()))
}

/// From a module's inner doc: lines like ``[`NAME`] = `offsetof(T, f)` `` give NAME a check expression.
fn listed_checks(attrs: &[Attribute]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for line in doc_lines(attrs) {
        let line = line.trim_start_matches(['-', '*', ' ']);
        let Some(rest) = line.strip_prefix("[`") else {
            continue;
        };
        let Some((name, rest)) = rest.split_once("`]") else {
            continue;
        };
        let Some(rest) = rest.trim_start().strip_prefix('=') else {
            continue;
        };
        let Some(code) = rest.trim_start().strip_prefix('`').and_then(|r| r.split('`').next()) else {
            continue;
        };
        if let Some(e) = c_layout_expr(code) {
            out.push((name.to_owned(), e));
        }
    }
    out
}

struct UseDecl {
    module: Vec<String>,
    tree: UseTree,
}

pub struct Crate {
    pub items: Vec<Item>,
    /// Item-level macro invocations (file, macro name): their expansion is invisible to the checks.
    pub macro_calls: Vec<(PathBuf, String)>,
    pub_uses: Vec<UseDecl>,
    /// Modules declared `pub mod` all the way from the root.
    pub_modules: Vec<Vec<String>>,
    /// (name, expression) listed in module docs (see `listed_checks`).
    listed: Vec<(String, String)>,
    /// Statics defined in Rust (not in an `extern` block): nothing in C to compare with.
    pub rust_statics: Vec<String>,
}

impl Crate {
    /// No items: stands in for pyo3-ffi when it was built for another interpreter.
    pub fn empty() -> Self {
        Crate {
            items: Vec::new(),
            macro_calls: Vec::new(),
            pub_uses: Vec::new(),
            pub_modules: vec![vec![]],
            listed: Vec::new(),
            rust_statics: Vec::new(),
        }
    }
}

/// Reads the crate whose root file is `root` (lib.rs, a fixture, or bindgen's single file).
pub fn read_crate(root: &Path, cfg: &Cfg) -> Crate {
    let mut krate = Crate::empty();
    let dir = root.parent().expect("crate root has a directory").to_path_buf();
    let file = parse_file(root);
    krate.listed.extend(listed_checks(&file.attrs));
    walk(&mut krate, cfg, root, &dir, &[], true, file.items);
    for (name, expr) in std::mem::take(&mut krate.listed) {
        for it in krate.items.iter_mut().filter(|it| it.name == name && it.kind == Kind::Const) {
            it.doc.push(format!("verify: {expr}"));
        }
    }
    krate
}

fn parse_file(path: &Path) -> syn::File {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    syn::parse_file(&text).unwrap_or_else(|e| panic!("cannot parse {}: {e}", path.display()))
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

pub fn doc_lines(attrs: &[Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("doc")) {
        if let syn::Meta::NameValue(nv) = &a.meta
            && let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value
        {
            out.extend(s.value().lines().map(|l| l.trim().to_owned()));
        }
    }
    out
}

/// `#[repr(C)]` (or `transparent`), also behind an active `#[cfg_attr(pred, repr(C))]`.
fn repr_c(attrs: &[Attribute], cfg: &Cfg) -> bool {
    attrs.iter().any(|a| {
        if a.path().is_ident("repr") {
            return repr_is_c(&a.meta);
        }
        if a.path().is_ident("cfg_attr")
            && let Ok(args) = a.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
            && let Some((pred, rest)) = args.iter().collect::<Vec<_>>().split_first()
        {
            return cfg.eval(pred) && rest.iter().any(|m| m.path().is_ident("repr") && repr_is_c(m));
        }
        false
    })
}

fn repr_is_c(meta: &Meta) -> bool {
    let Meta::List(list) = meta else { return false };
    list.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
        .map(|args| args.iter().any(|m| m.path().is_ident("C") || m.path().is_ident("transparent")))
        .unwrap_or(false)
}

fn fields_of(fields: &Fields, cfg: &Cfg) -> Vec<Field> {
    fields
        .iter()
        .filter(|f| cfg.active(&f.attrs))
        .enumerate()
        .map(|(i, f)| Field {
            name: f.ident.as_ref().map(|i| i.to_string()).unwrap_or_else(|| i.to_string()),
            ty: f.ty.clone(),
            public: is_pub(&f.vis),
            doc: doc_lines(&f.attrs),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn walk(
    krate: &mut Crate,
    cfg: &Cfg,
    file: &Path,
    dir: &Path,
    module: &[String],
    module_public: bool,
    items: Vec<SynItem>,
) {
    let base = |name: String, kind: Kind, public: bool, attrs: &[Attribute]| Item {
        name,
        kind,
        module: module.to_vec(),
        public,
        repr_c: false,
        ty: None,
        value: None,
        sig: None,
        fields: Vec::new(),
        doc: doc_lines(attrs),
    };
    for item in items {
        match item {
            SynItem::Struct(s) if cfg.active(&s.attrs) => {
                let mut it = base(s.ident.to_string(), Kind::Struct, is_pub(&s.vis), &s.attrs);
                it.repr_c = repr_c(&s.attrs, cfg);
                it.fields = fields_of(&s.fields, cfg);
                krate.items.push(it);
            }
            SynItem::Union(u) if cfg.active(&u.attrs) => {
                let mut it = base(u.ident.to_string(), Kind::Union, is_pub(&u.vis), &u.attrs);
                it.repr_c = repr_c(&u.attrs, cfg);
                it.fields = fields_of(&Fields::Named(u.fields.clone()), cfg);
                krate.items.push(it);
            }
            SynItem::Enum(e) if cfg.active(&e.attrs) && e.variants.is_empty() => {
                krate.items.push(base(e.ident.to_string(), Kind::OpaqueEnum, is_pub(&e.vis), &e.attrs));
            }
            SynItem::Const(c) if cfg.active(&c.attrs) => {
                let mut it = base(c.ident.to_string(), Kind::Const, is_pub(&c.vis), &c.attrs);
                it.ty = Some(*c.ty.clone());
                it.value = Some(*c.expr.clone());
                krate.items.push(it);
            }
            SynItem::Type(t) if cfg.active(&t.attrs) => {
                let mut it = base(t.ident.to_string(), Kind::TypeAlias, is_pub(&t.vis), &t.attrs);
                it.ty = Some(*t.ty.clone());
                krate.items.push(it);
            }
            SynItem::Fn(f) if cfg.active(&f.attrs) => {
                let mut it = base(f.sig.ident.to_string(), Kind::RustFn, is_pub(&f.vis), &f.attrs);
                it.sig = Some(f.sig.clone());
                krate.items.push(it);
            }
            SynItem::ForeignMod(fm) if cfg.active(&fm.attrs) => {
                for fi in fm.items {
                    match fi {
                        ForeignItem::Fn(f) if cfg.active(&f.attrs) => {
                            let mut it = base(f.sig.ident.to_string(), Kind::ExternFn, is_pub(&f.vis), &f.attrs);
                            let mut sig = f.sig.clone();
                            sig.abi = fm.abi.clone().into();
                            it.sig = Some(sig);
                            krate.items.push(it);
                        }
                        ForeignItem::Static(s) if cfg.active(&s.attrs) => {
                            let mut it = base(s.ident.to_string(), Kind::Static, is_pub(&s.vis), &s.attrs);
                            it.ty = Some(*s.ty.clone());
                            krate.items.push(it);
                        }
                        _ => {}
                    }
                }
            }
            SynItem::Mod(m) if cfg.active(&m.attrs) => {
                let name = m.ident.to_string();
                let mut sub = module.to_vec();
                sub.push(name.clone());
                let public = module_public && is_pub(&m.vis);
                if public {
                    krate.pub_modules.push(sub.clone());
                }
                let sub_dir = dir.join(&name);
                krate.listed.extend(listed_checks(&m.attrs));
                match m.content {
                    Some((_, inner)) => walk(krate, cfg, file, &sub_dir, &sub, public, inner),
                    None => {
                        let path = mod_file(&m.attrs, file, dir, &name);
                        let parsed = parse_file(&path);
                        krate.listed.extend(listed_checks(&parsed.attrs));
                        // A `foo/mod.rs` or `#[path]` file's own submodules live beside it; a `foo.rs`'s in `foo/`.
                        let child_dir = if path.file_name().is_some_and(|n| n == "mod.rs") {
                            path.parent().unwrap().to_path_buf()
                        } else {
                            path.with_extension("")
                        };
                        walk(krate, cfg, &path, &child_dir, &sub, public, parsed.items);
                    }
                }
            }
            SynItem::Static(st) if cfg.active(&st.attrs) => {
                krate.rust_statics.push(st.ident.to_string());
            }
            SynItem::Use(u) if cfg.active(&u.attrs) && is_pub(&u.vis) => {
                krate.pub_uses.push(UseDecl { module: module.to_vec(), tree: u.tree });
            }
            SynItem::Macro(m) if m.ident.is_none() && cfg.active(&m.attrs) => {
                let name = m.mac.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
                krate.macro_calls.push((file.to_path_buf(), name));
            }
            _ => {}
        }
    }
}

fn mod_file(attrs: &[Attribute], file: &Path, dir: &Path, name: &str) -> PathBuf {
    for a in attrs.iter().filter(|a| a.path().is_ident("path")) {
        if let syn::Meta::NameValue(nv) = &a.meta
            && let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value
        {
            // Relative to the directory of the file that declares the module.
            return file.parent().unwrap_or(dir).join(s.value());
        }
    }
    let flat = dir.join(format!("{name}.rs"));
    if flat.exists() { flat } else { dir.join(name).join("mod.rs") }
}

impl Crate {
    /// Items reachable as `crate_name::NAME` (declared `pub` at the root or re-exported there by `pub use`),
    /// by name, as indices into `items`. Names two globs bring in (ambiguous in Rust) are left out.
    pub fn root_exports(&self) -> HashMap<String, usize> {
        let mut memo = HashMap::new();
        self.exports(&[], &mut memo, 0)
    }

    fn exports(
        &self,
        module: &[String],
        memo: &mut HashMap<Vec<String>, HashMap<String, usize>>,
        depth: u32,
    ) -> HashMap<String, usize> {
        if let Some(done) = memo.get(module) {
            return done.clone();
        }
        if depth > 32 {
            return HashMap::new();
        }
        memo.insert(module.to_vec(), HashMap::new()); // breaks cycles
        // Explicit names (items, named uses) shadow glob imports; two globs with one name are ambiguous.
        let mut explicit: HashMap<String, usize> = HashMap::new();
        for (i, it) in self.items.iter().enumerate() {
            if it.module == module && it.public {
                explicit.insert(it.name.clone(), i);
            }
        }
        let mut globbed: BTreeMap<String, Option<usize>> = BTreeMap::new();
        for u in self.pub_uses.iter().filter(|u| u.module == module) {
            let mut paths = Vec::new();
            flatten_use(&u.tree, &mut Vec::new(), &mut paths);
            for (path, rename) in paths {
                let Some((target, last)) = resolve_path(module, &path) else {
                    continue;
                };
                if last == "*" {
                    for (name, idx) in self.exports(&target, memo, depth + 1) {
                        let e = globbed.entry(name).or_insert(Some(idx));
                        if *e != Some(idx) {
                            *e = None;
                        }
                    }
                } else if let Some(idx) = self.exports(&target, memo, depth + 1).get(&last) {
                    explicit.insert(rename.unwrap_or(last), *idx);
                }
            }
        }
        for (name, idx) in globbed {
            if let Some(idx) = idx {
                explicit.entry(name).or_insert(idx);
            }
        }
        memo.insert(module.to_vec(), explicit.clone());
        explicit
    }

    /// The path under which a test crate can name `items[idx]`, relative to the crate's own path.
    pub fn public_path(&self, idx: usize, root_exports: &HashMap<String, usize>) -> Option<String> {
        let it = &self.items[idx];
        if root_exports.get(&it.name) == Some(&idx) {
            return Some(it.name.clone());
        }
        if it.public && self.pub_modules.contains(&it.module) {
            let mut p = it.module.join("::");
            p.push_str("::");
            p.push_str(&it.name);
            return Some(p);
        }
        None
    }
}

/// `a::{b, c::*}` -> [(["a","b"], None), (["a","c","*"], None)].
fn flatten_use(tree: &UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, Option<String>)>) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let mut v = prefix.clone();
            v.push(n.ident.to_string());
            out.push((v, None));
        }
        UseTree::Rename(r) => {
            let mut v = prefix.clone();
            v.push(r.ident.to_string());
            out.push((v, Some(r.rename.to_string())));
        }
        UseTree::Glob(_) => {
            let mut v = prefix.clone();
            v.push("*".into());
            out.push((v, None));
        }
        UseTree::Group(g) => {
            for t in &g.items {
                flatten_use(t, prefix, out);
            }
        }
    }
}

/// Splits a use path into (module path from the crate root, last segment). None for other crates' paths.
fn resolve_path(module: &[String], path: &[String]) -> Option<(Vec<String>, String)> {
    let (last, init) = path.split_last()?;
    let mut target: Vec<String> = module.to_vec();
    let mut rest = init;
    match init.first().map(String::as_str) {
        Some("crate") => {
            target.clear();
            rest = &init[1..];
        }
        Some("self") => rest = &init[1..],
        Some("super") => {
            while rest.first().map(String::as_str) == Some("super") {
                target.pop()?;
                rest = &rest[1..];
            }
        }
        Some("std" | "core" | "alloc" | "libc") => return None,
        _ => {}
    }
    target.extend(rest.iter().cloned());
    Some((target, last.clone()))
}
