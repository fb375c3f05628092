//! `pyzig-sexp`: check and format KiCad S-expression files, for people who keep them in git.
//!
//! `check` proves that the engine reads and rewrites every file byte for byte, `fmt` rewrites files in the
//! layout KiCad 8 and later write, `bench` measures the engine on one file. Not a KiCad file validator: it knows the
//! S-expression syntax, not what each KiCad token means.
#![forbid(unsafe_code)]

mod bench;
mod check;
mod files;
mod fmt;
mod layout;
mod location;
mod progress;
mod same;
mod timing;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Exit status when every file is fine.
const EXIT_OK: u8 = 0;
/// Exit status when some file differs (`check`), would change (`fmt --check`) or was skipped for its
/// older layout (`fmt` without `--relayout`), and nothing failed.
const EXIT_DIFFERS: u8 = 1;
/// Exit status when some file or path could not be read or parsed (clap uses 2 for usage errors too).
const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(name = "pyzig-sexp", version, about = "Check and format KiCad S-expression files")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse and reprint every KiCad file; report files whose reprint is not byte-identical.
    ///
    /// Directories are searched recursively (hidden directories skipped, symlinks followed) for
    /// .kicad_pcb .kicad_mod .kicad_sym .kicad_sch .kicad_wks, fp-lib-table, sym-lib-table,
    /// design-block-lib-table, and S-expression netlists (.net starting with `(export`). Files named
    /// explicitly are checked whatever their name. Exit status: 0 all identical, 1 some differ, 2 errors.
    Check {
        /// Files and directories to check.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Rewrite KiCad files in the layout KiCad 8 and later write, touching only files whose bytes change.
    ///
    /// The layout is KiCad 8's (tab indents; library tables one entry per line); a file's final
    /// newline, or its absence, is kept. Files indented with spaces (written by KiCad 7 or older, or
    /// netlists) would change on every line: they are skipped, and reported by --check, unless
    /// --relayout is given. Files are found as for `check`. Each rewrite is atomic (temporary file,
    /// then rename). Exit status: 0 done (or, with --check, nothing to change), 1 with --check when
    /// some file would change, or when some file was skipped for its older layout, 2 errors (such
    /// files are left untouched).
    Fmt {
        /// Only report which files would change; write nothing.
        #[arg(long)]
        check: bool,
        /// Also rewrite files in an older layout (KiCad 7 or older: two-space indents) wholesale.
        #[arg(long)]
        relayout: bool,
        /// Files and directories to format.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Median throughput of parse, print and format on one file, and tree size over file size.
    Bench {
        /// The file to measure.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check { paths } => check::run(&paths),
        Command::Fmt { check, relayout, paths } => fmt::run(&paths, check, relayout),
        Command::Bench { file } => bench::run(&file),
    };
    ExitCode::from(code)
}
