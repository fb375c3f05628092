//! Whether two trees hold the same lists and tokens in the same order, whatever their layout: the
//! guard that keeps `fmt` from writing a file whose content the formatter changed.

use pyzig_sexp::{Children, Kind, NodeId, Tree};

/// The first node of `a` (in document order) where `b` differs in kind, token or number of children;
/// `None` when the trees match. Iterative, so any nesting depth is fine.
pub fn first_mismatch(a: &Tree, b: &Tree) -> Option<NodeId> {
    let mut stack = Vec::new();
    if !visit(a, b, a.root(), b.root(), &mut stack) {
        return Some(a.root());
    }
    while let Some((parent, xs, ys)) = stack.last_mut() {
        match (xs.next(), ys.next()) {
            (Some(x), Some(y)) => {
                if !visit(a, b, x, y, &mut stack) {
                    return Some(x);
                }
            }
            (None, None) => {
                stack.pop();
            }
            // One list has more children than the other.
            (Some(x), None) => return Some(x),
            (None, Some(_)) => return Some(*parent),
        }
    }
    None
}

/// Compares node `x` of `a` with node `y` of `b`; for matching lists, queues their children.
fn visit<'t>(
    a: &'t Tree,
    b: &'t Tree,
    x: NodeId,
    y: NodeId,
    stack: &mut Vec<(NodeId, Children<'t>, Children<'t>)>,
) -> bool {
    let (nx, ny) = (a.node(x), b.node(y));
    if nx.kind() != ny.kind() || nx.token() != ny.token() {
        return false;
    }
    if nx.kind() == Kind::List {
        stack.push((x, nx.child_ids(), ny.child_ids()));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyzig_sexp::parse;

    /// The token of the first mismatching node of `a` (`Some(None)` for a list).
    fn mismatch(a: &str, b: &str) -> Option<Option<String>> {
        let (ta, tb) = (parse(a).unwrap(), parse(b).unwrap());
        first_mismatch(&ta, &tb).map(|id| ta.node(id).token().map(str::to_string))
    }

    #[test]
    fn layout_does_not_matter() {
        assert_eq!(mismatch("(a (b 1)\n  \"s\")", "(a\n\t(b 1)\n\t\"s\"\n)\n"), None);
    }

    #[test]
    fn finds_changed_missing_and_extra_tokens() {
        assert_eq!(mismatch("(a (b 1) c)", "(a (b 2) c)"), Some(Some("1".into())));
        assert_eq!(mismatch("(a (b 1) c)", "(a (b 1))"), Some(Some("c".into())));
        assert_eq!(mismatch("(a (b 1))", "(a (b 1) c)"), Some(None), "reported at the parent list");
        assert_eq!(mismatch("(a \"b\")", "(a b)"), Some(Some("\"b\"".into())));
        assert_eq!(mismatch("(a (b))", "(a b)"), Some(None));
    }
}
