//! The tree: the owned source text plus a flat preorder arena of `u32` slots pointing into it.
//!
//! Layout (why: KiCad files average 4-8 bytes per token, so every byte per node counts):
//! - an atom or string is ONE slot, its start offset (its end is rescanned on demand, a few bytes);
//! - a list is TWO slots: the offset of its `(`, then a record packing the number of slots in its
//!   subtree (itself included) and the distance from `(` to its `)` (see [`ListShape`]); the rare
//!   list too big to pack keeps both in the side table `big`, and the record says where;
//! - a list's first child is stored in NO slot when it is a token starting right after the `(`
//!   (the `at` of `(at 1 2)`: nearly every KiCad list): it is the token at `(` + 1, named by the
//!   list's slot with [`HEAD_BIT`] set.
//!
//! A node's kind is the byte at its start: `(`, `"` or other. A [`NodeId`] is a slot index (or a
//! list's slot with `HEAD_BIT`); ids with the top bit set name nodes created by edits, which live
//! in a side table (`edit.rs`) so the arena itself is never rewritten.

use std::ops::Range;

use crate::edit::{Child, Edits, NewKind};
use crate::lex::{atom_end, starts_token, string_end};
use crate::node::Node;
use crate::source::Source;

/// Marks ids of edit-created nodes.
pub(crate) const NEW_BIT: u32 = 1 << 31;
/// Marks the implicit first token of the list whose slot is in the other bits.
pub(crate) const HEAD_BIT: u32 = 1 << 30;
/// Slot indices must stay below both marker bits.
pub(crate) const MAX_SLOTS: usize = 1 << 30;

/// Bits of a packed list record: `size << SPAN_BITS | span`; the top bit marks an index into `big`.
const SPAN_BITS: u32 = 17;
const SIZE_BITS: u32 = 14;
const BIG_BIT: u32 = 1 << 31;

/// A list's extent: slots taken by its subtree, and the offset of its `)`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ListShape {
    pub(crate) size: u32,
    pub(crate) close: u32,
}

/// The record slot for a list opening at `open` (whose `(` is at that offset) with `shape`;
/// lists too large to pack (a few per file) go to `big`.
pub(crate) fn list_record(open: u32, shape: ListShape, big: &mut Vec<ListShape>) -> u32 {
    let span = shape.close - open;
    if shape.size < 1 << SIZE_BITS && span < 1 << SPAN_BITS {
        shape.size << SPAN_BITS | span
    } else {
        big.push(shape);
        // Fewer lists than slots, so the index fits below BIG_BIT.
        BIG_BIT | (big.len() - 1) as u32
    }
}

/// Whether a list opening at `open` has an implicit head token (see the module docs).
#[inline]
pub(crate) fn has_head(b: &[u8], open: usize) -> bool {
    b.get(open + 1).is_some_and(|&c| starts_token(c))
}

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
    pub(crate) src: Source,
    pub(crate) slots: Vec<u32>,
    /// Shapes of the lists too large for a packed record.
    pub(crate) big: Vec<ListShape>,
    pub(crate) edits: Edits,
}

