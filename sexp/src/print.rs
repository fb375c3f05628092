//! Lossless printing. Untouched subtrees are copied from the source as one slice; an edited
//! original list prints its children with the whitespace that preceded each of them in the
//! source, and new nodes get whitespace chosen from their siblings' style (own line or inline,
//! tabs or KiCad 6's two spaces) and are laid out inside by the KiCad rules (`format.rs`).

use std::io::Write;

use crate::edit::{Child, Gap, ListEdit};
use crate::format::prettify;
use crate::tree::{Children, HEAD_BIT, Kind, NodeId, SlotChildren, Tree};

const SPACES: &str = "        ";

impl Tree {
    /// Lossless text: an unmodified tree prints its input byte for byte; an edited one keeps
    /// every untouched region's original text.
    pub fn print(&self) -> String {
        let mut out = String::with_capacity(self.src.len() + 64);
        self.print_into(&mut out);
        out
    }

    /// Streams [`Tree::print`]'s output into `w`.
    pub fn write_to<W: Write>(&self, w: &mut W) -> std::io::Result<()> {
        if !self.is_modified() {
            return w.write_all(self.src.as_bytes());
        }
        w.write_all(self.print().as_bytes())
    }

    fn print_into(&self, out: &mut String) {
        let r = self.orig_range(0);
        out.push_str(&self.src[..r.start]);
        self.emit(self.root(), "", out);
        out.push_str(&self.src[r.end..]);
    }

    /// True when no edit touches the original subtree `raw` (edits are keyed by list slot).
    fn untouched(&self, raw: u32) -> bool {
        if raw & HEAD_BIT != 0 || !self.is_list(raw as usize) {
            return true;
        }
        let end = raw + self.shape(raw as usize).size;
        self.edits.lists.range(raw..end).next().is_none()
    }

