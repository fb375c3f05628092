//! Reading fields: find a field's node(s) in a list and decode its tokens. Nothing is cached; a read
//! costs a scan of the list's children (KiCad lists are short; the board root is indexed by the caller).

use std::borrow::Cow;

use pyzig_sexp::{Kind, NodeId, Tree};

use crate::decl::{Count, Default, FieldDecl, Key, TypeDecl, ValueKind};
use crate::error::FieldError;

/// One decoded value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'t> {
    /// An absent `Optional` field.
    None,
    Str(Cow<'t, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    /// A nested type's list node.
    Node(NodeId),
    /// The nodes of a `List` field, in file order: nested lists, or the tokens of a scalar list.
    List(Vec<NodeId>),
}

impl Value<'_> {
    /// The same value, owning its text.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Str(s) => Value::Str(Cow::Owned(s.into_owned())),
            Value::None => Value::None,
            Value::Int(i) => Value::Int(i),
            Value::Float(f) => Value::Float(f),
            Value::Bool(b) => Value::Bool(b),
            Value::Node(n) => Value::Node(n),
            Value::List(l) => Value::List(l),
        }
    }
}

pub(crate) fn field_name(decl: &TypeDecl, field: &FieldDecl) -> String {
    format!("{}.{}", decl.name, field.name)
}

/// The head token of a list node, if it has one.
pub fn head(tree: &Tree, id: NodeId) -> Option<&str> {
    if tree.kind(id) != Kind::List {
        return None;
    }
    let first = tree.children(id).next()?;
    if tree.kind(first) == Kind::Atom { tree.token(first) } else { None }
}

/// Whether child `c` is a positional token of a `decl` list: a token that is not one of its bare flags.
pub(crate) fn is_positional(tree: &Tree, decl: &TypeDecl, c: NodeId) -> bool {
    match tree.kind(c) {
        Kind::List => false,
        Kind::String => true,
        Kind::Atom => {
            // Bare flags are words; a number (nearly every positional token) needs no lookup.
            let t = tree.token(c).unwrap_or("");
            !t.starts_with(|c: char| c.is_ascii_alphabetic()) || !decl.fields.iter().any(|f| f.key.is_bare(t))
        }
    }
}

/// The n-th positional token after the head (lists and bare flags skipped), with its index among all
/// children.
pub(crate) fn nth_token(tree: &Tree, node: NodeId, decl: &TypeDecl, n: usize) -> Option<(usize, NodeId)> {
    tree.children(node).enumerate().skip(1).filter(|&(_, c)| is_positional(tree, decl, c)).nth(n)
}

/// The first child list with head `h`, with its index.
pub(crate) fn child_list(tree: &Tree, node: NodeId, h: &str) -> Option<(usize, NodeId)> {
    tree.children(node).enumerate().skip(1).find(|&(_, c)| tree.head_is(c, h))
}

/// A bare token `h` after the head (the KiCad 6 form of a flag), with its index.
pub(crate) fn bare_flag(tree: &Tree, node: NodeId, h: &str) -> Option<(usize, NodeId)> {
    tree.children(node).enumerate().skip(1).find(|&(_, c)| tree.kind(c) == Kind::Atom && tree.token(c) == Some(h))
}

/// A bare token that is one of `words`, with its index.
pub(crate) fn bare_word(tree: &Tree, node: NodeId, words: &[&str]) -> Option<(usize, NodeId)> {
    tree.children(node)
        .enumerate()
        .skip(1)
        .find(|&(_, c)| tree.kind(c) == Kind::Atom && tree.token(c).is_some_and(|t| words.contains(&t)))
}

/// Where a present field is: the node that holds it and its index among `node`'s children
/// (`None` when absent). For `Child` fields that is the child list; for `Pos`, the token; for a flag,
/// the bare token or the list.
pub fn locate(tree: &Tree, node: NodeId, decl: &TypeDecl, field: &FieldDecl) -> Option<(usize, NodeId)> {
    match field.key {
        Key::Pos(n) => nth_token(tree, node, decl, n as usize),
        Key::Child(h) => child_list(tree, node, h),
        Key::Flag(h) => bare_flag(tree, node, h).or_else(|| child_list(tree, node, h)),
        Key::Word(words) => bare_word(tree, node, words),
        Key::Marker(h) => bare_flag(tree, node, h).or_else(|| child_list(tree, node, h)),
        Key::Root => Some((0, tree.root())),
        Key::Items(h) => child_list(tree, node, h),
        Key::Head => tree.children(node).next().filter(|&c| tree.kind(c) != Kind::List).map(|c| (0, c)),
    }
}

