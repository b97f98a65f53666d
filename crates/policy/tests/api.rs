//! The public API of agentsentinel-policy, called the way a user would.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a panic here is a failed test"
)]
#![allow(
    clippy::many_single_char_names,
    reason = "short names keep the call sequences readable"
)]

use agentsentinel_core::{Decision, Diagnostic, SessionId, ToolCall};
use agentsentinel_policy::{
    Policy, PolicyError, SessionLimits, SessionState, SessionStore, Sessions,
};
use serde_json::json;

const ISSUE_POLICY: &str = r#"
staticRules:
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

fn call(tool: &str, args: serde_json::Value) -> ToolCall {
    ToolCall::new(tool, args)
}

fn err(src: &str) -> PolicyError {
    Policy::from_yaml(src, "p.yaml").unwrap_err()
}

fn loc(e: &PolicyError) -> (usize, usize) {
    let l = e.location().unwrap();
    (l.line, l.column)
}

#[test]
fn the_issue_policy_behaves_as_its_comments_say() {
    let policy = Policy::from_yaml(ISSUE_POLICY, "issue.yaml").unwrap();
    let sessions = Sessions::new(policy);
    let s = SessionId::new("s");
    let d = sessions.check(&s, &call("calculator", json!({})), 0);
    assert_eq!((d.kind(), d.rule()), ("allow", "staticRules.calculator"));
    let d = sessions.check(&s, &call("shell_exec", json!({"cmd": "ls"})), 1);
    assert_eq!((d.kind(), d.rule()), ("deny", "staticRules.shell_exec"));
    let d = sessions.check(&s, &call("unknown_tool", json!({})), 2);
    assert_eq!((d.kind(), d.rule()), ("deny", "default"));
    assert!(
        sessions
            .check(&s, &call("export_analytics", json!({})), 3)
            .is_allow()
    );
    let d = sessions.check(&s, &call("read_customer_data", json!({})), 4);
    assert_eq!((d.kind(), d.rule()), ("allow", "taintRules[0]"));
    assert_eq!(sessions.taints(&s, 4), ["pii"]);
    let d = sessions.check(&s, &call("export_analytics", json!({})), 5);
    assert_eq!((d.kind(), d.rule()), ("deny", "taintRules[1]"));
    // Another session is not tainted.
    assert!(
        sessions
            .check(
                &SessionId::new("t"),
                &call("export_analytics", json!({})),
                6
            )
            .is_allow()
    );
    let d = sessions.check(
        &s,
        &call("system_maintenance", json!({"region": "eu-west-1"})),
        7,
    );
    assert_eq!((d.kind(), d.rule()), ("allow", "logicRules[0]"));
    let d = sessions.check(
        &s,
        &call("system_maintenance", json!({"region": "us-east-1"})),
        8,
    );
    assert_eq!((d.kind(), d.rule()), ("deny", "logicRules[0]"));
    assert!(
        sessions
            .check(&s, &call("system_maintenance", json!({})), 9)
            .is_deny()
    );
}

