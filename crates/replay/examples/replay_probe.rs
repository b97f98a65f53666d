//! Times `check_and_record` on a guard holding 1 M live nonces (`LIVE` to change it) in `ROUNDS`
//! rounds (default 7), printing each round and the medians of thread CPU time, which leaves out
//! time spent preempted on a shared machine; `cargo run --release --example replay_probe`.
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

use support::{Nonces, cpu_ns};

fn main() {
    let epoch = Instant::now();
    let live: usize = std::env::var("LIVE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let now = 1_000;
    let guard = ReplayGuard::new(live + live / 5, 10_000_000);
    let mut fill = Nonces(1);
    let mut seen: Vec<[u8; 16]> = (0..live)
        .map(|_| {
            let n = fill.next_nonce();
            guard.check_and_record(&n, now + 10_000_000, now).unwrap();
            n
        })
        .collect();
    println!(
        "table {} bytes for capacity {}",
        guard.memory_bytes(),
        guard.capacity()
    );
    // Replayed nonces are read in a shuffled order, one after another, as the `replay` bench
    // does: a nonce just decoded from a token is in L1, so the probe times the check, not a
    // random gather from this list.
    let mut pick = Nonces(7);
    for i in (1..seen.len()).rev() {
        let j = (pick.next_u64() % (i as u64 + 1)) as usize;
        seen.swap(i, j);
    }
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(7);
    let mut fresh = Nonces(99);
    let mut clock = now;
    let mut calls = 0u64;
    let mut next = 0;
    let (mut fresh_cpus, mut replay_cpus) = (Vec::new(), Vec::new());
    for round in 0..rounds {
        let iters = 4_000_000;
        let start = Instant::now();
        let cpu = cpu_ns(epoch);
        for _ in 0..iters {
            calls += 1;
            if calls.is_multiple_of(4096) {
                clock += 1;
            }
            let _ =
                black_box(guard.check_and_record(black_box(&fresh.next_nonce()), clock + 2, clock));
        }
        let fresh_ns = start.elapsed().as_nanos() as f64 / f64::from(iters);
        let fresh_cpu = (cpu_ns(epoch) - cpu) as f64 / f64::from(iters);
        let stored = guard.stats().stored;
        let start = Instant::now();
        let cpu = cpu_ns(epoch);
        for _ in 0..iters {
            let nonce = &seen[next];
            next = if next + 1 == seen.len() { 0 } else { next + 1 };
            let _ = black_box(guard.check_and_record(black_box(nonce), clock + 2, clock));
        }
        let replay_ns = start.elapsed().as_nanos() as f64 / f64::from(iters);
        let replay_cpu = (cpu_ns(epoch) - cpu) as f64 / f64::from(iters);
        println!(
            "round {round}: wall fresh {fresh_ns:.1} ns, replayed {replay_ns:.1} ns; cpu fresh \
             {fresh_cpu:.1} ns, replayed {replay_cpu:.1} ns; stored after fresh {stored}"
        );
        fresh_cpus.push(fresh_cpu);
        replay_cpus.push(replay_cpu);
    }
    fresh_cpus.sort_by(f64::total_cmp);
    replay_cpus.sort_by(f64::total_cmp);
    println!(
        "median cpu: fresh {:.1} ns, replayed {:.1} ns",
        fresh_cpus[rounds / 2],
        replay_cpus[rounds / 2]
    );
}
