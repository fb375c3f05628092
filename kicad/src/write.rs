//! Writing fields: every change goes through the engine's edit API, so it is laid out in the file's
//! own style and a one-value change is a one-token diff. A field that was absent is inserted where
//! KiCad writes it: after the last present field declared before it.

use pyzig_sexp::{Kind, NodeId, Tree};

use crate::decl::{Count, FieldDecl, Key, TypeDecl, ValueKind};
use crate::error::WriteError;
use crate::read::{child_list, field_name, head, is_positional, list_items, locate, nth_token};

/// A scalar to write.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    Str(&'a str),
    /// A keyword, written as a bare token (a field of kind [`ValueKind::Sym`]).
    Sym(&'a str),
    Int(i64),
    Float(f64),
    Bool(bool),
}

/// How the file writes what KiCad versions write differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// `(locked yes)` (KiCad 8 and later) rather than a bare `locked` (KiCad 6 and 7).
    pub yes_no_flags: bool,
}

/// The number KiCad 8 (file format 20240108 and later for boards and footprints) starts writing
/// `(hide yes)`-style flags with.
pub const YES_NO_FLAGS_SINCE: i64 = 20240108;

impl Style {
    /// The style of the file whose root `(version N)` is `version` (`None`: the current KiCad's).
    pub fn for_version(version: Option<i64>) -> Style {
        Style { yes_no_flags: version.is_none_or(|v| v >= YES_NO_FLAGS_SINCE) }
    }

    /// The style of `tree`, read from its root's `(version N)`.
    pub fn of(tree: &Tree) -> Style {
        let version = child_list(tree, tree.root(), "version")
            .and_then(|(_, v)| tree.children(v).nth(1))
            .and_then(|t| tree.node(t).as_i64());
        Style::for_version(version)
    }
}

/// Text of a number as KiCad writes it: the shortest form that reads back exactly, no exponent, no
/// `-0`, and at most 10 decimals (KiCad keeps lengths in nanometres and writes at most 10 decimals, so
/// arithmetic noise such as `2.2699999999999996` from `1.27 + 1` is written `2.27`).
pub fn format_float(v: f64) -> Option<String> {
    if !v.is_finite() {
        return None;
    }
    let short = format!("{v}");
    let decimals = short.split_once('.').map_or(0, |(_, d)| d.len());
    let text = if decimals > 10 {
        let fixed = format!("{v:.10}");
        fixed.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        short
    };
    Some(if text == "-0" || text == "0" || v == 0.0 { "0".to_owned() } else { text })
}

fn scalar_text(field: &str, value: Scalar<'_>) -> Result<String, WriteError> {
    Ok(match value {
        Scalar::Str(s) | Scalar::Sym(s) => s.to_owned(),
        Scalar::Int(i) => i.to_string(),
        Scalar::Float(f) => format_float(f).ok_or_else(|| WriteError::BadValue {
            field: field.to_owned(),
            message: format!("{f} cannot be written to a KiCad file (finite numbers only)"),
        })?,
        Scalar::Bool(b) => (if b { "yes" } else { "no" }).to_owned(),
    })
}

/// A new detached token for `value`. Text keeps the quoting of `like` (the token it replaces) when it
/// can; new text is quoted, as KiCad 7+ writes it.
fn new_token(tree: &mut Tree, field: &str, value: Scalar<'_>, like: Option<NodeId>) -> Result<NodeId, WriteError> {
    let text = scalar_text(field, value)?;
    if let Scalar::Sym(_) = value {
        return keyword(tree.new_atom(&text), field, &text);
    }
    if let Scalar::Str(_) = value {
        let bare = like.is_some_and(|l| tree.kind(l) == Kind::Atom);
        if bare && let Ok(id) = tree.new_atom(&text) {
            return Ok(id);
        }
        return Ok(tree.new_string(&text));
    }
    Ok(tree.new_atom(&text)?)
}

/// A keyword's token, or the error saying the text cannot be one.
fn keyword<E>(made: Result<NodeId, E>, field: &str, text: &str) -> Result<NodeId, WriteError> {
    made.map_err(|_| WriteError::BadValue {
        field: field.to_owned(),
        message: format!("{text:?} is not a keyword (a bare token: no space, quote or parenthesis)"),
    })
}

/// Sets an existing token's value in its own style; returns the id now holding it.
fn set_token(tree: &mut Tree, field: &str, at: NodeId, value: Scalar<'_>) -> Result<NodeId, WriteError> {
    let text = scalar_text(field, value)?;
    match value {
        Scalar::Sym(_) => keyword(tree.set_atom(at, &text), field, &text),
        Scalar::Str(_) if tree.kind(at) == Kind::Atom => match tree.set_atom(at, &text) {
            Ok(id) => Ok(id),
            Err(_) => Ok(tree.set_string(at, &text)?),
        },
        Scalar::Str(_) => Ok(tree.set_string(at, &text)?),
        _ => Ok(tree.set_atom(at, &text)?),
    }
}

