//! Footprints through the typed layer: every `.kicad_mod` of the corpus and the fixtures (KiCad 5 to
//! 10) loads as its kind, every declared field of every object reads, and the text round-trips.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{files_with, fixtures, unclaimed};
use pyzig_kicad::kinds::footprint::FootprintFile;
use pyzig_kicad::kinds::pcb::Pad;
use pyzig_kicad::{Typed, file, read};

#[test]
fn every_footprint_loads_reads_and_round_trips() {
    let corpus = files_with("kicad_mod", &[PathBuf::from("/usr/share/kicad/footprints")]);
    if corpus.is_empty() {
        eprintln!("WARNING: Debian's footprint library is absent (make corpus): only the fixtures are checked");
    }
    let mut paths = files_with("kicad_mod", &[fixtures()]);
    assert!(paths.len() >= 6, "fixtures missing");
    paths.extend(corpus);
    let mut by_kind = BTreeMap::new();
    let mut values = 0;
    let mut left = BTreeMap::new();
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let tree = pyzig_kicad::sexp::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let kind =
            file::kind_of_root(file::root_head(&tree)).unwrap_or_else(|| panic!("{}: unknown root", p.display()));
        *by_kind.entry(kind.module).or_insert(0) += 1;
        values += read::read_all(&tree, tree.root(), (kind.file)()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        unclaimed(&tree, tree.root(), (kind.file)().fields[0].value.decl().unwrap(), &mut left);
        assert_eq!(tree.print(), text, "{}", p.display());
    }
    eprintln!("{} files {by_kind:?}, {values} values read; left to the tree: {left:?}", paths.len());
    assert!(by_kind.get("footprint_v5").is_some_and(|&n| n >= 2));
}

#[test]
fn reads_a_kicad_9_footprint() {
    let text = std::fs::read_to_string(fixtures().join("test-v9.kicad_mod")).unwrap();
    let tree = file::load(file::kind("footprint").unwrap(), text).unwrap();
    let fp = FootprintFile::at(tree.root()).footprint(&tree).unwrap();
    assert!(fp.version(&tree).unwrap().unwrap() >= 20240108);
    let props = fp.propertys(&tree).unwrap();
    assert!(props.iter().any(|p| p.name(&tree).unwrap() == "Reference"));
    let pads: Vec<Pad> = fp.pads(&tree).unwrap();
    assert!(!pads.is_empty());
    let at = pads[0].at(&tree).unwrap();
    let x = at.x(&tree).unwrap();
    assert!(x.is_finite());
    assert!(!pads[0].layers(&tree).unwrap().is_empty());
}

/// `write` puts an object into the flag style of the file it goes into: `(hide yes)` from a KiCad 8 file
/// becomes a bare `hide` in a KiCad 6 footprint, as KiCad 6's reader requires.
#[test]
fn inserted_objects_take_the_flag_style_of_their_file() {
    use pyzig_kicad::kinds::footprint::Footprint;
    use pyzig_kicad::kinds::pcb::FpText;
    use pyzig_kicad::write::{self, Item};
    let kind = file::kind("footprint").unwrap();
    let v8 = file::load(
        kind,
        "(footprint \"a\" (version 20240108) (fp_text user \"T\" (at 0 0) (layer \"F.Fab\") \
        (hide yes) (effects (font (size 1 1)))))"
            .into(),
    )
    .unwrap();
    let text = read::list_items(&v8, v8.root(), Footprint::decl().field("fp_texts").unwrap())[0].1;
    assert!(std::ptr::eq(Footprint::decl().field("fp_texts").unwrap().value.decl().unwrap(), FpText::decl()));
    let mut v6 = file::load(kind, "(footprint \"b\" (version 20211014)\n  (layer \"F.Cu\")\n)".into()).unwrap();
    let (root, decl) = (v6.root(), Footprint::decl());
    write::list_insert(&mut v6, root, decl, decl.field("fp_texts").unwrap(), 0, Item::Node(&v8, text)).unwrap();
    let out = v6.print();
    assert!(out.contains(") hide") && !out.contains("(hide"), "{out}");
}
