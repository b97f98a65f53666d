//! Tamper matrix: every single-bit flip of a token, every changed claim, action field, key id
//! and clock outside the leeway is refused with the right code; a permit works once.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]

use agentsentinel_core::Diagnostic;
use agentsentinel_permit::{
    KeyRing, PermitClaims, PermitError, PermitSigner, PermitVerifier, action_hash,
};

const SECRET: [u8; 32] = [0x5c; 32];
const NOW: u64 = 1_700_000_000;
const ACTION: &str =
    r#"{"tool":"send_payment","args":{"amount_eur":100,"iban":"DE89","memo":"rent"}}"#;

fn signer() -> PermitSigner {
    PermitSigner::hmac("k1", &SECRET).unwrap()
}

fn verifier() -> PermitVerifier {
    PermitVerifier::new(KeyRing::new().with_hmac("k1", &SECRET).unwrap())
}

fn claims() -> PermitClaims {
    PermitClaims::new("agent-7", 120)
        .scope("payments")
        .approver("alice")
}

fn code(result: Result<impl Sized, PermitError>) -> &'static str {
    match result {
        Ok(_) => "ok",
        Err(err) => err.code(),
    }
}

#[test]
fn public_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<PermitSigner>();
    assert_send_sync::<PermitVerifier>();
    assert_send_sync::<KeyRing>();
}

#[test]
fn every_single_bit_flip_is_refused_and_burns_no_nonce() {
    let token = signer().mint(ACTION, &claims(), NOW).unwrap();
    let verifier = verifier();
    let mut flips = 0;
    for index in 0..token.len() {
        for bit in 0..8 {
            let mut bytes = token.clone().into_bytes();
            bytes[index] ^= 1 << bit;
            // A flip into a non-ASCII byte is not text; bindings refuse it before we see it.
            let Ok(tampered) = String::from_utf8(bytes) else {
                continue;
            };
            let got = code(verifier.verify(&tampered, ACTION, NOW + 1));
            assert!(
                [
                    "permit.malformed",
                    "permit.bad_signature",
                    "permit.unknown_key"
                ]
                .contains(&got),
                "byte {index} bit {bit}: {got}"
            );
            flips += 1;
        }
    }
    assert!(flips > token.len() * 6, "{flips}");
    // No tampered token used up the nonce: the genuine one still verifies, once.
    assert_eq!(code(verifier.verify(&token, ACTION, NOW + 1)), "ok");
    assert_eq!(
        code(verifier.verify(&token, ACTION, NOW + 2)),
        "permit.replayed"
    );
}

