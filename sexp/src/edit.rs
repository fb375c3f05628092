//! Editing: replace, insert and remove nodes, set atom values.
//!
//! The parsed arena is never rewritten. An original list whose children change gets an entry in
//! `Edits::lists` holding its new child sequence; each child remembers the source whitespace
//! ("gap") that preceded it, so untouched neighbours print exactly as before. Nodes created by
//! edits live in `Edits::new` and may only contain other created nodes; an original node can be
//! put elsewhere by copying it ([`Tree::copy_node`]).

use std::collections::BTreeMap;
use std::fmt;

use crate::error::ParseError;
use crate::escape::quote;
use crate::lex::is_bare_atom;
use crate::tree::{HEAD_BIT, Kind, NEW_BIT, NodeId, Tree};

#[derive(Default, Clone)]
pub(crate) struct Edits {
    /// Original list slot -> its edited children.
    pub(crate) lists: BTreeMap<u32, ListEdit>,
    /// Edit-created nodes, indexed by `NodeId::new_index`.
    pub(crate) new: Vec<NewNode>,
    /// A replaced root.
    pub(crate) root: Option<NodeId>,
    /// For each list whose children an edit changed (by raw id), the number of that change among all
    /// of this tree's: see [`Tree::children_version`].
    pub(crate) versions: BTreeMap<u32, u64>,
    /// Changes of children made so far.
    pub(crate) changes: u64,
}

#[derive(Clone)]
pub(crate) struct ListEdit {
    pub(crate) children: Vec<Child>,
    /// Gap before the original first child (used by whichever child ends up first).
    pub(crate) first_gap: Gap,
    /// Gap between the original last child and `)`.
    pub(crate) close_gap: Gap,
}

#[derive(Clone, Copy)]
pub(crate) struct Child {
    pub(crate) id: NodeId,
    pub(crate) gap: Gap,
}

/// A source range of whitespace, or AUTO: choose it from the surrounding style when printing.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Gap {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

impl Gap {
    pub(crate) const AUTO: Gap = Gap { start: u32::MAX, end: u32::MAX };
    pub(crate) fn is_auto(self) -> bool {
        self.start == u32::MAX
    }
}

#[derive(Clone)]
pub(crate) struct NewNode {
    pub(crate) kind: NewKind,
    pub(crate) parent: Option<NodeId>,
}

#[derive(Clone)]
pub(crate) enum NewKind {
    /// Raw token text (a string keeps its quotes).
    Atom(Box<str>),
    List(Vec<Child>),
}

/// Why an edit was refused; the tree is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The node is not a list (children can only be edited on lists).
    NotAList(NodeId),
    /// The node is a list where an atom or string was expected.
    NotAnAtom(NodeId),
    /// `index` is past the end of a list with `len` children.
    IndexOutOfRange { index: usize, len: usize },
    /// Only detached edit-created nodes can be inserted (copy original nodes with `copy_node`).
    NotDetached(NodeId),
    /// Inserting the node would make it its own ancestor.
    Cycle(NodeId),
    /// The node is not part of the tree (removed, or the root has no parent).
    NotInTree(NodeId),
    /// The text is not a valid bare atom (empty, contains whitespace, parentheses or `"`,
    /// or starts with `#`); use a string instead.
    InvalidAtom(String),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotAList(n) => write!(f, "node {n:?} is not a list"),
            EditError::NotAnAtom(n) => write!(f, "node {n:?} is a list, not an atom or string"),
            EditError::IndexOutOfRange { index, len } => {
                write!(f, "index {index} out of range for a list of {len} children")
            }
            EditError::NotDetached(n) => {
                write!(f, "node {n:?} is an original or already attached node; insert a copy (copy_node)")
            }
            EditError::Cycle(n) => write!(f, "inserting node {n:?} there would make a cycle"),
            EditError::NotInTree(n) => write!(f, "node {n:?} is not in the tree"),
            EditError::InvalidAtom(t) => write!(f, "{t:?} is not a valid bare atom"),
        }
    }
}

impl std::error::Error for EditError {}

impl Tree {
    /// True once any edit changed the tree.
    pub fn is_modified(&self) -> bool {
        !self.edits.lists.is_empty() || self.edits.root.is_some()
    }

    /// Creates a detached bare atom (keyword, number, ...).
    pub fn new_atom(&mut self, text: &str) -> Result<NodeId, EditError> {
        if !is_bare_atom(text) {
            return Err(EditError::InvalidAtom(text.to_owned()));
        }
        Ok(self.alloc(NewKind::Atom(text.into())))
    }

    /// Creates a detached quoted string holding `value` (escaped as KiCad does).
    pub fn new_string(&mut self, value: &str) -> NodeId {
        self.alloc(NewKind::Atom(quote(value).into()))
    }

