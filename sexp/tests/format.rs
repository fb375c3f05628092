//! `format_kicad`: files written by pcbnew 8/9 come back byte for byte.

mod common;

use pyzig_sexp::{format_kicad, parse};

#[test]
fn pcbnew_files_reproduce_byte_for_byte() {
    for name in ["test-v8.kicad_pcb", "test-v8.kicad_mod", "esp32_minimal.kicad_pcb"] {
        let src = common::fixture(name);
        let out = format_kicad(&parse(&src).unwrap());
        if out != src {
            let (a, b): (Vec<_>, Vec<_>) = (src.lines().collect(), out.lines().collect());
            let k = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
            panic!("{name}: first difference at line {}: {:?} vs {:?}", k + 1, a.get(k), b.get(k));
        }
    }
}

#[test]
fn formatting_is_idempotent_on_other_layouts() {
    for name in ["test-v8.kicad_sch", "test-v8.kicad_sym", "test-v8-e.net", "TSSOP-24.kicad_mod"] {
        let once = format_kicad(&parse(&common::fixture(name)).unwrap());
        let twice = format_kicad(&parse(&once).unwrap());
        assert_eq!(once, twice, "{name}");
        assert!(once.lines().skip(1).all(|l| !l.starts_with(' ')), "{name}: tab indentation only");
    }
}

#[test]
fn layout_rules() {
    // Lists open on their own line; atom-only lists stay on one line; `)` after `)` on its own line.
    let t = parse("(kicad_pcb (version 1) (general (thickness 1.6)))\n").unwrap();
    assert_eq!(format_kicad(&t), "(kicad_pcb\n\t(version 1)\n\t(general\n\t\t(thickness 1.6)\n\t)\n)\n");
    // The final newline is the file's own: KiCad 8 footprints have none, KiCad 9 and 10 ones do.
    let t = parse("(footprint \"x\" (layer \"F.Cu\"))").unwrap();
    assert_eq!(format_kicad(&t), "(footprint \"x\"\n\t(layer \"F.Cu\")\n)");
    let t = parse("(footprint \"x\" (layer \"F.Cu\"))\n").unwrap();
    assert_eq!(format_kicad(&t), "(footprint \"x\"\n\t(layer \"F.Cu\")\n)\n");
    let t = parse("(kicad_pcb (version 1))").unwrap();
    assert_eq!(format_kicad(&t), "(kicad_pcb\n\t(version 1)\n)", "kept whatever the kind");
    // Runs of xy share a line until column 99, the first xy starts a line.
    let pts: String = (0..12).map(|i| format!(" (xy {i}.125 {i}.5)")).collect();
    let t = parse(&format!("(gr_poly (pts{pts}))")).unwrap();
    let out = format_kicad(&t);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[1], "\t(pts");
    assert!(lines[2].starts_with("\t\t(xy 0.125 0.5) (xy 1.125 1.5)"));
    assert!(lines.len() > 5, "wrapped: {out}");
    for l in &lines[2..lines.len() - 2] {
        assert!(l.starts_with("\t\t(xy"), "{l:?}");
        let before_last = l.rfind(" (xy").unwrap_or(0);
        assert!(before_last < 99, "an xy may start only below column 99: {l:?}");
    }
    // Long atom lists wrap at column 72 and then close on their own line.
    let words: String = (0..30).map(|i| format!(" word{i}")).collect();
    let out = format_kicad(&parse(&format!("(kicad_pcb (members{words}))")).unwrap());
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[1].len() >= 72 && lines[1].len() < 90, "{out}");
    assert!(lines[2].starts_with("\t\tword11"), "{out}"); // continuation one level deeper
    assert_eq!(lines[lines.len() - 2], "\t)");

    // A space only where the input had whitespace, as KiCad's reformatter does.
    assert_eq!(format_kicad(&parse("(a (b)c \"d\"\"e\" f)\n").unwrap()), "(a\n\t(b)c \"d\"\"e\" f)\n");
    // An atom starting with `#` is never wrapped to a line start (it would become a comment).
    let words: String = (0..30).map(|i| format!(" #w{i}")).collect();
    let t = parse(&format!("(a (b{words}))")).unwrap();
    let again = parse(&format_kicad(&t)).unwrap();
    assert_eq!(again.node(again.root()).child(1).unwrap().children().count(), 31);
}

#[test]
fn library_tables_keep_one_entry_per_line() {
    let src = common::fixture("fp-lib-table");
    assert_eq!(format_kicad(&parse(&src).unwrap()), src, "KiCad's own library-table layout");
    let t = parse("(sym_lib_table (version 7) (lib (name \"a\") (type \"KiCad\") (uri \"${X}/a.kicad_sym\")\n\t(options \"\") (descr \"\") (disabled)))\n")
        .unwrap();
    assert_eq!(
        format_kicad(&t),
        "(sym_lib_table\n  (version 7)\n  (lib (name \"a\")(type \"KiCad\")(uri \"${X}/a.kicad_sym\")(options \"\")(descr \"\")(disabled))\n)\n"
    );
    // Debian's KiCad 6 tables have no version line and bare names; the layout is the same.
    let t = parse(
        "(fp_lib_table\n  (lib (name Audio)(type KiCad)(uri ${D}/Audio.pretty)(options \"\")(descr \"A b\"))\n)\n",
    )
    .unwrap();
    assert_eq!(format_kicad(&t), t.source());
}