    /// Emits one node; `base` is the indentation of the line it starts on (for new nodes).
    fn emit(&self, id: NodeId, base: &str, out: &mut String) {
        if id.is_new() {
            let column = out.len() - out.rfind('\n').map_or(0, |k| k + 1);
            prettify(self, id, out, base, self.indent_unit(), column);
            return;
        }
        if self.untouched(id.0) {
            out.push_str(&self.src[self.orig_range(id.0)]);
            return;
        }
        // An original list with edits inside: walk it without recursion.
        let mut stack: Vec<Frame<'_>> = vec![self.frame(id.0 as usize)];
        out.push('(');
        while let Some(top) = stack.last_mut() {
            let Some((child, gap)) = top.next(self) else {
                let close = top.close(self);
                out.push_str(close);
                out.push(')');
                stack.pop();
                continue;
            };
            let gap_text: std::borrow::Cow<'_, str> = match gap {
                Some(g) => self.src[g.start as usize..g.end as usize].into(),
                None => self.auto_gap(top, child).into(),
            };
            out.push_str(&gap_text);
            if child.is_new()
                && let Some(sep) = self.one_line_style(top, child)
            {
                self.compact(child, sep, out);
            } else if child.is_new() {
                let base = match gap_text.rfind('\n') {
                    Some(k) => gap_text[k + 1..].to_owned(),
                    None => self.line_indent(top.list()),
                };
                let column = out.len() - out.rfind('\n').map_or(0, |k| k + 1);
                prettify(self, child, out, &base, self.indent_unit(), column);
            } else if self.untouched(child.0) {
                out.push_str(&self.src[self.orig_range(child.0)]);
            } else {
                out.push('(');
                stack.push(self.frame(child.0 as usize));
            }
        }
    }

    fn frame(&self, i: usize) -> Frame<'_> {
        match self.edits.lists.get(&(i as u32)) {
            Some(e) => Frame::Edited { list: i, edit: e, pos: 0 },
            None => Frame::Orig { list: i, children: self.slot_children(i), prev_end: self.open(i) + 1 },
        }
    }

    /// Whitespace before a new (or moved-to-front) child, in the style of its siblings.
    fn auto_gap(&self, frame: &Frame<'_>, child: NodeId) -> String {
        let Frame::Edited { list, edit, pos } = frame else {
            return " ".into();
        };
        let k = pos - 1; // `next` already advanced
        if k == 0 {
            return String::new();
        }
        if self.kind(child) != Kind::List {
            return " ".into();
        }
        // Nearest original list sibling that did not start its list: copy its whitespace.
        let sibling_gap = |c: &Child| {
            (!c.id.is_new() && !c.gap.is_auto() && c.gap != edit.first_gap && self.kind(c.id) == Kind::List)
                .then_some(c.gap)
        };
        let before = edit.children[..k].iter().rev().find_map(sibling_gap);
        let found = before.or_else(|| edit.children[k + 1..].iter().find_map(sibling_gap));
        match found {
            Some(g) => {
                let text = &self.src[g.start as usize..g.end as usize];
                if text.contains('\n') { text.to_owned() } else { " ".into() }
            }
            None => format!("\n{}{}", self.line_indent(*list), self.indent_unit()),
        }
    }

    /// A new list is written on one line when an original sibling with the same head is (KiCad's
    /// library tables put each `(lib …)` on one line): returns what that sibling puts between a
    /// token or list and a following list (`""` for `)(`, else a space).
    fn one_line_style(&self, frame: &Frame<'_>, child: NodeId) -> Option<&'static str> {
        let Frame::Edited { edit, .. } = frame else {
            return None;
        };
        let head = self.list_head(child)?;
        let sibling = edit.children.iter().find(|c| !c.id.is_new() && self.list_head(c.id) == Some(head))?;
        let text = &self.src[self.orig_range(sibling.id.0)];
        if text.contains('\n') {
            return None;
        }
        Some(if text.contains(")(") { "" } else { " " })
    }

    fn list_head(&self, id: NodeId) -> Option<&str> {
        if self.kind(id) != Kind::List {
            return None;
        }
        let first = self.children(id).next()?;
        if self.kind(first) == Kind::Atom { self.token(first) } else { None }
    }

    /// Writes node `id` on one line: a space between tokens, `sep` between two lists.
    fn compact(&self, id: NodeId, sep: &str, out: &mut String) {
        if self.kind(id) != Kind::List {
            out.push_str(self.token(id).unwrap_or(""));
            return;
        }
        out.push('(');
        // Per open list: its children, and what the previous child was (None: nothing yet).
        let mut stack: Vec<(Children<'_>, Option<bool>)> = vec![(self.children(id), None)];
        while let Some((it, prev_list)) = stack.last_mut() {
            let Some(c) = it.next() else {
                out.push(')');
                stack.pop();
                if let Some((_, p)) = stack.last_mut() {
                    *p = Some(true);
                }
                continue;
            };
            let is_list = self.kind(c) == Kind::List;
            match *prev_list {
                None => {}
                Some(true) if is_list => out.push_str(sep),
                Some(_) => out.push(' '),
            }
            *prev_list = Some(is_list);
            if is_list {
                out.push('(');
                stack.push((self.children(c), None));
            } else {
                out.push_str(self.token(c).unwrap_or(""));
            }
        }
    }

    /// Leading blanks of the source line holding original node `i`.
    fn line_indent(&self, i: usize) -> String {
        let b = self.src.as_bytes();
        let start = self.open(i);
        let line = memchr::memrchr(b'\n', &b[..start]).map_or(0, |k| k + 1);
        let n = b[line..start].iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        self.src[line..line + n].to_owned()
    }

    /// The file's indent unit: a tab (KiCad 7+) or the first indented line's spaces (KiCad 6: 2).
    pub(crate) fn indent_unit(&self) -> &'static str {
        let b = self.src.as_bytes();
        for nl in memchr::memchr_iter(b'\n', b) {
            match b.get(nl + 1) {
                Some(b'\t') => return "\t",
                Some(b' ') => {
                    let n = b[nl + 1..].iter().take_while(|&&c| c == b' ').count();
                    return &SPACES[..n.min(SPACES.len())];
                }
                _ => {}
            }
        }
        "\t"
    }
}

/// One original list being printed.
enum Frame<'t> {
    /// No edit of its own (edits are deeper): children and gaps straight from the source.
    Orig { list: usize, children: SlotChildren, prev_end: usize },
    /// Its children were edited.
    Edited { list: usize, edit: &'t ListEdit, pos: usize },
}

impl<'t> Frame<'t> {
    fn list(&self) -> usize {
        match self {
            Frame::Orig { list, .. } | Frame::Edited { list, .. } => *list,
        }
    }

    /// The next child and the source gap before it (`None`: choose one by style).
    fn next(&mut self, tree: &Tree) -> Option<(NodeId, Option<Gap>)> {
        match self {
            Frame::Orig { children, prev_end, .. } => {
                let id = children.next(tree)?;
                let r = tree.orig_range(id);
                let gap = Gap { start: *prev_end as u32, end: r.start as u32 };
                *prev_end = r.end;
                Some((NodeId(id), Some(gap)))
            }
            Frame::Edited { edit, pos, .. } => {
                let c = *edit.children.get(*pos)?;
                let k = *pos;
                *pos += 1;
                let gap = if k == 0 {
                    // Whatever is first now sits where the original first child sat.
                    Some(edit.first_gap)
                } else if c.gap.is_auto() || c.gap == edit.first_gap {
                    None
                } else {
                    Some(c.gap)
                };
                Some((c.id, gap))
            }
        }
    }

    /// Source text between the last child and `)`.
    fn close(&self, tree: &'t Tree) -> &'t str {
        match self {
            Frame::Orig { list, prev_end, .. } => &tree.src[*prev_end..tree.shape(*list).close as usize],
            Frame::Edited { edit, .. } => &tree.src[edit.close_gap.start as usize..edit.close_gap.end as usize],
        }
    }
}