/// Which declared field a child belongs to (`None`: unknown to the declaration, or the head).
fn field_of(tree: &Tree, decl: &TypeDecl, c: NodeId, tokens_before: usize) -> Option<usize> {
    match tree.kind(c) {
        Kind::List => {
            let h = head(tree, c)?;
            decl.fields.iter().position(|f| f.key.head() == Some(h))
        }
        _ => {
            let t = tree.token(c);
            decl.fields
                .iter()
                .position(|f| t.is_some_and(|t| f.key.is_bare(t)))
                .or_else(|| decl.fields.iter().position(|f| f.key == Key::Pos(tokens_before as u8)))
        }
    }
}

/// The child index a new node of field number `fi` goes to.
fn insert_index(tree: &Tree, node: NodeId, decl: &TypeDecl, fi: usize) -> usize {
    let mut at = 1;
    let mut tokens = 0;
    for (i, c) in tree.children(node).enumerate().skip(1) {
        let is_token = is_positional(tree, decl, c);
        if let Some(j) = field_of(tree, decl, c, tokens)
            && j <= fi
        {
            at = i + 1;
        }
        if is_token {
            tokens += 1;
        }
    }
    at
}

fn index_of(decl: &TypeDecl, field: &FieldDecl) -> usize {
    decl.fields.iter().position(|f| std::ptr::eq(f, field)).unwrap_or(decl.fields.len())
}

/// Sets (or with `None` removes) scalar field `field` of the `decl` list at `node`.
pub fn set(
    tree: &mut Tree,
    node: NodeId,
    decl: &TypeDecl,
    field: &FieldDecl,
    value: Option<Scalar<'_>>,
    style: Style,
) -> Result<(), WriteError> {
    let name = field_name(decl, field);
    let present = locate(tree, node, decl, field);
    match (field.key, value) {
        (Key::Root, _) => Err(WriteError::BadValue { field: name, message: "a file's root cannot be set".into() }),
        (Key::Head, None) => Err(WriteError::BadValue {
            field: name,
            message: "a list's head cannot be removed; set another value".into(),
        }),
        (Key::Head, Some(v)) => match present {
            Some((_, at)) => set_token(tree, &name, at, v).map(|_| ()),
            None => Err(WriteError::BadValue { field: name, message: "this list has no head token to set".into() }),
        },
        (Key::Items(_), Some(_)) => {
            Err(WriteError::BadValue { field: name, message: "a list of objects, not a value".into() })
        }
        (_, None) => {
            if let Some((i, _)) = present {
                tree.remove(node, i)?;
            }
            Ok(())
        }
        (Key::Pos(n), Some(v)) => match present {
            Some((_, at)) => set_token(tree, &name, at, v).map(|_| ()),
            None => {
                let count = tree.children(node).skip(1).filter(|&c| is_positional(tree, decl, c)).count();
                if count < n as usize {
                    return Err(WriteError::BadValue {
                        field: name,
                        message: format!("position {n} cannot be set while position {count} is absent"),
                    });
                }
                // Right after the last token (or the head when there is none).
                let at =
                    count.checked_sub(1).and_then(|last| nth_token(tree, node, decl, last)).map_or(1, |(i, _)| i + 1);
                let t = new_token(tree, &name, v, None)?;
                Ok(tree.insert(node, at, t)?)
            }
        },
        (Key::Word(words), Some(v)) => {
            let word = match v {
                Scalar::Str(w) | Scalar::Sym(w) if words.contains(&w) => w,
                _ => {
                    return Err(WriteError::BadValue { field: name, message: format!("one of {}", words.join(", ")) });
                }
            };
            match present {
                Some((_, at)) => {
                    tree.set_atom(at, word)?;
                    Ok(())
                }
                None => {
                    let t = tree.new_atom(word)?;
                    let at = insert_index(tree, node, decl, index_of(decl, field));
                    Ok(tree.insert(node, at, t)?)
                }
            }
        }
        (Key::Marker(h), Some(v)) => {
            let Scalar::Bool(on) = v else {
                return Err(WriteError::BadValue { field: name, message: "a marker is True or False".into() });
            };
            match (present, on) {
                (Some((i, _)), false) => {
                    tree.remove(node, i)?;
                }
                (None, true) => {
                    let k = tree.new_atom(h)?;
                    let new = tree.new_list(&[k])?;
                    let at = insert_index(tree, node, decl, index_of(decl, field));
                    tree.insert(node, at, new)?;
                }
                _ => {}
            }
            Ok(())
        }
        (Key::Flag(h), Some(v)) => {
            let on = match v {
                Scalar::Bool(b) => b,
                _ => return Err(WriteError::BadValue { field: name, message: "a flag is True or False".into() }),
            };
            match (present, on) {
                (Some((i, _)), false) => {
                    tree.remove(node, i)?;
                }
                (None, false) => {}
                // `(hide no)` becomes `(hide yes)`; a bare `hide` or `(hide)` already says yes.
                (Some((_, at)), true) => {
                    if tree.kind(at) == Kind::List
                        && let Some(t) = tree.children(at).nth(1)
                    {
                        set_token(tree, &name, t, Scalar::Bool(true))?;
                    }
                }
                (None, true) => {
                    let flag = tree.new_atom(h)?;
                    let new = if style.yes_no_flags {
                        let yes = tree.new_atom("yes")?;
                        tree.new_list(&[flag, yes])?
                    } else {
                        flag
                    };
                    let at = insert_index(tree, node, decl, index_of(decl, field));
                    tree.insert(node, at, new)?;
                }
            }
            Ok(())
        }
        (Key::Child(h), Some(v)) => match present {
            Some((_, list)) => match tree.children(list).nth(1) {
                Some(t) => set_token(tree, &name, t, v).map(|_| ()),
                None => {
                    let t = new_token(tree, &name, v, None)?;
                    Ok(tree.push(list, t)?)
                }
            },
            None => {
                let k = tree.new_atom(h)?;
                let t = new_token(tree, &name, v, None)?;
                let new = tree.new_list(&[k, t])?;
                let at = insert_index(tree, node, decl, index_of(decl, field));
                Ok(tree.insert(node, at, new)?)
            }
        },
    }
}

