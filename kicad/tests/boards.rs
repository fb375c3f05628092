//! Boards through the typed layer: every `.kicad_pcb` of Debian's kicad-demos and of the fixtures (KiCad 5
//! to 9) loads as `pcb`, every declared field of every object reads, and the text round-trips; the
//! layers, items of one list whose heads are their numbers, read and edit in place.

mod common;

use std::collections::BTreeMap;
use std::path::PathBuf;

use common::{files_with, fixtures, unclaimed};
use pyzig_kicad::kinds::pcb::{KicadPcb, Layer, PcbFile};
use pyzig_kicad::read::Value;
use pyzig_kicad::write::{self, Item, Scalar, Style};
use pyzig_kicad::{Typed, file, read};

#[test]
fn every_board_loads_reads_and_round_trips() {
    let demos = files_with("kicad_pcb", &[PathBuf::from("/usr/share/kicad/demos")]);
    if demos.is_empty() {
        eprintln!("WARNING: Debian's kicad-demos is absent (make corpus): only the fixture boards are checked");
    }
    let mut paths = files_with("kicad_pcb", &[fixtures()]);
    assert!(paths.len() >= 3, "fixtures missing");
    paths.extend(demos);
    let (mut values, mut left) = (0, BTreeMap::new());
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let tree =
            file::load(file::kind("pcb").unwrap(), text.clone()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        values +=
            read::read_all(&tree, tree.root(), PcbFile::decl()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        unclaimed(&tree, tree.root(), KicadPcb::decl(), &mut left);
        assert_eq!(tree.print(), text, "{}", p.display());
        let board = PcbFile::at(tree.root()).kicad_pcb(&tree).unwrap();
        let layers = board.layers(&tree).unwrap();
        assert!(layers.len() >= 20, "{}", p.display());
        assert_eq!(
            (layers[0].number(&tree).unwrap(), &*layers[0].name(&tree).unwrap()),
            (0, "F.Cu"),
            "{}",
            p.display()
        );
    }
    eprintln!("{} boards, {values} values read; left to the tree: {left:?}", paths.len());
}

fn v9() -> (String, pyzig_kicad::sexp::Tree) {
    let text = std::fs::read_to_string(fixtures().join("test-v9.kicad_pcb")).unwrap();
    let tree = file::load(file::kind("pcb").unwrap(), text.clone()).unwrap();
    (text, tree)
}

#[test]
fn a_layer_is_read_from_its_head_and_edited_in_its_list() {
    let (text, mut tree) = v9();
    let board = KicadPcb::at(tree.root());
    let layers = board.layers(&tree).unwrap();
    let b_cu = layers[1];
    assert_eq!(
        (b_cu.number(&tree).unwrap(), &*b_cu.name(&tree).unwrap(), &*b_cu.kind(&tree).unwrap()),
        (2, "B.Cu", "signal")
    );
    assert_eq!(layers[2].alias(&tree).unwrap().as_deref(), Some("F.Adhesive"));
    // The head is a value: setting it rewrites that token only.
    let (ld, number) = (Layer::decl(), Layer::decl().field("number").unwrap());
    let style = Style::of(&tree);
    write::set(&mut tree, b_cu.id, ld, number, Some(Scalar::Int(4)), style).unwrap();
    assert_eq!(tree.print(), text.replacen("(2 \"B.Cu\" signal)", "(4 \"B.Cu\" signal)", 1));
    assert!(write::set(&mut tree, b_cu.id, ld, number, None, style).is_err(), "a head is never removed");
    // A new layer goes into `(layers …)`, after the last, with its own head.
    let new = pyzig_kicad::sexp::parse("(57 \"User.10\" user)").unwrap();
    let (bd, f) = (KicadPcb::decl(), KicadPcb::decl().field("layers").unwrap());
    let root = tree.root();
    let n = layers.len();
    write::list_insert(&mut tree, root, bd, f, n, Item::Node(&new, new.root())).unwrap();
    let after = board.layers(&tree).unwrap();
    assert_eq!(after.len(), n + 1);
    assert_eq!((after[n].number(&tree).unwrap(), &*after[n].name(&tree).unwrap()), (57, "User.10"));
    let parent = read::list_parent(&tree, root, f).unwrap();
    assert_eq!(tree.parent(after[n].id), Some(parent), "inside (layers …), not beside it");
    write::list_remove(&mut tree, root, bd, f, n).unwrap();
    write::list_remove(&mut tree, root, bd, f, 0).unwrap();
    assert!(!tree.print().contains("(0 \"F.Cu\" signal)"));
    assert!(matches!(read::read(&tree, root, bd, f).unwrap(), Value::List(l) if l.len() == n - 1));
}