impl Tree {
    pub(crate) fn from_parts(src: Source, slots: Vec<u32>, big: Vec<ListShape>) -> Self {
        Tree { src, slots, big, edits: Edits::default() }
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
            return id.new_index() < self.edits.new.len();
        }
        let i = (id.0 & !HEAD_BIT) as usize;
        if i >= self.slots.len() || !self.slot_is_node_start(i) {
            return false;
        }
        id.0 & HEAD_BIT == 0 || (self.is_list(i) && has_head(self.src.as_bytes(), self.open(i)))
    }

    /// The node's kind. Panics on an id from another tree.
    #[inline]
    pub fn kind(&self, id: NodeId) -> Kind {
        if id.is_new() {
            match &self.edits.new[id.new_index()].kind {
                NewKind::List(_) => Kind::List,
                NewKind::Atom(t) if t.starts_with('"') => Kind::String,
                NewKind::Atom(_) => Kind::Atom,
            }
        } else {
            self.orig_kind(id.0)
        }
    }

    /// Raw token text of an atom or string (strings with quotes and escapes); `None` for lists.
    #[inline]
    pub fn token(&self, id: NodeId) -> Option<&str> {
        if id.is_new() {
            match &self.edits.new[id.new_index()].kind {
                NewKind::Atom(t) => Some(t),
                NewKind::List(_) => None,
            }
        } else {
            let r = self.orig_token_range(id.0)?;
            Some(&self.src[r])
        }
    }

    /// Children of a list as currently edited (empty for atoms).
    #[inline]
    pub fn children(&self, id: NodeId) -> Children<'_> {
        let inner = if id.is_new() {
            match &self.edits.new[id.new_index()].kind {
                NewKind::List(c) => ChildIter::Edited(c.iter()),
                NewKind::Atom(_) => ChildIter::Edited([].iter()),
            }
        } else if let Some(e) = self.edits.lists.get(&id.0) {
            ChildIter::Edited(e.children.iter())
        } else if self.orig_kind(id.0) == Kind::List {
            ChildIter::Slots(self.slot_children(id.0 as usize))
        } else {
            ChildIter::Edited([].iter())
        };
        Children { tree: self, inner }
    }

    /// Whether `id` is a list whose first child is the bare token `head` (`(at 1 2)` for `"at"`):
    /// the test behind every keyword lookup, so an unedited list is answered from its source bytes
    /// without scanning its head token.
    #[inline]
    pub fn head_is(&self, id: NodeId, head: &str) -> bool {
        let b = self.src.as_bytes();
        if !id.is_new()
            && id.0 & HEAD_BIT == 0
            && (self.edits.lists.is_empty() || !self.edits.lists.contains_key(&id.0))
        {
            let open = self.slots[id.0 as usize] as usize;
            if b[open] != b'(' {
                return false;
            }
            if !has_head(b, open) {
                // `( d)`, `()`: rare; the general path below finds the first child.
                return self
                    .children(id)
                    .next()
                    .is_some_and(|c| self.kind(c) == Kind::Atom && self.token(c) == Some(head));
            }
            let h = head.as_bytes();
            let end = open + 1 + h.len();
            // The token at `(` + 1 is the atom `head` when its bytes match, the atom ends right
            // there, and `head` is one atom (no blank, parenthesis or quote inside).
            return b.get(open + 1..end) == Some(h)
                && b.get(end).is_none_or(|&c| !crate::lex::is_atom_byte(c))
                && !h.is_empty()
                && h.iter().all(|&c| crate::lex::is_atom_byte(c));
        }
        if self.kind(id) != Kind::List {
            return false;
        }
        match self.children(id).next() {
            Some(first) => self.kind(first) == Kind::Atom && self.token(first) == Some(head),
            None => false,
        }
    }

    /// Byte range of an original node in [`Tree::source`] (lists: `(` to `)` inclusive);
    /// `None` for edit-created nodes. An original node keeps its span after edits inside it.
    pub fn span(&self, id: NodeId) -> Option<Range<usize>> {
        if id.is_new() { None } else { Some(self.orig_range(id.0)) }
    }

    /// 1-based (line, column) of a byte offset in the source; the column counts characters.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        crate::position::line_col(self.src.as_bytes(), offset)
    }

    // ---- original nodes: `raw` is an original id (a node's slot, or a list's slot | HEAD_BIT);
    // ---- `i` is a slot index that starts a node.

    /// Source offset where original node `raw` starts.
    #[inline]
    pub(crate) fn start(&self, raw: u32) -> usize {
        // An implicit head starts one byte after its list's `(`; branch-free, as heads and other
        // nodes alternate unpredictably.
        let head = (raw & HEAD_BIT != 0) as usize;
        self.slots[(raw & !HEAD_BIT) as usize] as usize + head
    }

    /// Offset of the `(` of the list at slot `i`.
    #[inline]
    pub(crate) fn open(&self, i: usize) -> usize {
        self.slots[i] as usize
    }

    #[inline]
    pub(crate) fn is_list(&self, i: usize) -> bool {
        self.src.as_bytes()[self.slots[i] as usize] == b'('
    }

    #[inline]
    pub(crate) fn orig_kind(&self, raw: u32) -> Kind {
        match self.src.as_bytes()[self.start(raw)] {
            b'(' => Kind::List,
            b'"' => Kind::String,
            _ => Kind::Atom,
        }
    }

    /// Extent of the list at slot `i`.
    #[inline]
    pub(crate) fn shape(&self, i: usize) -> ListShape {
        let w = self.slots[i + 1];
        if w & BIG_BIT != 0 {
            self.big[(w & !BIG_BIT) as usize]
        } else {
            ListShape { size: w >> SPAN_BITS, close: self.slots[i] + (w & ((1 << SPAN_BITS) - 1)) }
        }
    }

    /// Slots taken by the subtree at slot `i` (a real slot: an implicit head takes none).
    #[inline]
    pub(crate) fn slot_size(&self, i: usize) -> usize {
        if self.is_list(i) { self.shape(i).size as usize } else { 1 }
    }

    /// Source range of original node `raw` (any kind; lists include both parentheses).
    #[inline]
    pub(crate) fn orig_range(&self, raw: u32) -> Range<usize> {
        match self.orig_token_range(raw) {
            Some(r) => r,
            None => {
                let i = raw as usize;
                self.open(i)..self.shape(i).close as usize + 1
            }
        }
    }

    #[inline]
    fn orig_token_range(&self, raw: u32) -> Option<Range<usize>> {
        let b = self.src.as_bytes();
        let s = self.start(raw);
        match b[s] {
            b'(' => None,
            // The parser checked the closing quote exists.
            b'"' => Some(s..string_end(b, s).unwrap_or(b.len())),
            _ => Some(s..atom_end(b, s)),
        }
    }

    /// The original children of the list at slot `i`, ignoring edits.
    #[inline]
    pub(crate) fn slot_children(&self, i: usize) -> SlotChildren {
        let head = if has_head(self.src.as_bytes(), self.open(i)) { i as u32 | HEAD_BIT } else { NO_HEAD };
        SlotChildren { head, next: i as u32 + 2, end: i as u32 + self.shape(i).size }
    }

    /// Whether slot `i` starts a node (walks from the root; used only to validate foreign ids).
    fn slot_is_node_start(&self, target: usize) -> bool {
        let mut i = 0;
        while i < target {
            let size = self.slot_size(i);
            if size > 1 && target < i + size {
                i += 2; // descend into the list
            } else {
                i += size;
            }
        }
        i == target
    }
}

