//! The public API of `ReplayGuard`: replays, expiry, reclamation, capacity and concurrency.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]

use std::collections::HashMap;
use std::sync::{Arc, Barrier};

use agentsentinel_core::Diagnostic;
use agentsentinel_replay::{ReplayError, ReplayGuard};

/// A deterministic stream of pseudo-random nonces (splitmix64).
fn nonces(seed: u64) -> impl Iterator<Item = [u8; 16]> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        let mut nonce = [0u8; 16];
        nonce[..8].copy_from_slice(&next().to_le_bytes());
        nonce[8..].copy_from_slice(&next().to_le_bytes());
        nonce
    })
}

#[test]
fn guard_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<ReplayGuard>();
}

#[test]
fn second_use_is_replayed_and_bounds_are_enforced() {
    let guard = ReplayGuard::new(10, 100);
    let n = [1u8; 16];
    guard.check_and_record(&n, 150, 100).unwrap();
    assert_eq!(
        guard.check_and_record(&n, 150, 120),
        Err(ReplayError::Replayed)
    );
    assert_eq!(
        guard
            .check_and_record(&[2; 16], 100, 100)
            .unwrap_err()
            .code(),
        "replay.expired"
    );
    assert_eq!(
        guard
            .check_and_record(&[2; 16], 201, 100)
            .unwrap_err()
            .code(),
        "replay.expiry_too_far"
    );
    assert!(guard.contains(&n));
    assert!(!guard.contains(&[2; 16]));
}

#[test]
fn full_of_live_nonces_fails_closed_and_expired_ones_make_room() {
    let guard = ReplayGuard::new(100, 1_000);
    let all: Vec<_> = nonces(1).take(200).collect();
    let mut accepted = 0;
    for n in &all {
        match guard.check_and_record(n, 500, 100) {
            Ok(()) => accepted += 1,
            Err(err) => assert_eq!(err.code(), "replay.capacity_exhausted"),
        }
    }
    assert_eq!(accepted, 100);
    // Every accepted nonce is still refused: nothing live was evicted.
    for n in &all[..100] {
        assert_eq!(
            guard.check_and_record(n, 500, 100),
            Err(ReplayError::Replayed)
        );
    }
    // Once they expire, the space comes back.
    for n in &all[100..] {
        guard.check_and_record(n, 900, 500).unwrap();
    }
    let stats = guard.stats();
    assert_eq!(stats.stored, 100);
    assert_eq!(stats.reclaimed, 100);
    assert_eq!(stats.exhausted, 100);
}

#[test]
fn a_large_guard_holds_its_capacity() {
    let capacity = 200_000;
    let guard = ReplayGuard::new(capacity, 10_000);
    for n in nonces(7).take(capacity) {
        guard.check_and_record(&n, 5_000, 1).unwrap();
    }
    assert_eq!(guard.stats().stored, capacity);
    assert!(
        guard.memory_bytes() <= capacity * 26,
        "{}",
        guard.memory_bytes()
    );
}

/// Random operations against a `HashMap` model, with time moving on so that incremental
/// reclamation and backward-shift deletion run a lot.
#[test]
fn matches_a_simple_model_while_time_passes() {
    let guard = ReplayGuard::new(3_000, 50);
    let mut model: HashMap<[u8; 16], u64> = HashMap::new();
    let pool: Vec<_> = nonces(3).take(5_000).collect();
    let mut rng = nonces(99);
    let mut now = 1;
    for step in 0..200_000u32 {
        if step % 500 == 0 {
            now += 1;
        }
        let r = rng.next().unwrap();
        let n = pool[usize::from(u16::from_le_bytes([r[0], r[1]])) % pool.len()];
        let expires = now + 1 + u64::from(r[2] % 4);
        let live_in_model = model.get(&n).is_some_and(|&e| e > now);
        let result = guard.check_and_record(&n, expires, now);
        match result {
            Ok(()) => {
                assert!(
                    !live_in_model,
                    "step {step}: a live nonce was accepted twice"
                );
                model.insert(n, expires);
            }
            Err(ReplayError::Replayed) => {
                assert!(model.contains_key(&n), "step {step}: unknown nonce refused");
            }
            Err(err) => panic!("step {step}: {err}"),
        }
    }
    let stats = guard.stats();
    assert!(stats.reclaimed > 10_000, "{stats:?}");
}

#[test]
fn many_threads_racing_one_nonce_exactly_one_wins() {
    for round in 0..20u8 {
        let guard = Arc::new(ReplayGuard::new(1_000, 60));
        let threads = 16;
        let barrier = Arc::new(Barrier::new(threads));
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let guard = Arc::clone(&guard);
                let barrier = Arc::clone(&barrier);
                std::thread::spawn(move || {
                    barrier.wait();
                    guard.check_and_record(&[round; 16], 1_030, 1_000).is_ok()
                })
            })
            .collect();
        let wins = handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|&won| won)
            .count();
        assert_eq!(wins, 1, "round {round}");
        assert_eq!(guard.stats().replays, 15);
    }
}

#[test]
fn a_full_shard_refuses_fast_until_something_can_expire() {
    let guard = ReplayGuard::new(50, 1_000);
    let mut fresh = nonces(11);
    for n in fresh.by_ref().take(50) {
        guard.check_and_record(&n, 600, 100).unwrap();
    }
    for n in fresh.by_ref().take(1_000) {
        assert_eq!(
            guard.check_and_record(&n, 600, 101).unwrap_err().code(),
            "replay.capacity_exhausted"
        );
    }
    assert_eq!(guard.stats().reclaimed, 0);
    // Once the first ones expire, every new nonce finds room again.
    for n in fresh.by_ref().take(50) {
        guard.check_and_record(&n, 1_000, 600).unwrap();
    }
    assert_eq!(guard.stats().stored, 50);
}

/// Capacity counts live nonces, whatever their mix of lifetimes: a few long-lived nonces among a
/// stream of short-lived ones never make the guard refuse while far fewer than `capacity` are
/// live. (A table that reclaims only whole generations of nonces fails this: each long-lived
/// nonce keeps its generation, expired neighbours and all, for the whole window.)
#[test]
fn long_lived_nonces_do_not_stop_short_lived_ones_from_making_room() {
    let capacity = 4_096;
    let guard = ReplayGuard::new(capacity, 100_000);
    let mut fresh = nonces(21);
    let mut now = 1_000;
    for (k, n) in fresh.by_ref().take(200_000).enumerate() {
        if k % 100 == 0 {
            now += 1;
        }
        // One in a hundred lives a day (2,000 in all), the rest 2 s: about 2,200 live at the end.
        let lifetime = if k % 100 == 0 { 90_000 } else { 2 };
        guard.check_and_record(&n, now + lifetime, now).unwrap();
    }
    let stats = guard.stats();
    assert_eq!(stats.exhausted, 0, "{stats:?}");
    assert!(stats.reclaimed > 150_000, "{stats:?}");
}
