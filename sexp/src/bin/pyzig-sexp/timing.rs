//! Median timing, shared by `pyzig-sexp bench` and the benchmark binary (`benches/parse_vs_kiutils.rs`
//! includes this file by path, so both measure the same way).

use std::time::{Duration, Instant};

/// Median wall time of `op`, after one warm-up run: at least `min_runs` runs, then more until `budget`
/// has passed or `max_runs` were made.
pub fn median(min_runs: usize, max_runs: usize, budget: Duration, mut op: impl FnMut()) -> Duration {
    op();
    let start = Instant::now();
    let mut times = Vec::new();
    while times.len() < min_runs || (times.len() < max_runs && start.elapsed() < budget) {
        let t = Instant::now();
        op();
        times.push(t.elapsed());
    }
    times.sort_unstable();
    times[times.len() / 2]
}

/// Megabytes (10^6 bytes) per second for `bytes` processed in `time`.
pub fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64().max(1e-12) / 1e6
}
