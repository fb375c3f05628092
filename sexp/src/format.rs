//! The layout KiCad 8 and later write (KiCad 7, version 20221018, still wrote two-space indents),
//! following the rules of KiCad's `KICAD_FORMAT::Prettify` (facts from its source, our own code): every list opens on its own line one indent deeper, except that a
//! `(xy ...)` following an `(xy ...)` stays on the same line while the column is below 99; atoms
//! are separated by one space, but past column 72 (outside xy runs) the separator becomes a new
//! line, which also puts that list's `)` on its own line; a `)` goes on its own line when it
//! follows another `)`; otherwise `)` closes on the same line. Tokens are copied verbatim.
//! Columns count bytes and one per indent unit, as KiCad does.
//!
//! Library tables (`fp-lib-table`, `sym-lib-table`, `design-block-lib-table`) are not prettified by
//! KiCad: it writes each entry on one line, two spaces in, sub-lists back to back
//! (`(lib (name "x")(type "KiCad")(uri "…")(options "")(descr ""))`), and [`format_kicad`] does the same.

use crate::tree::{Children, Kind, NodeId, Tree};

const XY_COLUMN_LIMIT: usize = 99;
const WRAP_COLUMN: usize = 72;
/// Indentation stops growing here so output stays linear in the input even for absurd nesting
/// (a million levels would otherwise need ~10^12 tabs); KiCad files nest fewer than 20 levels.
pub const MAX_INDENT_LEVELS: usize = 64;

