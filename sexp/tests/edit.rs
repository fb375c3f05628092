//! Editing real fixtures: untouched text is kept, a one-value edit is a one-line diff, new nodes
//! follow the surrounding layout (tabs or KiCad 6's two spaces, own line or inline).

mod common;

use common::changed_lines;
use pyzig_sexp::{EditError, Kind, NodeId, Tree, format_kicad, parse};

fn find_path(t: &Tree, heads: &[&str]) -> NodeId {
    let mut n = t.node(t.root());
    for h in heads {
        n = n.find(h).unwrap_or_else(|| panic!("no ({h} ...)"));
    }
    n.id()
}

#[test]
fn one_value_edit_is_a_one_line_diff_kicad8() {
    let src = common::fixture("test-v8.kicad_pcb");
    let mut t = parse(&src).unwrap();
    let thickness = find_path(&t, &["general", "thickness"]);
    let value = t.node(thickness).child(1).unwrap().id();
    assert_eq!(t.node(value).as_f64(), Some(1.6));
    let new = t.set_atom(value, "0.8").unwrap();
    assert_eq!(t.node(new).as_f64(), Some(0.8));
    let out = t.print();
    assert_eq!(changed_lines(&src, &out), [("\t\t(thickness 1.6)".into(), "\t\t(thickness 0.8)".into())]);
    // The edited tree reparses to the same structure and still formats like KiCad.
    let again = parse(&out).unwrap();
    assert_eq!(format_kicad(&again), format_kicad(&t));
    assert_eq!(format_kicad(&t), out, "a pcbnew file stays KiCad-formatted after the edit");
}

#[test]
fn one_string_edit_is_a_one_line_diff_kicad6() {
    let src = common::fixture("test-v8.kicad_sch");
    let mut t = parse(&src).unwrap();
    let root = t.node(t.root());
    let sym = root
        .find_all("symbol")
        .find(|s| s.find("lib_id").unwrap().child(1).unwrap().string().unwrap() == "Device:R")
        .unwrap();
    let value_prop = sym.find_all("property").find(|p| p.child(1).unwrap().string().unwrap() == "Value").unwrap();
    let v = value_prop.child(2).unwrap().id();
    assert_eq!(t.node(v).string().unwrap(), "50R");
    t.set_string(v, "4.7k \"big\"").unwrap();
    let diff = changed_lines(&src, &t.print());
    assert_eq!(
        diff,
        [(
            "    (property \"Value\" \"50R\" (id 1) (at 118.11 78.7399 0)".into(),
            "    (property \"Value\" \"4.7k \\\"big\\\"\" (id 1) (at 118.11 78.7399 0)".into(),
        )]
    );
}

#[test]
fn inserted_list_follows_tab_layout() {
    let src = common::fixture("test-v8.kicad_mod");
    let mut t = parse(&src).unwrap();
    let root = t.root();
    let attr_index = t.node(root).children().position(|c| c.head() == Some("attr")).unwrap();
    let new =
        t.parse_node("(property \"MPN\" \"XYZ-1\" (at 0 0 0) (layer \"F.Fab\") (effects (font (size 1 1))))").unwrap();
    t.insert(root, attr_index, new).unwrap();
    let out = t.print();
    let expected_block = "\t(property \"MPN\" \"XYZ-1\"\n\t\t(at 0 0 0)\n\t\t(layer \
        \"F.Fab\")\n\t\t(effects\n\t\t\t(font\n\t\t\t\t(size 1 1)\n\t\t\t)\n\t\t)\n\t)\n\t(attr smd)";
    assert_eq!(out.replacen(expected_block, "\t(attr smd)", 1), src, "{out}");
    // A pcbnew file with a new node laid out like pcbnew stays exactly KiCad-formatted.
    assert_eq!(format_kicad(&t), out);
}

#[test]
fn inserted_list_follows_two_space_layout() {
    let src = common::fixture("test-v8.kicad_sch");
    let mut t = parse(&src).unwrap();
    let root = t.node(t.root());
    let sym = root.find("symbol").unwrap().id();
    let new = t.parse_node("(property \"MPN\" \"X\" (id 4) (at 1 2 0))").unwrap();
    t.push(sym, new).unwrap();
    let out = t.print();
    let added = "\n    (property \"MPN\" \"X\"\n      (id 4)\n      (at 1 2 0)\n    )";
    let k = out.find(added).expect(&out[..3000]);
    assert_eq!(format!("{}{}", &out[..k], &out[k + added.len()..]), src);
    assert!(out[k + added.len()..].starts_with("\n  )"), "closing paren of the symbol keeps its line");
}

#[test]
fn inline_siblings_get_inline_neighbours() {
    let mut t = parse("(a\n  (b 1) (c 2)\n)").unwrap();
    let root = t.root();
    let d = t.parse_node("(d 3)").unwrap();
    t.insert(root, 3, d).unwrap();
    assert_eq!(t.print(), "(a\n  (b 1) (c 2) (d 3)\n)");
    let at = t.node(root).child(1).unwrap().id();
    let angle = t.new_atom("90").unwrap();
    t.push(at, angle).unwrap();
    assert_eq!(t.print(), "(a\n  (b 1 90) (c 2) (d 3)\n)");
}

