//! `agentsentinel policy check` and `agentsentinel evaluate`, run the way a user runs them.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]
#![expect(
    clippy::disallowed_methods,
    reason = "the test writes the policy files it checks"
)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ISSUE_POLICY: &str = r#"staticRules:
  calculator: ALLOW
  shell_exec: DENY          # explicit deny always wins

taintRules:
  - tool: read_customer_data
    action: ADD_TAINT
    tag: pii                # after this call the session carries `pii`
  - tool: export_analytics
    action: CHECK_TAINT
    forbiddenTags: [pii]    # denied while the session carries `pii`

logicRules:
  - tool: system_maintenance
    allow_if:
      region: "eu-west-1"   # allowed only when args.region == "eu-west-1"
"#;

fn agentsentinel(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agentsentinel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("agentsentinel-cli-policy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn check_accepts_the_issue_policy_and_renders_errors() {
    let good = file("good.yaml", ISSUE_POLICY);
    let out = agentsentinel(&["policy", "check", good.to_str().unwrap()], b"");
    assert!(out.status.success());
    let bad = file("bad.yaml", "staticRules:\n  calculator: alow\n");
    let out = agentsentinel(&["policy", "check", bad.to_str().unwrap()], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("error[policy.unknown_value]"), "{stderr}");
    assert!(stderr.contains("bad.yaml:2:15"), "{stderr}");
    assert!(stderr.contains("2 |   calculator: alow"), "{stderr}");
    assert!(stderr.contains("did you mean `ALLOW`?"), "{stderr}");
}

#[test]
fn evaluate_follows_the_issue_policy_with_per_session_taints() {
    let policy = file("issue.yaml", ISSUE_POLICY);
    let input = br#"{"session": "a", "tool": "calculator", "args": {}}
{"session": "a", "tool": "shell_exec", "args": {"cmd": "ls"}}
{"session": "a", "tool": "read_customer_data", "args": {}}
{"session": "a", "tool": "export_analytics", "args": {}}
{"session": "b", "tool": "export_analytics", "args": {}}
this is not json
{"session": "a", "tool": "system_maintenance", "args": {"region": "eu-west-1"}}
{"session": "a", "tool": "system_maintenance", "args": {"region": "us-east-1"}}
"#;
    let out = agentsentinel(&["evaluate", "--policy", policy.to_str().unwrap()], input);
    assert!(out.status.success());
    let got: Vec<(String, String, Value)> = lines(&out)
        .into_iter()
        .map(|v| {
            (
                v["decision"].as_str().unwrap().to_owned(),
                v["rule"].as_str().unwrap().to_owned(),
                v["taints"].clone(),
            )
        })
        .collect();
    let expected = [
        ("allow", "staticRules.calculator", serde_json::json!([])),
        ("deny", "staticRules.shell_exec", serde_json::json!([])),
        ("allow", "taintRules[0]", serde_json::json!(["pii"])),
        ("deny", "taintRules[1]", serde_json::json!(["pii"])),
        ("allow", "taintRules[1]", serde_json::json!([])),
        ("deny", "error", serde_json::json!([])),
        ("allow", "logicRules[0]", serde_json::json!(["pii"])),
        ("deny", "logicRules[0]", serde_json::json!(["pii"])),
    ];
    assert_eq!(got.len(), expected.len());
    for (got, (kind, rule, taints)) in got.iter().zip(expected) {
        assert_eq!(
            (got.0.as_str(), got.1.as_str(), &got.2),
            (kind, rule, &taints)
        );
    }
}

#[test]
fn a_missing_empty_or_corrupt_policy_denies_everything() {
    let empty = file("empty.yaml", "");
    let corrupt = file("corrupt.yaml", "staticRules: [\n");
    let missing = std::env::temp_dir().join("agentsentinel-no-such-policy.yaml");
    for path in [empty, corrupt, missing] {
        let out = agentsentinel(
            &["evaluate", "--policy", path.to_str().unwrap()],
            br#"{"session": "a", "tool": "calculator", "args": {}}"#,
        );
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("error[policy."));
        let reply = &lines(&out)[0];
        assert_eq!(reply["decision"], "deny");
        assert_eq!(reply["code"], "policy.unavailable");
    }
}
