//! The real check: every declaration in ffi/src against the headers (bindgen) and pyo3-ffi.

#[allow(warnings, clippy::all)]
mod bg {
    include!(concat!(env!("OUT_DIR"), "/bindings.rs"));
}

mod ffi_src {
    include!(concat!(env!("OUT_DIR"), "/ffi_src.rs"));
}

#[test]
fn ffi_declarations_match_headers_and_pyo3_ffi() {
    println!("interpreter: {}", env!("PYZIG_VERIFY_PYTHON"));
    ffi_src::checks().assert_ok();
}