#[test]
fn remove_and_replace_keep_neighbours() {
    let src = common::fixture("test-v8.kicad_mod");
    let mut t = parse(&src).unwrap();
    let root = t.root();
    let k = t.node(root).children().position(|c| c.head() == Some("tags")).unwrap();
    let removed = t.remove(root, k).unwrap();
    assert_eq!(t.node(removed).head(), Some("tags"), "a removed original node stays readable");
    let out = t.print();
    assert_eq!(out, src.replacen("\n\t(tags \"LED\")", "", 1));
    // Put a copy back: the original text returns.
    let copy = t.copy_node(removed);
    t.insert(root, k, copy).unwrap();
    assert_eq!(t.print(), src);
    // Replace the first child (the head) and the root itself.
    let head = t.new_atom("module").unwrap();
    t.replace(root, 0, head).unwrap();
    assert!(t.print().starts_with("(module \"LED_0201_0603Metric\"\n\t(version"));
    let new_root = t.parse_node("(kicad_pcb (version 1))").unwrap();
    t.replace_node(root, new_root).unwrap();
    assert_eq!(t.print(), "(kicad_pcb\n\t(version 1)\n)");
}

#[test]
fn removing_the_first_child_keeps_the_list_readable() {
    let mut t = parse("(at 1 2)").unwrap();
    let root = t.root();
    t.remove(root, 0).unwrap();
    assert_eq!(t.print(), "(1 2)");
    t.remove(root, 1).unwrap();
    t.remove(root, 0).unwrap();
    assert_eq!(t.print(), "()");
    let x = t.new_atom("x").unwrap();
    t.push(root, x).unwrap();
    assert_eq!(t.print(), "(x)");
}

#[test]
fn edits_inside_new_nodes_and_moves() {
    let mut t = parse("(kicad_pcb\n\t(net 1 \"a\")\n)\n").unwrap();
    let root = t.root();
    let net = t.parse_node("(net 2 \"b\")").unwrap();
    t.push(root, net).unwrap();
    let name = t.node(net).child(2).unwrap().id();
    t.set_string(name, "GND").unwrap();
    assert_eq!(t.print(), "(kicad_pcb\n\t(net 1 \"a\")\n\t(net 2 \"GND\")\n)\n");
    assert_eq!(t.parent(name), Some(net));
    assert_eq!(t.parent(net), Some(root));
    let first = t.node(root).child(1).unwrap().id();
    assert_eq!(t.parent(first), Some(root));
    assert_eq!(t.kind(name), Kind::String);
    assert!(t.span(name).is_none() && t.span(first).is_some());
}

#[test]
fn bad_edits_are_refused_and_change_nothing() {
    let src = "(a (b 1) c)";
    let mut t = parse(src).unwrap();
    let root = t.root();
    let b = t.node(root).child(1).unwrap().id();
    let c = t.node(root).child(2).unwrap().id();
    let x = t.new_atom("x").unwrap();
    assert_eq!(t.insert(c, 0, x), Err(EditError::NotAList(c)));
    assert_eq!(t.insert(root, 9, x), Err(EditError::IndexOutOfRange { index: 9, len: 3 }));
    assert_eq!(t.insert(root, 0, b), Err(EditError::NotDetached(b)));
    assert_eq!(t.remove(root, 3), Err(EditError::IndexOutOfRange { index: 3, len: 3 }));
    assert!(matches!(t.new_atom("two words"), Err(EditError::InvalidAtom(_))));
    assert!(matches!(t.new_atom(""), Err(EditError::InvalidAtom(_))));
    assert_eq!(t.set_atom(b, "y"), Err(EditError::NotAnAtom(b)));
    let outer = t.parse_node("(p (q))").unwrap();
    let q = t.node(outer).child(1).unwrap().id();
    assert_eq!(t.insert(q, 0, outer), Err(EditError::Cycle(outer)));
    t.push(root, x).unwrap();
    assert_eq!(t.push(root, x), Err(EditError::NotDetached(x)));
    assert_eq!(t.print(), "(a (b 1) c x)");
}

#[test]
fn printing_an_edited_big_file_keeps_everything_else() {
    let src = common::fixture("esp32_minimal.kicad_pcb");
    let mut t = parse(&src).unwrap();
    // Change the last segment's width deep inside the file.
    let seg = t.node(t.root()).find_all("segment").last().unwrap().find("width").unwrap();
    let w = seg.child(1).unwrap().id();
    t.set_atom(w, "0.3").unwrap();
    let out = t.print();
    let diff = changed_lines(&src, &out);
    assert_eq!(diff.len(), 1);
    assert!(diff[0].1.trim() == "(width 0.3)", "{diff:?}");
    let mut w = Vec::new();
    t.write_to(&mut w).unwrap();
    assert_eq!(w, out.as_bytes());
}

