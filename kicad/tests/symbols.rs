//! Symbol libraries through the typed layer: every `.kicad_sym` of the corpus and the fixtures loads,
//! every declared field of every object reads (as `symbol` and as `symbol_v6`), and the text round-trips.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{files_with, fixtures, unclaimed};
use pyzig_kicad::kinds::symbol::SymbolFile;
use pyzig_kicad::{Typed, file, read};

#[test]
fn every_symbol_library_loads_reads_and_round_trips() {
    let corpus = files_with("kicad_sym", &[PathBuf::from("/usr/share/kicad/symbols")]);
    if corpus.is_empty() {
        eprintln!("WARNING: Debian's symbol library is absent (make corpus): only the fixtures are checked");
    }
    let mut paths = files_with("kicad_sym", &[fixtures()]);
    assert!(paths.len() >= 2, "fixtures missing");
    paths.extend(corpus);
    let mut left = BTreeMap::new();
    let mut values = 0;
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let tree = pyzig_kicad::sexp::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        let kind = file::kind_of_root(file::root_head(&tree)).unwrap();
        assert_eq!(kind.module, "symbol", "{}", p.display());
        for module in ["symbol", "symbol_v6"] {
            let decl = (file::kind(module).unwrap().file)();
            values += read::read_all(&tree, tree.root(), decl).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        }
        unclaimed(&tree, tree.root(), (kind.file)().fields[0].value.decl().unwrap(), &mut left);
        assert_eq!(tree.print(), text, "{}", p.display());
    }
    eprintln!("{} symbol libraries, {values} values read; left to the tree: {left:?}", paths.len());
}

#[test]
fn reads_symbols_pins_and_properties() {
    let text = std::fs::read_to_string(fixtures().join("test-v8.kicad_sym")).unwrap();
    let tree = file::load(file::kind("symbol").unwrap(), text).unwrap();
    let lib = SymbolFile::at(tree.root()).kicad_sym(&tree).unwrap();
    assert!(lib.version(&tree).unwrap() >= 20211014);
    let syms = lib.symbols(&tree).unwrap();
    assert!(!syms.is_empty());
    let props = syms[0].propertys(&tree).unwrap();
    assert!(props.iter().any(|p| p.name(&tree).unwrap() == "Reference"));
    let pins: Vec<_> = syms[0].symbols(&tree).unwrap().iter().flat_map(|u| u.pins(&tree).unwrap()).collect();
    assert!(!pins.is_empty());
    assert!(!pins[0].number(&tree).unwrap().number(&tree).unwrap().is_empty());
}
