//! Verifies `pyzig-ffi`'s hand-written CPython declarations; it is not used by any shipped crate.
//!
//! `build/` (the generator) reads `ffi/src/**/*.rs`, runs bindgen on the `Python.h` of the interpreter in
//! `PYZIG_PYTHON`, and writes a function that fills a [`Report`] with one [`Check`] per size, alignment,
//! field offset, constant value, signature and type: our value, the header's (bindgen) and pyo3-ffi's.
//! `tests/headers.rs` runs it and fails on any mismatch; `tests/negative.rs` proves a wrong declaration is
//! caught. Everything that could not be verified is printed as a note, never dropped.

use std::collections::BTreeSet;
use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Int(i128),
    Text(&'static str),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(i) => write!(f, "{i}"),
            Value::Text(t) => write!(f, "`{t}`"),
        }
    }
}

/// One property of one declaration, from up to three sources.
pub struct Check {
    pub item: &'static str,
    pub what: &'static str,
    pub ours: Value,
    /// From bindgen's reading of the installed headers: the truth when present.
    pub header: Option<Value>,
    pub pyo3: Option<Value>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoteKind {
    /// Not in the headers, listed in the allow-list or marked in ffi/src with a reason.
    Allowed,
    /// Present but not (fully) comparable; says why.
    Unverified,
    /// ABI-neutral difference (e.g. `*const` vs `*mut`).
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub item: String,
    pub what: String,
    pub message: String,
}

pub struct Report {
    pub label: &'static str,
    pub python: &'static str,
    pub checks: Vec<Check>,
    static_failures: Vec<Failure>,
    pub notes: Vec<(NoteKind, String, String)>,
    /// Every declaration the generator saw: each must end up checked, noted or failed.
    declared: Vec<&'static str>,
}

impl Report {
    pub fn new(label: &'static str, python: &'static str) -> Self {
        Report {
            label,
            python,
            checks: Vec::new(),
            static_failures: Vec::new(),
            notes: Vec::new(),
            declared: Vec::new(),
        }
    }

    pub fn declare(&mut self, item: &'static str) {
        self.declared.push(item);
    }

    pub fn int(
        &mut self,
        item: &'static str,
        what: &'static str,
        ours: i128,
        header: Option<i128>,
        pyo3: Option<i128>,
    ) {
        self.checks.push(Check {
            item,
            what,
            ours: Value::Int(ours),
            header: header.map(Value::Int),
            pyo3: pyo3.map(Value::Int),
        });
    }

    pub fn text(
        &mut self,
        item: &'static str,
        what: &'static str,
        ours: &'static str,
        header: Option<&'static str>,
        pyo3: Option<&'static str>,
    ) {
        self.checks.push(Check {
            item,
            what,
            ours: Value::Text(ours),
            header: header.map(Value::Text),
            pyo3: pyo3.map(Value::Text),
        });
    }

    /// A failure the generator found (missing field, undeclared absence, ...).
    pub fn fail(&mut self, item: &str, what: &str, message: &str) {
        self.static_failures.push(Failure { item: item.into(), what: what.into(), message: message.into() });
    }

    pub fn note(&mut self, kind: NoteKind, item: &str, message: &str) {
        self.notes.push((kind, item.into(), message.into()));
    }

    /// Every failed check. pyo3-ffi only decides when the header lacks the item, or agrees with the header:
    /// where pyo3-ffi and the header disagree with each other, the header wins and the deviation is a note.
    pub fn failures(&self) -> Vec<Failure> {
        let mut out = self.static_failures.clone();
        let seen: BTreeSet<&str> = self
            .checks
            .iter()
            .map(|c| root(c.item))
            .chain(self.notes.iter().map(|n| root(&n.1)))
            .chain(self.static_failures.iter().map(|f| root(&f.item)))
            .collect();
        for d in self.declared.iter().filter(|d| !seen.contains(root(d))) {
            out.push(Failure {
                item: (*d).into(),
                what: "coverage".into(),
                message: "declared but neither checked nor reported (a gap in the verifier)".into(),
            });
        }
        for c in &self.checks {
            let mut wrong = Vec::new();
            if let Some(h) = &c.header
                && *h != c.ours
            {
                wrong.push(format!("header has {h}"));
            }
            if let Some(p) = &c.pyo3
                && *p != c.ours
                && c.header.as_ref().is_none_or(|h| h == p)
            {
                wrong.push(format!("pyo3-ffi has {p}"));
            }
            if !wrong.is_empty() {
                out.push(Failure {
                    item: c.item.into(),
                    what: c.what.into(),
                    message: format!("ours is {}, {}", c.ours, wrong.join(", ")),
                });
            }
        }
        out
    }