    /// Creates a detached list of detached nodes.
    pub fn new_list(&mut self, children: &[NodeId]) -> Result<NodeId, EditError> {
        for (k, &c) in children.iter().enumerate() {
            self.check_detached(c)?;
            if children[..k].contains(&c) {
                return Err(EditError::NotDetached(c));
            }
        }
        let list = self.alloc(NewKind::List(Vec::with_capacity(children.len())));
        for &c in children {
            self.edits.new[c.new_index()].parent = Some(list);
        }
        if let NewKind::List(v) = &mut self.edits.new[list.new_index()].kind {
            v.extend(children.iter().map(|&id| Child { id, gap: Gap::AUTO }));
        }
        Ok(list)
    }

    /// Parses `text` (one list, e.g. `(at 1 2)`) into detached nodes of this tree.
    pub fn parse_node(&mut self, text: &str) -> Result<NodeId, ParseError> {
        let t = crate::parse(text)?;
        Ok(self.import(&t, t.root()))
    }

    /// Deep-copies node `id` of `other` (as currently edited) into detached nodes of this tree.
    pub fn import(&mut self, other: &Tree, id: NodeId) -> NodeId {
        let base = self.edits.new.len();
        let copied = copy_subtree(other, id, base);
        self.edits.new.extend(copied);
        NodeId(NEW_BIT | base as u32)
    }

    /// Deep-copies one of this tree's nodes into detached nodes.
    pub fn copy_node(&mut self, id: NodeId) -> NodeId {
        let base = self.edits.new.len();
        let copied = copy_subtree(self, id, base);
        self.edits.new.extend(copied);
        NodeId(NEW_BIT | base as u32)
    }

    /// Inserts detached `child` into list `parent` before position `index` (`len` appends).
    pub fn insert(&mut self, parent: NodeId, index: usize, child: NodeId) -> Result<(), EditError> {
        self.check_insertable(parent, child)?;
        let v = self.child_vec(parent)?;
        if index > v.len() {
            return Err(EditError::IndexOutOfRange { index, len: v.len() });
        }
        v.insert(index, Child { id: child, gap: Gap::AUTO });
        self.edits.new[child.new_index()].parent = Some(parent);
        Ok(())
    }

    /// Appends detached `child` to list `parent`.
    pub fn push(&mut self, parent: NodeId, child: NodeId) -> Result<(), EditError> {
        let len = self.children(parent).count();
        self.insert(parent, len, child)
    }

    /// Removes and returns child `index` of `parent` (an original node stays readable).
    pub fn remove(&mut self, parent: NodeId, index: usize) -> Result<NodeId, EditError> {
        let v = self.child_vec(parent)?;
        if index >= v.len() {
            return Err(EditError::IndexOutOfRange { index, len: v.len() });
        }
        let old = v.remove(index).id;
        if old.is_new() {
            self.edits.new[old.new_index()].parent = None;
        }
        Ok(old)
    }

    /// Puts detached `child` in place of child `index` of `parent`, keeping the replaced node's
    /// surrounding whitespace; returns the replaced node.
    pub fn replace(&mut self, parent: NodeId, index: usize, child: NodeId) -> Result<NodeId, EditError> {
        self.check_insertable(parent, child)?;
        let v = self.child_vec(parent)?;
        let len = v.len();
        let slot = v.get_mut(index).ok_or(EditError::IndexOutOfRange { index, len })?;
        let old = std::mem::replace(&mut slot.id, child);
        if old.is_new() {
            self.edits.new[old.new_index()].parent = None;
        }
        self.edits.new[child.new_index()].parent = Some(parent);
        Ok(old)
    }

    /// Puts detached `new` in place of `old` wherever `old` is (the root included).
    pub fn replace_node(&mut self, old: NodeId, new: NodeId) -> Result<(), EditError> {
        if old == self.root() {
            self.check_detached(new)?;
            if self.kind(new) != Kind::List {
                return Err(EditError::NotAList(new));
            }
            if old.is_new() {
                self.edits.new[old.new_index()].parent = None;
            }
            self.edits.root = Some(new);
            return Ok(());
        }
        let parent = self.parent(old).ok_or(EditError::NotInTree(old))?;
        let index = self.children(parent).position(|c| c == old).ok_or(EditError::NotInTree(old))?;
        self.replace(parent, index, new).map(|_| ())
    }

    /// Sets an atom's text (validated as a bare atom); returns the id now holding the value
    /// (an original atom is replaced by a new one, so a one-token edit is a one-token diff).
    pub fn set_atom(&mut self, node: NodeId, text: &str) -> Result<NodeId, EditError> {
        if !is_bare_atom(text) {
            return Err(EditError::InvalidAtom(text.to_owned()));
        }
        self.set_token(node, text.into())
    }

    /// Sets a node's value to the quoted string `value`; see [`Tree::set_atom`].
    pub fn set_string(&mut self, node: NodeId, value: &str) -> Result<NodeId, EditError> {
        self.set_token(node, quote(value).into())
    }

    /// A number that changes whenever the children of list `id` change (a child inserted, removed or
    /// replaced, a token of it set), and only then: 0 while they are the ones it was parsed or made with.
    /// What is read from a list's children (the items of a list field) can be kept while it is the same.
    pub fn children_version(&self, id: NodeId) -> u64 {
        self.edits.versions.get(&id.0).copied().unwrap_or(0)
    }

