//! `Tree::update`: make a subtree equal to a freshly built one with the fewest local edits, so a
//! typed layer can re-encode a whole object and still get a minimal diff. Children are paired
//! in order (see `LOOKAHEAD`): same head and same first argument (e.g. `(pad "3" ...)`) first, then skipping old
//! children when a later one pairs exactly (they were removed), then same head, else the new
//! child is inserted; equal tokens are left alone, so their text and whitespace stay as they were.

use crate::edit::{EditError, NewKind};

/// How far ahead an old child is looked for before the new one counts as inserted (keeps the
/// pairing linear on lists with thousands of children).
const LOOKAHEAD: usize = 64;
use crate::tree::{Kind, NodeId, Tree};

impl Tree {
    /// Makes the subtree at `old` equal, token for token, to the detached subtree `new`
    /// (for example built with [`Tree::parse_node`]). Unchanged tokens keep their original text
    /// and surrounding whitespace; `new` is consumed (its nodes are moved in where needed).
    pub fn update(&mut self, old: NodeId, new: NodeId) -> Result<(), EditError> {
        if !new.is_new() || self.edits.new[new.new_index()].parent.is_some() || self.edits.root == Some(new) {
            return Err(EditError::NotDetached(new));
        }
        let (ko, kn) = (self.kind(old), self.kind(new));
        if (ko == Kind::List) != (kn == Kind::List) {
            return self.replace_node(old, new);
        }
        if ko != Kind::List {
            if self.token(old) != self.token(new) {
                return self.replace_node(old, new);
            }
            return Ok(());
        }
        if old != self.root() && self.parent(old).is_none() {
            return Err(EditError::NotInTree(old));
        }
        let mut work = vec![(old, new)];
        while let Some((o, n)) = work.pop() {
            let oc: Vec<NodeId> = self.children(o).collect();
            let nc: Vec<NodeId> = self.children(n).collect();
            // `n` gives its children away: detach them all first.
            if let NewKind::List(v) = &mut self.edits.new[n.new_index()].kind {
                v.clear();
            }
            for &c in &nc {
                self.edits.new[c.new_index()].parent = None;
            }
            let (mut i, mut pos) = (0, 0);
            for &c in &nc {
                let exact_here = i < oc.len() && self.pairs(oc[i], c, true);
                let later = if exact_here {
                    None
                } else {
                    (i + 1..oc.len().min(i + 1 + LOOKAHEAD)).find(|&k| self.pairs(oc[k], c, true))
                };
                if let Some(k) = later {
                    for _ in i..k {
                        self.remove(o, pos)?;
                    }
                    i = k;
                }
                if i < oc.len() && self.pairs(oc[i], c, false) {
                    let (a, b) = (oc[i], c);
                    if self.kind(a) == Kind::List {
                        work.push((a, b));
                    } else if self.token(a) != self.token(b) {
                        self.replace(o, pos, b)?;
                    }
                    i += 1;
                } else {
                    self.insert(o, pos, c)?;
                }
                pos += 1;
            }
            for _ in i..oc.len() {
                self.remove(o, pos)?;
            }
        }
        Ok(())
    }

    /// Whether old child `a` and new child `b` are the same thing (to update in place):
    /// both tokens, or both lists with the same head (and, if `exact`, the same first argument
    /// and for tokens the same text).
    fn pairs(&self, a: NodeId, b: NodeId, exact: bool) -> bool {
        let (ka, kb) = (self.kind(a), self.kind(b));
        if (ka == Kind::List) != (kb == Kind::List) {
            return false;
        }
        if ka != Kind::List {
            return !exact || self.token(a) == self.token(b);
        }
        let mut ca = self.children(a);
        let mut cb = self.children(b);
        if ca.next().and_then(|c| self.token(c)) != cb.next().and_then(|c| self.token(c)) {
            return false;
        }
        !exact || ca.next().and_then(|c| self.token(c)) == cb.next().and_then(|c| self.token(c))
    }
}