/// Copies `src`'s object at `src_node` (of type `decl`, when it has one) into `tree` as a detached list
/// whose head is `h`, its flags rewritten in `tree`'s style ([`restyle`](crate::restyle::restyle)):
/// KiCad 6 refuses `(hide yes)`, KiCad 8 writes it.
fn import_object(
    tree: &mut Tree,
    h: &str,
    decl: Option<&'static TypeDecl>,
    src: &Tree,
    src_node: NodeId,
) -> Result<NodeId, WriteError> {
    let new = import_as(tree, h, src, src_node)?;
    if let Some(d) = decl {
        crate::restyle::restyle(tree, new, d, Style::of(tree))?;
    }
    Ok(new)
}

/// Copies `src`'s subtree at `src_node` into `tree` as a detached list whose head is `h`.
pub fn import_as(tree: &mut Tree, h: &str, src: &Tree, src_node: NodeId) -> Result<NodeId, WriteError> {
    let new = tree.import(src, src_node);
    if let Some(first) = tree.children(new).next()
        && tree.kind(first) == Kind::Atom
        && tree.token(first) != Some(h)
    {
        tree.set_atom(first, h)?;
    }
    Ok(new)
}

/// Sets nested field `field` to a copy of `src`'s list at `src_node` (`None` removes it). An existing
/// node is updated token by token (unchanged tokens keep their text and whitespace; views of it stay valid).
pub fn set_node(
    tree: &mut Tree,
    node: NodeId,
    decl: &TypeDecl,
    field: &FieldDecl,
    src: Option<(&Tree, NodeId)>,
) -> Result<(), WriteError> {
    let Key::Child(h) = field.key else {
        return Err(WriteError::BadValue { field: field_name(decl, field), message: "not a nested field".into() });
    };
    let present = locate(tree, node, decl, field);
    match (present, src) {
        (Some((i, _)), None) => {
            tree.remove(node, i)?;
        }
        (None, None) => {}
        (Some((_, old)), Some((s, sn))) => {
            let new = import_object(tree, h, field.value.decl(), s, sn)?;
            tree.update(old, new)?;
        }
        (None, Some((s, sn))) => {
            let new = import_object(tree, h, field.value.decl(), s, sn)?;
            let at = insert_index(tree, node, decl, index_of(decl, field));
            tree.insert(node, at, new)?;
        }
    }
    Ok(())
}