#[test]
fn changed_claims_with_the_old_signature_are_refused() {
    let base = signer()
        .mint_with_nonce(ACTION, &claims(), NOW, [1; 16])
        .unwrap();
    let mac = base.rsplit('.').next().unwrap();
    let variants = [
        signer().mint_with_nonce(
            ACTION,
            &PermitClaims::new("agent-8", 120)
                .scope("payments")
                .approver("alice"),
            NOW,
            [1; 16],
        ),
        signer().mint_with_nonce(
            ACTION,
            &PermitClaims::new("agent-7", 121)
                .scope("payments")
                .approver("alice"),
            NOW,
            [1; 16],
        ),
        signer().mint_with_nonce(
            ACTION,
            &PermitClaims::new("agent-7", 120)
                .scope("payment")
                .approver("alice"),
            NOW,
            [1; 16],
        ),
        signer().mint_with_nonce(
            ACTION,
            &PermitClaims::new("agent-7", 120).scope("payments"),
            NOW,
            [1; 16],
        ),
        signer().mint_with_nonce(ACTION, &claims(), NOW + 1, [1; 16]),
        signer().mint_with_nonce(ACTION, &claims(), NOW, [2; 16]),
        signer().mint_with_nonce(r#"{"tool":"x"}"#, &claims(), NOW, [1; 16]),
    ];
    let verifier = verifier();
    for variant in variants {
        let variant = variant.unwrap();
        let (signed, _) = variant.rsplit_once('.').unwrap();
        let spliced = format!("{signed}.{mac}");
        assert_ne!(spliced, base);
        assert_eq!(
            code(verifier.verify(&spliced, ACTION, NOW)),
            "permit.bad_signature"
        );
    }
}

#[test]
fn any_changed_action_field_is_an_action_mismatch() {
    let verifier = verifier().dangerous().without_replay_guard();
    let token = signer().mint(ACTION, &claims(), NOW).unwrap();
    for other in [
        r#"{"tool":"send_payment","args":{"amount_eur":10000,"iban":"DE89","memo":"rent"}}"#,
        r#"{"tool":"send_payment","args":{"amount_eur":100,"iban":"DE90","memo":"rent"}}"#,
        r#"{"tool":"send_payment","args":{"amount_eur":100,"iban":"DE89","memo":"rent "}}"#,
        r#"{"tool":"send_payment","args":{"amount_eur":100,"iban":"DE89"}}"#,
        r#"{"tool":"send_payment","args":{"amount_eur":100,"iban":"DE89","memo":"rent","x":1}}"#,
        r#"{"tool":"send_payments","args":{"amount_eur":100,"iban":"DE89","memo":"rent"}}"#,
        r#"{"tool":"send_payment","args":{"amount_eur":100.5,"iban":"DE89","memo":"rent"}}"#,
    ] {
        assert_eq!(
            code(verifier.verify(&token, other, NOW)),
            "permit.action_mismatch",
            "{other}"
        );
    }
    // The same action, written differently, is the same action.
    let reordered = r#"{ "args": { "memo": "rent", "iban": "DE89", "amount_eur": 1e2 }, "tool": "send_payment" }"#;
    assert_eq!(code(verifier.verify(&token, reordered, NOW)), "ok");
    let hash = action_hash(ACTION).unwrap();
    assert_eq!(code(verifier.verify_hash(&token, &hash, NOW)), "ok");
    assert_eq!(
        code(verifier.verify(&token, r#"{"a":1,"a":1}"#, NOW)),
        "permit.duplicate_key"
    );
}

#[test]
fn key_ids_and_keys_must_match() {
    let token = PermitSigner::hmac("k2", &SECRET)
        .unwrap()
        .mint(ACTION, &claims(), NOW)
        .unwrap();
    assert_eq!(
        code(verifier().verify(&token, ACTION, NOW)),
        "permit.unknown_key"
    );
    let rotated = PermitVerifier::new(
        KeyRing::new()
            .with_hmac("k1", &SECRET)
            .unwrap()
            .with_hmac("k2", &[0x77; 32])
            .unwrap(),
    );
    assert_eq!(
        code(rotated.verify(&token, ACTION, NOW)),
        "permit.bad_signature"
    );
    let rotated = PermitVerifier::new(
        KeyRing::new()
            .with_hmac("k0", &[0x77; 32])
            .unwrap()
            .with_hmac("k2", &SECRET)
            .unwrap(),
    );
    assert_eq!(code(rotated.verify(&token, ACTION, NOW)), "ok");
}

#[test]
fn clock_outside_the_leeway_and_long_lifetimes_are_refused() {
    let verifier = verifier()
        .dangerous()
        .without_replay_guard()
        .with_leeway(30);
    let token = signer().mint(ACTION, &claims(), NOW).unwrap();
    assert_eq!(
        code(verifier.verify(&token, ACTION, NOW - 31)),
        "permit.not_yet_valid"
    );
    assert_eq!(code(verifier.verify(&token, ACTION, NOW - 30)), "ok");
    assert_eq!(code(verifier.verify(&token, ACTION, NOW + 149)), "ok");
    assert_eq!(
        code(verifier.verify(&token, ACTION, NOW + 150)),
        "permit.expired"
    );
    let long = signer()
        .mint(ACTION, &PermitClaims::new("agent-7", 901), NOW)
        .unwrap();
    assert_eq!(
        code(verifier.verify(&long, ACTION, NOW)),
        "permit.lifetime_too_long"
    );
    let verifier = verifier.with_max_lifetime(3_600);
    assert_eq!(code(verifier.verify(&long, ACTION, NOW)), "ok");
}

#[test]
fn secrets_never_show_and_bad_inputs_have_codes() {
    let signer = signer();
    let shown = format!("{signer:?} {:?}", verifier());
    assert!(!shown.contains("5c") && !shown.contains("92"), "{shown}");
    assert_eq!(code(PermitSigner::hmac("k1", &[1; 31])), "permit.weak_key");
    assert_eq!(
        code(PermitSigner::hmac("k 1", &SECRET)),
        "permit.invalid_key_id"
    );
    assert_eq!(
        code(PermitSigner::hmac("", &SECRET)),
        "permit.invalid_key_id"
    );
    assert_eq!(
        code(
            KeyRing::new()
                .with_hmac("a", &SECRET)
                .unwrap()
                .with_hmac("a", &SECRET)
        ),
        "permit.duplicate_key_id"
    );
    assert_eq!(
        code(signer.mint(ACTION, &PermitClaims::new("", 10), NOW)),
        "permit.invalid_claim"
    );
    assert_eq!(
        code(signer.mint(ACTION, &PermitClaims::new("a", 0), NOW)),
        "permit.invalid_claim"
    );
    assert_eq!(
        code(signer.mint(ACTION, &PermitClaims::new("a".repeat(129), 10), NOW)),
        "permit.invalid_claim"
    );
    assert_eq!(
        code(signer.mint("[1,]", &claims(), NOW)),
        "permit.invalid_json"
    );
}

#[test]
fn random_nonces_differ_and_unverified_decode_shows_claims() {
    let a = signer().mint(ACTION, &claims(), NOW).unwrap();
    let b = signer().mint(ACTION, &claims(), NOW).unwrap();
    assert_ne!(a, b);
    let permit = agentsentinel_permit::Permit::decode_unverified(&a).unwrap();
    assert_eq!(permit.subject(), "agent-7");
    assert_eq!(permit.scope(), Some("payments"));
    assert_eq!(permit.expires_at(), NOW + 120);
}

#[cfg(feature = "ed25519")]
#[test]
fn ed25519_permits_verify_with_the_public_key_only() {
    let signer = PermitSigner::generate_ed25519("ed1").unwrap();
    let public = signer.ed25519_public_key().unwrap();
    let verifier = PermitVerifier::new(KeyRing::new().with_ed25519("ed1", &public).unwrap());
    let token = signer.mint(ACTION, &claims(), NOW).unwrap();
    assert!(token.starts_with("asp1e."));
    for index in 0..token.len() {
        let mut bytes = token.clone().into_bytes();
        bytes[index] ^= 1;
        let tampered = String::from_utf8(bytes).unwrap();
        assert_ne!(
            code(verifier.verify(&tampered, ACTION, NOW)),
            "ok",
            "byte {index}"
        );
    }
    assert_eq!(code(verifier.verify(&token, ACTION, NOW)), "ok");
    assert_eq!(
        code(verifier.verify(&token, ACTION, NOW)),
        "permit.replayed"
    );
    // An HMAC token under the same key id is not checked against the Ed25519 key.
    let hmac = PermitSigner::hmac("ed1", &SECRET)
        .unwrap()
        .mint(ACTION, &claims(), NOW)
        .unwrap();
    assert_eq!(
        code(verifier.verify(&hmac, ACTION, NOW)),
        "permit.unknown_key"
    );
    // Deterministic: a fixed seed and nonce give a fixed token.
    let fixed = PermitSigner::ed25519("ed1", &[3; 32]).unwrap();
    let one = fixed
        .mint_with_nonce(ACTION, &claims(), NOW, [9; 16])
        .unwrap();
    assert_eq!(
        one,
        fixed
            .mint_with_nonce(ACTION, &claims(), NOW, [9; 16])
            .unwrap()
    );
}
