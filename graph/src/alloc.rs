//! Fallible `Arc` allocation on stable Rust.
//!
//! `Arc::try_new` is not stable, and `Arc::new` aborts the process when memory runs out. Before
//! `Arc::new`, reserve (and free) a block of the same size through `try_reserve`: if that fails the
//! caller gets `OutOfMemory`; if it succeeds, the allocator has just proven it can serve the request
//! and glibc hands the freed block straight back to the `Arc`. Not a guarantee against a concurrent
//! allocation stealing it, but it turns running out of memory into an error in practice.

use std::sync::Arc;

use crate::error::GraphError;

pub(crate) fn try_arc<T>(value: T) -> Result<Arc<T>, GraphError> {
    // An Arc's block: the value after two reference counts.
    let size = size_of::<T>() + 2 * size_of::<usize>();
    let mut probe: Vec<u8> = Vec::new();
    probe.try_reserve_exact(size)?;
    drop(probe);
    Ok(Arc::new(value))
}

#[cfg(test)]
mod tests {
    #[test]
    fn wraps_the_value() {
        let a = super::try_arc(41u64).unwrap();
        assert_eq!(*a + 1, 42);
    }
}
