//! Replays the shared vectors in `test-vectors/policy/`: one test per file, and a test that fails
//! when a file has no test here (or when none are found).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::expect_used,
    reason = "a panic here is a failed test"
)]
#![expect(
    clippy::disallowed_methods,
    reason = "a vector runner reads the vector files"
)]

use std::path::PathBuf;

use agentsentinel_core::{Decision, Diagnostic, SessionId, ToolCall};
use agentsentinel_policy::{Policy, SessionStore, Sessions};
use serde_json::Value;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../test-vectors/policy")
}

fn load(policy: &Value) -> Result<Policy, agentsentinel_policy::PolicyError> {
    let (text, origin) = match policy.get("file").and_then(Value::as_str) {
        Some(file) => (
            std::fs::read_to_string(dir().join(file)).unwrap(),
            file.to_owned(),
        ),
        None => (
            policy["text"].as_str().unwrap().to_owned(),
            "vector".to_owned(),
        ),
    };
    match policy["format"].as_str().unwrap() {
        "yaml" => Policy::from_yaml(&text, &origin),
        "json" => Policy::from_json(&text, &origin),
        other => panic!("unknown format {other}"),
    }
}

fn replay(name: &str) {
    let path = dir().join(name);
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    if doc.pointer("/skip/rust").is_some() {
        return;
    }
    let mut checked = 0;
    if let Some(steps) = doc.get("steps").and_then(Value::as_array) {
        let sessions = Sessions::new(load(&doc["policy"]).unwrap());
        for (i, step) in steps.iter().enumerate() {
            let session = SessionId::new(step["session"].as_str().unwrap());
            let call = ToolCall::new(step["tool"].as_str().unwrap(), step["args"].clone());
            let now = step["now_ms"].as_u64().unwrap();
            let decision = sessions.check(&session, &call, now);
            let expect = &step["expect"];
            let at = format!("{name} step {i} ({})", call.tool);
            assert_eq!(decision.kind(), expect["decision"], "{at}: {decision:?}");
            assert_eq!(decision.rule(), expect["rule"], "{at}: {decision:?}");
            let taints: Vec<String> = serde_json::from_value(expect["taints"].clone()).unwrap();
            assert_eq!(sessions.taints(&session, now), taints, "{at}");
            if let Some(code) = expect.get("code") {
                let Decision::Deny { code: got, .. } = &decision else {
                    panic!("{at}: expected a deny with a code")
                };
                assert_eq!(got.as_deref(), code.as_str(), "{at}");
            }
            if let Decision::RequireApproval { call: bound, .. } = &decision {
                assert_eq!(bound, &call, "{at}: approval must carry the exact call");
            }
            checked += 1;
        }
    }
    if let Some(errors) = doc.get("errors").and_then(Value::as_array) {
        for case in errors {
            let at = format!("{name}: {}", case["description"]);
            let err = load(&case["policy"]).expect_err(&at);
            let expect = &case["expect"]["error"];
            assert_eq!(err.code(), expect["code"], "{at}: {err}");
            let location = err.location().unwrap();
            assert_eq!(
                (location.line, location.column),
                (
                    usize::try_from(expect["line"].as_u64().unwrap()).unwrap(),
                    usize::try_from(expect["column"].as_u64().unwrap()).unwrap()
                ),
                "{at}: {err}"
            );
            if let Some(path) = expect.get("path") {
                assert_eq!(err.path(), path.as_str(), "{at}: {err}");
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "{name} has no steps and no errors");
}

macro_rules! vectors {
    ($($test:ident => $file:literal),* $(,)?) => {
        $(#[test] fn $test() { replay($file); })*
        const FILES: &[&str] = &[$($file),*];
    };
}

vectors! {
    issue_policy => "issue-policy.json",
    issue_policy_as_json => "issue-policy-as-json.json",
    taints_ttl_remove => "taints-ttl-remove.json",
    conditions => "conditions.json",
    sequences => "sequences.json",
    rate_limits_approvals_breaker => "rate-limits-approvals-breaker.json",
    errors => "errors.json",
}

#[test]
fn every_vector_file_is_replayed() {
    let mut found: Vec<String> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no vectors in {}", dir().display());
    for file in &found {
        assert!(
            FILES.contains(&file.as_str()),
            "{file} has no test in vectors.rs"
        );
    }
}
