//! Where-am-I hints: each node and edge handle remembers the first view it was inserted into and its
//! index there, so the common case (one view) finds it without a hash map.
//!
//! A hint is only ever a shortcut: a view checks it against its own slot before trusting it. A view
//! builds a uuid map only once it holds something whose hint points elsewhere (see `view.rs`).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Packed `(view id << 32) | index`; 0 = never inserted into any view.
#[derive(Debug, Default)]
pub(crate) struct Hint(AtomicU64);

impl Hint {
    pub(crate) fn new(view: u32, ix: u32) -> Self {
        Hint(AtomicU64::new(pack(view, ix)))
    }

    /// `None`: never inserted anywhere; else (view id, index) of the first insertion.
    pub(crate) fn get(&self) -> Option<(u32, u32)> {
        match self.0.load(Ordering::Relaxed) {
            0 => None,
            h => Some(((h >> 32) as u32, h as u32)),
        }
    }

    /// Records the first insertion; later ones keep the first.
    pub(crate) fn set_first(&self, view: u32, ix: u32) {
        let _ = self.0.compare_exchange(0, pack(view, ix), Ordering::Relaxed, Ordering::Relaxed);
    }
}

fn pack(view: u32, ix: u32) -> u64 {
    (u64::from(view) << 32) | u64::from(ix)
}

/// A fresh view id, never 0. Ids wrap after 2^32 views; a stale hint that then names a live view
/// fails the view's slot check, so wrapping costs a map lookup, never a wrong answer.
pub(crate) fn next_view_id() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    loop {
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        if id != 0 {
            return id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_insertion_wins() {
        let h = Hint::default();
        assert_eq!(h.get(), None);
        h.set_first(7, 0);
        assert_eq!(h.get(), Some((7, 0)));
        h.set_first(8, 5);
        assert_eq!(h.get(), Some((7, 0)));
        assert_eq!(Hint::new(u32::MAX, u32::MAX).get(), Some((u32::MAX, u32::MAX)));
        assert_ne!(next_view_id(), next_view_id());
    }
}