#[test]
fn update_with_a_rebuilt_node_is_a_minimal_diff_kicad6() {
    let src = common::fixture("test-v8.kicad_sch");
    let mut t = parse(&src).unwrap();
    let sym = t.node(t.root()).find("symbol").unwrap();
    let (id, span) = (sym.id(), sym.span().unwrap());
    // Re-encode the same symbol from scratch (as a typed layer would): nothing changes.
    let same = t.parse_node(&src[span.clone()]).unwrap();
    t.update(id, same).unwrap();
    assert!(!t.is_modified());
    assert_eq!(t.print(), src);
    // Now with one value changed, one child dropped and one added.
    let text = src[span.clone()]
        .replacen("(at 73.66 97.79 0)", "(at 73.66 97.8 0)", 1)
        .replacen("(fields_autoplaced)", "", 1)
        .replacen("(pin \"1\"", "(property \"MPN\" \"X\" (id 4) (at 0 0 0))\n(pin \"1\"", 1);
    let rebuilt = t.parse_node(&text).unwrap();
    t.update(id, rebuilt).unwrap();
    let out = t.print();
    let segment = src[span.clone()]
        .replacen("(at 73.66 97.79 0)", "(at 73.66 97.8 0)", 1)
        .replacen(" (fields_autoplaced)", "", 1)
        .replacen(
            "\n    (pin \"1\"",
            "\n    (property \"MPN\" \"X\"\n      (id 4)\n      (at 0 0 0)\n    )\n    (pin \"1\"",
            1,
        );
    let expected = format!("{}{segment}{}", &src[..span.start], &src[span.end..]);
    common::assert_same_text(&out, &expected);
}

#[test]
fn update_pairs_children_by_head_and_first_argument() {
    let mut t = parse("(fp\n\t(pad \"1\" (at 0 0))\n\t(pad \"2\" (at 1 0))\n\t(pad \"3\" (at 2 0))\n)").unwrap();
    let root = t.root();
    let new = t.parse_node("(fp (pad \"1\" (at 0 0)) (pad \"3\" (at 2 5)))").unwrap();
    t.update(root, new).unwrap();
    assert_eq!(t.print(), "(fp\n\t(pad \"1\" (at 0 0))\n\t(pad \"3\" (at 2 5))\n)");
    let x = t.new_atom("x").unwrap();
    let orig_child = t.node(root).child(1).unwrap().id();
    assert_eq!(t.update(orig_child, orig_child), Err(EditError::NotDetached(orig_child)));
    t.update(orig_child, x).unwrap();
    assert_eq!(t.print(), "(fp\n\tx\n\t(pad \"3\" (at 2 5))\n)");
}

#[test]
fn a_new_list_follows_a_one_line_sibling_of_the_same_head() {
    // Library tables: each `(lib …)` on one line, lists written `)(` without a space.
    let src = "(fp_lib_table\n  (lib (name \"a\")(uri \"x\"))\n)\n";
    let mut t = pyzig_sexp::parse(src).unwrap();
    let new = t.parse_node("(lib (name \"b\") (uri \"y\") hidden)").unwrap();
    let root = t.root();
    t.push(root, new).unwrap();
    assert_eq!(
        t.print(),
        "(fp_lib_table\n  (lib (name \"a\")(uri \"x\"))\n  (lib (name \"b\")(uri \"y\") hidden)\n)\n"
    );
    // A sibling of another head is laid out as before (KiCad 8 multi-line style).
    let other = t.parse_node("(version 7)").unwrap();
    t.insert(root, 1, other).unwrap();
    assert!(t.print().starts_with("(fp_lib_table\n  (version 7)\n  (lib"), "{}", t.print());
}

#[test]
fn children_version_moves_on_each_change_of_that_list_only() {
    let mut t = parse("(a (b 1 2) (c (d 3)))").unwrap();
    let root = t.root();
    let kids: Vec<NodeId> = t.children(root).collect();
    let (b, c) = (kids[1], kids[2]);
    assert_eq!((t.children_version(root), t.children_version(b), t.children_version(c)), (0, 0, 0));
    let one = t.children(b).nth(1).unwrap();
    t.set_atom(one, "7").unwrap();
    let vb = t.children_version(b);
    assert!(vb != 0 && t.children_version(root) == 0 && t.children_version(c) == 0);
    let x = t.new_atom("x").unwrap();
    t.insert(c, 1, x).unwrap();
    let vc = t.children_version(c);
    assert!(vc != 0 && vc != vb && t.children_version(b) == vb, "only the changed list moves on");
    t.remove(c, 1).unwrap();
    assert!(t.children_version(c) != vc, "a change back is still a change");
    t.remove(root, 1).unwrap();
    assert!(t.children_version(root) != 0 && !t.children(root).any(|k| k == b));
    let made = t.new_list(&[]).unwrap();
    assert_eq!(t.children_version(made), 0, "a new list's children are those it was made with");
    let y = t.new_atom("y").unwrap();
    t.insert(made, 0, y).unwrap();
    assert_ne!(t.children_version(made), 0);
    let copy = t.clone();
    assert_eq!(copy.children_version(c), t.children_version(c));
}
