//! Action hash (ours vs `serde_jcs` + SHA-256) of a typical 200-byte tool call, and HMAC permit
//! mint and verify (verify includes hashing the presented action).
#![allow(missing_docs, reason = "criterion macros generate undocumented items")]
#![allow(clippy::unwrap_used, reason = "a panic here is a failed benchmark")]

use std::hint::black_box;

use agentsentinel::permit::{
    ActionHash, KeyRing, PermitClaims, PermitSigner, PermitVerifier, action_hash, canonicalize,
};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// A typical tool call: about 200 bytes, unsorted keys, nesting, a float, a string escape.
const ACTION: &str = r#"{"tool":"send_payment","args":{"iban":"DE89370400440532013000","amount":100.5,"currency":"EUR","memo":"Invoice 2024-117 \"March\"","recipient":{"name":"ACME GmbH","country":"DE"}},"session":"s-42"}"#;

fn hash(c: &mut Criterion) {
    assert!((180..=230).contains(&ACTION.len()), "{}", ACTION.len());
    let ours = action_hash(ACTION).unwrap();
    let value: serde_json::Value = serde_json::from_str(ACTION).unwrap();
    let reference = serde_jcs::to_vec(&value).unwrap();
    assert_eq!(canonicalize(ACTION).unwrap(), reference);
    assert_eq!(ActionHash::of_canonical(&reference), ours);

    let mut group = c.benchmark_group("action_hash");
    group.throughput(Throughput::Bytes(ACTION.len() as u64));
    group.bench_function("agentsentinel_200B", |b| {
        b.iter(|| action_hash(black_box(ACTION)).unwrap());
    });
    group.bench_function("serde_jcs_sha256_200B", |b| {
        b.iter(|| {
            let value: serde_json::Value = serde_json::from_str(black_box(ACTION)).unwrap();
            ActionHash::of_canonical(&serde_jcs::to_vec(&value).unwrap())
        });
    });
    group.bench_function("canonicalize_only_200B", |b| {
        b.iter(|| canonicalize(black_box(ACTION)).unwrap());
    });
    group.finish();
}

fn permits(c: &mut Criterion) {
    let secret = [0x42u8; 32];
    let signer = PermitSigner::hmac("k1", &secret).unwrap();
    let claims = PermitClaims::new("agent-7", 300).approver("alice");
    let now = 1_700_000_000;
    let token = signer.mint(ACTION, &claims, now).unwrap();
    // Without the replay guard, so one token can be verified over and over; the guard's cost is
    // measured in the `replay` bench.
    let verifier = PermitVerifier::new(KeyRing::new().with_hmac("k1", &secret).unwrap())
        .dangerous()
        .without_replay_guard();
    verifier.verify(&token, ACTION, now + 1).unwrap();

    let mut group = c.benchmark_group("permit_hmac");
    group.bench_function("verify_with_action_hash", |b| {
        b.iter(|| {
            verifier
                .verify(black_box(&token), black_box(ACTION), now + 1)
                .unwrap()
        });
    });
    let hash = action_hash(ACTION).unwrap();
    group.bench_function("verify_precomputed_hash", |b| {
        b.iter(|| {
            verifier
                .verify_hash(black_box(&token), &hash, now + 1)
                .unwrap()
        });
    });
    group.bench_function("mint_with_action_hash", |b| {
        b.iter(|| signer.mint(black_box(ACTION), &claims, now).unwrap());
    });
    group.finish();
}

criterion_group!(benches, hash, permits);
criterion_main!(benches);
