//! Lossless round trip: printing an unmodified tree gives the input back byte for byte.

mod common;

use std::path::Path;

use pyzig_sexp::{Kind, parse, parse_bytes};

fn assert_round_trip(name: &str, bytes: &[u8]) {
    let tree = parse_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(tree.print().as_bytes() == bytes, "{name}: print differs");
    let mut w = Vec::new();
    tree.write_to(&mut w).unwrap();
    assert!(w == bytes, "{name}: write_to differs");
}

#[test]
fn every_kicad_fixture_round_trips() {
    let files = common::kicad_fixtures();
    assert!(files.len() >= 14, "fixtures missing: {files:?}");
    for f in files {
        assert_round_trip(&f.display().to_string(), &std::fs::read(&f).unwrap());
    }
}

#[test]
fn variants_of_whitespace_round_trip() {
    let base = common::fixture("test-v8.kicad_mod");
    let variants = [
        base.replace('\n', "\r\n"),
        base.trim_end().to_owned(),
        format!("\n\n  \t{base}\n\n\t "),
        base.replace('\t', "  "),
        format!(
            "# a comment line\n{}",
            base.replacen("\n\t(version", "\n  # indented comment (not a token)\n\t(version", 1)
        ),
    ];
    for (k, v) in variants.iter().enumerate() {
        assert_round_trip(&format!("variant {k}"), v.as_bytes());
    }
}

#[test]
fn comment_lines_are_not_tokens() {
    let t = parse("(a\n  # (b)\n  c)").unwrap();
    let kids: Vec<_> = t.node(t.root()).children().map(|n| n.token().unwrap().to_owned()).collect();
    assert_eq!(kids, ["a", "c"]);
    // `#` inside a line is an ordinary atom.
    let t = parse("(a #b)").unwrap();
    assert_eq!(t.node(t.root()).child(1).unwrap().atom(), Some("#b"));
}

#[test]
fn atoms_as_kicad_sees_them() {
    let src = "(x 1N4007 ${KISYS3DMOD}/x.wrl 0x00010fc_ffffffff 5f2b-u-u-i-d µΩ \"a \\\"q\\\" b\" -1.5e3 abc\"s\")";
    let t = parse(src).unwrap();
    let root = t.node(t.root());
    let toks: Vec<_> = root.children().map(|n| (n.kind(), n.token().unwrap())).collect();
    assert_eq!(
        toks,
        [
            (Kind::Atom, "x"),
            (Kind::Atom, "1N4007"),
            (Kind::Atom, "${KISYS3DMOD}/x.wrl"),
            (Kind::Atom, "0x00010fc_ffffffff"),
            (Kind::Atom, "5f2b-u-u-i-d"),
            (Kind::Atom, "µΩ"),
            (Kind::String, "\"a \\\"q\\\" b\""),
            (Kind::Atom, "-1.5e3"),
            (Kind::Atom, "abc"),
            (Kind::String, "\"s\""),
        ]
    );
    assert_eq!(root.child(6).unwrap().string().unwrap(), "a \"q\" b");
    assert_eq!(root.child(7).unwrap().as_f64(), Some(-1500.0));
    assert_eq!(root.child(1).unwrap().as_f64(), None);
    assert_eq!(root.child(6).unwrap().span(), Some(src.find('"').unwrap()..src.find(" -1.5").unwrap()));
}

#[test]
fn spans_and_positions() {
    let src = common::fixture("test-v8.kicad_pcb");
    let t = parse(&src).unwrap();
    let root = t.node(t.root());
    assert_eq!(root.head(), Some("kicad_pcb"));
    let general = root.find("general").unwrap();
    let span = general.span().unwrap();
    assert!(src[span.clone()].starts_with("(general") && src[span].ends_with(')'));
    let (line, col) = general.line_col().unwrap();
    assert_eq!(src.lines().nth(line - 1).unwrap().chars().nth(col - 1), Some('('));
    assert_eq!(col, 2); // one tab
}

/// A sample of Debian's KiCad 6 corpus (the full-corpus check is the CLI's job).
#[test]
fn sample_of_usr_share_kicad_round_trips() {
    let root = Path::new("/usr/share/kicad");
    assert!(root.exists(), "install kicad-footprints kicad-symbols kicad-demos (make corpus does)");
    let files: Vec<_> = common::files_under(root)
        .into_iter()
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.ends_with(".kicad_mod")
                || n.ends_with(".kicad_sym")
                || n.ends_with(".kicad_sch")
                || n.ends_with(".kicad_pcb")
                || n.ends_with("-lib-table")
        })
        .filter(|p| std::fs::metadata(p).map(|m| m.len() < 2_000_000).unwrap_or(false))
        .collect();
    let mut checked = 0;
    for f in files.iter().step_by(40) {
        assert_round_trip(&f.display().to_string(), &std::fs::read(f).unwrap());
        checked += 1;
    }
    assert!(checked > 50, "only {checked} files sampled");
}

#[test]
fn every_file_kind_parses_with_its_root() {
    let cases = [
        (
            "(module R_0805 (layer F.Cu) (tedit 5B36C52B)\n  (fp_text reference REF** (at 0 -1.65) (layer \
                F.SilkS)\n    (effects (font (size 1 1) (thickness 0.15)))\n  )\n)\n",
            "module",
        ),
        (
            "(kicad_symbol_lib (version 20211014) (generator kicad_symbol_editor)\n  (symbol \"R\" (pin_numbers \
                hide))\n)\n",
            "kicad_symbol_lib",
        ),
        ("(export (version \"E\")\n  (nets (net (code \"1\") (name \"GND\")))\n)\n", "export"),
        (
            "(sym_lib_table\n  (lib (name \"Device\")(type \"KiCad\")(uri \
                \"${KICAD6_SYMBOL_DIR}/Device.kicad_sym\")(options \"\")(descr \"\"))\n)\n",
            "sym_lib_table",
        ),
    ];
    for (src, head) in cases {
        let t = parse(src).unwrap();
        assert_eq!(t.node(t.root()).head(), Some(head));
        assert_eq!(t.print(), src);
    }
}

#[test]
fn trees_are_send_sync_and_clone() {
    fn check<T: Send + Sync + Clone>() {}
    check::<pyzig_sexp::Tree>();
}

#[test]
fn node_ids_survive_a_round_trip_through_raw_numbers() {
    let t = parse("(a (b c) d)").unwrap();
    let c = t.node(t.root()).child(1).unwrap().child(1).unwrap().id();
    let again = pyzig_sexp::NodeId::from_raw(c.raw());
    assert!(t.contains(again));
    assert_eq!(t.node(again).atom(), Some("c"));
    // Slot 1 is inside the root's record, not a node; far ids are not nodes either.
    assert!(!t.contains(pyzig_sexp::NodeId::from_raw(1)));
    assert!(!t.contains(pyzig_sexp::NodeId::from_raw(1_000)));
    assert!(!t.contains(pyzig_sexp::NodeId::from_raw(1 << 31)));
}
