//! Line and column of a byte offset, computed on demand (nodes store only offsets).

/// 1-based (line, column) of `offset` in `b`; the column counts characters, so `b[..offset]`
/// must be valid UTF-8 on that line (continuation bytes are not counted).
pub(crate) fn line_col(b: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(b.len());
    let before = &b[..offset];
    let line = 1 + memchr::memchr_iter(b'\n', before).count();
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |k| k + 1);
    let column = 1 + before[line_start..].iter().filter(|&&c| c & 0xC0 != 0x80).count();
    (line, column)
}

/// Byte range of the line holding `offset`, without its terminator (`\n` or `\r\n`).
pub(crate) fn line_range(b: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(b.len());
    let start = memchr::memrchr(b'\n', &b[..offset]).map_or(0, |k| k + 1);
    let mut end = memchr::memchr(b'\n', &b[offset..]).map_or(b.len(), |k| offset + k);
    if end > start && b[end - 1] == b'\r' {
        end -= 1;
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_lines_and_characters() {
        let s = "(a\n  (é x)\r\n)".as_bytes();
        assert_eq!(line_col(s, 0), (1, 1));
        assert_eq!(line_col(s, 5), (2, 3));
        assert_eq!(line_col(s, 9), (2, 6)); // after the two-byte é
        assert_eq!(line_range(s, 5), (3, 11));
    }
}
