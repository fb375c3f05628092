//! `Node`: a borrowed view of one node with typed accessors (text, string value, numbers).

use std::borrow::Cow;
use std::ops::Range;

use crate::escape::unquote;
use crate::tree::{Children, Kind, NodeId, Tree};

/// A node of a [`Tree`], as currently edited.
#[derive(Clone, Copy)]
pub struct Node<'t> {
    tree: &'t Tree,
    id: NodeId,
}

impl<'t> Node<'t> {
    pub(crate) fn new(tree: &'t Tree, id: NodeId) -> Self {
        Node { tree, id }
    }

    pub fn id(&self) -> NodeId {
        self.id
    }

    #[inline]
    pub fn kind(&self) -> Kind {
        self.tree.kind(self.id)
    }

    pub fn is_list(&self) -> bool {
        self.kind() == Kind::List
    }

    /// Raw token text (strings keep quotes and escapes); `None` for lists.
    #[inline]
    pub fn token(&self) -> Option<&'t str> {
        self.tree.token(self.id)
    }

    /// Text of a bare atom (`None` for strings and lists).
    pub fn atom(&self) -> Option<&'t str> {
        if self.kind() == Kind::Atom { self.token() } else { None }
    }

    /// Unescaped value of a quoted string (`None` for atoms and lists).
    pub fn string(&self) -> Option<Cow<'t, str>> {
        if self.kind() == Kind::String { self.token().map(unquote) } else { None }
    }

    /// Text of an atom or unescaped value of a string: what KiCad reads as the token's text.
    #[inline]
    pub fn value(&self) -> Option<Cow<'t, str>> {
        match self.kind() {
            Kind::Atom => self.token().map(Cow::Borrowed),
            Kind::String => self.token().map(unquote),
            Kind::List => None,
        }
    }

    /// The atom parsed as a float, on demand (`None` if not an atom or not a number).
    pub fn as_f64(&self) -> Option<f64> {
        self.atom()?.parse().ok()
    }

    /// The atom parsed as an integer, on demand.
    pub fn as_i64(&self) -> Option<i64> {
        self.atom()?.parse().ok()
    }

    /// Children of a list (empty for atoms).
    pub fn children(&self) -> impl Iterator<Item = Node<'t>> + 't {
        let tree = self.tree;
        self.tree.children(self.id).map(move |id| Node::new(tree, id))
    }

    /// Child ids of a list.
    pub fn child_ids(&self) -> Children<'t> {
        self.tree.children(self.id)
    }

    /// The `n`th child.
    pub fn child(&self, n: usize) -> Option<Node<'t>> {
        self.children().nth(n)
    }

    /// Text of a list's first child when it is a bare atom: `footprint` for `(footprint ...)`.
    pub fn head(&self) -> Option<&'t str> {
        self.child(0)?.atom()
    }

    /// First child list whose head is `head`.
    pub fn find(&self, head: &str) -> Option<Node<'t>> {
        self.children().find(|c| self.tree.head_is(c.id(), head))
    }

    /// All child lists whose head is `head`.
    pub fn find_all<'h>(&self, head: &'h str) -> impl Iterator<Item = Node<'t>> + 'h
    where
        't: 'h,
    {
        let tree = self.tree;
        self.children().filter(move |c| tree.head_is(c.id(), head))
    }

    /// Byte span in the source (`None` for edit-created nodes).
    pub fn span(&self) -> Option<Range<usize>> {
        self.tree.span(self.id)
    }

    /// 1-based (line, column) of the node's start in the source.
    pub fn line_col(&self) -> Option<(usize, usize)> {
        self.span().map(|r| self.tree.line_col(r.start))
    }
}

impl std::fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.token() {
            Some(t) => write!(f, "{:?}({t})", self.kind()),
            None => write!(f, "List({:?}, {} children)", self.head(), self.children().count()),
        }
    }
}