/// The items of a `List` field: matching child lists (nested types) or the tokens of its child list
/// (scalars), in order, each with its index among the children of the list that holds it.
pub fn list_items(tree: &Tree, node: NodeId, field: &FieldDecl) -> Vec<(usize, NodeId)> {
    match (field.key, field.value) {
        (Key::Child(h), ValueKind::Node(_)) => {
            tree.children(node).enumerate().skip(1).filter(|&(_, c)| tree.head_is(c, h)).collect()
        }
        (Key::Child(h), _) => match child_list(tree, node, h) {
            Some((_, list)) => tree.children(list).enumerate().skip(1).collect(),
            None => Vec::new(),
        },
        (Key::Items(h), ValueKind::Node(_)) => match child_list(tree, node, h) {
            Some((_, list)) => {
                tree.children(list).enumerate().skip(1).filter(|&(_, c)| tree.kind(c) == Kind::List).collect()
            }
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The list that holds the items of `List` field `field` of `node`: `node` itself for repeated child
/// lists, else the field's own child list (`None` while it is absent).
pub fn list_parent(tree: &Tree, node: NodeId, field: &FieldDecl) -> Option<NodeId> {
    match (field.key, field.value) {
        (Key::Child(_), ValueKind::Node(_)) => Some(node),
        (Key::Child(h) | Key::Items(h), _) => child_list(tree, node, h).map(|(_, l)| l),
        _ => Some(node),
    }
}

/// Decodes one scalar token as `kind`.
pub fn scalar<'t>(
    tree: &'t Tree,
    id: NodeId,
    kind: ValueKind,
    what: impl FnOnce() -> String,
) -> Result<Value<'t>, FieldError> {
    let node = tree.node(id);
    let bad = |expected| Err(FieldError::new(tree, id, what(), expected));
    match kind {
        ValueKind::Str | ValueKind::Sym => match node.value() {
            Some(v) => Ok(Value::Str(v)),
            None => bad("a string"),
        },
        ValueKind::Int => match node.atom().and_then(|a| a.parse::<i64>().ok()) {
            Some(v) => Ok(Value::Int(v)),
            None => bad("an integer"),
        },
        ValueKind::Float => match node.atom().and_then(parse_float) {
            Some(v) => Ok(Value::Float(v)),
            None => bad("a number"),
        },
        ValueKind::Bool => match node.atom() {
            Some("yes" | "true") => Ok(Value::Bool(true)),
            Some("no" | "false") => Ok(Value::Bool(false)),
            _ => bad("yes or no"),
        },
        ValueKind::Node(_) => {
            if node.kind() == Kind::List {
                Ok(Value::Node(id))
            } else {
                bad("a list")
            }
        }
    }
}

/// A KiCad number: decimal, optional sign and exponent; no `inf`/`nan` spellings.
fn parse_float(s: &str) -> Option<f64> {
    if let Some(v) = short_decimal(s) {
        return Some(v);
    }
    let b = s.as_bytes();
    let digits = b.iter().any(u8::is_ascii_digit);
    if !digits || b.iter().any(|c| c.is_ascii_alphabetic() && !matches!(c, b'e' | b'E')) {
        return None;
    }
    s.parse().ok()
}

/// Powers of ten that are exact in an `f64`.
const EXACT_POW10: [f64; 16] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// The value of a plain decimal such as `-1.27` (sign, at most 15 digits, one optional point) by
/// the exact fast path: its digits as an integer below 2^53 and a power of ten below 10^16 are
/// both exact in an `f64`, so one correctly rounded division gives the correctly rounded value
/// (what `str::parse` returns). Anything else (exponents, longer numbers) is `None`.
fn short_decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 16 {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut count = 0;
    let mut point = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                count += 1;
            }
            b'.' if point.is_none() => point = Some(i),
            _ => return None,
        }
    }
    if count == 0 || count > 15 {
        return None;
    }
    let scale = point.map_or(0, |p| digits.len() - 1 - p);
    let v = mantissa as f64 / EXACT_POW10[scale];
    Some(if neg { -v } else { v })
}

