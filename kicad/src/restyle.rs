//! Restyling an object for the file it goes into: flags are written `(hide yes)` by KiCad 8 and later
//! and as a bare `hide` by KiCad 6 and 7, whose readers refuse the other form. An object built in
//! Python (current style) or taken from a file of another version is rewritten in the target's style
//! as `write` inserts it (`set_node`, `list_insert`, `list_set`).

use pyzig_sexp::{Kind, NodeId, Tree};

use crate::decl::{Count, FieldDecl, Key, TypeDecl, ValueKind};
use crate::error::WriteError;
use crate::read::{list_items, locate};
use crate::write::Style;

/// Rewrites every flag of the `decl` object at `node`, and of the objects nested in it, in `style`:
/// bare `h` becomes `(h yes)` or the other way round; `(h no)` is removed for the bare style (absence
/// is the only "no" KiCad 6 knows). Values and everything no declaration names are left as they are.
pub fn restyle(tree: &mut Tree, node: NodeId, decl: &'static TypeDecl, style: Style) -> Result<(), WriteError> {
    let mut stack = vec![(node, decl)];
    while let Some((node, decl)) = stack.pop() {
        for field in decl.fields {
            match (field.key, field.value) {
                (Key::Flag(h), _) => restyle_flag(tree, node, decl, field, h, style)?,
                (Key::Child(_) | Key::Items(_), ValueKind::Node(d)) => {
                    let nested: Vec<NodeId> = if field.count == Count::List {
                        list_items(tree, node, field).into_iter().map(|(_, id)| id).collect()
                    } else {
                        locate(tree, node, decl, field).map(|(_, id)| id).into_iter().collect()
                    };
                    stack.extend(nested.into_iter().map(|id| (id, d())));
                }
                _ => {}
            }
        }
    }
    Ok(())
}

fn restyle_flag(
    tree: &mut Tree,
    node: NodeId,
    decl: &TypeDecl,
    field: &FieldDecl,
    h: &str,
    style: Style,
) -> Result<(), WriteError> {
    let Some((i, at)) = locate(tree, node, decl, field) else { return Ok(()) };
    let bare = tree.kind(at) == Kind::Atom;
    if style.yes_no_flags && bare {
        let (k, yes) = (tree.new_atom(h)?, tree.new_atom("yes")?);
        let list = tree.new_list(&[k, yes])?;
        tree.replace(node, i, list)?;
    } else if !style.yes_no_flags && !bare {
        let value = tree.children(at).nth(1).and_then(|v| tree.token(v));
        if matches!(value, Some("no" | "false")) {
            tree.remove(node, i)?;
        } else {
            let atom = tree.new_atom(h)?;
            tree.replace(node, i, atom)?;
        }
    }
    Ok(())
}
