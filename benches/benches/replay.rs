//! `ReplayGuard::check_and_record` on a guard holding 1 M live nonces: fresh nonces (recorded)
//! and seen ones (refused); prints the table size and the process RSS growth on setup.
#![allow(missing_docs, reason = "criterion macros generate undocumented items")]
#![allow(clippy::unwrap_used, reason = "a panic here is a failed benchmark")]
#![expect(
    clippy::cast_precision_loss,
    clippy::cast_possible_truncation,
    reason = "timings and indices of a measurement, far below 2^52"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "reads /proc for CPU time and RSS"
)]

use std::hint::black_box;

use agentsentinel::replay::ReplayGuard;
use criterion::{Criterion, criterion_group, criterion_main};

const LIVE: usize = 1_000_000;
const WINDOW: u64 = 10_000_000;

/// splitmix64: cheap, well-mixed stand-ins for random nonces.
struct Nonces(u64);

impl Nonces {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn next_nonce(&mut self) -> [u8; 16] {
        let mut nonce = [0u8; 16];
        nonce[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        nonce[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        nonce
    }
}

/// Resident set size of this process in bytes (Linux; 0 elsewhere).
fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn replay(c: &mut Criterion) {
    let now = 1_000u64;
    let before = rss_bytes();
    let exact = ReplayGuard::new(LIVE, WINDOW);
    let mut fill = Nonces(1);
    for _ in 0..LIVE {
        exact
            .check_and_record(&fill.next_nonce(), now + WINDOW, now)
            .unwrap();
    }
    let after = rss_bytes();
    eprintln!(
        "replay: capacity {LIVE}: table {} bytes ({:.1} bytes/nonce), RSS growth {} bytes, stored {}",
        exact.memory_bytes(),
        exact.memory_bytes() as f64 / LIVE as f64,
        after.saturating_sub(before),
        exact.stats().stored,
    );
    drop(exact);

    // Room for fresh nonces on top of the 1 M live ones; fresh ones expire within a few
    // simulated seconds and are reclaimed incrementally, which this measures too.
    let guard = ReplayGuard::new(LIVE + LIVE / 5, WINDOW);
    let mut fill = Nonces(1);
    let mut seen = Vec::with_capacity(LIVE);
    for _ in 0..LIVE {
        let nonce = fill.next_nonce();
        guard.check_and_record(&nonce, now + WINDOW, now).unwrap();
        seen.push(nonce);
    }

    let mut group = c.benchmark_group("replay_1M_live");
    let mut fresh = Nonces(0xdead_beef);
    let mut clock = now;
    let mut calls = 0u64;
    group.bench_function("check_and_record_fresh", |b| {
        b.iter(|| {
            calls += 1;
            if calls.is_multiple_of(4096) {
                clock += 1;
            }
            guard
                .check_and_record(black_box(&fresh.next_nonce()), clock + 2, clock)
                .unwrap();
        });
    });
    // With 2-second lifetimes among a million long-lived nonces, fresh ones expire faster than
    // the incremental sweep comes round at its normal pace: the expired ones pile up until a
    // shard is 7/8 full and sweeps faster. `stored` shows where that settled (below `capacity`:
    // no whole-shard sweeps during the fresh half; at or above it: some).
    eprintln!("replay: after the fresh half: {:?}", guard.stats());
    // The live nonces, shuffled, then read in order: in real use a replayed nonce was just
    // decoded from its token and sits in L1, so the timed loop reads them sequentially (the
    // prefetcher keeps ahead) and measures the check, not a random gather from this 16 MB list.
    let mut pick = Nonces(7);
    for i in (1..seen.len()).rev() {
        let j = (pick.next_u64() % (i as u64 + 1)) as usize;
        seen.swap(i, j);
    }
    let mut next = 0;
    group.bench_function("check_and_record_replayed", |b| {
        b.iter(|| {
            let nonce = &seen[next];
            next = if next + 1 == seen.len() { 0 } else { next + 1 };
            let _ = black_box(guard.check_and_record(black_box(nonce), clock + 2, clock));
        });
    });
    // The floor under any exact guard of this size: one load from a random place in a plain
    // array as large as the guard's table, with the same call overhead around it. Every check
    // must read at least one such place, so this ratio shows what is left for the guard itself.
    let floor: Vec<u64> = (0..guard.memory_bytes() / 8).map(|i| i as u64).collect();
    let mut at = Nonces(11);
    group.bench_function("random_read_floor", |b| {
        b.iter(|| {
            let i = (at.next_u64() % floor.len() as u64) as usize;
            black_box(floor[black_box(i)])
        });
    });
    // The same load taken under one of 64 locks, as an exactly-once check must take one (or
    // another atomic read-modify-write) per call: on x86 that is a full barrier, so a call's
    // cache miss can no longer overlap the next call's, and each call waits for main memory.
    let locks: Vec<parking_lot::Mutex<()>> = (0..64).map(|_| parking_lot::Mutex::new(())).collect();
    group.bench_function("random_read_under_lock_floor", |b| {
        b.iter(|| {
            let r = at.next_u64();
            let i = (r % floor.len() as u64) as usize;
            let _held = locks[(r >> 58) as usize].lock();
            black_box(floor[black_box(i)])
        });
    });
    // And a store to a random place under the lock, as recording a nonce at once must do: the
    // unlock's atomic instruction waits for the store, so each call waits for its cache miss.
    // This is why the guard parks the hashes and expiries it records and writes them in batches.
    let mut floor = floor;
    group.bench_function("random_write_under_lock_floor", |b| {
        b.iter(|| {
            let r = at.next_u64();
            let i = (r % floor.len() as u64) as usize;
            let _held = locks[(r >> 58) as usize].lock();
            floor[black_box(i)] = r;
        });
    });
    group.finish();
    eprintln!("replay: {:?}", guard.stats());
}

criterion_group!(benches, replay);
criterion_main!(benches);
