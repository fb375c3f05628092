//! Signatures of bound functions: the `__text_signature__` line CPython shows to `inspect` and the
//! `.pyi` stub line, both from the one declaration.

/// How a function is bound.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Method,
    Static,
    Module,
    Getter,
    /// `name(...)` of a class constructor.
    Init,
}

pub struct Param {
    pub name: &'static str,
    pub hint: String,
    pub has_default: bool,
    /// `**name`: collects extra keywords.
    pub kwargs: bool,
}

pub struct Sig {
    pub kind: Kind,
    pub name: &'static str,
    pub params: Vec<Param>,
    pub ret: String,
    /// `METH_O`: the single parameter is positional-only.
    pub positional: bool,
    pub doc: String,
    /// A hand-written `(params) -> ret` that replaces the generated one in the stub (`#[stub("…")]`).
    pub stub_override: Option<&'static str>,
}

impl Sig {
    pub fn new(kind: Kind, name: &'static str, params: Vec<Param>, ret: String, positional: bool, doc: &str) -> Sig {
        Sig { kind, name, params, ret, positional, doc: doc.trim().to_owned(), stub_override: None }
    }

    /// Replaces the stub's `(params) -> ret` (the `__text_signature__` stays generated).
    pub fn with_stub(mut self, text: Option<&'static str>) -> Sig {
        self.stub_override = text;
        self
    }

    /// Parameters as Python writes them; a required parameter after a defaulted one becomes
    /// keyword-only in the text (Python syntax demands it; the runtime also accepts it by position).
    fn param_list(&self, typed: bool) -> Vec<String> {
        let mut out = Vec::new();
        match self.kind {
            Kind::Method | Kind::Getter => out.push(if typed { "self".to_owned() } else { "$self".to_owned() }),
            Kind::Module if !typed => out.push("$module".to_owned()),
            Kind::Init if typed => out.push("cls".to_owned()),
            _ => {}
        }
        let mut seen_default = false;
        let mut star = false;
        for p in &self.params {
            if p.kwargs {
                out.push(if typed { format!("**{}: {}", p.name, p.hint) } else { format!("**{}", p.name) });
                continue;
            }
            if !p.has_default && seen_default && !star {
                out.push("*".to_owned());
                star = true;
            }
            seen_default |= p.has_default;
            let mut s = p.name.to_owned();
            if typed {
                s.push_str(": ");
                s.push_str(&p.hint);
            }
            if p.has_default {
                s.push_str(if typed { " = ..." } else { "=..." });
            }
            out.push(s);
        }
        if self.positional {
            out.push("/".to_owned());
        }
        out
    }

    /// The docstring with its `name(sig)\n--\n\n` header.
    pub fn doc_with_signature(&self) -> String {
        format!("{}({})\n--\n\n{}", self.name, self.param_list(false).join(", "), self.doc)
    }

    /// The stub lines, unindented, ending in a newline.
    pub fn stub(&self) -> String {
        let mut s = String::new();
        match self.kind {
            Kind::Static => s.push_str("@staticmethod\n"),
            Kind::Getter => s.push_str("@property\n"),
            _ => {}
        }
        // A constructor is `__new__` at run time (`tp_new`/vectorcall; `__init__` is object's).
        let ret = if self.kind == Kind::Init { self.name } else { &self.ret };
        let name = if self.kind == Kind::Init { "__new__" } else { self.name };
        match self.stub_override {
            Some(text) => s.push_str(&format!("def {name}{text}:")),
            None => s.push_str(&format!("def {name}({}) -> {ret}:", self.param_list(true).join(", "))),
        }
        if self.doc.is_empty() || self.kind == Kind::Init {
            s.push_str(" ...\n");
        } else {
            s.push('\n');
            s.push_str(&docstring(&self.doc, "    "));
            s.push_str("    ...\n");
        }
        s
    }
}

