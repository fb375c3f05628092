//! What the corpus tests share: the fixtures, finding files, and what the declarations leave unread.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pyzig_kicad::sexp::{Kind, NodeId, Tree};
use pyzig_kicad::{Key, TypeDecl, ValueKind, read};

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/kicad")
}

pub fn files_with(ext: &str, roots: &[PathBuf]) -> Vec<PathBuf> {
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
pub fn unclaimed(tree: &Tree, node: NodeId, decl: &'static TypeDecl, out: &mut BTreeMap<String, usize>) {
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
