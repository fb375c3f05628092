//! The objects a typed view's properties returned last, kept until the file is next edited: reading
//! `at.x` or `pad.at` again (a loop over one object, `at.x` and `at.y` in turn) hands back the same
//! object instead of finding and decoding the token again.
//!
//! What is kept is immutable (`float`, `int`, `str`, `bool`) or a live view (which reads its own
//! node when asked), and every edit of the file bumps the stamp it is kept under, so a kept object
//! is exactly what a fresh read would return.

use std::cell::RefCell;

use pyzig::Obj;
use pyzig_kicad::FieldDecl;

/// Entries kept per view: enough for a point's `x` and `y` read in turn.
const ENTRIES: usize = 2;

#[derive(Default)]
struct Entries {
    /// The document's edit count the entries were read at.
    stamp: u64,
    items: [Option<(*const FieldDecl, Obj)>; ENTRIES],
    /// The entry to replace next.
    next: usize,
}

/// See the module docs. A clone starts empty (a cache belongs to one view object).
#[derive(Default)]
pub struct ReadCache(RefCell<Entries>);

impl Clone for ReadCache {
    fn clone(&self) -> Self {
        ReadCache::default()
    }
}

impl ReadCache {
    /// The object kept for `field`, if it was read while the document's edit count was `stamp`.
    #[inline]
    pub fn get(&self, field: &'static FieldDecl, stamp: u64) -> Option<Obj> {
        let e = self.0.borrow();
        if e.stamp != stamp {
            return None;
        }
        e.items.iter().flatten().find(|(f, _)| std::ptr::eq(*f, field)).map(|(_, o)| o.clone())
    }

    /// Keeps `obj` as `field`'s value at edit count `stamp` (forgetting what was read before it).
    pub fn put(&self, field: &'static FieldDecl, stamp: u64, obj: &Obj) {
        // What is replaced is dropped after the borrow ends (a view's drop releases its file).
        let mut stale: [Option<(*const FieldDecl, Obj)>; ENTRIES] = Default::default();
        let replaced = {
            let mut e = self.0.borrow_mut();
            if e.stamp != stamp {
                e.stamp = stamp;
                stale = std::mem::take(&mut e.items);
                e.next = 0;
            }
            let i = e.next;
            e.next = (i + 1) % ENTRIES;
            e.items[i].replace((field as *const FieldDecl, obj.clone()))
        };
        drop((stale, replaced));
    }
}
