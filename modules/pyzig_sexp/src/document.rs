//! A loaded file: the one parsed tree every typed view of it reads and edits.

use pyzig::Obj;
use pyzig_kicad::sexp::Tree;
use pyzig_kicad::write::Style;

/// Owns the tree. Views hold a strong reference to it; `free()` on the file releases it at once.
pub struct Document {
    pub tree: Tree,
    pub style: Style,
    /// Counts edits, so a view re-checks that its node is still in the tree only after one.
    pub edits: u64,
    /// The `str` the tree was parsed from, when it keeps that str's text as its source: what
    /// `dumps` returns while the file is unchanged.
    pub source: Option<Obj>,
}

impl Document {
    pub fn new(tree: Tree) -> Document {
        Document::loaded(tree, None)
    }

    pub fn loaded(tree: Tree, source: Option<Obj>) -> Document {
        let style = Style::of(&tree);
        Document { tree, style, edits: 1, source }
    }
}

pyzig::class! {
    /// The parsed tree behind a loaded file and its views (internal).
    #[pyclass(module = "pyzig_sexp", name = "_Document", factory = "pyzig_sexp.loads()")]
    impl Document {}
}
