//! Which layout a file is in, so that `fmt` does not silently rewrite every line of a file that
//! KiCad 7 or older wrote (two-space indents) into the KiCad 8+ layout.

use pyzig_sexp::{Tree, is_lib_table};

/// Why the file is in a layout older than the one `fmt` writes, or `None` when it is not: its first
/// indented line starts with a space. Library tables are excluded (KiCad writes them with two-space
/// indents in every version, and `fmt` reproduces that).
pub fn older_layout(bytes: &[u8], tree: &Tree) -> Option<String> {
    if is_lib_table(tree.node(tree.root()).head()) {
        return None;
    }
    let mut lines = bytes.split(|&b| b == b'\n').skip(1);
    let indent = lines.find_map(|line| line.first().copied().filter(|&b| b == b' ' || b == b'\t'))?;
    if indent != b' ' {
        return None;
    }
    let version = tree.node(tree.root()).children().find(|c| c.head() == Some("version"));
    let version = version.and_then(|c| c.child(1)).and_then(|v| v.token());
    let version = version.map(|v| format!(" (version {v})")).unwrap_or_default();
    Some(format!(
        "indented with spaces, as KiCad 7 and older wrote{version}: formatting would rewrite every line; \
         pass --relayout to do so"
    ))
}
