//! Hasher for maps keyed by uuid. Uuids come from a counter, so a multiply spreads them well
//! enough; SipHash would cost more than the rest of an insertion.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct UuidHasher(u64);

impl Hasher for UuidHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; keep a correct fallback anyway.
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, n: u64) {
        // Odd multiplier: a bijection, mixing low bits into the high bits hashbrown's tags use.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

pub type UuidMap<V> = HashMap<u64, V, BuildHasherDefault<UuidHasher>>;
