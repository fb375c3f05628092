//! Uuids: one process-wide counter for nodes and edges, so a uuid names exactly one object.
//!
//! What a view creates itself gets a uuid that follows from its index, so views store no uuid per
//! node or edge: the view takes uuids from the counter a block at a time, one block per
//! [`UuidBlocks::LEN`] consecutive indices ([`UuidBlocks`]), and the uuid at index `i` is its
//! block's first uuid plus `i`'s offset in the block. That is also one atomic add per block instead
//! of one per object. Uuids are unique, not ordered.

use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::GraphError;

static NEXT: AtomicU64 = AtomicU64::new(1);

/// A fresh uuid (never 0).
pub(crate) fn next_uuid() -> u64 {
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// The uuid blocks of one index space (a view's nodes, or its edges).
#[derive(Debug, Default)]
pub(crate) struct UuidBlocks {
    /// First uuid of the block of indices `k * LEN ..`.
    bases: Vec<u64>,
}

impl UuidBlocks {
    const SHIFT: u32 = 10;
    /// Indices per block: small enough that a process with many small views wastes little of the
    /// 2^64 space, large enough that the atomic add and the 8-byte base disappear per object.
    pub(crate) const LEN: u64 = 1 << Self::SHIFT;

    /// Makes sure index `ix` has a uuid. Indices are used in order, so `ix` is at most one past the
    /// last block. A block taken for an index whose insertion then fails stays for its retry.
    pub(crate) fn ensure(&mut self, ix: u32) -> Result<(), GraphError> {
        let block = (ix >> Self::SHIFT) as usize;
        debug_assert!(block <= self.bases.len(), "indices are used in order");
        if block == self.bases.len() {
            self.bases.try_reserve(1)?;
            self.bases.push(NEXT.fetch_add(Self::LEN, Ordering::Relaxed));
        }
        Ok(())
    }

    /// The uuid of index `ix` (after [`UuidBlocks::ensure`]).
    pub(crate) fn get(&self, ix: u32) -> u64 {
        self.bases[(ix >> Self::SHIFT) as usize] + u64::from(ix) % Self::LEN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_single_uuids_never_collide() {
        let (mut a, mut b) = (UuidBlocks::default(), UuidBlocks::default());
        let mut seen = std::collections::HashSet::new();
        for ix in 0..3000 {
            a.ensure(ix).unwrap();
            b.ensure(ix).unwrap();
            assert!(seen.insert(a.get(ix)));
            assert!(seen.insert(b.get(ix)));
            assert!(seen.insert(next_uuid()));
        }
        assert!(!seen.contains(&0));
        // A uuid follows from its index: asking again gives the same one.
        assert_eq!(a.get(1500), a.get(1500));
        a.ensure(1500).unwrap();
        assert_eq!(a.bases.len(), 3);
    }
}
