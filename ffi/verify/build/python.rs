//! The interpreter under test: version and header directories, asked from the interpreter itself.

use std::path::PathBuf;
use std::process::Command;

pub struct Python {
    pub exe: String,
    pub minor: u32,
    pub version: String,
    pub include: PathBuf,
    pub platinclude: PathBuf,
    /// A debug build (`Py_DEBUG`: `sys.gettotalrefcount` exists).
    pub debug: bool,
}

const QUERY: &str = "import sys, sysconfig\n\
p = sysconfig.get_paths()\n\
print(sys.version_info[0], sys.version_info[1])\n\
print(sys.version.split()[0])\n\
print(p['include'])\n\
print(p['platinclude'])\n\
print(int(hasattr(sys, 'gettotalrefcount')))\n";

pub fn query(exe: &str) -> Python {
    let out = Command::new(exe)
        .args(["-c", QUERY])
        .output()
        .unwrap_or_else(|e| panic!("cannot run the interpreter {exe:?} (from PYZIG_PYTHON): {e}"));
    assert!(out.status.success(), "interpreter {exe:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("interpreter printed non-UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "unexpected answer from {exe:?}: {text:?}");
    let mut ver = lines[0].split(' ');
    let major: u32 = ver.next().and_then(|s| s.parse().ok()).expect("major version");
    let minor: u32 = ver.next().and_then(|s| s.parse().ok()).expect("minor version");
    assert_eq!(major, 3, "{exe:?} is not CPython 3");
    Python {
        exe: exe.to_owned(),
        minor,
        version: lines[1].to_owned(),
        include: PathBuf::from(lines[2]),
        platinclude: PathBuf::from(lines[3]),
        debug: lines[4] == "1",
    }
}