/// Checks, at compile time, that a `#[stub("…")]` text has the shape `(params) -> ret`.
pub const fn checked_stub(text: &'static str) -> &'static str {
    let b = text.as_bytes();
    let mut arrow = false;
    let mut i = 0;
    while i + 4 < b.len() {
        arrow |= b[i] == b')' && b[i + 1] == b' ' && b[i + 2] == b'-' && b[i + 3] == b'>' && b[i + 4] == b' ';
        i += 1;
    }
    assert!(
        !b.is_empty() && b[0] == b'(' && arrow,
        "#[stub(\"…\")] must read `(params) -> ret`, as after `def name` in a .pyi"
    );
    text
}

/// A docstring as stub text at `indent`.
pub fn docstring(doc: &str, indent: &str) -> String {
    let doc = doc.trim().replace("\"\"\"", "\\\"\\\"\\\"");
    let mut s = format!("{indent}\"\"\"");
    for (i, line) in doc.lines().enumerate() {
        if i > 0 {
            s.push('\n');
            if !line.is_empty() {
                s.push_str(indent);
            }
        }
        s.push_str(line);
    }
    if doc.lines().count() > 1 {
        s.push('\n');
        s.push_str(indent);
    }
    s.push_str("\"\"\"\n");
    s
}

/// Indents every non-empty line.
pub fn indent(text: &str, by: &str) -> String {
    text.lines().map(|l| if l.is_empty() { "\n".to_owned() } else { format!("{by}{l}\n") }).collect()
}

/// Joins `#[doc]` lines (each starts with the space after `///`).
pub fn join_doc(lines: &[&str]) -> String {
    let mut s = String::new();
    for l in lines {
        s.push_str(l.strip_prefix(' ').unwrap_or(l));
        s.push('\n');
    }
    s.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &'static str, hint: &str, has_default: bool) -> Param {
        Param { name, hint: hint.into(), has_default, kwargs: false }
    }

    #[test]
    fn text_signature_and_stub() {
        let s =
            Sig::new(Kind::Method, "add", vec![p("a", "int", false), p("b", "float", true)], "int".into(), false, "");
        assert_eq!(s.doc_with_signature(), "add($self, a, b=...)\n--\n\n");
        assert_eq!(s.stub(), "def add(self, a: int, b: float = ...) -> int: ...\n");
    }

    #[test]
    fn required_after_default_becomes_keyword_only() {
        let s =
            Sig::new(Kind::Init, "P", vec![p("x", "float", true), p("name", "str", false)], String::new(), false, "");
        assert_eq!(s.stub(), "def __new__(cls, x: float = ..., *, name: str) -> P: ...\n");
    }

    #[test]
    fn positional_static_and_docstring() {
        let s = Sig::new(Kind::Static, "neg", vec![p("a", "int", false)], "int".into(), true, "Negate.");
        assert_eq!(s.doc_with_signature(), "neg(a, /)\n--\n\nNegate.");
        assert_eq!(s.stub(), "@staticmethod\ndef neg(a: int, /) -> int:\n    \"\"\"Negate.\"\"\"\n    ...\n");
    }

    #[test]
    fn stub_override_replaces_params_and_return_only() {
        let s = Sig::new(Kind::Static, "f", vec![p("a", "object", false)], "object".into(), false, "Doc.")
            .with_stub(Some(checked_stub("(a: type[_T]) -> _T")));
        assert_eq!(s.stub(), "@staticmethod\ndef f(a: type[_T]) -> _T:\n    \"\"\"Doc.\"\"\"\n    ...\n");
        assert_eq!(s.doc_with_signature(), "f(a)\n--\n\nDoc.");
    }

    #[test]
    #[should_panic(expected = "must read")]
    fn stub_override_shape_is_checked() {
        checked_stub("a: int");
    }

    #[test]
    fn doc_lines_join() {
        assert_eq!(join_doc(&[" First.", "", " Second."]), "First.\n\nSecond.");
    }
}
