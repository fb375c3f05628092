//! The checker checked: a correct fixture verifies cleanly and a wrong one fails exactly where it is wrong,
//! through the same generator and report as the real check.

// The fixtures redeclare C functions bindgen declares too, some deliberately wrong: rustc notices.
#![allow(clashing_extern_declarations)]

use pyzig_ffi_verify::NoteKind;
use std::collections::BTreeSet;

#[allow(warnings, clippy::all)]
mod bg {
    include!(concat!(env!("OUT_DIR"), "/bindings.rs"));
}

#[path = "../fixtures/right.rs"]
mod fixture_right;
#[path = "../fixtures/wrong.rs"]
mod fixture_wrong;

mod right_checks {
    include!(concat!(env!("OUT_DIR"), "/fixture_right.rs"));
}
mod wrong_checks {
    include!(concat!(env!("OUT_DIR"), "/fixture_wrong.rs"));
}

#[test]
fn correct_declarations_pass() {
    let r = right_checks::checks();
    if !r.failures().is_empty() {
        r.print();
        panic!("the correct fixture failed {} check(s)", r.failures().len());
    }
    println!("{}", r.summary());
    // Sizes, offsets, values, signatures of ~20 items: an empty report would prove nothing.
    assert!(r.checks.len() >= 60, "only {} checks ran", r.checks.len());
    // Unless pyo3-ffi was built for another interpreter (PYO3_PYTHON unset or different; reported).
    let pyo3_off = r.notes.iter().any(|n| n.1 == "(pyo3-ffi)");
    assert!(pyo3_off || r.checks.iter().any(|c| c.pyo3.is_some()), "nothing was compared with pyo3-ffi");
    let allowed: Vec<&str> = r.notes.iter().map(|n| n.1.as_str()).collect();
    assert!(allowed.contains(&"Py_INCREF"), "absent-but-allowed items are reported: {allowed:?}");
}

#[test]
fn wrong_declarations_fail_exactly_where_wrong() {
    let r = wrong_checks::checks();
    println!("{} (all on purpose)", r.summary());
    let got: BTreeSet<(String, String)> = r.failures().into_iter().map(|f| (f.item, f.what)).collect();
    let expected: BTreeSet<(String, String)> = [
        ("Py_hash_t", "type"),
        ("PyVarObject.ob_size", "type"),
        ("PyType_Spec", "size_of"),
        ("PyType_Spec.flags", "offset_of"),
        ("PyType_Spec.slots", "offset_of"),
        ("PyType_Spec.slots", "type"),
        ("PyType_Spec.itemsize", "field"),
        ("PyMethodDef.ml_flag", "field"),
        ("PyMethodDef.ml_flags", "field"),
        ("METH_FASTCALL", "value"),
        ("TP_FLAGS_OFFSET", "value = offset_of!(PyTypeObject, tp_flags) (in the header)"),
        ("PyObject_GetAttr", "signature"),
        ("PyLong_AsLong", "signature"),
        ("PyZig_NotInCPython", "presence"),
        ("PyExc_TypeError", "static type"),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_owned(), b.to_owned()))
    .collect();
    let missed: Vec<_> = expected.difference(&got).collect();
    let extra: Vec<_> = got.difference(&expected).collect();
    if !missed.is_empty() || !extra.is_empty() {
        r.print();
        panic!("not caught: {missed:?}\nunexpected: {extra:?}");
    }
    // A const-only difference and a type-erased pointer are warnings, not failures.
    let warned: BTreeSet<&str> = r.notes.iter().filter(|n| n.0 == NoteKind::Warning).map(|n| n.1.as_str()).collect();
    assert_eq!(warned, BTreeSet::from(["PyErr_Format", "PyMethodDef.ml_meth"]), "warnings");
}