/// The default of an absent `One` field, as a value.
pub fn default_value(field: &FieldDecl) -> Value<'static> {
    match (field.default, field.value) {
        (Default::Str(s), _) => Value::Str(Cow::Borrowed(s)),
        (Default::Int(i), _) => Value::Int(i),
        (Default::Float(f), _) => Value::Float(f),
        (Default::Bool(b), _) => Value::Bool(b),
        (Default::None, ValueKind::Bool) => Value::Bool(false),
        (Default::None, ValueKind::Str | ValueKind::Sym) => Value::Str(Cow::Borrowed("")),
        (Default::None, ValueKind::Int) => Value::Int(0),
        (Default::None, ValueKind::Float) => Value::Float(0.0),
        (Default::None, ValueKind::Node(_)) => Value::None,
    }
}

/// Reads field `field` of the `decl` list at `node`.
pub fn read<'t>(tree: &'t Tree, node: NodeId, decl: &TypeDecl, field: &FieldDecl) -> Result<Value<'t>, FieldError> {
    let what = || field_name(decl, field);
    if field.count == Count::List {
        return Ok(Value::List(list_items(tree, node, field).into_iter().map(|(_, id)| id).collect()));
    }
    let absent = || if field.count == Count::Optional { Value::None } else { default_value(field) };
    let Some((_, at)) = locate(tree, node, decl, field) else {
        return Ok(absent());
    };
    match field.key {
        Key::Pos(_) | Key::Word(_) | Key::Root | Key::Head => scalar(tree, at, field.value, what),
        Key::Marker(_) => Ok(Value::Bool(true)),
        Key::Flag(_) => {
            if tree.kind(at) == Kind::Atom {
                return Ok(Value::Bool(true));
            }
            // `(hide)` alone means yes, as KiCad reads it.
            match tree.children(at).nth(1) {
                Some(v) => scalar(tree, v, ValueKind::Bool, what),
                None => Ok(Value::Bool(true)),
            }
        }
        Key::Child(_) | Key::Items(_) => match field.value {
            ValueKind::Node(_) => Ok(Value::Node(at)),
            kind => match tree.children(at).nth(1) {
                Some(v) => scalar(tree, v, kind, what),
                None => match kind {
                    // `(descr)` with no value: an empty text, as KiCad reads it.
                    ValueKind::Str | ValueKind::Sym => Ok(Value::Str(Cow::Borrowed(""))),
                    _ => Err(FieldError::new(tree, at, what(), "a value")),
                },
            },
        },
    }
}

/// Reads every declared field of the `decl` list at `node` and of everything nested in it; returns
/// how many values were read, or the first field that does not decode.
pub fn read_all(tree: &Tree, node: NodeId, decl: &TypeDecl) -> Result<usize, FieldError> {
    let mut stack = vec![(node, decl)];
    let mut n = 0;
    while let Some((node, decl)) = stack.pop() {
        for field in decl.fields {
            let what = || field_name(decl, field);
            match read(tree, node, decl, field)? {
                Value::Node(id) => stack.push((id, field.value.decl().expect("node field"))),
                Value::List(items) => {
                    for id in items {
                        match scalar(tree, id, field.value, what)? {
                            Value::Node(id) => stack.push((id, field.value.decl().expect("node field"))),
                            _ => n += 1,
                        }
                    }
                }
                _ => n += 1,
            }
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_decimals_read_as_the_standard_parser_reads_them() {
        let mut cases: Vec<String> = ["0", "-0", "+0", "1.", ".5", "-.5", "0.1", "1.27", "-1.27", "0.000001"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Digits of many magnitudes, every position of the point, up to 15 digits.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = (x % 999_999_999_999_999 + 1).to_string();
            let n = (x >> 50) as usize % digits.len().min(15) + 1;
            let d = &digits[..n];
            let p = (x >> 40) as usize % (n + 1);
            let sign = ["", "-", "+"][(x >> 60) as usize % 3];
            cases.push(format!("{sign}{}.{}", &d[..p], &d[p..]));
            cases.push(format!("{sign}{d}"));
        }
        for s in &cases {
            let fast = short_decimal(s);
            assert_eq!(fast.map(f64::to_bits), s.parse::<f64>().ok().map(f64::to_bits), "{s}");
        }
        // Outside the fast path: the general parser answers (or refuses).
        for s in ["1e3", "1234567890123456", "0.1234567890123456", ".", "-", "1.2.3", "inf", "nan", "1_0"] {
            assert_eq!(short_decimal(s), None, "{s}");
        }
        assert_eq!(parse_float("1e3"), Some(1000.0));
        assert_eq!(parse_float("1234567890123456"), Some(1234567890123456.0));
        assert_eq!(parse_float("inf"), None);
        assert_eq!(parse_float("nan"), None);
        assert_eq!(parse_float("."), None);
    }
}