/// An item to put into a list field.
#[derive(Clone, Copy)]
pub enum Item<'a> {
    Scalar(Scalar<'a>),
    /// A list of another tree (copied in, its head set to the field's).
    Node(&'a Tree, NodeId),
}

fn item_node(
    tree: &mut Tree,
    name: &str,
    field: &FieldDecl,
    item: Item<'_>,
    like: Option<NodeId>,
) -> Result<NodeId, WriteError> {
    match (item, field.key) {
        (Item::Scalar(v), _) => new_token(tree, name, v, like),
        // An item of `(layers …)` keeps its own head (its number); a repeated child takes the field's.
        (Item::Node(s, sn), Key::Items(_)) => {
            let new = tree.import(s, sn);
            if let Some(d) = field.value.decl() {
                crate::restyle::restyle(tree, new, d, Style::of(tree))?;
            }
            Ok(new)
        }
        (Item::Node(s, sn), key) => import_object(tree, key.head().unwrap_or(""), field.value.decl(), s, sn),
    }
}

/// Inserts `item` into list field `field` before item `index` (`len` appends after the last item, or
/// where the field goes when it has none).
pub fn list_insert(
    tree: &mut Tree,
    node: NodeId,
    decl: &TypeDecl,
    field: &FieldDecl,
    index: usize,
    item: Item<'_>,
) -> Result<(), WriteError> {
    let name = field_name(decl, field);
    let (Count::List, Key::Child(h) | Key::Items(h)) = (field.count, field.key) else {
        return Err(WriteError::BadValue { field: name, message: "not a list field".into() });
    };
    let items = list_items(tree, node, field);
    if index > items.len() {
        return Err(WriteError::Index { field: name, index, len: items.len() });
    }
    let like = items.first().map(|&(_, id)| id);
    let new = item_node(tree, &name, field, item, like)?;
    if let (ValueKind::Node(_), Key::Child(_)) = (field.value, field.key) {
        let at = match (items.get(index), items.last()) {
            (Some(&(i, _)), _) => i,
            (None, Some(&(i, _))) => i + 1,
            (None, None) => insert_index(tree, node, decl, index_of(decl, field)),
        };
        return Ok(tree.insert(node, at, new)?);
    }
    // A scalar list (or `(layers …)`) lives in one child list `(h a b c)`, made when the first item arrives.
    let list = match child_list(tree, node, h) {
        Some((_, l)) => l,
        None => {
            let k = tree.new_atom(h)?;
            let l = tree.new_list(&[k])?;
            let at = insert_index(tree, node, decl, index_of(decl, field));
            tree.insert(node, at, l)?;
            l
        }
    };
    let at = items.get(index).map(|&(i, _)| i).unwrap_or_else(|| tree.children(list).count());
    Ok(tree.insert(list, at, new)?)
}

/// Removes item `index` of list field `field`; returns the removed node (still readable).
pub fn list_remove(
    tree: &mut Tree,
    node: NodeId,
    decl: &TypeDecl,
    field: &FieldDecl,
    index: usize,
) -> Result<NodeId, WriteError> {
    let items = list_items(tree, node, field);
    let Some(&(i, _)) = items.get(index) else {
        return Err(WriteError::Index { field: field_name(decl, field), index, len: items.len() });
    };
    let parent = match (field.value, field.key) {
        (ValueKind::Node(_), Key::Child(_)) => node,
        (_, Key::Child(h) | Key::Items(h)) => child_list(tree, node, h)
            .map(|(_, l)| l)
            .ok_or_else(|| WriteError::Index { field: field_name(decl, field), index, len: 0 })?,
        _ => node,
    };
    Ok(tree.remove(parent, i)?)
}

/// Replaces item `index` of list field `field` with `item` (a nested item is updated in place, so its
/// unchanged tokens keep their text).
pub fn list_set(
    tree: &mut Tree,
    node: NodeId,
    decl: &TypeDecl,
    field: &FieldDecl,
    index: usize,
    item: Item<'_>,
) -> Result<(), WriteError> {
    let name = field_name(decl, field);
    let (Count::List, Key::Child(_) | Key::Items(_)) = (field.count, field.key) else {
        return Err(WriteError::BadValue { field: name, message: "not a list field".into() });
    };
    let items = list_items(tree, node, field);
    let Some(&(_, old)) = items.get(index) else {
        return Err(WriteError::Index { field: name, index, len: items.len() });
    };
    match item {
        Item::Scalar(v) => set_token(tree, &name, old, v).map(|_| ()),
        Item::Node(..) => {
            let new = item_node(tree, &name, field, item, Some(old))?;
            Ok(tree.update(old, new)?)
        }
    }
}

/// Whether `id` is still reachable from the root going down from `ancestors` (outermost first):
/// each must be a child of the one before, the first the root. The path must have been one of this
/// tree once (as a view's is, taken from the tree): a step down from a list whose children never changed
/// (`Tree::children_version` 0) is taken on trust, so a board's root with thousands of children is not
/// scanned for each view.
pub fn attached(tree: &Tree, ancestors: &[NodeId], id: NodeId) -> bool {
    let mut cur = tree.root();
    let mut path = ancestors.iter().copied().chain(std::iter::once(id));
    match path.next() {
        Some(first) if first == cur => {}
        Some(_) => return false,
        None => return true,
    }
    for next in path {
        if tree.children_version(cur) != 0 && !tree.children(cur).any(|c| c == next) {
            return false;
        }
        cur = next;
    }
    true
}
