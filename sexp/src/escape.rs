//! KiCad string escaping. Writing follows KiCad's `OUTPUTFORMATTER::Quotes` (escape `\n`, `\r`,
//! `\\`, `"`; everything else verbatim, UTF-8 included); reading follows its lexer (`\"`, `\\`,
//! the C letter escapes, `\xHH` and octal `\ooo`; an unknown escape keeps its backslash).

use std::borrow::Cow;

/// `value` as a quoted KiCad string token.
pub fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The value of a quoted string token (with its quotes). Borrows when there is no escape.
/// Escapes that produce bytes which are not valid UTF-8 are replaced with U+FFFD.
pub fn unquote(token: &str) -> Cow<'_, str> {
    let inner = token.strip_prefix('"').and_then(|t| t.strip_suffix('"')).unwrap_or(token);
    if !inner.contains('\\') {
        return Cow::Borrowed(inner);
    }
    let b = inner.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' || i + 1 == b.len() {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let e = b[i + 1];
        i += 2;
        let simple = match e {
            b'"' => Some(b'"'),
            b'\\' => Some(b'\\'),
            b'a' => Some(0x07),
            b'b' => Some(0x08),
            b'f' => Some(0x0c),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(0x0b),
            _ => None,
        };
        if let Some(c) = simple {
            out.push(c);
        } else if e == b'x' && i < b.len() && b[i].is_ascii_hexdigit() {
            let mut v = 0u32;
            let mut n = 0;
            while n < 2 && i < b.len() && b[i].is_ascii_hexdigit() {
                v = v * 16 + (b[i] as char).to_digit(16).unwrap_or(0);
                i += 1;
                n += 1;
            }
            out.push(v as u8);
        } else if (b'0'..=b'7').contains(&e) {
            let mut v = (e - b'0') as u32;
            let mut n = 1;
            while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                v = v * 8 + (b[i] - b'0') as u32;
                i += 1;
                n += 1;
            }
            out.push(v as u8); // \400..\777 wrap as in C
        } else {
            out.push(b'\\');
            out.push(e);
        }
    }
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_like_kicad() {
        assert_eq!(quote("a\"b\\c\nd\re\tµ"), "\"a\\\"b\\\\c\\nd\\re\tµ\"");
    }

    #[test]
    fn unquote_round_trips_and_decodes() {
        for v in ["", "plain", "a\"b\\c\nd\r", "${KIPRJMOD}/x"] {
            assert_eq!(unquote(&quote(v)), v);
        }
        assert!(matches!(unquote("\"abc\""), Cow::Borrowed("abc")));
        assert_eq!(unquote(r#""\x41\101\t\q""#), "AA\t\\q");
    }
}
