//! Byte offsets to the 1-based line and column an editor shows (columns count characters).

/// Line and column (both 1-based) of byte `offset` in `text`; columns count UTF-8 characters, and an
/// offset past the end is clamped to the end.
pub fn line_column(text: &[u8], offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Continuation bytes (0b10xx_xxxx) do not start a character.
    let column = before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count() + 1;
    (line, column)
}

/// Offset of the first byte where `a` and `b` differ, or `None` when they are equal. When one is a
/// prefix of the other, that is the shorter one's length.
pub fn first_difference(a: &[u8], b: &[u8]) -> Option<usize> {
    let common = a.iter().zip(b).position(|(x, y)| x != y);
    match common {
        Some(i) => Some(i),
        None if a.len() == b.len() => None,
        None => Some(a.len().min(b.len())),
    }
}

/// Up to `max` bytes of `text` from `offset`, as an escaped, quoted string for a one-line message.
pub fn snippet(text: &[u8], offset: usize, max: usize) -> String {
    let start = offset.min(text.len());
    let end = (start + max).min(text.len());
    format!("{:?}", String::from_utf8_lossy(&text[start..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_column_counts_lines_and_characters() {
        let text = "(a\n  (b \"é\" c))".as_bytes();
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        let c = text.iter().position(|&b| b == b'c').unwrap();
        // `  (b "é" ` is 9 characters but 10 bytes.
        assert_eq!(line_column(text, c), (2, 10));
        assert_eq!(line_column(text, 999), line_column(text, text.len()));
    }

    #[test]
    fn first_difference_finds_change_and_truncation() {
        assert_eq!(first_difference(b"(a b)", b"(a b)"), None);
        assert_eq!(first_difference(b"(a b)", b"(a c)"), Some(3));
        assert_eq!(first_difference(b"(a b)\n", b"(a b)"), Some(5));
        assert_eq!(first_difference(b"", b"x"), Some(0));
    }

    #[test]
    fn snippet_is_bounded_and_escaped() {
        assert_eq!(snippet(b"(a\tb)", 2, 2), "\"\\tb\"");
        assert_eq!(snippet(b"ab", 5, 4), "\"\"");
    }
}
