//! Errors of typed access: a value of the wrong shape in the file, or a value that cannot be written.

use std::fmt;

use pyzig_sexp::{NodeId, Tree};

/// A field's text does not have the shape its declaration says (`(width abc)`), found when read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// `Type.field`.
    pub field: String,
    /// Byte offset of the offending token, and its 1-based line and column (0 for a node made by an edit).
    pub offset: usize,
    pub line: usize,
    pub column: usize,
    /// The offending token or list, as written (cut to 60 characters).
    pub text: String,
    /// What was expected.
    pub expected: &'static str,
}

impl FieldError {
    pub(crate) fn new(tree: &Tree, at: NodeId, field: String, expected: &'static str) -> FieldError {
        let (offset, line, column) = match tree.span(at) {
            Some(r) => {
                let (l, c) = tree.line_col(r.start);
                (r.start, l, c)
            }
            None => (0, 0, 0),
        };
        let text = match tree.token(at) {
            Some(t) => t.to_owned(),
            None => tree.span(at).map(|r| tree.source()[r].to_owned()).unwrap_or_else(|| "(…)".to_owned()),
        };
        let text = if text.chars().count() > 60 { text.chars().take(57).collect::<String>() + "..." } else { text };
        FieldError { field, offset, line, column, text, expected }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: expected {}, found {:?}", self.field, self.expected, self.text)?;
        if self.line > 0 {
            write!(f, " at line {}, column {}", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for FieldError {}

/// Why a value could not be written; the tree is unchanged.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteError {
    /// The value cannot be represented (NaN, infinity).
    BadValue { field: String, message: String },
    /// The node is no longer part of the tree, or the tree refused the edit.
    Edit(pyzig_sexp::EditError),
    /// Reading the existing value failed first.
    Field(FieldError),
    /// A list index out of range.
    Index { field: String, index: usize, len: usize },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::BadValue { field, message } => write!(f, "{field}: {message}"),
            WriteError::Edit(e) => write!(f, "{e}"),
            WriteError::Field(e) => write!(f, "{e}"),
            WriteError::Index { field, index, len } => {
                write!(f, "{field}: index {index} out of range for a list of {len}")
            }
        }
    }
}

impl std::error::Error for WriteError {}

impl From<pyzig_sexp::EditError> for WriteError {
    fn from(e: pyzig_sexp::EditError) -> Self {
        WriteError::Edit(e)
    }
}

impl From<FieldError> for WriteError {
    fn from(e: FieldError) -> Self {
        WriteError::Field(e)
    }
}
