//! Permit verification must never panic on any token, action or clock; and no change to a
//! genuine token (any bytes XORed anywhere, or truncation) may verify.
#![no_main]

use agentsentinel::permit::{KeyRing, Permit, PermitClaims, PermitSigner, PermitVerifier};
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

const SECRET: [u8; 32] = [0x11; 32];
const ACTION: &str = r#"{"tool":"send_payment","args":{"amount_eur":100}}"#;

#[derive(Debug, Arbitrary)]
struct Input {
    /// A token from nowhere.
    token: String,
    action: String,
    now: u64,
    leeway: u16,
    max_lifetime: u32,
    /// Changes to a genuine token: (position, xor mask).
    flips: Vec<(u16, u8)>,
    truncate: Option<u16>,
    subject: String,
    ttl: u16,
}

/// Built once: `PermitVerifier::new` allocates its replay guard, which would dominate each run.
fn base() -> &'static PermitVerifier {
    static BASE: OnceLock<PermitVerifier> = OnceLock::new();
    BASE.get_or_init(|| {
        PermitVerifier::new(KeyRing::new().with_hmac("k1", &SECRET).unwrap())
            .dangerous()
            .without_replay_guard()
    })
}

fuzz_target!(|input: Input| {
    let verifier = base()
        .clone()
        .with_leeway(u64::from(input.leeway))
        .with_max_lifetime(u64::from(input.max_lifetime))
        .dangerous()
        .without_replay_guard();
    let _ = verifier.verify(&input.token, &input.action, input.now);
    let _ = verifier.verify(&input.token, ACTION, input.now);
    let _ = Permit::decode_unverified(&input.token);

    let signer = PermitSigner::hmac("k1", &SECRET).unwrap();
    let now = 1_700_000_000;
    let claims = PermitClaims::new(input.subject, u64::from(input.ttl).clamp(1, 900));
    let Ok(genuine) = signer.mint_with_nonce(ACTION, &claims, now, [7; 16]) else {
        return;
    };
    // The genuine token and its changes go to a verifier with default limits.
    let verifier = base();
    assert!(verifier.verify(&genuine, ACTION, now).is_ok());
    let mut bytes = genuine.clone().into_bytes();
    for (position, mask) in input.flips.iter().take(8) {
        if !bytes.is_empty() {
            let at = usize::from(*position) % bytes.len();
            bytes[at] ^= mask;
        }
    }
    if let Some(len) = input.truncate {
        bytes.truncate(usize::from(len));
    }
    if let Ok(changed) = String::from_utf8(bytes) {
        if changed != genuine {
            assert!(verifier.verify(&changed, ACTION, now).is_err(), "{changed}");
        }
    }
});
