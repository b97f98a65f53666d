//! `agentsentinel canonicalize`, `hash` and `permit keygen|mint|verify`, run as a user would,
//! and permits crossing between the CLI and the Rust API in both directions.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]
#![expect(
    clippy::disallowed_methods,
    reason = "the tests write and read key files"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use agentsentinel::permit::{
    ActionHash, KeyRing, PermitClaims, PermitSigner, PermitVerifier, action_hash,
};

const ACTION: &str = r#"{ "tool": "send_payment", "args": { "iban": "DE89", "amount_eur": 100 } }"#;

fn agentsentinel(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agentsentinel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that fails before reading stdin (a bad key file) closes the pipe early.
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    child.wait_with_output().unwrap()
}

fn temp_path(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("permit-{}-{name}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn canonicalize_prints_exact_bytes_whose_sha256_is_the_hash() {
    let canonical = agentsentinel(&["canonicalize"], ACTION.as_bytes());
    assert!(canonical.status.success());
    assert_eq!(
        stdout(&canonical),
        r#"{"args":{"amount_eur":100,"iban":"DE89"},"tool":"send_payment"}"#
    );
    let hash = agentsentinel(&["hash"], ACTION.as_bytes());
    assert!(hash.status.success());
    assert_eq!(
        stdout(&hash),
        format!("{}\n", ActionHash::of_canonical(&canonical.stdout))
    );
    assert_eq!(
        stdout(&hash).trim(),
        action_hash(ACTION).unwrap().to_string()
    );
}

#[test]
fn refused_json_exits_1_with_the_code() {
    let out = agentsentinel(&["hash"], br#"{"a":1,"a":2}"#);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("permit.duplicate_key")
    );
    let out = agentsentinel(&["canonicalize"], b"9007199254740993");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn keygen_writes_a_private_hex_key_and_never_overwrites() {
    let key = temp_path("keygen.key");
    let out = agentsentinel(&["permit", "keygen", key.to_str().unwrap()], b"");
    assert!(out.status.success(), "{out:?}");
    let text = std::fs::read_to_string(&key).unwrap();
    assert_eq!(text.trim().len(), 64);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = agentsentinel(&["permit", "keygen", key.to_str().unwrap()], b"");
    assert_eq!(again.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&key).unwrap(), text);
}

#[test]
fn permits_cross_between_the_cli_and_the_library() {
    let secret = [0x3du8; 32];
    let key = temp_path("cross.key");
    // Base64 key file (standard alphabet, padded).
    std::fs::write(&key, "PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0=\n").unwrap();
    let now = 1_700_000_000u64;
    let now_arg = now.to_string();

    // CLI mints, library verifies.
    let minted = agentsentinel(
        &[
            "permit",
            "mint",
            "--key-file",
            key.to_str().unwrap(),
            "--key-id",
            "ops-1",
            "--ttl",
            "120",
            "--subject",
            "agent-7",
            "--approver",
            "alice",
            "--now",
            &now_arg,
        ],
        ACTION.as_bytes(),
    );
    assert!(minted.status.success(), "{minted:?}");
    let token = stdout(&minted).trim().to_owned();
    let verifier = PermitVerifier::new(KeyRing::new().with_hmac("ops-1", &secret).unwrap());
    let permit = verifier.verify(&token, ACTION, now + 1).unwrap();
    assert_eq!(permit.approver(), Some("alice"));

    // Library mints, CLI verifies; the key id comes from the token.
    let signer = PermitSigner::hmac("ops-1", &secret).unwrap();
    let token = signer
        .mint(
            ACTION,
            &PermitClaims::new("agent-9", 60).scope("payments"),
            now,
        )
        .unwrap();
    let verify = |action: &str, at: u64| {
        agentsentinel(
            &[
                "permit",
                "verify",
                "--key-file",
                key.to_str().unwrap(),
                &token,
                "--now",
                &at.to_string(),
            ],
            action.as_bytes(),
        )
    };
    let ok = verify(ACTION, now + 5);
    assert!(ok.status.success(), "{ok:?}");
    let claims: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(claims["subject"], "agent-9");
    assert_eq!(claims["scope"], "payments");
    assert_eq!(
        claims["action_hash"],
        action_hash(ACTION).unwrap().to_string()
    );

    let other = r#"{"tool":"send_payment","args":{"iban":"XX00","amount_eur":100}}"#;
    let mismatch = verify(other, now + 5);
    assert_eq!(mismatch.status.code(), Some(1));
    assert!(
        String::from_utf8(mismatch.stderr)
            .unwrap()
            .contains("permit.action_mismatch")
    );
    let expired = verify(ACTION, now + 60 + 30);
    assert_eq!(expired.status.code(), Some(1));
    assert!(
        String::from_utf8(expired.stderr)
            .unwrap()
            .contains("permit.expired")
    );
}

#[test]
fn short_key_files_are_refused() {
    let key = temp_path("short.key");
    std::fs::write(&key, "00112233").unwrap();
    let out = agentsentinel(
        &[
            "permit",
            "mint",
            "--key-file",
            key.to_str().unwrap(),
            "--key-id",
            "k",
            "--ttl",
            "60",
            "--subject",
            "a",
        ],
        ACTION.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("at least 32")
    );
}