    /// The list holding `node` in the tree as edited (`None` for the root or a removed node).
    pub fn parent(&self, node: NodeId) -> Option<NodeId> {
        if node.is_new() {
            return self.edits.new.get(node.new_index())?.parent;
        }
        // Where `node` sits in the arena: an implicit head sits just inside its list.
        let pos = if node.0 & HEAD_BIT != 0 { (node.0 & !HEAD_BIT) + 1 } else { node.0 };
        let mut cur = self.root();
        loop {
            if cur == node || self.kind(cur) != Kind::List {
                return None;
            }
            let mut next = None;
            for c in self.children(cur) {
                if c == node {
                    return Some(cur);
                }
                if !c.is_new() && self.kind(c) == Kind::List && c.0 < pos && pos < c.0 + self.shape(c.0 as usize).size {
                    next = Some(c);
                    break;
                }
            }
            cur = next?;
        }
    }

    // ---- internals ----

    fn alloc(&mut self, kind: NewKind) -> NodeId {
        let id = NodeId(NEW_BIT | self.edits.new.len() as u32);
        self.edits.new.push(NewNode { kind, parent: None });
        id
    }

    fn set_token(&mut self, node: NodeId, token: Box<str>) -> Result<NodeId, EditError> {
        if self.kind(node) == Kind::List {
            return Err(EditError::NotAnAtom(node));
        }
        if node.is_new() {
            self.edits.new[node.new_index()].kind = NewKind::Atom(token);
            return Ok(node);
        }
        let parent = self.parent(node).ok_or(EditError::NotInTree(node))?;
        let index = self.children(parent).position(|c| c == node).ok_or(EditError::NotInTree(node))?;
        let new = self.alloc(NewKind::Atom(token));
        self.replace(parent, index, new)?;
        Ok(new)
    }

    fn check_detached(&self, child: NodeId) -> Result<(), EditError> {
        if !child.is_new()
            || child.new_index() >= self.edits.new.len()
            || self.edits.new[child.new_index()].parent.is_some()
            || self.edits.root == Some(child)
        {
            return Err(EditError::NotDetached(child));
        }
        Ok(())
    }

    fn check_insertable(&self, parent: NodeId, child: NodeId) -> Result<(), EditError> {
        self.check_detached(child)?;
        let mut p = Some(parent);
        while let Some(x) = p {
            if x == child {
                return Err(EditError::Cycle(child));
            }
            if !x.is_new() {
                break;
            }
            p = self.edits.new[x.new_index()].parent;
        }
        Ok(())
    }

    /// The mutable child sequence of a list, materialising an original list's edit entry. Every caller
    /// changes the children, so the list's version moves on here.
    fn child_vec(&mut self, parent: NodeId) -> Result<&mut Vec<Child>, EditError> {
        if self.kind(parent) != Kind::List {
            return Err(EditError::NotAList(parent));
        }
        self.edits.changes += 1;
        self.edits.versions.insert(parent.0, self.edits.changes);
        if parent.is_new() {
            return match &mut self.edits.new[parent.new_index()].kind {
                NewKind::List(v) => Ok(v),
                NewKind::Atom(_) => Err(EditError::NotAList(parent)),
            };
        }
        let p = parent.0;
        if !self.edits.lists.contains_key(&p) {
            let entry = self.original_children(p as usize);
            self.edits.lists.insert(p, entry);
        }
        Ok(&mut self.edits.lists.get_mut(&p).expect("just inserted").children)
    }

    fn original_children(&self, p: usize) -> ListEdit {
        let open = self.open(p) as u32;
        let mut prev_end = open + 1;
        let mut children = Vec::new();
        let mut it = self.slot_children(p);
        while let Some(c) = it.next(self) {
            let r = self.orig_range(c);
            children.push(Child { id: NodeId(c), gap: Gap { start: prev_end, end: r.start as u32 } });
            prev_end = r.end as u32;
        }
        let first_gap = children.first().map_or(Gap { start: open + 1, end: open + 1 }, |c| c.gap);
        ListEdit { children, first_gap, close_gap: Gap { start: prev_end, end: self.shape(p).close } }
    }
}

/// Copies `id` of `from` into new nodes numbered from `base`, without recursion.
fn copy_subtree(from: &Tree, id: NodeId, base: usize) -> Vec<NewNode> {
    let shallow = |n: NodeId| match from.token(n) {
        Some(t) => NewKind::Atom(t.into()),
        None => NewKind::List(Vec::new()),
    };
    let mut out = vec![NewNode { kind: shallow(id), parent: None }];
    let mut todo = vec![(0usize, id)];
    while let Some((dst, src)) = todo.pop() {
        for c in from.children(src) {
            let k = out.len();
            let cid = NodeId(NEW_BIT | (base + k) as u32);
            out.push(NewNode { kind: shallow(c), parent: Some(NodeId(NEW_BIT | (base + dst) as u32)) });
            if let NewKind::List(v) = &mut out[dst].kind {
                v.push(Child { id: cid, gap: Gap::AUTO });
            }
            if from.kind(c) == Kind::List {
                todo.push((k, c));
            }
        }
    }
    out
}
