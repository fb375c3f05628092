//! Lossless, KiCad-exact S-expression engine. Pure Rust: knows nothing of Python.
//!
//! For: parsing every KiCad S-expression file (boards, footprints incl. KiCad 5 `module`,
//! symbol libraries, schematics, netlists, library tables) into a compact tree, printing it back
//! byte for byte, editing it with minimal diffs, and laying it out the way KiCad 8 and later write files.
//! Not for: KiCad semantics (a typed layer is built on top of this tree), or general Lisp syntax.
//!
//! A [`Tree`] holds the source text (its own copy, or text lent to it: [`parse_shared`]); nodes are
//! `u32` slots in one preorder `Vec` pointing into it (1 slot per atom, 2 per list, none for a token
//! right after `(`; see `tree.rs`), and edits live in a side table (`edit.rs`) so untouched regions print from the
//! source. Nothing recurses on input depth.
//!
//! ```
//! let mut t = pyzig_sexp::parse("(at 1 2)\n").unwrap();
//! let y = t.node(t.root()).child(2).unwrap().id();
//! t.set_atom(y, "3").unwrap();
//! assert_eq!(t.print(), "(at 1 3)\n");
//! ```
#![forbid(unsafe_code)]

mod edit;
mod error;
mod escape;
mod format;
mod lex;
mod node;
mod parse;
mod position;
mod print;
mod source;
mod tree;
mod update;

pub use edit::EditError;
pub use error::ParseError;
pub use escape::{quote, unquote};
pub use format::{MAX_INDENT_LEVELS, format_kicad, is_lib_table};
pub use node::Node;
pub use source::SharedText;
pub use tree::{Children, Kind, NodeId, Tree};

/// Parses KiCad S-expression text: exactly one root list, with any whitespace or `#` comment
/// lines around it. The returned tree owns a copy of `src` (see [`parse_string`] to avoid it).
pub fn parse(src: &str) -> Result<Tree, ParseError> {
    parse::parse_owned(src.into())
}

/// Like [`parse`], taking ownership of the text without copying it.
pub fn parse_string(src: String) -> Result<Tree, ParseError> {
    parse::parse_owned(src.into_boxed_str())
}

/// Like [`parse`], keeping `src` (text owned elsewhere, such as a Python `str`) as the tree's source
/// instead of a copy of it.
pub fn parse_shared(src: std::sync::Arc<dyn SharedText>) -> Result<Tree, ParseError> {
    parse::parse_source(source::Source::shared(src))
}

/// Like [`parse_bytes`], taking ownership of the bytes without copying them.
pub fn parse_vec(src: Vec<u8>) -> Result<Tree, ParseError> {
    match String::from_utf8(src) {
        Ok(s) => parse_string(s),
        Err(e) => parse_bytes(e.as_bytes()),
    }
}

/// Like [`parse`] but from bytes; invalid UTF-8 is a [`ParseError`] at the first bad byte.
pub fn parse_bytes(src: &[u8]) -> Result<Tree, ParseError> {
    match std::str::from_utf8(src) {
        Ok(s) => parse(s),
        Err(e) => {
            let at = e.valid_up_to();
            Err(ParseError::at(src, at, format!("invalid UTF-8 (byte 0x{:02X})", src[at])))
        }
    }
}

impl Tree {
    /// Heap bytes the tree holds, all included: its copy of the source text (shared text too, which
    /// it keeps alive), the node arena and
    /// the side table of large lists (by capacity), and the edit tables with the token text and
    /// child vectors they own and the lists' change numbers (a `BTreeMap` entry counts as its key and value, without node
    /// overhead). Not counted: the `Tree` value itself (a few words, wherever its owner keeps it).
    /// Divide by `self.source().len()` for the tree's size as a multiple of the file's.
    pub fn heap_size(&self) -> usize {
        use std::mem::size_of;
        let mut n = self.src.len()
            + self.slots.capacity() * size_of::<u32>()
            + self.big.capacity() * size_of::<tree::ListShape>();
        for e in self.edits.lists.values() {
            // BTreeMap node overhead is approximated by the entry size.
            n += size_of::<(u32, edit::ListEdit)>() + e.children.capacity() * size_of::<edit::Child>();
        }
        n += self.edits.versions.len() * size_of::<(u32, u64)>();
        n += self.edits.new.capacity() * size_of::<edit::NewNode>();
        for x in &self.edits.new {
            n += match &x.kind {
                edit::NewKind::Atom(t) => t.len(),
                edit::NewKind::List(v) => v.capacity() * size_of::<edit::Child>(),
            };
        }
        n
    }
}
