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
}

impl Sig {
    pub fn new(kind: Kind, name: &'static str, params: Vec<Param>, ret: String, positional: bool, doc: &str) -> Sig {
        Sig { kind, name, params, ret, positional, doc: doc.trim().to_owned() }
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
        s.push_str(&format!("def {name}({}) -> {ret}:", self.param_list(true).join(", ")));
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
    text.lines()
        .map(|l| if l.is_empty() { "\n".to_owned() } else { format!("{by}{l}\n") })
        .collect()
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
        let s = Sig::new(Kind::Method, "add", vec![p("a", "int", false), p("b", "float", true)], "int".into(), false, "");
        assert_eq!(s.doc_with_signature(), "add($self, a, b=...)\n--\n\n");
        assert_eq!(s.stub(), "def add(self, a: int, b: float = ...) -> int: ...\n");
    }

    #[test]
    fn required_after_default_becomes_keyword_only() {
        let s = Sig::new(Kind::Init, "P", vec![p("x", "float", true), p("name", "str", false)], String::new(), false, "");
        assert_eq!(s.stub(), "def __new__(cls, x: float = ..., *, name: str) -> P: ...\n");
    }

    #[test]
    fn positional_static_and_docstring() {
        let s = Sig::new(Kind::Static, "neg", vec![p("a", "int", false)], "int".into(), true, "Negate.");
        assert_eq!(s.doc_with_signature(), "neg(a, /)\n--\n\nNegate.");
        assert_eq!(s.stub(), "@staticmethod\ndef neg(a: int, /) -> int:\n    \"\"\"Negate.\"\"\"\n    ...\n");
    }

    #[test]
    fn doc_lines_join() {
        assert_eq!(join_doc(&[" First.", "", " Second."]), "First.\n\nSecond.");
    }
}
