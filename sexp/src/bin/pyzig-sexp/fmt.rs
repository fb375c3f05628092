//! `fmt`: rewrite files in the KiCad 8+ layout, atomically, touching only files whose bytes change.

use std::io::Write;
use std::path::{Path, PathBuf};

use pyzig_sexp::{format_kicad, parse};

use crate::check::{read_and_parse, report_line};
use crate::layout::older_layout;
use crate::same::first_mismatch;
use crate::{EXIT_DIFFERS, EXIT_ERROR, EXIT_OK, files, progress};

pub enum Outcome {
    Unchanged,
    /// The formatted text differs from the file (and, unless checking only, was written).
    Changed,
    /// The file is in an older layout that formatting would rewrite wholesale, and that was not
    /// asked for (`--relayout`): left untouched, or with `--check` reported as one that would change.
    OlderLayout(String),
    Error {
        at: Option<(usize, usize)>,
        message: String,
    },
}

fn error(message: String) -> Outcome {
    Outcome::Error { at: None, message }
}

pub fn format_file(path: &Path, check_only: bool, relayout: bool) -> Outcome {
    let (bytes, tree) = match read_and_parse(path) {
        Ok(read) => read,
        Err((at, message)) => return Outcome::Error { at, message },
    };
    let older = if relayout { None } else { older_layout(&bytes, &tree) };
    let formatted = format_kicad(&tree);
    if formatted.as_bytes() == bytes.as_slice() {
        return Outcome::Unchanged;
    }
    // Never replace a file with one that does not read back to the same lists and tokens.
    let reparsed = match parse(&formatted) {
        Ok(reparsed) => reparsed,
        Err(e) => {
            let message = format!("formatter bug: its output does not parse ({e}); file left unchanged");
            return error(message.replace('\n', " "));
        }
    };
    if let Some(node) = first_mismatch(&tree, &reparsed) {
        let at = tree.node(node).line_col();
        return Outcome::Error {
            at,
            message: "formatter bug: its output reads back differently here; file left unchanged".into(),
        };
    }
    if let Some(reason) = older {
        return Outcome::OlderLayout(reason);
    }
    if check_only {
        return Outcome::Changed;
    }
    match write_atomically(path, formatted.as_bytes()) {
        Ok(()) => Outcome::Changed,
        Err(e) => error(format!("cannot write: {e}; file left unchanged")),
    }
}

/// Replaces the file's contents by writing a temporary file beside it and renaming it over the file, so
/// a reader (or a crash) sees the old or the new file, never a mix. The file's permissions are kept;
/// a symlink is resolved so the link stays a link.
fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path)?;
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = std::fs::metadata(&target)?.permissions();
    let mut temp = tempfile::Builder::new().prefix(".pyzig-sexp-").suffix(".tmp").tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().set_permissions(permissions)?;
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

pub fn run(paths: &[PathBuf], check_only: bool, relayout: bool) -> u8 {
    let found = files::collect(paths);
    let (mut unchanged, mut changed, mut errors, mut skipped) = (0usize, 0usize, 0usize, 0usize);
    for e in &found.errors {
        println!("{}", report_line(&e.path, None, &format!("error: {}", e.message)));
        errors += 1;
    }
    let bar = progress::files_bar(found.files.len());
    for path in &found.files {
        match format_file(path, check_only, relayout) {
            Outcome::Unchanged => unchanged += 1,
            Outcome::Changed => {
                let verb = if check_only { "would reformat" } else { "reformatted" };
                progress::println(&bar, &format!("{verb} {}", path.display()));
                changed += 1;
            }
            Outcome::OlderLayout(reason) if check_only => {
                progress::println(&bar, &format!("would reformat {} ({reason})", path.display()));
                changed += 1;
            }
            Outcome::OlderLayout(reason) => {
                progress::println(&bar, &format!("skipped {}: {reason}", path.display()));
                skipped += 1;
            }
            Outcome::Error { at, message } => {
                progress::println(&bar, &report_line(path, at, &format!("error: {message}")));
                errors += 1;
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let verb = if check_only { "would change" } else { "changed" };
    let skipped_note = if skipped > 0 { format!(", {skipped} skipped (older layout)") } else { String::new() };
    println!(
        "formatted {} files: {changed} {verb}, {unchanged} unchanged{skipped_note}, {errors} errors",
        found.files.len() + found.errors.len()
    );
    if errors > 0 {
        EXIT_ERROR
    } else if (check_only && changed > 0) || skipped > 0 {
        EXIT_DIFFERS
    } else {
        EXIT_OK
    }
}
