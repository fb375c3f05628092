//! `check`: parse and reprint every file, and report those whose reprint is not byte-identical.

use std::path::{Path, PathBuf};

use pyzig_sexp::{Tree, parse_bytes};

use crate::location::{first_difference, line_column, snippet};
use crate::{EXIT_DIFFERS, EXIT_ERROR, EXIT_OK, files, progress};

/// Bytes of context shown on each side of a difference.
const SNIPPET_BYTES: usize = 24;

/// What became of one file.
pub enum Outcome {
    Identical,
    /// The reprint differs; `message` locates and shows the first differing byte.
    Differs {
        line: usize,
        column: usize,
        message: String,
    },
    /// The file could not be read (no location) or parsed (location of the error).
    Error {
        at: Option<(usize, usize)>,
        message: String,
    },
}

pub fn check_file(path: &Path) -> Outcome {
    match read_and_parse(path) {
        Ok((bytes, tree)) => compare(&bytes, tree.print().as_bytes()),
        Err((at, message)) => Outcome::Error { at, message },
    }
}

/// Why a file could not be read (no location) or parsed (the error's line and column), and the message.
pub type Failure = (Option<(usize, usize)>, String);

/// The file's bytes and its tree. Shared by `check` and `fmt`.
pub fn read_and_parse(path: &Path) -> Result<(Vec<u8>, Tree), Failure> {
    let bytes = std::fs::read(path).map_err(|e| (None, format!("cannot read: {e}")))?;
    let tree = parse_bytes(&bytes).map_err(|e| (Some((e.line, e.column)), e.message.to_string()))?;
    Ok((bytes, tree))
}

fn compare(file: &[u8], printed: &[u8]) -> Outcome {
    match first_difference(file, printed) {
        None => Outcome::Identical,
        Some(offset) => {
            let (line, column) = line_column(file, offset);
            let message = format!(
                "reprint differs: file has {}, reprint has {}",
                snippet(file, offset, SNIPPET_BYTES),
                snippet(printed, offset, SNIPPET_BYTES)
            );
            Outcome::Differs { line, column, message }
        }
    }
}

/// One report line, `path:line:column: message` (without a location when there is none).
pub fn report_line(path: &Path, at: Option<(usize, usize)>, message: &str) -> String {
    match at {
        Some((line, column)) => format!("{}:{line}:{column}: {message}", path.display()),
        None => format!("{}: {message}", path.display()),
    }
}

#[derive(Default)]
struct Tally {
    identical: usize,
    differ: usize,
    errors: usize,
}

pub fn run(paths: &[PathBuf]) -> u8 {
    let found = files::collect(paths);
    let mut tally = Tally::default();
    for e in &found.errors {
        println!("{}", report_line(&e.path, None, &format!("error: {}", e.message)));
        tally.errors += 1;
    }
    let bar = progress::files_bar(found.files.len());
    for path in &found.files {
        match check_file(path) {
            Outcome::Identical => tally.identical += 1,
            Outcome::Differs { line, column, message } => {
                progress::println(&bar, &report_line(path, Some((line, column)), &message));
                tally.differ += 1;
            }
            Outcome::Error { at, message } => {
                progress::println(&bar, &report_line(path, at, &format!("error: {message}")));
                tally.errors += 1;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    println!(
        "checked {} files: {} identical, {} differ, {} errors",
        // A path that could not be searched counts as one file in error, so the parts add up.
        found.files.len() + found.errors.len(),
        tally.identical,
        tally.differ,
        tally.errors
    );
    if tally.errors > 0 {
        EXIT_ERROR
    } else if tally.differ > 0 {
        EXIT_DIFFERS
    } else {
        EXIT_OK
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compare_locates_first_difference() {
        assert!(matches!(compare(b"(a\n  (b 1))", b"(a\n  (b 1))"), Outcome::Identical));
        let Outcome::Differs { line, column, message } = compare(b"(a\n  (b 1.0))", b"(a\n  (b 1))") else {
            panic!("expected a difference");
        };
        assert_eq!((line, column), (2, 7));
        assert_eq!(message, r#"reprint differs: file has ".0))", reprint has "))""#);
    }

    #[test]
    fn missing_trailing_newline_is_a_difference() {
        let Outcome::Differs { line, column, .. } = compare(b"(a)\n", b"(a)") else {
            panic!("expected a difference");
        };
        assert_eq!((line, column), (1, 4));
    }

    #[test]
    fn report_line_has_location_when_known() {
        assert_eq!(report_line(Path::new("x.kicad_pcb"), Some((3, 9)), "m"), "x.kicad_pcb:3:9: m");
        assert_eq!(report_line(Path::new("x.kicad_pcb"), None, "m"), "x.kicad_pcb: m");
    }
}
