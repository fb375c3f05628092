//! Declarations: what one KiCad type looks like in the S-expression, as static data.
//!
//! A [`TypeDecl`] is written once per KiCad type by [`declare!`](crate::declare) and read by everything
//! else: the typed Rust view, the generic reader and writer, and the Python binding (getset per field,
//! keyword constructor, stub). The field order is KiCad's own writing order, which is where a field
//! that was absent is inserted when it is set.

/// One KiCad type: a list `(head ...)` with fields, or a whole file (`head` empty).
pub struct TypeDecl {
    /// Class name (as in the reference API: `FpLibEntry`, `Pad`, `Xy`).
    pub name: &'static str,
    /// Submodule that owns the class (`fp_lib_table`, `pcb`).
    pub module: &'static str,
    /// The list's head token when it stands alone (a file's root, a list element); a field that
    /// holds this type names its own head (`(start x y)` and `(end x y)` are both `Xy`).
    pub head: &'static str,
    pub doc: &'static str,
    pub fields: &'static [FieldDecl],
}

impl TypeDecl {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&'static FieldDecl> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// Whether this is a file type (its one field is the root node).
    pub fn is_file(&self) -> bool {
        self.fields.first().is_some_and(|f| matches!(f.key, Key::Root))
    }
}

impl std::fmt::Debug for TypeDecl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.module, self.name)
    }
}

/// One field of a type.
pub struct FieldDecl {
    /// Python name (`type`, not `r#type`).
    pub name: &'static str,
    pub key: Key,
    pub value: ValueKind,
    pub count: Count,
    /// Value of an absent `One` field when read, and of an omitted constructor keyword.
    pub default: Default,
    pub doc: &'static str,
}

/// Where a field's value sits in its parent list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// The n-th token after the head (lists in between do not count).
    Pos(u8),
    /// A child list `(name value...)`: a scalar is its first token, a list of scalars all its
    /// tokens, a nested type the child itself.
    Child(&'static str),
    /// A yes/no flag written either as a bare token (`locked`, KiCad 6) or as `(locked yes)` (KiCad 8+).
    Flag(&'static str),
    /// A marker list whose presence is the value, whatever it holds: `(power)`, or KiCad 9's
    /// `(power local)`, reads `True`; setting `True` writes `(power)`, `False` removes it.
    Marker(&'static str),
    /// A bare token that is one of these words, read as text (`oval` in `(drill oval 1 2)`, `knockout`
    /// in `(layer "F.SilkS" knockout)`); like a flag, it is not a position.
    Word(&'static [&'static str]),
    /// The whole file's root list (file types only).
    Root,
    /// Every list inside the child list `(name …)`, whatever its head: the layers of
    /// `(layers (0 "F.Cu" signal) (31 "B.Cu" signal) …)` (list fields of a nested type only).
    Items(&'static str),
    /// The list's own head token, when it is a value rather than a keyword: a board layer's number in
    /// `(0 "F.Cu" signal)`.
    Head,
}

impl Key {
    /// Whether bare token `t` belongs to this field (a flag's or one of a word field's words).
    pub fn is_bare(self, t: &str) -> bool {
        match self {
            Key::Flag(h) | Key::Marker(h) => h == t,
            Key::Word(words) => words.contains(&t),
            _ => false,
        }
    }

    /// The head a child list of this field has, if it is one.
    pub fn head(self) -> Option<&'static str> {
        match self {
            Key::Child(h) | Key::Flag(h) | Key::Marker(h) | Key::Items(h) => Some(h),
            Key::Pos(_) | Key::Word(_) | Key::Root | Key::Head => None,
        }
    }
}

/// What one value of a field is.
#[derive(Clone, Copy)]
pub enum ValueKind {
    /// Text: a quoted string or a bare token, read unescaped.
    Str,
    /// A keyword (`smd`, `solid`, `reference`): read as text, always written as a bare token.
    Sym,
    Int,
    Float,
    Bool,
    /// A nested type (a list, whose head the field's key gives).
    Node(fn() -> &'static TypeDecl),
}

impl ValueKind {
    /// The nested type, for `Node`.
    pub fn decl(self) -> Option<&'static TypeDecl> {
        match self {
            ValueKind::Node(d) => Some(d()),
            _ => None,
        }
    }
}

impl std::fmt::Debug for ValueKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ValueKind::Str => f.write_str("Str"),
            ValueKind::Sym => f.write_str("Sym"),
            ValueKind::Int => f.write_str("Int"),
            ValueKind::Float => f.write_str("Float"),
            ValueKind::Bool => f.write_str("Bool"),
            ValueKind::Node(d) => write!(f, "Node({:?})", d()),
        }
    }
}

/// How many values a field has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Exactly one (absent reads as the default).
    One,
    /// Zero or one (absent reads as `None`).
    Optional,
    /// Any number: every matching child (nested types), or every token of the child (scalars).
    List,
}

/// A field's default value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Default {
    /// No default: the constructor requires the field (`One`), or `None` (`Optional`), or `[]` (`List`).
    None,
    Str(&'static str),
    Int(i64),
    Float(f64),
    Bool(bool),
}
