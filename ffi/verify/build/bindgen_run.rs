//! bindgen over the interpreter's own `Python.h`, limited to CPython's names so it stays fast.

use crate::python::Python;
use std::path::Path;

/// Headers whose declarations `ffi/src` may mirror (`structmember.h` holds `PyMemberDef` and `T_*` before
/// 3.12; `frameobject.h` the frame API; `longintrepr.h` the int layout, which `Python.h` includes itself
/// only from 3.11).
const WRAPPER: &str = "#include <Python.h>\n#include <structmember.h>\n#include <frameobject.h>\n\
                       #if PY_VERSION_HEX < 0x030B0000\n#include <longintrepr.h>\n#endif\n";

/// C names bindgen keeps (plus whatever they use). CPython's typedefs for slot functions have lower-case
/// names (`destructor`, `getter`, `binaryfunc`, …); struct tags start with `_`.
const NAMES: &str = "_?_?Py.*|_?PY.*|METH_.*|T_[A-Z_]+|READONLY|READ_RESTRICTED|PY_WRITE_RESTRICTED|RESTRICTED|\
                     WRITE_RESTRICTED|[a-z]+(func|proc)|getter|setter|destructor|inquiry|\
                     _object|_typeobject|_ts|_is|digit";

pub fn run(py: &Python, out: &Path) {
    let bindings = bindgen::Builder::default()
        .header_contents("pyzig_verify.h", WRAPPER)
        .clang_arg(format!("-I{}", py.include.display()))
        .clang_arg(format!("-I{}", py.platinclude.display()))
        .allowlist_item(NAMES)
        .rust_edition(bindgen::RustEdition::Edition2024)
        .prepend_enum_name(false)
        .layout_tests(false)
        .generate_comments(false)
        .formatter(bindgen::Formatter::None)
        .generate()
        .unwrap_or_else(|e| {
            panic!(
                "bindgen failed on {}/Python.h: {e}\n(libclang is needed: apt-get install -y libclang-dev; \
                 tools/test-ffi.sh does that)",
                py.include.display()
            )
        });
    bindings.write_to_file(out).expect("write bindings.rs");
}
