//! The `pyzig-sexp` command line on temporary trees of good, unformatted and broken files.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use pyzig_sexp::{format_kicad, parse};

const BIN: &str = env!("CARGO_BIN_EXE_pyzig-sexp");

/// A footprint in KiCad 6 layout: parses and reprints, but is not in the KiCad 8+ layout.
const KICAD6: &str = "(footprint \"R\" (version 20211014) (generator pcbnew)\n  (layer \"F.Cu\")\n  (fp_text reference \
    \"R1\" (at 0 0) (layer \"F.SilkS\"))\n)\n";
/// A footprint indented with tabs (as KiCad 8+ does) but not in its layout, e.g. after a hand edit.
const UNFORMATTED: &str = "(footprint \"R\" (version 20240108) (generator pcbnew)\n\t(layer \"F.Cu\") (fp_text \
    reference \"R1\" (at 0 0) (layer \"F.SilkS\"))\n)\n";
/// Unclosed list on line 2.
const BROKEN: &str = "(kicad_pcb (version 20221018)\n  (net 0 \"\"\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], dir: &Path) -> Run {
    let out = Command::new(BIN).args(args).current_dir(dir).output().expect("the binary runs");
    let run = Run {
        code: out.status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    };
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    run
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or("")
}

/// A pcbnew-written KiCad 8 footprint, already in the KiCad 7+ layout (one of the repository's fixtures).
fn kicad8_fixture() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/kicad/test-v8.kicad_mod");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {} is needed: {e}", path.display()))
}

fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, contents).unwrap();
    path
}

#[test]
fn check_good_tree_passes() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "lib.pretty/R.kicad_mod", KICAD6);
    write(dir.path(), "board/fp-lib-table", "(fp_lib_table\n  (version 7)\n)\n");
    write(dir.path(), "board/notes.txt", "not a KiCad file (");
    write(dir.path(), "board/board.kicad_pro", "{\"json\": true}");
    let r = run(&["check", "."], dir.path());
    assert_eq!(last_line(&r.stdout), "checked 2 files: 2 identical, 0 differ, 0 errors", "{}", r.stdout);
    assert_eq!(r.code, 0);
    assert!(r.stderr.is_empty(), "no progress bar off a terminal: {:?}", r.stderr);
}

#[test]
fn check_reports_broken_file_with_location() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.kicad_mod", KICAD6);
    write(dir.path(), "b.kicad_pcb", BROKEN);
    let r = run(&["check", "."], dir.path());
    assert_eq!(r.code, 2);
    assert_eq!(last_line(&r.stdout), "checked 2 files: 1 identical, 0 differ, 1 errors");
    let failure = r.stdout.lines().find(|l| l.contains("b.kicad_pcb")).expect("the broken file is listed");
    let Err(expected_at) = parse(BROKEN) else { panic!("BROKEN must not parse") };
    let prefix = format!("./b.kicad_pcb:{}:{}: error: ", expected_at.line, expected_at.column);
    assert!(failure.starts_with(&prefix), "{failure:?} should start with {prefix:?}");
}

#[test]
fn check_reports_binary_and_missing_paths_without_panicking() {
    let dir = tempfile::tempdir().unwrap();
    // Named explicitly, so checked whatever the extension.
    write(dir.path(), "blob.bin", [0x28u8, 0xff, 0x00, 0xfe, 0x29]);
    let r = run(&["check", "blob.bin", "no-such-dir"], dir.path());
    assert_eq!(r.code, 2);
    assert_eq!(last_line(&r.stdout), "checked 2 files: 0 identical, 0 differ, 2 errors");
    assert!(r.stdout.contains("blob.bin:1:"), "{}", r.stdout);
    assert!(r.stdout.contains("no-such-dir: error: "), "{}", r.stdout);
}

#[test]
fn check_survives_directory_loop() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "lib/R.kicad_mod", KICAD6);
    std::os::unix::fs::symlink("..", dir.path().join("lib/up")).unwrap();
    let r = run(&["check", "lib"], dir.path());
    assert_eq!(r.code, 2);
    assert!(r.stdout.contains("loop"), "{}", r.stdout);
    assert_eq!(last_line(&r.stdout), "checked 2 files: 1 identical, 0 differ, 1 errors");
}

#[test]
fn fmt_check_reports_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.kicad_mod", UNFORMATTED);
    write(dir.path(), "new.kicad_mod", kicad8_fixture());
    let r = run(&["fmt", "--check", "."], dir.path());
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert_eq!(r.stdout.lines().next(), Some("would reformat ./old.kicad_mod"));
    assert_eq!(last_line(&r.stdout), "formatted 2 files: 1 would change, 1 unchanged, 0 errors");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), UNFORMATTED);

    let r = run(&["fmt", "--check", "new.kicad_mod"], dir.path());
    assert_eq!(r.code, 0, "pcbnew's own layout is reproduced: {}", r.stdout);
}

