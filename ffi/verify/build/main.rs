//! Generator of the declaration checks (see ../README.md).
//!
//! 1. asks the interpreter in `PYZIG_PYTHON` for its version and header directories;
//! 2. runs bindgen on its `Python.h` (only `Py*`/`_Py*`/`PY*`/`METH_*`… names) into `OUT_DIR/bindings.rs`;
//! 3. reads `ffi/src`, pyo3-ffi's sources and the bindgen output with `syn`, under the cfgs of that version;
//! 4. writes `OUT_DIR/ffi_src.rs` (checks of `pyzig-ffi`) and one file per fixture in `fixtures/`.

mod bindgen_run;
mod cfg;
mod checks;
mod emit;
mod items;
mod pyo3_src;
mod python;
mod types;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn main() {
    for var in ["PYZIG_PYTHON", "PYO3_PYTHON", "PYZIG_VERIFY_PYO3_FFI_DIR"] {
        println!("cargo::rerun-if-env-changed={var}");
    }
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let ffi_src = manifest.join("../src");
    for watched in [ffi_src.clone(), manifest.join("fixtures"), manifest.join("allowlist.txt"), manifest.join("build")]
    {
        println!("cargo::rerun-if-changed={}", watched.display());
    }

    let exe = std::env::var("PYZIG_PYTHON").unwrap_or_else(|_| "python3".into());
    let py = python::query(&exe);
    let pyo3_mismatch = pyo3_python_mismatch(&py);
    // Same cfg convention as pyzig-ffi and pyo3-ffi, for the fixtures compiled into the tests.
    println!(
        "cargo::rustc-check-cfg=cfg(Py_3_7, Py_3_8, Py_3_9, Py_3_10, Py_3_11, Py_3_12, Py_3_13, Py_3_14, Py_3_15)"
    );
    for minor in 7..=py.minor {
        println!("cargo::rustc-cfg=Py_3_{minor}");
    }
    println!("cargo::rustc-env=PYZIG_VERIFY_PYTHON={}", py.exe);

    let bindings = out.join("bindings.rs");
    bindgen_run::run(&py, &bindings);

    let target = types::Target::from_env();
    let header_cfg = cfg::Cfg::new(py.minor, py.debug);
    let header = items::read_crate(&bindings, &header_cfg);
    let pyo3_cfg = cfg::Cfg::new(py.minor, py.debug);
    let pyo3 = match &pyo3_mismatch {
        None => items::read_crate(&pyo3_src::lib_rs(&manifest), &pyo3_cfg),
        Some(msg) => {
            println!("cargo::warning={msg}");
            items::Crate::empty()
        }
    };
    let allow = read_allowlist(&manifest.join("allowlist.txt"));

    let write = |label: &str, root: &Path, ours_path: &str, file: &str| {
        let ours_cfg = cfg::Cfg::new(py.minor, py.debug);
        let ours = items::read_crate(root, &ours_cfg);
        let unknown_cfgs = ours_cfg.unknown.borrow().iter().cloned().collect();
        let notes = pyo3_mismatch.iter().cloned().collect();
        let code = emit::generate(&emit::Sources {
            label,
            python: &py.version,
            ours_path,
            ours: &ours,
            header: &header,
            pyo3: &pyo3,
            allow: &allow,
            target: &target,
            unknown_cfgs,
            notes,
        });
        std::fs::write(out.join(file), code).expect("write generated checks");
    };
    write("ffi/src", &ffi_src.join("lib.rs"), "::pyzig_ffi", "ffi_src.rs");
    write("fixture right.rs", &manifest.join("fixtures/right.rs"), "crate::fixture_right", "fixture_right.rs");
    write("fixture wrong.rs", &manifest.join("fixtures/wrong.rs"), "crate::fixture_wrong", "fixture_wrong.rs");
}

/// pyo3-ffi's build script configures itself from `PYO3_PYTHON` (else `python3`): a pyo3-ffi built for
/// another version is not compared with (the report says so; tools/test-ffi.sh sets both variables).
fn pyo3_python_mismatch(py: &python::Python) -> Option<String> {
    let pyo3_exe = std::env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".into());
    let other = python::query(&pyo3_exe);
    (other.version != py.version || other.include != py.include).then(|| {
        format!(
            "pyo3-ffi NOT compared: it is built for PYO3_PYTHON={pyo3_exe} (python {}), not PYZIG_PYTHON={} \
             (python {}); set PYO3_PYTHON to the same interpreter",
            other.version, py.exe, py.version
        )
    })
}

/// `NAME: reason` lines; `#` starts a comment.
fn read_allowlist(path: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, reason) =
            line.split_once(':').unwrap_or_else(|| panic!("{}:{}: expected `NAME: reason`", path.display(), n + 1));
        assert!(!reason.trim().is_empty(), "{}:{}: a reason is required", path.display(), n + 1);
        out.insert(name.trim().to_owned(), reason.trim().to_owned());
    }
    out
}
