//! Where pyo3-ffi's sources are, so the generator knows which of its items exist under which cfgs.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `src/lib.rs` of the pyo3-ffi this crate's tests link: `PYZIG_VERIFY_PYO3_FFI_DIR` if set, else from
/// `cargo metadata` (offline, for this target only: those sources are unpacked before build scripts run).
pub fn lib_rs(manifest: &Path) -> PathBuf {
    if let Ok(dir) = std::env::var("PYZIG_VERIFY_PYO3_FFI_DIR") {
        return PathBuf::from(dir).join("src/lib.rs");
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--offline", "--filter-platform"])
        .arg(std::env::var("TARGET").expect("TARGET is set for build scripts"))
        .arg("--manifest-path")
        .arg(manifest.join("Cargo.toml"))
        .output()
        .expect("run cargo metadata");
    assert!(out.status.success(), "cargo metadata failed: {}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("cargo metadata JSON");
    let pkg = meta["packages"]
        .as_array()
        .and_then(|pkgs| pkgs.iter().find(|p| p["name"] == "pyo3-ffi"))
        .expect("pyo3-ffi in cargo metadata (it is a dev-dependency of this crate)");
    let manifest_path = PathBuf::from(pkg["manifest_path"].as_str().expect("manifest_path"));
    manifest_path.parent().unwrap().join("src/lib.rs")
}
