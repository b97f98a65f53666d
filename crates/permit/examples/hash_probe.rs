//! CPU time per call of `action_hash`, `canonicalize` and HMAC `verify` on the 200-byte tool
//! call of `benches/benches/permit.rs` (min over rounds; CPU time excludes preemption on a
//! shared machine). `cargo run --release --example hash_probe`.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed measurement")]
#![expect(clippy::cast_precision_loss, reason = "timings far below 2^52")]
#![expect(clippy::disallowed_methods, reason = "reads /proc for CPU time")]

use std::hint::black_box;
use std::time::Instant;

use agentsentinel_permit::{
    KeyRing, PermitClaims, PermitSigner, PermitVerifier, action_hash, canonicalize,
};

const ACTION: &str = r#"{"tool":"send_payment","args":{"iban":"DE89370400440532013000","amount":100.5,"currency":"EUR","memo":"Invoice 2024-117 \"March\"","recipient":{"name":"ACME GmbH","country":"DE"}},"session":"s-42"}"#;

fn cpu_ns(wall: Instant) -> u128 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| wall.elapsed().as_nanos())
}

fn min_ns(epoch: Instant, mut f: impl FnMut()) -> f64 {
    let iters = 200_000u32;
    (0..7)
        .map(|_| {
            let start = cpu_ns(epoch);
            for _ in 0..iters {
                f();
            }
            (cpu_ns(epoch) - start) as f64 / f64::from(iters)
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let epoch = Instant::now();
    let secret = [0x42u8; 32];
    let signer = PermitSigner::hmac("k1", &secret).unwrap();
    let token = signer
        .mint(
            ACTION,
            &PermitClaims::new("agent-7", 300).approver("alice"),
            1_000,
        )
        .unwrap();
    let verifier = PermitVerifier::new(KeyRing::new().with_hmac("k1", &secret).unwrap())
        .dangerous()
        .without_replay_guard();
    println!("input {} bytes", ACTION.len());
    let start = Instant::now();
    for _ in 0..1_000 {
        black_box(PermitVerifier::new(
            KeyRing::new().with_hmac("k1", &secret).unwrap(),
        ));
    }
    println!(
        "PermitVerifier::new (with its 65,536-nonce guard) {:.1} us wall",
        start.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "action_hash  {:.0} ns",
        min_ns(epoch, || {
            black_box(action_hash(black_box(ACTION)).unwrap());
        })
    );
    println!(
        "canonicalize {:.0} ns",
        min_ns(epoch, || {
            black_box(canonicalize(black_box(ACTION)).unwrap());
        })
    );
    println!(
        "verify       {:.0} ns",
        min_ns(epoch, || {
            black_box(verifier.verify(black_box(&token), ACTION, 1_001).unwrap());
        })
    );
}
