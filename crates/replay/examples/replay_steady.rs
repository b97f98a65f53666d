//! Times `check_and_record` in a steady state: nonces arrive at 4096 per simulated second and
//! live `LIFETIME` seconds (default 244, so about 1 M are live in a guard of capacity 1.2 M), the
//! window is `LIFETIME + 12`. Unlike the `replay` bench, a table that reclaims whole generations
//! of nonces can sustain this, so it compares the two. Prints medians of thread CPU time per
//! call over `ROUNDS` rounds (default 7) and the slowest fresh calls timed one by one;
//! `cargo run --release --example replay_steady`.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed measurement")]
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
use std::time::Instant;

use agentsentinel_replay::ReplayGuard;

mod support;

use support::{Nonces, cpu_ns, rss_bytes};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    let epoch = Instant::now();
    let lifetime = env("LIFETIME", 244);
    let rounds = env("ROUNDS", 7) as usize;
    let per_second = 4096u64;
    let capacity = 1_200_000;
    // The most recent half-lifetime of nonces (at most 400 k), all live. Non-zero, so its pages
    // are touched here and not counted in the table's RSS growth.
    let ring = (per_second * lifetime / 2).min(400_000);
    let mut recent: Vec<[u8; 16]> = vec![[0xFF; 16]; ring as usize];
    let before = rss_bytes();
    let guard = ReplayGuard::new(capacity, lifetime + 12);
    let mut clock = 1_000u64;
    let mut calls = 0u64;
    let mut fresh = Nonces(99);
    let record = |guard: &ReplayGuard,
                  clock: &mut u64,
                  calls: &mut u64,
                  fresh: &mut Nonces,
                  recent: &mut Vec<[u8; 16]>| {
        *calls += 1;
        if calls.is_multiple_of(per_second) {
            *clock += 1;
        }
        let n = fresh.next_nonce();
        let r = guard.check_and_record(black_box(&n), *clock + lifetime, *clock);
        recent[(*calls % ring) as usize] = n;
        r
    };
    // Warm up to the steady state: 3 lifetimes of arrivals.
    for _ in 0..3 * lifetime * per_second {
        record(&guard, &mut clock, &mut calls, &mut fresh, &mut recent).unwrap();
    }
    println!(
        "table {} bytes for capacity {capacity}, RSS growth {} bytes, {:?}",
        guard.memory_bytes(),
        rss_bytes() - before,
        guard.stats()
    );
    let (mut fresh_cpus, mut replay_cpus) = (Vec::new(), Vec::new());
    let mut pick = Nonces(7);
    for round in 0..rounds {
        let iters = 4_000_000u32;
        let cpu = cpu_ns(epoch);
        for _ in 0..iters {
            record(&guard, &mut clock, &mut calls, &mut fresh, &mut recent).unwrap();
        }
        let fresh_cpu = (cpu_ns(epoch) - cpu) as f64 / f64::from(iters);
        // The most recent nonces, shuffled, clock frozen.
        let mut seen = recent.clone();
        for i in (1..seen.len()).rev() {
            let j = (pick.next_u64() % (i as u64 + 1)) as usize;
            seen.swap(i, j);
        }
        let cpu = cpu_ns(epoch);
        for k in 0..iters as usize {
            let r = guard.check_and_record(black_box(&seen[k % seen.len()]), clock + 2, clock);
            debug_assert!(r.is_err());
            black_box(r).unwrap_err();
        }
        let replay_cpu = (cpu_ns(epoch) - cpu) as f64 / f64::from(iters);
        println!("round {round}: cpu fresh {fresh_cpu:.1} ns, replayed {replay_cpu:.1} ns");
        fresh_cpus.push(fresh_cpu);
        replay_cpus.push(replay_cpu);
    }
    // Slowest single fresh calls over 2 M timed one by one (each timing adds ~20-40 ns).
    let mut times = Vec::with_capacity(2_000_000);
    for _ in 0..2_000_000 {
        let t = Instant::now();
        record(&guard, &mut clock, &mut calls, &mut fresh, &mut recent).unwrap();
        times.push(t.elapsed().as_nanos());
    }
    times.sort_unstable();
    println!(
        "one-by-one fresh wall: median {} ns, p99.99 {} ns, max {} ns (2 M calls, {} s of clock)",
        times[times.len() / 2],
        times[times.len() - times.len() / 10_000],
        times[times.len() - 1],
        2_000_000 / per_second
    );
    fresh_cpus.sort_by(f64::total_cmp);
    replay_cpus.sort_by(f64::total_cmp);
    println!(
        "median cpu: fresh {:.1} ns, replayed {:.1} ns; {:?}",
        fresh_cpus[rounds / 2],
        replay_cpus[rounds / 2],
        guard.stats()
    );
}
