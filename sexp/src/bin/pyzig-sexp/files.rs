//! Finding the KiCad S-expression files under the paths a user names.
//!
//! In directories, a file is taken by its name: the KiCad 6+ S-expression kinds by extension, the
//! library tables by file name, and netlists (`.net`, which eeschema also uses for non-S-expression
//! exports) only when they start with `(export`. JSON files (`.kicad_pro`, `.kicad_prl`) and design
//! rules (`.kicad_dru`, a sequence of top-level forms rather than one tree) are not taken. A file named
//! on the command line is always taken. Hidden directories (`.git`, …) are skipped; symlinks are
//! followed, with loops reported as errors.

use std::collections::HashSet;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

const EXTENSIONS: &[&str] = &["kicad_pcb", "kicad_mod", "kicad_sym", "kicad_sch", "kicad_wks"];
const FILE_NAMES: &[&str] = &["fp-lib-table", "sym-lib-table", "design-block-lib-table"];
const NETLIST_EXTENSION: &str = "net";
const NETLIST_START: &[u8] = b"(export";

/// A path that could not be searched, with the reason.
pub struct WalkError {
    pub path: PathBuf,
    pub message: String,
}

/// The files to process, in a stable order without duplicates, and the paths that could not be searched.
pub struct Found {
    pub files: Vec<PathBuf>,
    pub errors: Vec<WalkError>,
}

pub fn collect(paths: &[PathBuf]) -> Found {
    let mut found = Found { files: Vec::new(), errors: Vec::new() };
    let mut seen = HashSet::new();
    let mut add = |path: PathBuf, files: &mut Vec<PathBuf>| {
        // The same file reached twice (overlapping arguments, a symlink) is processed once.
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if seen.insert(key) {
            files.push(path);
        }
    };
    for root in paths {
        let meta = match std::fs::metadata(root) {
            Ok(meta) => meta,
            Err(e) => {
                found.errors.push(WalkError { path: root.clone(), message: e.to_string() });
                continue;
            }
        };
        if meta.is_file() {
            add(root.clone(), &mut found.files);
            continue;
        }
        if !meta.is_dir() {
            // Reading a FIFO or a device could block forever or never end.
            let message = "not a regular file or directory".to_string();
            found.errors.push(WalkError { path: root.clone(), message });
            continue;
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() && is_kicad_file(entry.path()) => {
                    add(entry.into_path(), &mut found.files);
                }
                Ok(_) => {}
                Err(e) => found.errors.push(walk_error(root, &e)),
            }
        }
    }
    found
}

fn walk_error(root: &Path, e: &walkdir::Error) -> WalkError {
    let path = e.path().unwrap_or(root).to_path_buf();
    let message = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => format!("directory loop back to {}, not followed", ancestor.display()),
        (None, Some(io)) => io.to_string(),
        (None, None) => e.to_string(),
    };
    WalkError { path, message }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Whether a file met while searching a directory is a KiCad S-expression file.
pub fn is_kicad_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if FILE_NAMES.contains(&name) {
        return true;
    }
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if EXTENSIONS.contains(&ext) => true,
        Some(NETLIST_EXTENSION) => starts_with_form(path, NETLIST_START),
        _ => false,
    }
}

/// Whether the file's first non-blank bytes are `start`. Unreadable files answer false here; a file
/// named explicitly still reports its read error.
fn starts_with_form(path: &Path, start: &[u8]) -> bool {
    let mut head = [0u8; 256];
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let Ok(n) = file.read(&mut head) else {
        return false;
    };
    let text = &head[..n];
    let first = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(n);
    text[first..].starts_with(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_kicad_names_only() {
        for name in ["a.kicad_pcb", "b.kicad_mod", "c.kicad_sym", "d.kicad_sch", "e.kicad_wks", "fp-lib-table"] {
            assert!(is_kicad_file(Path::new(name)), "{name}");
        }
        for name in ["a.kicad_pro", "a.kicad_prl", "a.kicad_dru", "x.txt", "fp-lib-table.bak", "kicad_pcb"] {
            assert!(!is_kicad_file(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn netlists_are_sniffed() {
        let dir = tempfile::tempdir().unwrap();
        let sexp = dir.path().join("a.net");
        let legacy = dir.path().join("b.net");
        std::fs::write(&sexp, "\n(export (version \"E\"))\n").unwrap();
        std::fs::write(&legacy, "( { EESchema Netlist Version 1.1 }\n").unwrap();
        assert!(is_kicad_file(&sexp));
        assert!(!is_kicad_file(&legacy));
    }

    #[test]
    fn collect_walks_sorted_skips_hidden_and_dedups() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in ["b.kicad_pcb", "a.kicad_mod", "sub/fp-lib-table", ".git/x.kicad_pcb", "notes.txt"] {
            std::fs::write(root.join(f), "(x)").unwrap();
        }
        let found = collect(&[root.to_path_buf(), root.join("b.kicad_pcb")]);
        let names: Vec<_> = found.files.iter().map(|p| p.strip_prefix(root).unwrap().to_path_buf()).collect();
        let expected: Vec<PathBuf> =
            ["a.kicad_mod", "b.kicad_pcb", "sub/fp-lib-table"].iter().map(PathBuf::from).collect();
        assert_eq!(names, expected);
        assert!(found.errors.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn collect_reports_missing_paths_and_loops() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("d")).unwrap();
        std::os::unix::fs::symlink(root, root.join("d/back")).unwrap();
        let found = collect(&[root.join("missing"), root.to_path_buf(), PathBuf::from("/dev/null")]);
        assert_eq!(found.errors.len(), 3, "{:?}", found.errors.iter().map(|e| &e.message).collect::<Vec<_>>());
        assert!(found.errors[1].message.contains("loop"));
        assert_eq!(found.errors[2].message, "not a regular file or directory");
    }
}
