//! Replays the shared permit vectors in `test-vectors/permit/`, one test per file; compares
//! bytes and codes, never messages.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a panic here is a failed test"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "a vector runner reads the vector files"
)]

use std::path::PathBuf;

use agentsentinel_core::Diagnostic;
use agentsentinel_permit::{
    KeyRing, Permit, PermitClaims, PermitSigner, PermitVerifier, action_hash, canonicalize,
};
use serde_json::Value;

const FILES: &[&str] = &[
    "canonicalize.json",
    "mint-ed25519.json",
    "mint-hmac.json",
    "verify-ed25519.json",
    "verify-hmac.json",
];

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../test-vectors/permit")
}

fn load(name: &str) -> Value {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn cases(doc: &Value) -> &Vec<Value> {
    let cases = doc["cases"].as_array().unwrap();
    assert!(!cases.is_empty(), "a vector file without cases");
    cases
}

#[test]
fn every_vector_file_has_a_test() {
    let mut found: Vec<String> = std::fs::read_dir(dir())
        .unwrap_or_else(|err| panic!("test-vectors/permit is missing: {err}"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            std::path::Path::new(name)
                .extension()
                .is_some_and(|e| e == "json")
        })
        .collect();
    found.sort_unstable();
    assert!(!found.is_empty(), "no permit vectors found");
    let mut known: Vec<String> = FILES.iter().map(|s| (*s).to_owned()).collect();
    known.sort_unstable();
    assert_eq!(found, known, "add a test for each new vector file");
}

#[test]
fn canonicalize_json() {
    let doc = load("canonicalize.json");
    assert_eq!(doc["kind"], "canonicalize");
    for case in cases(&doc) {
        let input = case["input"].as_str().unwrap();
        let what = &case["description"];
        let expect = &case["expect"];
        if let Some(error) = expect.get("error") {
            let err = canonicalize(input).unwrap_err();
            assert_eq!(err.code(), error["code"], "{what}");
            if let Some(offset) = error.get("offset") {
                assert_eq!(
                    err.span().map(|s| s.start as u64),
                    offset.as_u64(),
                    "{what}"
                );
            }
            assert_eq!(action_hash(input).unwrap_err().code(), error["code"]);
        } else {
            let canonical = canonicalize(input).unwrap();
            assert_eq!(
                canonical,
                expect["canonical"].as_str().unwrap().as_bytes(),
                "{what}"
            );
            assert_eq!(
                action_hash(input).unwrap().to_string(),
                expect["action_hash"],
                "{what}"
            );
        }
    }
}

/// The signer a vector file's `key` describes: HMAC unless `algorithm` says `ed25519`.
fn signer(key: &Value) -> PermitSigner {
    let id = key["id"].as_str().unwrap();
    match key["algorithm"].as_str() {
        None | Some("hmac") => {
            PermitSigner::hmac(id, &hex(key["secret_hex"].as_str().unwrap())).unwrap()
        }
        #[cfg(feature = "ed25519")]
        Some("ed25519") => {
            let signer =
                PermitSigner::ed25519(id, &hex(key["seed_hex"].as_str().unwrap())).unwrap();
            assert_eq!(
                signer.ed25519_public_key().map(|k| k.to_vec()),
                Some(hex(key["public_key_hex"].as_str().unwrap())),
                "public key of the vector seed"
            );
            signer
        }
        Some(other) => panic!("unknown key algorithm {other}"),
    }
}

/// The key ring a vector file's `keys` describe.
fn key_ring(keys: &Value) -> KeyRing {
    let mut ring = KeyRing::new();
    for key in keys.as_array().unwrap() {
        let id = key["id"].as_str().unwrap();
        ring = match key["algorithm"].as_str() {
            None | Some("hmac") => ring
                .with_hmac(id, &hex(key["secret_hex"].as_str().unwrap()))
                .unwrap(),
            #[cfg(feature = "ed25519")]
            Some("ed25519") => ring
                .with_ed25519(id, &hex(key["public_key_hex"].as_str().unwrap()))
                .unwrap(),
            Some(other) => panic!("unknown key algorithm {other}"),
        };
    }
    ring
}

#[test]
fn mint_hmac_json() {
    replay_mint("mint-hmac.json");
}

#[cfg(feature = "ed25519")]
#[test]
fn mint_ed25519_json() {
    replay_mint("mint-ed25519.json");
}

fn replay_mint(file: &str) {
    let doc = load(file);
    assert_eq!(doc["kind"], "mint");
    let signer = signer(&doc["key"]);
    for case in cases(&doc) {
        let claims = &case["claims"];
        let mut request = PermitClaims::new(
            claims["subject"].as_str().unwrap(),
            claims["ttl_seconds"].as_u64().unwrap(),
        );
        if let Some(scope) = claims.get("scope").and_then(Value::as_str) {
            request = request.scope(scope);
        }
        if let Some(approver) = claims.get("approver").and_then(Value::as_str) {
            request = request.approver(approver);
        }
        let nonce: [u8; 16] = hex(case["nonce_hex"].as_str().unwrap()).try_into().unwrap();
        let token = signer
            .mint_with_nonce(
                case["action"].as_str().unwrap(),
                &request,
                case["now"].as_u64().unwrap(),
                nonce,
            )
            .unwrap();
        assert_eq!(token, case["expect"]["token"], "{}", case["description"]);
    }
}

fn permit_json(permit: &Permit) -> Value {
    serde_json::json!({
        "algorithm": permit.algorithm().tag(),
        "key_id": permit.key_id(),
        "action_hash": permit.action_hash().to_string(),
        "subject": permit.subject(),
        "issued_at": permit.issued_at(),
        "expires_at": permit.expires_at(),
        "nonce_hex": permit.nonce_hex(),
        "scope": permit.scope(),
        "approver": permit.approver(),
    })
}

#[test]
fn verify_hmac_json() {
    replay_verify("verify-hmac.json");
}

#[cfg(feature = "ed25519")]
#[test]
fn verify_ed25519_json() {
    replay_verify("verify-ed25519.json");
}

fn replay_verify(file: &str) {
    let doc = load(file);
    assert_eq!(doc["kind"], "verify");
    let ring = key_ring(&doc["keys"]);
    let settings = &doc["verifier"];
    // Cases run in order against one verifier: the replay case depends on the one before.
    let verifier = PermitVerifier::new(ring)
        .with_leeway(settings["leeway_seconds"].as_u64().unwrap())
        .with_max_lifetime(settings["max_lifetime_seconds"].as_u64().unwrap());
    for case in cases(&doc) {
        let what = &case["description"];
        let result = verifier.verify(
            case["token"].as_str().unwrap(),
            case["action"].as_str().unwrap(),
            case["now"].as_u64().unwrap(),
        );
        match (result, case["expect"].get("error")) {
            (Ok(permit), None) => {
                assert_eq!(permit_json(&permit), case["expect"]["permit"], "{what}");
            }
            (Err(err), Some(error)) => assert_eq!(err.code(), error["code"], "{what}"),
            (Ok(_), Some(error)) => panic!("{what}: verified, expected {}", error["code"]),
            (Err(err), None) => panic!("{what}: {} ({err})", err.code()),
        }
    }
}
