//! Footprints through the typed layer: every `.kicad_mod` of the corpus and the fixtures (KiCad 5 to
//! 10) loads as its kind, every declared field of every object reads, and the text round-trips.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pyzig_kicad::kinds::footprint::FootprintFile;
use pyzig_kicad::kinds::pcb::Pad;
use pyzig_kicad::sexp::{Kind, NodeId, Tree};
use pyzig_kicad::{Key, TypeDecl, Typed, ValueKind, file, read};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/kicad")
}

fn files_with(ext: &str, roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = roots.to_vec();
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Children of declared nodes that no field claims, by `Type.head` (what the declarations leave to
/// the lossless tree alone).
fn unclaimed(tree: &Tree, node: NodeId, decl: &'static TypeDecl, out: &mut BTreeMap<String, usize>) {
    let mut tokens = 0;
    for c in tree.children(node).skip(1) {
        let claimed = match tree.kind(c) {
            Kind::List => {
                let h = read::head(tree, c).unwrap_or("");
                decl.fields.iter().any(|f| f.key.head() == Some(h))
            }
            _ => {
                let t = tree.token(c).unwrap_or("");
                if decl.fields.iter().any(|f| f.key.is_bare(t)) {
                    true
                } else {
                    tokens += 1;
                    decl.fields.iter().any(|f| f.key == Key::Pos(tokens - 1))
                }
            }
        };
        if !claimed {
            let what = read::head(tree, c).map_or_else(|| format!("token {}", tokens - 1), str::to_owned);
            *out.entry(format!("{}.{what}", decl.name)).or_default() += 1;
        }
    }
    for f in decl.fields {
        let ValueKind::Node(d) = f.value else { continue };
        let nodes: Vec<NodeId> = match read::read(tree, node, decl, f) {
            Ok(read::Value::Node(n)) => vec![n],
            Ok(read::Value::List(l)) => l,
            _ => vec![],
        };
        for n in nodes {
            unclaimed(tree, n, d(), out);
        }
    }
}

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
