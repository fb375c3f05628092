//! Uuids: one process-wide counter for nodes and edges, so a uuid names exactly one object.
//!
//! A view that creates nodes and edges itself takes uuids a block at a time ([`UuidBlock`]), so it
//! pays one atomic add per block instead of one per object. Uuids are unique, not ordered.

use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(1);

/// A fresh uuid (never 0).
pub(crate) fn next_uuid() -> u64 {
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Uuids reserved from the counter for one owner.
#[derive(Debug, Default)]
pub(crate) struct UuidBlock {
    next: u64,
    end: u64,
}

impl UuidBlock {
    /// Uuids per refill: small enough that a process with many small views wastes little of the
    /// 2^64 space, large enough that the atomic add disappears from the cost of an insertion.
    const LEN: u64 = 1024;

    pub(crate) fn take(&mut self) -> u64 {
        if self.next == self.end {
            self.next = NEXT.fetch_add(Self::LEN, Ordering::Relaxed);
            self.end = self.next + Self::LEN;
        }
        let id = self.next;
        self.next += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_single_uuids_never_collide() {
        let (mut a, mut b) = (UuidBlock::default(), UuidBlock::default());
        let mut seen = std::collections::HashSet::new();
        for _ in 0..3000 {
            assert!(seen.insert(a.take()));
            assert!(seen.insert(b.take()));
            assert!(seen.insert(next_uuid()));
        }
        assert!(!seen.contains(&0));
    }
}
