//! Emits the `Py_3_N` version cfgs for the interpreter in `PYZIG_PYTHON`; the root `build.rs` reuses
//! `emit_python_cfgs` through `#[path]`, so both crates see the same cfgs.

/// Oldest and newest minor versions of CPython 3 this code is written for.
const MIN_MINOR: u32 = 10;
const MAX_MINOR: u32 = 13;

/// Asks `PYZIG_PYTHON` (default `python3`) for its version; emits `Py_3_N` meaning "at least 3.N".
pub fn emit_python_cfgs() {
    println!("cargo:rerun-if-env-changed=PYZIG_PYTHON");
    for minor in 11..=MAX_MINOR {
        println!("cargo::rustc-check-cfg=cfg(Py_3_{minor})");
    }
    let python = std::env::var("PYZIG_PYTHON").unwrap_or_else(|_| "python3".to_owned());
    let out = std::process::Command::new(&python)
        .args(["-c", "import sys; print(sys.version_info[0], sys.version_info[1])"])
        .output()
        .unwrap_or_else(|e| panic!("cannot run PYZIG_PYTHON={python}: {e}"));
    assert!(out.status.success(), "{python} failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("version is ASCII");
    let mut parts = text.split_whitespace().map(|p| p.parse::<u32>().expect("version number"));
    let (major, minor) = (parts.next().unwrap(), parts.next().unwrap());
    assert!(
        major == 3 && (MIN_MINOR..=MAX_MINOR).contains(&minor),
        "{python} is Python {major}.{minor}; pyzig supports 3.{MIN_MINOR} to 3.{MAX_MINOR}"
    );
    for m in 11..=minor {
        println!("cargo:rustc-cfg=Py_3_{m}");
    }
}

#[allow(dead_code)]
fn main() {
    emit_python_cfgs();
}