/// No implicit head (any id with `HEAD_BIT` set is nonzero).
const NO_HEAD: u32 = 0;

/// Walks the original children of one list (see [`Tree::slot_children`]).
#[derive(Clone, Copy)]
pub(crate) struct SlotChildren {
    /// The implicit head still to yield, or `NO_HEAD`.
    head: u32,
    next: u32,
    end: u32,
}

impl SlotChildren {
    #[inline]
    pub(crate) fn next(&mut self, tree: &Tree) -> Option<u32> {
        if self.head != NO_HEAD {
            return Some(std::mem::replace(&mut self.head, NO_HEAD));
        }
        if self.next >= self.end {
            return None;
        }
        let id = self.next;
        self.next += tree.slot_size(id as usize) as u32;
        Some(id)
    }
}

/// Iterator over a list's children, see [`Tree::children`].
pub struct Children<'t> {
    tree: &'t Tree,
    inner: ChildIter<'t>,
}

enum ChildIter<'t> {
    Slots(SlotChildren),
    Edited(std::slice::Iter<'t, Child>),
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    #[inline]
    fn next(&mut self) -> Option<NodeId> {
        match &mut self.inner {
            ChildIter::Slots(s) => s.next(self.tree).map(NodeId),
            ChildIter::Edited(it) => it.next().map(|c| c.id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every node of `t` with its parent, in preorder (a work list, no recursion).
    fn all_nodes(t: &Tree) -> Vec<(NodeId, Option<NodeId>)> {
        let mut out = Vec::new();
        let mut todo = vec![(t.root(), None)];
        while let Some((id, parent)) = todo.pop() {
            out.push((id, parent));
            let kids: Vec<NodeId> = t.children(id).collect();
            todo.extend(kids.into_iter().rev().map(|c| (c, Some(id))));
        }
        out
    }

    const SHAPES: &str = "(a (b c) ( d) (\"s\" x) () (() e) (#f) (g\"h\"))";

    #[test]
    fn implicit_heads_are_nodes_like_any_other() {
        let t = crate::parse(SHAPES).unwrap();
        let nodes = all_nodes(&t);
        let tokens: Vec<&str> = nodes.iter().filter_map(|&(id, _)| t.token(id)).collect();
        assert_eq!(tokens, ["a", "b", "c", "d", "\"s\"", "x", "e", "#f", "g", "\"h\""]);
        for &(id, parent) in &nodes {
            assert!(t.contains(id), "{id:?}");
            assert_eq!(t.parent(id), parent, "{id:?}");
            let span = t.span(id).unwrap();
            match t.token(id) {
                Some(tok) => assert_eq!(&SHAPES[span], tok),
                None => {
                    assert!(SHAPES[span.clone()].starts_with('(') && SHAPES[span].ends_with(')'))
                }
            }
        }
        let heads = nodes.iter().filter(|(id, _)| id.0 & HEAD_BIT != 0).count();
        assert_eq!(heads, 5, "a b \"s\" #f g: tokens right after `(`");
        assert_eq!(t.kind(nodes[8].0), Kind::String);
    }

    #[test]
    fn head_is_agrees_with_the_head_token() {
        let mut t = crate::parse("(a (b c) ( d) (\"s\" x) () (() e) (#f) (g\"h\") (bc) (b) (b(c)) (b\tq))").unwrap();
        let root = t.root();
        // An edited list and an edit-created one take the general path.
        let first = t.node(root).child(1).unwrap().id();
        t.remove(first, 0).unwrap();
        let new = t.parse_node("(b k)").unwrap();
        t.push(root, new).unwrap();
        let heads = ["a", "b", "bc", "c", "d", "\"s\"", "s", "#f", "g", "g\"h\"", "", "b c", "(b", "x"];
        for (id, _) in all_nodes(&t) {
            for h in heads {
                let expected = t.node(id).head() == Some(h);
                assert_eq!(t.head_is(id, h), expected, "{id:?} {h:?}");
            }
        }
        assert!(t.head_is(new, "b") && !t.head_is(first, "b") && t.head_is(first, "c"));
    }

    #[test]
    fn ids_that_name_no_node_are_refused() {
        let t = crate::parse(SHAPES).unwrap();
        let nodes: Vec<NodeId> = all_nodes(&t).into_iter().map(|(id, _)| id).collect();
        for raw in 0..t.slots.len() as u32 + 2 {
            for id in [NodeId(raw), NodeId(raw | HEAD_BIT)] {
                assert_eq!(t.contains(id), nodes.contains(&id), "{id:?}");
            }
        }
        // Slot 1 is the root's record; `( d)`, `()` and `(() e)` have no implicit head.
        assert!(!t.contains(NodeId(1)));
        let no_head = ["( d)", "()", "(() e)"].map(|s| {
            let at = SHAPES.find(s).unwrap();
            nodes.iter().find(|&&id| t.span(id).unwrap().start == at).unwrap().0
        });
        for raw in no_head {
            assert!(t.contains(NodeId(raw)) && !t.contains(NodeId(raw | HEAD_BIT)));
        }
    }

    #[test]
    fn implicit_heads_can_be_edited() {
        let mut t = crate::parse(SHAPES).unwrap();
        let root = t.root();
        let s = t.node(root).child(3).unwrap().child(0).unwrap().id();
        assert_eq!(t.node(s).string().as_deref(), Some("s"));
        let s2 = t.set_string(s, "t u").unwrap();
        assert_eq!(t.parent(s), None, "replaced");
        let a = t.node(root).child(0).unwrap().id();
        t.set_atom(a, "z").unwrap();
        let list = t.node(root).child(7).unwrap().id();
        t.remove(list, 0).unwrap();
        assert_eq!(t.print(), "(z (b c) ( d) (\"t u\" x) () (() e) (#f) (\"h\"))");
        assert_eq!(t.parent(s2).map(|p| t.node(p).child(1).unwrap().atom()), Some(Some("x")));
    }
}
