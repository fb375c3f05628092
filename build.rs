//! Emits the `Py_3_N` version cfgs for the interpreter in `PYZIG_PYTHON` (the same probe as `ffi/`).
#[path = "ffi/build.rs"]
mod ffi_build;

fn main() {
    ffi_build::emit_python_cfgs();
}