#[test]
fn fmt_rewrites_only_changed_files_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.kicad_mod", UNFORMATTED);
    let new = write(dir.path(), "new.kicad_mod", kicad8_fixture());
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (old_ino, new_ino) = (old.metadata().unwrap().ino(), new.metadata().unwrap().ino());

    let r = run(&["fmt", "."], dir.path());
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(last_line(&r.stdout), "formatted 2 files: 1 changed, 1 unchanged, 0 errors");
    let expected = format_kicad(&parse(UNFORMATTED).unwrap());
    assert_eq!(std::fs::read_to_string(&old).unwrap(), expected);
    let meta = old.metadata().unwrap();
    assert_ne!(meta.ino(), old_ino, "replaced by rename, not rewritten in place");
    assert_eq!(meta.permissions().mode() & 0o777, 0o640, "permissions kept");
    assert_eq!(new.metadata().unwrap().ino(), new_ino, "an unchanged file is not touched");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 2, "no temporary files left: {leftovers:?}");

    // Formatting is idempotent: a second run changes nothing.
    let r = run(&["fmt", "--check", "."], dir.path());
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn fmt_leaves_broken_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = write(dir.path(), "b.kicad_pcb", BROKEN);
    let r = run(&["fmt", "b.kicad_pcb"], dir.path());
    assert_eq!(r.code, 2);
    assert_eq!(last_line(&r.stdout), "formatted 1 files: 0 changed, 0 unchanged, 1 errors");
    assert_eq!(std::fs::read_to_string(&broken).unwrap(), BROKEN);
}

#[test]
fn fmt_follows_symlink_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let real = write(dir.path(), "real/R.kicad_mod", UNFORMATTED);
    std::os::unix::fs::symlink("real/R.kicad_mod", dir.path().join("link.kicad_mod")).unwrap();
    let r = run(&["fmt", "link.kicad_mod"], dir.path());
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert!(dir.path().join("link.kicad_mod").symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&real).unwrap(), format_kicad(&parse(UNFORMATTED).unwrap()));
}

#[test]
fn fmt_rewrites_an_older_layout_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.kicad_mod", KICAD6);
    let table =
        "(fp_lib_table\n  (version 7)\n  (lib (name \"a\")(type \"KiCad\")(uri \"x\")(options \"\")(descr \"\"))\n)\n";
    write(dir.path(), "fp-lib-table", table);

    let r = run(&["fmt", "--check", "."], dir.path());
    assert_eq!(r.code, 1, "{}", r.stdout);
    let why = "(indented with spaces, as KiCad 7 and older wrote (version 20211014): formatting would \
        rewrite every line; pass --relayout to do so)";
    assert_eq!(r.stdout.lines().next(), Some(format!("would reformat ./old.kicad_mod {why}").as_str()));
    assert_eq!(last_line(&r.stdout), "formatted 2 files: 1 would change, 1 unchanged, 0 errors");

    let r = run(&["fmt", "."], dir.path());
    assert_eq!(r.code, 1, "skipping a file is reported in the status: {}", r.stdout);
    assert!(r.stdout.starts_with("skipped ./old.kicad_mod: indented with spaces"), "{}", r.stdout);
    assert_eq!(last_line(&r.stdout), "formatted 2 files: 0 changed, 1 unchanged, 1 skipped (older layout), 0 errors");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), KICAD6, "left untouched");

    let r = run(&["fmt", "--relayout", "."], dir.path());
    assert_eq!(r.code, 0, "{}", r.stdout);
    assert_eq!(last_line(&r.stdout), "formatted 2 files: 1 changed, 1 unchanged, 0 errors");
    assert_eq!(std::fs::read_to_string(&old).unwrap(), format_kicad(&parse(KICAD6).unwrap()));
    assert!(std::fs::read_to_string(&old).unwrap().contains("\n\t(layer \"F.Cu\")"));
}

#[test]
fn bench_prints_five_figures() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "R.kicad_mod", KICAD6);
    let r = run(&["bench", "R.kicad_mod"], dir.path());
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", r.stdout);
    for (line, label) in lines[..4].iter().zip(["parse", "parse (lent text)", "print", "format"]) {
        let rate = line.strip_prefix(&format!("{label}: ")).and_then(|l| l.strip_suffix(" MB/s"));
        let rate: f64 = rate.and_then(|r| r.parse().ok()).unwrap_or_else(|| panic!("bad line {line:?}"));
        assert!(rate > 0.0, "{line}");
    }
    let x = lines[4].strip_prefix("tree: ").and_then(|l| l.strip_suffix("x file size"));
    let x: f64 = x.and_then(|x| x.parse().ok()).unwrap_or_else(|| panic!("bad line {:?}", lines[4]));
    assert!(x >= 1.0, "the tree holds a copy of the source: {x}");
}

#[test]
fn bench_on_missing_file_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(&["bench", "nope.kicad_pcb"], dir.path());
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("nope.kicad_pcb: cannot read"), "{}", r.stderr);
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(&["check"], dir.path()).code, 2);
    assert_eq!(run(&["frobnicate"], dir.path()).code, 2);
}
