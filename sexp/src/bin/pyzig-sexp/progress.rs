//! The progress bar: drawn on stderr when it is a terminal, absent otherwise (logs, CI, pipes).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// A bar counting `len` files, hidden unless stderr is a terminal.
pub fn files_bar(len: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} {wide_msg}")
        .expect("the template is a valid constant");
    bar.set_style(style);
    bar
}

/// Prints one report line on stdout without tearing the bar.
pub fn println(bar: &ProgressBar, line: &str) {
    bar.suspend(|| println!("{line}"));
}
