//! The tree: the owned source text plus a flat preorder arena of `u32` slots pointing into it.
//!
//! Layout (why: KiCad files average 4-7 bytes per token, so every byte per node counts):
//! an atom or string is ONE slot, its start offset (its end is rescanned on demand, a few bytes);
//! a list is THREE slots: start offset of `(`, number of slots in its subtree (itself included),
//! and the offset just past its `)`. A node's kind is the byte at its start: `(`, `"` or other.
//! A [`NodeId`] is a slot index; ids with the top bit set name nodes created by edits, which live
//! in a side table (`edit.rs`) so the arena itself is never rewritten.

use std::ops::Range;

use crate::edit::{Child, Edits, NewKind};
use crate::lex::{atom_end, string_end};
use crate::node::Node;

/// Slot indices must stay below the bit that marks edit-created nodes.
pub(crate) const MAX_SLOTS: usize = 1 << 31;
pub(crate) const NEW_BIT: u32 = 1 << 31;

/// Names a node of one [`Tree`]: an original node (stable for the tree's life, even after it is
/// removed or replaced) or one created by an edit.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct NodeId(pub(crate) u32);

impl NodeId {
    /// True for nodes created by edits (they have no span in the source).
    pub fn is_new(self) -> bool {
        self.0 & NEW_BIT != 0
    }
    /// The id as a number (to keep in a handle outside Rust); see [`NodeId::from_raw`].
    pub fn raw(self) -> u32 {
        self.0
    }
    /// Rebuilds an id from [`NodeId::raw`]; check it against its tree with [`Tree::contains`].
    pub fn from_raw(raw: u32) -> NodeId {
        NodeId(raw)
    }
    pub(crate) fn new_index(self) -> usize {
        (self.0 & !NEW_BIT) as usize
    }
}

/// What a node is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// A bare token: keyword, number, UUID, `${VAR}/path`, ... kept as its exact text.
    Atom,
    /// A `"quoted string"`, kept with its quotes and escapes.
    String,
    /// A parenthesised list.
    List,
}

/// A parsed file. Owns its source text (one contiguous copy) and a flat node arena (see the
/// crate docs); edits are kept beside it. Methods taking a [`NodeId`] panic on an id that did
/// not come from this tree (check foreign ids with [`Tree::contains`]).
#[derive(Clone)]
pub struct Tree {
    pub(crate) src: Box<str>,
    pub(crate) slots: Vec<u32>,
    pub(crate) edits: Edits,
}

impl Tree {
    pub(crate) fn from_parts(src: Box<str>, slots: Vec<u32>) -> Self {
        Tree {
            src,
            slots,
            edits: Edits::default(),
        }
    }

    /// The source text the tree was parsed from (unchanged by edits).
    pub fn source(&self) -> &str {
        &self.src
    }

    /// The root list.
    pub fn root(&self) -> NodeId {
        self.edits.root.unwrap_or(NodeId(0))
    }

