//! The typed layer (crate `pyzig-kicad`) on arbitrary input: decoding and editing never panic, and an edit
//! never makes text that does not parse or no longer loads as its kind.
//!
//! Every kind whose root head the input has reads every declared field of every object (`read_all`:
//! values or positioned errors). Then up to 32 scalar fields of the objects found are set, each to a
//! value of its kind picked from the input's bytes (strings with quotes, backslashes and non-ASCII text,
//! negative and huge numbers, NaN), and some removed; after the edits the printed text parses and
//! loads as the same kind.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pyzig_kicad::file::{self, FileKind};
use pyzig_kicad::read::{self, Value};
use pyzig_kicad::sexp::{NodeId, Tree, parse_bytes};
use pyzig_kicad::write::{self, Scalar};
use pyzig_kicad::{Count, Key, TypeDecl, ValueKind};

const STRINGS: &[&str] = &["", "x", "a \"quoted\" b", "back\\slash", "Ωmega ✓", "(paren)", "new\nline", "GND"];
const FLOATS: &[f64] = &[0.0, -1.5, 1e-7, 123456.789, 1e300, f64::NAN, f64::INFINITY];
const INTS: &[i64] = &[0, -1, 7, i64::MAX, i64::MIN];

/// Every (object, type) of the file: the objects `read_all` visits.
fn objects(tree: &Tree, kind: &FileKind) -> Vec<(NodeId, &'static TypeDecl)> {
    let mut out = Vec::new();
    let mut stack = vec![(tree.root(), (kind.file)())];
    while let Some((node, decl)) = stack.pop() {
        out.push((node, decl));
        for field in decl.fields {
            let Some(sub) = field.value.decl() else { continue };
            match read::read(tree, node, decl, field) {
                Ok(Value::Node(id)) => stack.push((id, sub)),
                Ok(Value::List(items)) => stack.extend(items.into_iter().map(|id| (id, sub))),
                _ => {}
            }
        }
    }
    out
}

fn pick<T: Copy>(choices: &[T], byte: u8) -> T {
    choices[byte as usize % choices.len()]
}

fn edit(tree: &mut Tree, kind: &'static FileKind, data: &[u8]) {
    let style = write::Style::of(tree);
    let targets = objects(tree, kind);
    let mut bytes = data.iter().rev().copied().cycle();
    let mut set_count = 0;
    for (node, decl) in targets {
        for field in decl.fields {
            if set_count >= 32 || matches!(field.value, ValueKind::Node(_)) || field.count == Count::List {
                continue;
            }
            if matches!(field.key, Key::Root) {
                continue;
            }
            let b = bytes.next().unwrap_or(0);
            if b % 3 != 0 {
                continue;
            }
            set_count += 1;
            let value = match field.value {
                ValueKind::Str => Some(Scalar::Str(pick(STRINGS, b / 3))),
                ValueKind::Sym => Some(Scalar::Sym(pick(&["yes", "no", "smd", "solid"], b / 3))),
                ValueKind::Int => Some(Scalar::Int(pick(INTS, b / 3))),
                ValueKind::Float => Some(Scalar::Float(pick(FLOATS, b / 3))),
                ValueKind::Bool => Some(Scalar::Bool(b & 8 != 0)),
                ValueKind::Node(_) => unreachable!("skipped above"),
            };
            let value = if field.count == Count::Optional && b & 16 != 0 { None } else { value };
            // A refusal (a bad value for that field, a removal the field cannot have) is an answer too.
            let _ = write::set(tree, node, decl, field, value, style);
        }
    }
    let printed = tree.print();
    let reparsed = match pyzig_kicad::sexp::parse(&printed) {
        Ok(t) => t,
        Err(e) => panic!("an edit made text that does not parse: {e}"),
    };
    if let Err(e) = file::check_kind(&reparsed, kind) {
        panic!("an edit made the file another kind: {e:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(tree) = parse_bytes(data) else { return };
    let root = file::root_head(&tree).to_owned();
    for kind in file::KINDS.iter().filter(|k| k.root == root) {
        // Decoding answers with values or a positioned error, whatever the input.
        let _ = read::read_all(&tree, tree.root(), (kind.file)());
        let mut copy = tree.clone();
        edit(&mut copy, kind, data);
    }
});
