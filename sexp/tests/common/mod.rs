//! Shared helpers for the integration tests (`mod common;`; a directory so it is no test target).
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The KiCad 7+ fixtures the repository carries (`tests/fixtures/kicad/README.md` says where from).
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/kicad")
}

/// The KiCad files among the fixtures (not their README and licence).
pub fn kicad_fixtures() -> Vec<PathBuf> {
    files_under(&fixtures_dir())
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name != "README.md" && !name.starts_with("LICENSE")
        })
        .collect()
}

pub fn fixture(name: &str) -> String {
    let p = fixtures_dir().join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {}: {e}", p.display()))
}

/// Every file under `dir`, sorted (no recursion on the call stack: a work list).
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() { todo.push(p) } else { out.push(p) }
        }
    }
    out.sort();
    out
}

/// Lines that differ between two texts of equal line count (panics otherwise).
pub fn changed_lines(a: &str, b: &str) -> Vec<(String, String)> {
    let (la, lb): (Vec<_>, Vec<_>) = (a.split('\n').collect(), b.split('\n').collect());
    assert_eq!(la.len(), lb.len(), "line count changed");
    la.iter().zip(&lb).filter(|(x, y)| x != y).map(|(x, y)| (x.to_string(), y.to_string())).collect()
}

/// Small deterministic PRNG (xorshift64*), so failures reproduce.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// Panics with the first differing line instead of dumping whole files.
pub fn assert_same_text(actual: &str, expected: &str) {
    if actual == expected {
        return;
    }
    let (a, e): (Vec<_>, Vec<_>) = (actual.split('\n').collect(), expected.split('\n').collect());
    let k = a.iter().zip(&e).position(|(x, y)| x != y).unwrap_or(a.len().min(e.len()));
    panic!(
        "texts differ from line {} ({} vs {} lines):\n  got:      {:?}\n  expected: {:?}\n  next got: {:?}",
        k + 1,
        a.len(),
        e.len(),
        a.get(k),
        e.get(k),
        a.get(k + 1)
    );
}
