//! Library tables through the typed layer: every table of the corpus and fixtures reads and
//! round-trips; edits are minimal and land where KiCad writes them.

use pyzig_kicad::kinds::fp_lib_table::{FpLibEntry, FpLibTable, FpLibTableFile};
use pyzig_kicad::write::{self, Item, Scalar, Style};
use pyzig_kicad::{Typed, file, read};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/kicad")
}

fn tables() -> Vec<PathBuf> {
    let mut out = vec![fixtures().join("fp-lib-table")];
    let corpus = Path::new("/usr/share/kicad");
    let mut stack = vec![corpus.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.file_name().and_then(|n| n.to_str()), Some("fp-lib-table" | "sym-lib-table")) {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn every_table_loads_reads_and_round_trips() {
    let paths = tables();
    if paths.len() == 1 {
        eprintln!("WARNING: Debian's KiCad corpus is absent (make corpus): only the fixture table is checked");
    }
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let module = if text.trim_start().starts_with("(sym_lib_table") { "sym_lib_table" } else { "fp_lib_table" };
        let kind = file::kind(module).unwrap();
        let tree = file::load(kind, text.clone()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let n = read::read_all(&tree, tree.root(), (kind.file)()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        assert!(n >= 5, "{}: only {n} values", p.display());
        assert_eq!(tree.print(), text, "{}", p.display());
    }
}

fn fixture() -> (String, pyzig_sexp::Tree) {
    let text = std::fs::read_to_string(fixtures().join("fp-lib-table")).unwrap();
    let tree = file::load(file::kind("fp_lib_table").unwrap(), text.clone()).unwrap();
    (text, tree)
}

/// Lines of `b` that are not in `a` and vice versa, in order.
fn changed_lines(a: &str, b: &str) -> (Vec<String>, Vec<String>) {
    let (la, lb): (Vec<_>, Vec<_>) = (a.lines().collect(), b.lines().collect());
    let gone = la.iter().filter(|l| !lb.contains(l)).map(|l| l.to_string()).collect();
    let new = lb.iter().filter(|l| !la.contains(l)).map(|l| l.to_string()).collect();
    (gone, new)
}

#[test]
fn reads_fields_and_the_file_root() {
    let (_, tree) = fixture();
    let file = FpLibTableFile::at(tree.root());
    let table = file.fp_lib_table(&tree).unwrap();
    assert_eq!(table, FpLibTable::at(tree.root()));
    assert_eq!(table.version(&tree).unwrap(), Some(7));
    let libs = table.libs(&tree).unwrap();
    assert_eq!(libs.len(), 4);
    assert_eq!(libs[2].name(&tree).unwrap(), "here");
    assert_eq!(libs[2].kind(&tree).unwrap(), "KiCad");
    assert_eq!(libs[2].uri(&tree).unwrap(), "${KIPRJMOD}");
}

#[test]
fn setting_a_value_changes_one_line() {
    let (text, mut tree) = fixture();
    let lib = FpLibTable::at(tree.root()).libs(&tree).unwrap()[1];
    let d = FpLibEntry::decl();
    let style = Style::of(&tree);
    write::set(&mut tree, lib.id, d, d.field("descr").unwrap(), Some(Scalar::Str("new \"logo\"")), style).unwrap();
    let out = tree.print();
    let (gone, new) = changed_lines(&text, &out);
    assert_eq!(gone.len(), 1);
    assert_eq!(new, vec![gone[0].replace("\"FBRK: faebryk logo\"", "\"new \\\"logo\\\"\"")]);
}

#[test]
fn appending_an_entry_adds_one_line_after_the_last() {
    let (text, mut tree) = fixture();
    let entry =
        pyzig_sexp::parse("(lib (name \"new\")(type \"KiCad\")(uri \"u\")(options \"\")(descr \"d\"))").unwrap();
    let (td, f) = (FpLibTable::decl(), FpLibTable::decl().field("libs").unwrap());
    let root = tree.root();
    write::list_insert(&mut tree, root, td, f, 4, Item::Node(&entry, entry.root())).unwrap();
    let out = tree.print();
    let (gone, new) = changed_lines(&text, &out);
    assert!(gone.is_empty(), "{gone:?}");
    assert_eq!(new, vec!["  (lib (name \"new\")(type \"KiCad\")(uri \"u\")(options \"\")(descr \"d\"))"], "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[lines.len() - 2], new[0], "{out}");
}

#[test]
fn removing_an_entry_removes_its_line() {
    let (text, mut tree) = fixture();
    let (td, f) = (FpLibTable::decl(), FpLibTable::decl().field("libs").unwrap());
    let root = tree.root();
    write::list_remove(&mut tree, root, td, f, 0).unwrap();
    let (gone, new) = changed_lines(&text, &tree.print());
    assert_eq!(gone.len(), 1);
    assert!(gone[0].contains("lcsc"));
    assert!(new.is_empty(), "{new:?}");
}

#[test]
fn an_absent_field_is_inserted_in_kicad_order() {
    let mut tree = pyzig_sexp::parse("(fp_lib_table\n  (lib (name \"a\")(uri \"u\"))\n)\n").unwrap();
    let lib = FpLibTable::at(tree.root()).libs(&tree).unwrap()[0];
    let d = FpLibEntry::decl();
    write::set(&mut tree, lib.id, d, d.field("type").unwrap(), Some(Scalar::Str("KiCad")), Style::default()).unwrap();
    let out = tree.print();
    let (a, b) = (out.find("(name").unwrap(), out.find("(type").unwrap());
    assert!(a < b && b < out.find("(uri").unwrap(), "{out}");
    // The table's version goes before the first lib.
    let td = FpLibTable::decl();
    let root = tree.root();
    write::set(&mut tree, root, td, td.field("version").unwrap(), Some(Scalar::Int(7)), Style::default()).unwrap();
    let out = tree.print();
    assert!(out.find("(version 7)").unwrap() < out.find("(lib").unwrap(), "{out}");
}

#[test]
fn a_value_of_the_wrong_shape_names_field_and_position() {
    let tree = pyzig_sexp::parse("(fp_lib_table\n  (version seven)\n)\n").unwrap();
    let e = FpLibTable::at(tree.root()).version(&tree).unwrap_err();
    assert_eq!(e.field, "FpLibTable.version");
    assert_eq!((e.line, e.column), (2, 12));
    assert_eq!(e.text, "seven");
    assert!(e.to_string().contains("expected an integer"), "{e}");
}

#[test]
fn a_file_of_another_kind_is_refused() {
    let Err(e) = file::load(file::kind("fp_lib_table").unwrap(), "(sym_lib_table)".into()) else { panic!("loaded") };
    assert!(e.to_string().contains("expected a file whose root is (fp_lib_table"), "{e}");
}

pyzig_kicad::declare! {
    /// A test type with the keys the tables lack: positions and a flag.
    #[kicad(module = "test", head = "at")]
    pub struct At {
        x: One<Float> = Pos(0),
        y: One<Float> = Pos(1),
        r: Optional<Float> = Pos(2),
        locked: One<Bool> = Flag("locked"),
    }
}

use pyzig_kicad::declare::{Bool, Float};

fn set_at(src: &str, field: &str, v: Option<Scalar<'_>>, style: Style) -> String {
    let mut t = pyzig_sexp::parse(src).unwrap();
    let (root, d) = (t.root(), At::decl());
    write::set(&mut t, root, d, d.field(field).unwrap(), v, style).unwrap();
    t.print()
}

#[test]
fn positions_and_flags_read_and_write_in_the_files_style() {
    let t = pyzig_sexp::parse("(at 1 -2.5 locked)").unwrap();
    let at = At::at(t.root());
    assert_eq!(
        (at.x(&t).unwrap(), at.y(&t).unwrap(), at.r(&t).unwrap(), at.locked(&t).unwrap()),
        (1.0, -2.5, None, true)
    );
    let t = pyzig_sexp::parse("(at 1 2 90 (locked no))").unwrap();
    assert_eq!(At::at(t.root()).r(&t).unwrap(), Some(90.0));
    assert!(!At::at(t.root()).locked(&t).unwrap());
    let (k6, k8) = (Style { yes_no_flags: false }, Style { yes_no_flags: true });
    assert_eq!(set_at("(at 1 2)", "r", Some(Scalar::Float(90.0)), k6), "(at 1 2 90)");
    assert_eq!(set_at("(at 1 2 90)", "r", None, k6), "(at 1 2)");
    // Arithmetic noise past KiCad's 10 decimals is not written; what KiCad can hold is.
    assert_eq!(set_at("(at 1 2)", "x", Some(Scalar::Float(0.1 + 0.2)), k6), "(at 0.3 2)");
    assert_eq!(set_at("(at 1 2)", "x", Some(Scalar::Float(1.27 + 1.0)), k6), "(at 2.27 2)");
    assert_eq!(set_at("(at 1 2)", "x", Some(Scalar::Float(-1e-12)), k6), "(at 0 2)");
    assert_eq!(set_at("(at 1 2)", "x", Some(Scalar::Float(0.000001)), k6), "(at 0.000001 2)");
    assert_eq!(set_at("(at 1 2)", "x", Some(Scalar::Float(-123.0000000001)), k6), "(at -123.0000000001 2)");
    assert_eq!(set_at("(at 1 2)", "locked", Some(Scalar::Bool(true)), k6), "(at 1 2 locked)");
    // A new list goes on its own line, as the engine lays out new children of a list with no list sibling.
    assert_eq!(set_at("(at 1 2)", "locked", Some(Scalar::Bool(true)), k8), "(at 1 2\n\t(locked yes))");
    assert_eq!(set_at("(at 1 2 (locked no))", "locked", Some(Scalar::Bool(true)), k6), "(at 1 2 (locked yes))");
    assert_eq!(set_at("(at 1 2 locked)", "locked", Some(Scalar::Bool(false)), k8), "(at 1 2)");
    let mut t = pyzig_sexp::parse("(at 1 2)").unwrap();
    let (root, d) = (t.root(), At::decl());
    let e = write::set(&mut t, root, d, d.field("x").unwrap(), Some(Scalar::Float(f64::NAN)), k6).unwrap_err();
    assert!(e.to_string().contains("finite numbers only"), "{e}");
    assert_eq!(t.print(), "(at 1 2)");
}

#[test]
fn a_bare_flag_is_not_a_position() {
    let k6 = Style { yes_no_flags: false };
    assert_eq!(set_at("(at 1 2 locked)", "r", Some(Scalar::Float(90.0)), k6), "(at 1 2 90 locked)");
    assert_eq!(set_at("(at 1 2 90 locked)", "r", Some(Scalar::Float(45.0)), k6), "(at 1 2 45 locked)");
}
