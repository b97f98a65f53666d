//! Replays `test-vectors/input-shield/*.json`, one test per file: rule ids, spans, verdicts and
//! threat levels must match (never message text).
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]
#![expect(
    clippy::disallowed_methods,
    reason = "the runner reads the shared vector files by path"
)]

use std::path::PathBuf;

use agentsentinel_input_shield::InputShield;
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../test-vectors/input-shield")
}

fn replay(name: &str) {
    let path = dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let file: Value = serde_json::from_str(&text).unwrap();
    let cases = file["cases"].as_array().unwrap();
    assert!(!cases.is_empty(), "{name} has no cases");
    let shield = InputShield::default();
    for case in cases {
        if case.get("skip").and_then(|s| s.get("rust")).is_some() {
            continue;
        }
        let text = case["text"].as_str().unwrap();
        let verdict = shield.analyze(text);
        assert_eq!(
            Value::Bool(verdict.should_block),
            case["should_block"],
            "{text:?}"
        );
        assert_eq!(
            verdict.threat_level.as_str(),
            case["threat_level"].as_str().unwrap(),
            "{text:?}"
        );
        let got: Vec<Value> = verdict
            .findings
            .iter()
            .map(|f| {
                serde_json::json!({
                    "rule_id": f.rule_id,
                    "span": f.span,
                    "char_span": f.char_span,
                })
            })
            .collect();
        assert_eq!(&Value::Array(got), &case["findings"], "{text:?}");
    }
}

#[test]
fn vector_files_exist() {
    let count = std::fs::read_dir(dir())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "json")
        })
        .count();
    assert!(
        count >= 3,
        "expected the input-shield vector files, found {count}"
    );
}

#[test]
fn attacks() {
    replay("attacks.json");
}

#[test]
fn obfuscation() {
    replay("obfuscation.json");
}

#[test]
fn benign() {
    replay("benign.json");
}

#[test]
fn benign_multilingual() {
    replay("benign-multilingual.json");
}

#[test]
fn probes() {
    replay("probes.json");
}
