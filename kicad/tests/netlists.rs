//! Netlists through the typed layer: the fixtures (an eeschema 8 export and a netlist in KiCad 9/10 syntax)
//! read in full, every child is claimed by a declaration, and the text round-trips.

mod common;

use std::collections::BTreeMap;

use common::{fixtures, unclaimed};
use pyzig_kicad::kinds::netlist::NetlistFile;
use pyzig_kicad::{Typed, file, read};

#[test]
fn netlists_read_in_full_and_round_trip() {
    let kind = file::kind("netlist").unwrap();
    assert!(std::ptr::eq((kind.file)(), NetlistFile::decl()));
    for name in ["test-v8-e.net", "kicad9-layout.net"] {
        let p = fixtures().join(name);
        let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {} is needed: {e}", p.display()));
        let tree = file::load(kind, text.clone()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let n = read::read_all(&tree, tree.root(), (kind.file)()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(n > 100, "{name}: only {n} values");
        let mut left = BTreeMap::new();
        unclaimed(&tree, tree.root(), (kind.file)().fields[0].value.decl().unwrap(), &mut left);
        assert!(left.is_empty(), "{name}: children no declaration claims: {left:?}");
        assert_eq!(tree.print(), text, "{name}");
        assert!(file::kind_of_root("export").is_some_and(|k| k.module == "netlist"));
    }
}
