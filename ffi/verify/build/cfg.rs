//! Evaluates `#[cfg(...)]` attributes the way rustc will for the interpreter under test.
//!
//! `Py_3_N` means "at least 3.N" (the convention of pyo3-ffi and pyzig-ffi). Target cfgs come from the
//! `CARGO_CFG_*` variables Cargo gives build scripts. `Py_DEBUG` (pyo3-ffi: `py_sys_config = "Py_DEBUG"` and
//! `"Py_REF_DEBUG"`) holds for a debug interpreter. Interpreter flavours we never build for (limited API,
//! PyPy, GraalPy, free-threaded, `Py_TRACE_REFS`) are false. Any other name is false and remembered, so the
//! report can say which cfgs it did not know.

use std::cell::RefCell;
use std::collections::BTreeSet;
use syn::punctuated::Punctuated;
use syn::{Attribute, Meta, Token};

pub struct Cfg {
    minor: u32,
    debug: bool,
    pub unknown: RefCell<BTreeSet<String>>,
}

const ALWAYS_FALSE: &[&str] = &["Py_LIMITED_API", "Py_GIL_DISABLED", "PyPy", "GraalPy", "RustPython", "test", "docsrs"];

impl Cfg {
    pub fn new(minor: u32, debug: bool) -> Self {
        Cfg { minor, debug, unknown: RefCell::new(BTreeSet::new()) }
    }

    /// True when every `#[cfg]` among `attrs` holds (items without one are active).
    pub fn active(&self, attrs: &[Attribute]) -> bool {
        attrs.iter().filter(|a| a.path().is_ident("cfg")).all(|a| match a.parse_args::<Meta>() {
            Ok(meta) => self.eval(&meta),
            Err(e) => panic!("cannot parse {}: {e}", quote::quote!(#a)),
        })
    }

    pub fn eval(&self, meta: &Meta) -> bool {
        match meta {
            Meta::Path(p) => {
                let name = p.get_ident().map(|i| i.to_string()).unwrap_or_default();
                self.name(&name)
            }
            Meta::NameValue(nv) => {
                let key = nv.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
                let value = match &nv.value {
                    syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => s.value(),
                    other => panic!("cfg value is not a string: {}", quote::quote!(#other)),
                };
                self.key_value(&key, &value)
            }
            Meta::List(list) => {
                let op = list.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
                let args = list
                    .parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)
                    .unwrap_or_else(|e| panic!("cannot parse cfg {}: {e}", quote::quote!(#list)));
                match op.as_str() {
                    "not" => {
                        assert_eq!(args.len(), 1, "not() takes one predicate");
                        !self.eval(&args[0])
                    }
                    "all" => args.iter().all(|m| self.eval(m)),
                    "any" => args.iter().any(|m| self.eval(m)),
                    other => panic!("unknown cfg operator {other}()"),
                }
            }
        }
    }

    fn name(&self, name: &str) -> bool {
        if let Some(minor) = name.strip_prefix("Py_3_").and_then(|m| m.parse::<u32>().ok()) {
            return minor <= self.minor;
        }
        if name == "Py_DEBUG" {
            return self.debug;
        }
        if ALWAYS_FALSE.contains(&name) {
            return false;
        }
        if std::env::var_os(format!("CARGO_CFG_{}", name.to_uppercase())).is_some() {
            return true;
        }
        self.unknown.borrow_mut().insert(name.to_owned());
        false
    }

    fn key_value(&self, key: &str, value: &str) -> bool {
        match key {
            // pyo3-ffi's interpreter build flags: a debug build has these two, never `Py_TRACE_REFS` here.
            "py_sys_config" => self.debug && matches!(value, "Py_DEBUG" | "Py_REF_DEBUG"),
            _ => match std::env::var(format!("CARGO_CFG_{}", key.to_uppercase())) {
                Ok(values) => values.split(',').any(|v| v == value),
                Err(_) => {
                    self.unknown.borrow_mut().insert(format!("{key} = {value:?}"));
                    false
                }
            },
        }
    }
}