#[test]
fn json_policies_load_and_report_positions() {
    let policy =
        Policy::from_json(r#"{"staticRules": {"calculator": "ALLOW"}}"#, "p.json").unwrap();
    assert!(
        policy
            .evaluate(&SessionState::new(), &call("calculator", json!({})), 0)
            .is_allow()
    );
    let e = Policy::from_json(
        "{\n  \"staticRules\": {\"calculator\": \"ALOW\"}\n}",
        "p.json",
    )
    .unwrap_err();
    assert_eq!(e.code(), "policy.unknown_value");
    assert_eq!(loc(&e), (2, 33));
    assert_eq!(e.help().as_deref(), Some("did you mean `ALLOW`?"));
    let e = Policy::from_json("{\"a\": }", "p.json").unwrap_err();
    assert_eq!((e.code(), loc(&e)), ("policy.json_syntax", (1, 7)));
}

#[test]
fn errors_have_codes_paths_positions_and_help() {
    let e = err("taintRules:\n  - tool: x\n    action: CHECK_TAINT\n    forbidenTags: [pii]\n");
    assert_eq!((e.code(), loc(&e)), ("policy.unknown_key", (4, 5)));
    assert_eq!(e.path(), Some("taintRules[0].forbidenTags"));
    assert_eq!(e.help().as_deref(), Some("did you mean `forbiddenTags`?"));
    assert!(
        e.to_string()
            .starts_with("p.yaml:4:5: unknown key `forbidenTags`")
    );

    let e = err("staticRules:\n  calculator: alow\n");
    assert_eq!((e.code(), loc(&e)), ("policy.unknown_value", (2, 15)));

    let e = err("logicRules:\n  - tool: x\n    allow_if: {arg: path, regex: \"a(b\"}\n");
    assert_eq!((e.code(), loc(&e)), ("policy.invalid_regex", (3, 34)));

    let e = err(
        "staticRules:\n  calculator: ALLOW\n  class:danger: DENY\nclasses:\n  danger: [calculator]\n",
    );
    assert_eq!((e.code(), loc(&e)), ("policy.allowed_and_denied", (2, 15)));

    let e = err("classes:\n  reads: [a]\nstaticRules:\n  class:raeds: ALLOW\n");
    assert_eq!((e.code(), loc(&e)), ("policy.unknown_class", (4, 3)));
    assert_eq!(e.help().as_deref(), Some("did you mean `reads`?"));

    let e = err(
        "taintRules:\n  - {id: r, tool: a, action: ADD_TAINT, tag: t}\n  - {id: r, tool: b, action: ADD_TAINT, tag: t}\n",
    );
    assert_eq!((e.code(), loc(&e)), ("policy.duplicate_id", (3, 10)));

    let e = err(
        "taintRules:\n  - {tool: a, action: CHECK_TAINT, forbiddenTags: [pi]}\n  - {tool: b, action: ADD_TAINT, tag: pii}\n",
    );
    assert_eq!(e.code(), "policy.unknown_tag");
    assert_eq!(e.help().as_deref(), Some("did you mean `pii`?"));

    assert_eq!(err("").code(), "policy.empty");
    assert_eq!(err("# nothing\n").code(), "policy.empty");
    assert_eq!(err("a: [").code(), "policy.yaml_syntax");
    assert_eq!(
        err("default: DENY\ndefault: ALLOW\n").code(),
        "policy.duplicate_key"
    );
    assert_eq!(err("x: &a 1\ny: *a\n").code(), "policy.alias_not_allowed");
}

#[test]
fn deny_all_and_missing_files_fail_closed() {
    let e = Policy::from_path("/definitely/not/here.yaml").unwrap_err();
    assert_eq!(e.code(), "policy.unreadable");
    let policy = Policy::deny_all(e.to_string());
    let d = policy.evaluate(&SessionState::new(), &call("calculator", json!({})), 0);
    assert!(matches!(d, Decision::Deny { code: Some(ref c), .. } if c == "policy.unavailable"));
}

#[test]
fn conditions_cover_every_predicate() {
    let policy = Policy::from_yaml(
        r#"
taintRules:
  - {tool: browse, action: ADD_TAINT, tag: untrusted}
logicRules:
  - tool: transfer
    allow_if:
      all:
        - {arg: amount, type: number, gt: 0, le: 1000}
        - {arg: currency, in: [EUR, USD]}
        - {arg: iban, regex: "^DE[0-9]{20}$"}
        - {arg: memo, exists: false}
        - not: {has_taint: untrusted}
  - tool: read_file
    allow_if:
      any:
        - {arg: path, glob: "/tmp/*.txt"}
        - {arg: path, prefix: "/srv/public/", suffix: ".md"}
    deny_if: {arg: path, contains: ".."}
  - tool: tags
    allow_if: {arg: labels, contains: ok}
"#,
        "p.yaml",
    )
    .unwrap();
    let s = SessionState::new();
    let ok = json!({"amount": 10, "currency": "EUR", "iban": "DE12345678901234567890"});
    assert!(
        policy
            .evaluate(&s, &call("transfer", ok.clone()), 0)
            .is_allow()
    );
    for bad in [
        json!({"amount": 0, "currency": "EUR", "iban": "DE12345678901234567890"}),
        json!({"amount": "10", "currency": "EUR", "iban": "DE12345678901234567890"}),
        json!({"amount": 10, "currency": "GBP", "iban": "DE12345678901234567890"}),
        json!({"amount": 10, "currency": "EUR", "iban": "FR12345678901234567890"}),
        json!({"amount": 10, "currency": "EUR", "iban": "DE12345678901234567890", "memo": "x"}),
    ] {
        assert!(policy.evaluate(&s, &call("transfer", bad), 0).is_deny());
    }
    assert!(
        policy
            .evaluate(&s, &call("read_file", json!({"path": "/tmp/a.txt"})), 0)
            .is_allow()
    );
    assert!(
        policy
            .evaluate(
                &s,
                &call("read_file", json!({"path": "/srv/public/a.md"})),
                0
            )
            .is_allow()
    );
    assert!(
        policy
            .evaluate(
                &s,
                &call("read_file", json!({"path": "/srv/public/../x.md"})),
                0
            )
            .is_deny()
    );
    assert!(
        policy
            .evaluate(&s, &call("read_file", json!({"path": "/etc/passwd"})), 0)
            .is_deny()
    );
    assert!(
        policy
            .evaluate(&s, &call("tags", json!({"labels": ["a", "ok"]})), 0)
            .is_allow()
    );
    // Tainted by browsing: the transfer is refused.
    let mut s = SessionState::new();
    let browse = call("browse", json!({}));
    let d = policy.evaluate(&s, &browse, 0);
    s.apply(&policy, &browse, &d, 0);
    assert!(policy.evaluate(&s, &call("transfer", ok), 1).is_deny());
}

const PATTERNS: &str = r"
classes:
  sensitive_read: [read_email, read_customer_data]
  consequential_write: [send_email, delete_file]
staticRules:
  class:sensitive_read: ALLOW
  class:consequential_write: ALLOW
  search: ALLOW
  send_payment: ALLOW
taintRules:
  - {tool: read_email, action: ADD_TAINT, tags: [untrusted, email], ttl: 60s}
  - {tool: sanitize, action: REMOVE_TAINT, tag: untrusted}
sequenceRules:
  - id: no-write-after-read
    sequence: [class:sensitive_read, class:consequential_write]
    max_distance: 3
rateLimits:
  - {tool: search, max: 2, window: 10s}
  - {tool: send_payment, cooldown: 5s}
requireApproval:
  - id: big-payments
    tool: send_payment
    when: {arg: amount, gt: 100}
circuitBreaker:
  max_denials: 3
  window: 1m
";

#[test]
fn sequences_rate_limits_approvals_ttl_and_the_breaker() {
    let policy = Policy::from_yaml(PATTERNS, "p.yaml").unwrap();
    let sessions = Sessions::new(policy);
    let s = SessionId::new("a");
    let t = |ms: u64| ms * 1_000;
    assert!(
        sessions
            .check(&s, &call("read_email", json!({})), t(0))
            .is_allow()
    );
    assert_eq!(sessions.taints(&s, t(1)), ["email", "untrusted"]);
    assert!(
        sessions
            .check(&s, &call("search", json!({})), t(1))
            .is_allow()
    );
    let d = sessions.check(&s, &call("send_email", json!({})), t(2));
    assert_eq!((d.kind(), d.rule()), ("deny", "no-write-after-read"));
    assert!(
        sessions
            .check(&s, &call("search", json!({})), t(3))
            .is_allow()
    );
    let d = sessions.check(&s, &call("search", json!({})), t(4));
    assert_eq!((d.kind(), d.rule()), ("deny", "rateLimits[0]"));
    // Three calls after the read, the write is allowed again (distance 4 > 3).
    assert!(
        sessions
            .check(&s, &call("search", json!({})), t(20))
            .is_allow()
    );
    assert!(
        sessions
            .check(&s, &call("send_email", json!({})), t(21))
            .is_allow()
    );
    // TTL: the taints expire after 60 s.
    assert_eq!(sessions.taints(&s, t(61)), Vec::<String>::new());
    // Approval with a condition, carrying the exact call.
    let big = call("send_payment", json!({"amount": 500}));
    match sessions.check(&s, &big, t(70)) {
        Decision::RequireApproval { rule, call, .. } => {
            assert_eq!(rule, "big-payments");
            assert_eq!(call, big);
        }
        other => panic!("{other:?}"),
    }
    // With its approval in hand, the same call is allowed, and counted by the cooldown.
    let other = SessionId::new("b");
    assert!(sessions.check_approved(&other, &big, t(70)).is_allow());
    let d = sessions.check(&other, &call("send_payment", json!({"amount": 5})), t(71));
    assert_eq!(d.rule(), "rateLimits[1]");
    assert!(
        sessions
            .check(&s, &call("send_payment", json!({"amount": 5})), t(71))
            .is_allow()
    );
    let d = sessions.check(&s, &call("send_payment", json!({"amount": 5})), t(72));
    assert_eq!(d.rule(), "rateLimits[1]");
    // Circuit breaker: the 3rd denial within a minute trips it.
    assert!(
        sessions
            .check(&s, &call("nope", json!({})), t(73))
            .is_deny()
    );
    assert!(
        sessions
            .check(&s, &call("nope", json!({})), t(74))
            .is_deny()
    );
    let d = sessions.check(&s, &call("search", json!({})), t(200));
    assert_eq!(d.rule(), "circuitBreaker");
    sessions.reset(&s);
    assert!(
        sessions
            .check(&s, &call("search", json!({})), t(201))
            .is_allow()
    );
}

#[test]
fn remove_taint_and_explain() {
    let policy = Policy::from_yaml(PATTERNS, "p.yaml").unwrap();
    let mut s = SessionState::new();
    for (i, tool) in ["read_email", "sanitize"].into_iter().enumerate() {
        let c = call(tool, json!({}));
        let d = policy.evaluate(&s, &c, i as u64);
        s.apply(&policy, &c, &d, i as u64);
    }
    // `sanitize` is governed by its REMOVE_TAINT rule, so it is allowed.
    assert_eq!(s.taints(&policy, 2), ["email"]);
    let explained = policy.explain(&s, &call("send_email", json!({})), 3);
    assert!(explained.decision.is_deny());
    let rules: Vec<&str> = explained.trace.iter().map(|t| t.rule.as_str()).collect();
    assert_eq!(rules, ["circuitBreaker", "no-write-after-read"]);
}

#[test]
fn session_store_is_bounded_and_fails_closed() {
    let policy = Policy::from_yaml("staticRules: {a: ALLOW}", "p.yaml").unwrap();
    let sessions = Sessions::with_limits(
        policy,
        SessionLimits {
            ttl_ms: 10,
            max_sessions: 1,
        },
    );
    assert!(
        sessions
            .check(&SessionId::new("1"), &call("a", json!({})), 0)
            .is_allow()
    );
    let d = sessions.check(&SessionId::new("2"), &call("a", json!({})), 5);
    assert!(
        matches!(d, Decision::Deny { code: Some(ref c), .. } if c == "policy.too_many_sessions")
    );
    // Once the first session has expired, a new one fits.
    assert!(
        sessions
            .check(&SessionId::new("2"), &call("a", json!({})), 50)
            .is_allow()
    );
    assert_eq!(sessions.len(), 1);
}

#[test]
fn a_state_from_another_policy_is_refused() {
    let a = Policy::from_yaml("staticRules: {x: ALLOW}", "a.yaml").unwrap();
    let b = Policy::from_yaml("staticRules: {x: ALLOW}", "b.yaml").unwrap();
    let mut s = SessionState::new();
    let c = call("x", json!({}));
    let d = a.evaluate(&s, &c, 0);
    s.apply(&a, &c, &d, 0);
    let d = b.evaluate(&s, &c, 1);
    assert!(
        matches!(d, Decision::Deny { code: Some(ref c), .. } if c == "policy.session_mismatch")
    );
}
