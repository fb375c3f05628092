//! Process-level helpers that extension crates (which forbid `unsafe`) need.

#[cfg(target_env = "gnu")]
unsafe extern "C" {
    fn malloc_trim(pad: usize) -> std::ffi::c_int;
}

/// Returns freed heap memory to the OS (glibc `malloc_trim(0)`), e.g. before measuring RSS.
/// True when memory was released.
#[cfg(target_env = "gnu")]
pub fn malloc_trim_now() -> bool {
    // SAFETY: glibc's `malloc_trim` has no preconditions.
    unsafe { malloc_trim(0) != 0 }
}

/// Not glibc: nothing to trim.
#[cfg(not(target_env = "gnu"))]
pub fn malloc_trim_now() -> bool {
    false
}