    /// A view of `id` with typed accessors.
    pub fn node(&self, id: NodeId) -> Node<'_> {
        Node::new(self, id)
    }

    /// Whether `id` names a node of this tree (original or edit-created).
    pub fn contains(&self, id: NodeId) -> bool {
        if id.is_new() {
            id.new_index() < self.edits.new.len()
        } else {
            let i = id.0 as usize;
            i < self.slots.len() && self.slot_is_node_start(i)
        }
    }

    /// The node's kind. Panics on an id from another tree.
    pub fn kind(&self, id: NodeId) -> Kind {
        if id.is_new() {
            match &self.edits.new[id.new_index()].kind {
                NewKind::List(_) => Kind::List,
                NewKind::Atom(t) if t.starts_with('"') => Kind::String,
                NewKind::Atom(_) => Kind::Atom,
            }
        } else {
            self.orig_kind(id.0 as usize)
        }
    }

    /// Raw token text of an atom or string (strings with quotes and escapes); `None` for lists.
    pub fn token(&self, id: NodeId) -> Option<&str> {
        if id.is_new() {
            match &self.edits.new[id.new_index()].kind {
                NewKind::Atom(t) => Some(t),
                NewKind::List(_) => None,
            }
        } else {
            let r = self.orig_token_range(id.0 as usize)?;
            Some(&self.src[r])
        }
    }

    /// Children of a list as currently edited (empty for atoms).
    pub fn children(&self, id: NodeId) -> Children<'_> {
        let inner = if id.is_new() {
            match &self.edits.new[id.new_index()].kind {
                NewKind::List(c) => ChildIter::Edited(c.iter()),
                NewKind::Atom(_) => ChildIter::Edited([].iter()),
            }
        } else {
            let i = id.0 as usize;
            if let Some(e) = self.edits.lists.get(&id.0) {
                ChildIter::Edited(e.children.iter())
            } else if self.orig_kind(i) == Kind::List {
                ChildIter::Slots {
                    next: id.0 + 3,
                    end: id.0 + self.slots[i + 1],
                }
            } else {
                ChildIter::Edited([].iter())
            }
        };
        Children { tree: self, inner }
    }

    /// Byte range of an original node in [`Tree::source`] (lists: `(` to `)` inclusive);
    /// `None` for edit-created nodes. An original node keeps its span after edits inside it.
    pub fn span(&self, id: NodeId) -> Option<Range<usize>> {
        if id.is_new() {
            return None;
        }
        let i = id.0 as usize;
        if self.orig_kind(i) == Kind::List {
            Some(self.slots[i] as usize..self.slots[i + 2] as usize)
        } else {
            self.orig_token_range(i)
        }
    }

    /// 1-based (line, column) of a byte offset in the source; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        crate::position::line_col(self.src.as_bytes(), offset)
    }

    // ---- original-node helpers (slot index `i` must start a node) ----

    pub(crate) fn orig_kind(&self, i: usize) -> Kind {
        match self.src.as_bytes()[self.slots[i] as usize] {
            b'(' => Kind::List,
            b'"' => Kind::String,
            _ => Kind::Atom,
        }
    }

    /// Slots taken by the subtree at `i`.
    pub(crate) fn orig_size(&self, i: usize) -> usize {
        if self.orig_kind(i) == Kind::List {
            self.slots[i + 1] as usize
        } else {
            1
        }
    }

    /// Source range of the original node at `i` (any kind).
    pub(crate) fn orig_range(&self, i: usize) -> Range<usize> {
        if self.orig_kind(i) == Kind::List {
            self.slots[i] as usize..self.slots[i + 2] as usize
        } else {
            self.orig_token_range(i).unwrap_or(0..0)
        }
    }

    fn orig_token_range(&self, i: usize) -> Option<Range<usize>> {
        let b = self.src.as_bytes();
        let s = self.slots[i] as usize;
        match b[s] {
            b'(' => None,
            // The parser checked the closing quote exists.
            b'"' => Some(s..string_end(b, s).unwrap_or(b.len())),
            _ => Some(s..atom_end(b, s)),
        }
    }

    /// Whether slot `i` starts a node (walks from the root; used only to validate foreign ids).
    fn slot_is_node_start(&self, target: usize) -> bool {
        let mut i = 0;
        while i < target {
            if self.orig_kind(i) == Kind::List {
                let size = self.orig_size(i);
                if target < i + size {
                    i += 3; // descend
                    continue;
                }
                i += size;
            } else {
                i += 1;
            }
        }
        i == target
    }
}

/// Iterator over a list's children, see [`Tree::children`].
pub struct Children<'t> {
    tree: &'t Tree,
    inner: ChildIter<'t>,
}

enum ChildIter<'t> {
    Slots { next: u32, end: u32 },
    Edited(std::slice::Iter<'t, Child>),
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        match &mut self.inner {
            ChildIter::Slots { next, end } => {
                if *next >= *end {
                    return None;
                }
                let id = *next;
                *next += self.tree.orig_size(id as usize) as u32;
                Some(NodeId(id))
            }
            ChildIter::Edited(it) => it.next().map(|c| c.id),
        }
    }
}
