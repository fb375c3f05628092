//! Emits the `Py_3_N` version cfgs (and `pylong_digit_30`, `Py_DEBUG`) for the interpreter in `PYZIG_PYTHON`; the
//! root `build.rs` reuses `emit_python_cfgs` through `#[path]`, so both crates see the same cfgs.

/// Oldest and newest minor versions of CPython 3 this code is written for.
const MIN_MINOR: u32 = 10;
const MAX_MINOR: u32 = 13;

/// Asks `PYZIG_PYTHON` (else `PYO3_PYTHON`, else `python3` on `PATH`, with a warning) for its version;
/// emits `Py_3_N` meaning "at least 3.N".
pub fn emit_python_cfgs() {
    println!("cargo:rerun-if-env-changed=PYZIG_PYTHON");
    println!("cargo:rerun-if-env-changed=PYO3_PYTHON");
    for minor in 11..=MAX_MINOR {
        println!("cargo::rustc-check-cfg=cfg(Py_3_{minor})");
    }
    println!("cargo::rustc-check-cfg=cfg(pylong_digit_30)");
    println!("cargo::rustc-check-cfg=cfg(Py_DEBUG)");
    let python = match std::env::var("PYZIG_PYTHON") {
        Ok(p) => p,
        Err(_) => {
            let p = std::env::var("PYO3_PYTHON").unwrap_or_else(|_| "python3".to_owned());
            println!(
                "cargo:warning=PYZIG_PYTHON is not set: building for `{p}`; the module loads only into that \
                 interpreter's version (set PYZIG_PYTHON=/path/to/python, or build with tools/build.py --crate)"
            );
            p
        }
    };
    let out = std::process::Command::new(&python)
        .args([
            "-c",
            "import sys, sysconfig; print(sys.version_info[0], sys.version_info[1], sys.int_info.bits_per_digit, \
             int(hasattr(sys, 'gettotalrefcount')), int(bool(sysconfig.get_config_var('Py_TRACE_REFS'))), \
             int(bool(sysconfig.get_config_var('Py_GIL_DISABLED'))))",
        ])
        .output()
        .unwrap_or_else(|e| panic!("cannot run PYZIG_PYTHON={python}: {e}"));
    assert!(out.status.success(), "{python} failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("version is ASCII");
    let mut parts = text.split_whitespace().map(|p| p.parse::<u32>().expect("version number"));
    let mut next = || parts.next().expect("six numbers");
    let (major, minor, digit_bits, debug, trace_refs, gil_disabled) = (next(), next(), next(), next(), next(), next());
    assert!(
        major == 3 && (MIN_MINOR..=MAX_MINOR).contains(&minor),
        "{python} is Python {major}.{minor}; pyzig supports 3.{MIN_MINOR} to 3.{MAX_MINOR}"
    );
    for m in 11..=minor {
        println!("cargo:rustc-cfg=Py_3_{m}");
    }
    // The int layout `ffi/src/longobject.rs` declares (and `ffi/verify` checks): 30-bit digits, the
    // default of every 64-bit build. Another build still works, through the C calls only.
    if digit_bits == 30 {
        println!("cargo:rustc-cfg=pylong_digit_30");
    }
    // A debug interpreter (Debian's python3.11-dbg): same object layout, but reference counting must go
    // through its functions so `sys.gettotalrefcount()` and the negative-count check see every change.
    // `Py_TRACE_REFS` adds two pointers to every object header, a layout this crate does not declare.
    assert!(trace_refs == 0, "{python} is built with Py_TRACE_REFS (a different PyObject layout): not supported");
    // Free-threaded builds (3.13t) have another object header and atomic reference counts (README,
    // "Reliability": what supporting them would take).
    assert!(gil_disabled == 0, "{python} is a free-threaded build (Py_GIL_DISABLED): not supported yet");
    if debug == 1 {
        println!("cargo:rustc-cfg=Py_DEBUG");
    }
}

#[allow(dead_code)]
fn main() {
    emit_python_cfgs();
}