    /// Checks where pyo3-ffi disagrees with the header (informative only).
    pub fn pyo3_deviations(&self) -> Vec<String> {
        self.checks
            .iter()
            .filter_map(|c| match (&c.header, &c.pyo3) {
                (Some(h), Some(p)) if h != p => Some(format!("{} {}: header {h}, pyo3-ffi {p}", c.item, c.what)),
                _ => None,
            })
            .collect()
    }

    /// Declarations (fields count toward their struct) with at least one check.
    pub fn items_checked(&self) -> usize {
        self.checks.iter().map(|c| root(c.item)).collect::<BTreeSet<_>>().len()
    }

    pub fn summary(&self) -> String {
        let count = |k| self.notes.iter().filter(|n| n.0 == k).count();
        let pyo3 = self.checks.iter().filter(|c| c.pyo3.is_some()).count();
        format!(
            "ffi-verify[{}] python {}: {} items, {} checks ({} also against pyo3-ffi), {} failed; \
             {} allowed absent, {} unverified, {} warnings",
            self.label,
            self.python,
            self.items_checked(),
            self.checks.len(),
            pyo3,
            self.failures().len(),
            count(NoteKind::Allowed),
            count(NoteKind::Unverified),
            count(NoteKind::Warning),
        )
    }

    pub fn print(&self) {
        let mut notes = self.notes.clone();
        notes.sort();
        for (kind, item, msg) in &notes {
            println!("  {kind:?}: {item}: {msg}");
        }
        for d in self.pyo3_deviations() {
            println!("  pyo3-ffi deviates from the header (not ours to fix): {d}");
        }
        for f in self.failures() {
            println!("  FAILED {} {}: {}", f.item, f.what, f.message);
        }
        println!("{}", self.summary());
    }

    /// Prints everything and panics when any check failed.
    pub fn assert_ok(&self) {
        self.print();
        let failures = self.failures();
        assert!(failures.is_empty(), "{} declaration check(s) failed (listed above)", failures.len());
    }
}

fn root(item: &str) -> &str {
    item.split('.').next().unwrap_or(item)
}

/// Size of a field's type without an instance: `field_size(|s: &S| &s.f)`.
pub fn field_size<S, F>(_field: fn(&S) -> &F) -> usize {
    size_of::<F>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_decides_over_pyo3() {
        let mut r = Report::new("t", "3.x");
        r.int("A", "size", 8, Some(8), Some(16)); // pyo3 deviates from header: not our failure
        r.int("B", "size", 8, Some(16), Some(8)); // header differs: failure
        r.int("C", "size", 8, None, Some(4)); // only pyo3 knows: failure
        r.int("D", "value", 1, Some(1), Some(1));
        let failed: Vec<String> = r.failures().into_iter().map(|f| f.item).collect();
        assert_eq!(failed, ["B", "C"]);
        assert_eq!(r.pyo3_deviations().len(), 2); // A and B: pyo3-ffi and header disagree
        assert_eq!(r.items_checked(), 4);
    }

    #[test]
    fn unreported_declarations_fail() {
        let mut r = Report::new("t", "3.x");
        r.declare("A");
        r.declare("B");
        r.int("A.x", "offset_of", 0, Some(0), None);
        let failed: Vec<String> = r.failures().into_iter().map(|f| f.item).collect();
        assert_eq!(failed, ["B"]);
    }

    #[test]
    fn static_failures_count() {
        let mut r = Report::new("t", "3.x");
        r.text("F", "signature", "fn() -> ()", Some("fn() -> ()"), None);
        r.fail("G.x", "field", "no such field");
        assert_eq!(r.failures().len(), 1);
    }
}
