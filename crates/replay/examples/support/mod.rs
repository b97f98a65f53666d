//! What the replay examples share: stand-in nonces and readings of this process's CPU time and
//! resident memory (Linux `/proc`; wall time and 0 elsewhere).

use std::time::Instant;

/// splitmix64: cheap, well-mixed stand-ins for random nonces, the same sequence for a seed.
pub struct Nonces(pub u64);

impl Nonces {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn next_nonce(&mut self) -> [u8; 16] {
        let mut nonce = [0u8; 16];
        nonce[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        nonce[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        nonce
    }
}

/// CPU time of this thread in ns (Linux `schedstat`), which excludes time spent preempted by
/// other processes on a shared machine; falls back to wall time since `wall` elsewhere.
pub fn cpu_ns(wall: Instant) -> u128 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| wall.elapsed().as_nanos())
}

/// Resident set size of this process in bytes (Linux; 0 elsewhere).
#[allow(dead_code, reason = "not every example reports memory")]
pub fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}
