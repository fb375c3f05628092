//! Parse errors: byte offset, 1-based line and column, message and a one-line excerpt.

use std::fmt;

use crate::position::{line_col, line_range};

/// Longest excerpt shown, in characters; longer lines are cut to a window around the column.
const EXCERPT_CHARS: usize = 100;

/// Why and where parsing failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset into the input.
    pub offset: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters (a tab counts as one).
    pub column: usize,
    /// What went wrong.
    pub message: String,
    /// The offending line (or a window of it when long, marked with `...`), without terminator.
    pub excerpt: String,
    /// 0-based character index in `excerpt` that the caret points at.
    pub excerpt_caret: usize,
}

impl ParseError {
    /// An error at byte `offset` of `src`; `src[..offset]` must be valid UTF-8 on that line.
    pub(crate) fn at(src: &[u8], offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_col(src, offset);
        let (start, end) = line_range(src, offset);
        let text = String::from_utf8_lossy(&src[start..end]);
        let chars: Vec<char> = text.chars().collect();
        let caret = column - 1;
        let (excerpt, excerpt_caret) = if chars.len() <= EXCERPT_CHARS {
            (chars.iter().collect(), caret)
        } else {
            let from = caret.saturating_sub(EXCERPT_CHARS / 2);
            let to = (from + EXCERPT_CHARS).min(chars.len());
            let mut s = String::new();
            if from > 0 {
                s.push_str("...");
            }
            s.extend(&chars[from..to]);
            if to < chars.len() {
                s.push_str("...");
            }
            (s, caret - from + if from > 0 { 3 } else { 0 })
        };
        ParseError { offset, line, column, message: message.into(), excerpt, excerpt_caret }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "line {}, column {}: {}", self.line, self.column, self.message)?;
        writeln!(f, "{}", self.excerpt)?;
        // Keep tabs in the caret line so it lines up under the excerpt whatever the tab width.
        let pad: String =
            self.excerpt.chars().take(self.excerpt_caret).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
        write!(f, "{pad}^")
    }
}

impl std::error::Error for ParseError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_has_excerpt_and_caret() {
        let e = ParseError::at(b"(a\n\t(b \"x)\n", 7, "unterminated string");
        assert_eq!((e.line, e.column), (2, 5));
        assert_eq!(e.to_string(), "line 2, column 5: unterminated string\n\t(b \"x)\n\t   ^");
    }

    #[test]
    fn long_lines_are_windowed() {
        let src = "(".repeat(10_000);
        let e = ParseError::at(src.as_bytes(), 9_999, "x");
        assert_eq!(e.column, 10_000);
        assert!(e.excerpt.chars().count() <= EXCERPT_CHARS + 6);
        assert_eq!(e.excerpt.chars().nth(e.excerpt_caret), Some('('));
    }
}