/// Lays out `tree` (as edited) the way KiCad 8 and later write files: one tab per level (library
/// tables: one entry per line). The text ends with a newline when the parsed source did (KiCad 9
/// and 10 end footprints with one, the KiCad 8 libraries do not; every other kind always has one),
/// and always when the source is empty. Indentation is capped at [`MAX_INDENT_LEVELS`] levels (far
/// deeper than any KiCad file).
pub fn format_kicad(tree: &Tree) -> String {
    let mut out = String::with_capacity(tree.source().len() + tree.source().len() / 8);
    let root = tree.root();
    if is_lib_table(tree.node(root).head()) {
        lib_table(tree, root, &mut out);
    } else {
        prettify(tree, root, &mut out, "", "\t", 0);
    }
    let source = tree.source();
    if source.is_empty() || source.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Roots of the files KiCad writes in its library-table layout.
pub fn is_lib_table(head: Option<&str>) -> bool {
    matches!(head, Some("fp_lib_table" | "sym_lib_table" | "design_block_lib_table"))
}

/// `(head` then each child on its own line two spaces in, written compactly, then `)` on its own line.
fn lib_table(tree: &Tree, root: NodeId, out: &mut String) {
    let mut children = tree.children(root);
    out.push('(');
    if let Some(head) = children.next() {
        compact(tree, head, out);
    }
    for c in children {
        if tree.kind(c) == Kind::List {
            out.push_str("\n  ");
        } else {
            out.push(' ');
        }
        compact(tree, c, out);
    }
    out.push_str("\n)");
}

/// One node on one line: atoms separated by a space, a list after a list with none, as KiCad's
/// library-table writer does. Iterative, so nesting depth cannot exhaust the stack.
fn compact(tree: &Tree, id: NodeId, out: &mut String) {
    if tree.kind(id) != Kind::List {
        out.push_str(tree.token(id).unwrap_or(""));
        return;
    }
    out.push('(');
    let mut previous_was_list = false;
    let mut first = true;
    let mut stack: Vec<Children<'_>> = vec![tree.children(id)];
    while let Some(it) = stack.last_mut() {
        match it.next() {
            Some(c) => {
                let list = tree.kind(c) == Kind::List;
                if !first && !(list && previous_was_list) {
                    out.push(' ');
                }
                if list {
                    out.push('(');
                    stack.push(tree.children(c));
                    first = true;
                } else {
                    out.push_str(tree.token(c).unwrap_or(""));
                    first = false;
                    previous_was_list = false;
                }
            }
            None => {
                stack.pop();
                out.push(')');
                first = false;
                previous_was_list = true;
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Open,
    Atom,
    Close,
}

/// Appends node `id` laid out by the KiCad rules. Lines it starts are indented with `base`
/// followed by `unit` per level below `id`; `column` is where the output currently stands.
pub(crate) fn prettify(tree: &Tree, id: NodeId, out: &mut String, base: &str, unit: &str, column: usize) {
    let mut p = Pretty { out, base, unit, depth: 0, column, last: Last::Nothing, in_xy: false, multi: false };
    if tree.kind(id) != Kind::List {
        p.atom(tree.token(id).unwrap_or(""), true);
        return;
    }
    p.open(is_xy(tree, id));
    // Source end of the token just emitted, to see whether the next one followed it without
    // whitespace (`(a)b`, `"a""b"`): KiCad only puts a space where the input had whitespace.
    let mut last_end: Option<usize> = None;
    let mut stack: Vec<(NodeId, Children<'_>)> = vec![(id, tree.children(id))];
    while let Some((_, it)) = stack.last_mut() {
        match it.next() {
            Some(c) if tree.kind(c) == Kind::List => {
                p.open(is_xy(tree, c));
                stack.push((c, tree.children(c)));
                last_end = None;
            }
            Some(c) => {
                let span = tree.span(c);
                let spaced = match (last_end, &span) {
                    (Some(e), Some(r)) => e != r.start,
                    _ => true,
                };
                p.atom(tree.token(c).unwrap_or(""), spaced);
                last_end = span.map(|r| r.end);
            }
            None => {
                let (list, _) = stack.pop().expect("non-empty");
                p.close();
                last_end = tree.span(list).map(|r| r.end);
            }
        }
    }
}

/// KiCad tests the text `(xy ` : head atom `xy` followed by something.
fn is_xy(tree: &Tree, id: NodeId) -> bool {
    let mut c = tree.children(id);
    c.next().and_then(|h| tree.token(h)) == Some("xy") && c.next().is_some()
}

struct Pretty<'o> {
    out: &'o mut String,
    base: &'o str,
    unit: &'o str,
    depth: usize,
    column: usize,
    last: Last,
    in_xy: bool,
    multi: bool,
}

impl Pretty<'_> {
    fn newline(&mut self) {
        self.out.push('\n');
        self.out.push_str(self.base);
        let levels = self.depth.min(MAX_INDENT_LEVELS);
        for _ in 0..levels {
            self.out.push_str(self.unit);
        }
        self.column = self.base.len() + levels * self.unit.len();
    }

    fn open(&mut self, xy: bool) {
        if self.last == Last::Nothing {
            self.out.push('(');
            self.column += 1;
        } else if self.in_xy && xy && self.column < XY_COLUMN_LIMIT {
            self.out.push_str(" (");
            self.column += 2;
        } else {
            self.newline();
            self.out.push('(');
            self.column += 1;
        }
        self.in_xy = xy;
        self.depth += 1;
        self.last = Last::Open;
    }

    fn atom(&mut self, text: &str, spaced: bool) {
        if spaced && matches!(self.last, Last::Atom | Last::Close) {
            // (An atom starting with `#` is never wrapped to a line start, where it would read
            // back as a comment; KiCad itself always quotes such text.)
            if self.in_xy || self.column < WRAP_COLUMN || text.starts_with('#') {
                self.out.push(' ');
                self.column += 1;
            } else {
                self.newline();
                self.multi = true;
            }
        }
        self.out.push_str(text);
        self.column += text.len();
        self.last = Last::Atom;
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if self.last == Last::Close || self.multi {
            self.newline();
            self.out.push(')');
            self.column += 1;
            self.multi = false;
        } else {
            self.out.push(')');
            self.column += 1;
        }
        self.last = Last::Close;
    }
}
