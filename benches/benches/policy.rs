//! Policy decisions: static, typical (100 tools, 20 taint rules, 10 conditional rules of 3
//! predicates, 5 sequence rules, 1 000 calls of history), JSON text to decision, and, with
//! `--features cedar`, cedar-policy on the equivalent "allowed if region == eu-west-1" request.
#![allow(missing_docs, reason = "criterion macros generate undocumented items")]
#![allow(clippy::unwrap_used, reason = "a panic here is a failed bench")]

use std::fmt::Write as _;
use std::hint::black_box;

use agentsentinel_policy::{Policy, SessionState, SessionStore as _, Sessions, ToolCall};
use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::json;

const ISSUE_POLICY: &str = r#"
staticRules:
  calculator: ALLOW
  shell_exec: DENY
taintRules:
  - {tool: read_customer_data, action: ADD_TAINT, tag: pii}
  - {tool: export_analytics, action: CHECK_TAINT, forbiddenTags: [pii]}
logicRules:
  - tool: system_maintenance
    allow_if:
      region: "eu-west-1"
"#;

/// A 200-byte tool call, as an agent framework would hand it over.
const CALL_JSON: &str = r#"{"tool":"system_maintenance","args":{"region":"eu-west-1","task":"rotate-logs","window":"02:00-03:00","hosts":["web-1","web-2","web-3"],"dry_run":false,"ticket":"OPS-4411","requested_by":"agent-7"}}"#;

/// 100 tools in 5 classes; 60 static allows, 20 taint rules, 10 conditional rules of 3
/// predicates, 5 sequence rules.
fn typical_policy() -> String {
    let mut p = String::from("classes:\n");
    for class in 0..5 {
        let tools: Vec<String> = (0..20)
            .map(|t| format!("tool_{}", class * 20 + t))
            .collect();
        writeln!(p, "  class_{class}: [{}]", tools.join(", ")).unwrap();
    }
    p.push_str("staticRules:\n");
    for t in 0..60 {
        writeln!(p, "  tool_{t}: ALLOW").unwrap();
    }
    p.push_str("taintRules:\n");
    for i in 0..10 {
        writeln!(
            p,
            "  - {{tool: tool_{}, action: ADD_TAINT, tag: tag_{i}}}",
            60 + i
        )
        .unwrap();
        writeln!(
            p,
            "  - {{tool: tool_{}, action: CHECK_TAINT, forbiddenTags: [tag_{i}, tag_{}]}}",
            80 + i,
            (i + 1) % 10
        )
        .unwrap();
    }
    p.push_str("logicRules:\n");
    for i in 0..10 {
        writeln!(
            p,
            "  - tool: tool_{}\n    allow_if:\n      all:\n        - {{arg: region, eq: eu-west-1}}\n        - {{arg: amount, lt: 1000}}\n        - {{arg: path, prefix: /srv/}}",
            80 + i
        )
        .unwrap();
    }
    p.push_str("sequenceRules:\n");
    for i in 0..5 {
        writeln!(
            p,
            "  - {{sequence: [class:class_{}, tool_{}], max_distance: 3}}",
            i,
            80 + i
        )
        .unwrap();
    }
    p
}

fn policy(c: &mut Criterion) {
    let issue = Policy::from_yaml(ISSUE_POLICY, "issue.yaml").unwrap();
    let empty = SessionState::new();
    let calculator = ToolCall::new("calculator", json!({"expr": "6*7"}));
    let shell = ToolCall::new("shell_exec", json!({"cmd": "rm -rf /"}));
    let region: ToolCall = serde_json::from_str(CALL_JSON).unwrap();
    assert!(issue.evaluate(&empty, &calculator, 0).is_allow());
    assert!(issue.evaluate(&empty, &shell, 0).is_deny());
    assert!(issue.evaluate(&empty, &region, 0).is_allow());

    let mut group = c.benchmark_group("policy");
    group.bench_function("static_allow", |b| {
        b.iter(|| issue.evaluate(black_box(&empty), black_box(&calculator), 0));
    });
    group.bench_function("static_deny", |b| {
        b.iter(|| issue.evaluate(black_box(&empty), black_box(&shell), 0));
    });
    group.bench_function("region_prebuilt", |b| {
        b.iter(|| issue.evaluate(black_box(&empty), black_box(&region), 0));
    });
    group.bench_function("region_from_json_200B", |b| {
        b.iter(|| {
            let call: ToolCall = serde_json::from_str(black_box(CALL_JSON)).unwrap();
            issue.evaluate(&empty, &call, 0)
        });
    });

    // The typical decision: a tool under a taint check, a 3-predicate condition and a sequence
    // rule, in a session that has made 1 000 calls.
    let typical = Policy::from_yaml(&typical_policy(), "typical.yaml").unwrap();
    let mut state = SessionState::new();
    for i in 0..1_000u64 {
        let call = ToolCall::new(format!("tool_{}", 20 + i % 40), json!({}));
        let decision = typical.evaluate(&state, &call, i);
        assert!(decision.is_allow(), "{decision:?}");
        state.apply(&typical, &call, &decision, i);
    }
    let call = ToolCall::new(
        "tool_80",
        json!({"region": "eu-west-1", "amount": 250, "path": "/srv/reports/q3.csv"}),
    );
    assert!(typical.evaluate(&state, &call, 1_000).is_allow());
    group.bench_function("typical", |b| {
        b.iter(|| typical.evaluate(black_box(&state), black_box(&call), 1_000));
    });
    let json_call = serde_json::to_string(&call).unwrap();
    group.bench_function("typical_from_json", |b| {
        b.iter(|| {
            let call: ToolCall = serde_json::from_str(black_box(&json_call)).unwrap();
            typical.evaluate(&state, &call, 1_000)
        });
    });

    // Evaluate and apply through the store (mutex, history, counters).
    let sessions = Sessions::new(issue.clone());
    let session = agentsentinel_policy::SessionId::new("bench");
    group.bench_function("sessions_check_static", |b| {
        b.iter(|| sessions.check(black_box(&session), black_box(&calculator), 0));
    });
    group.bench_function("load_typical_policy", |b| {
        let text = typical_policy();
        b.iter(|| Policy::from_yaml(black_box(&text), "typical.yaml").unwrap());
    });
    group.finish();

    #[cfg(feature = "cedar")]
    cedar::bench(c);
}

#[cfg(feature = "cedar")]
mod cedar {
    use std::hint::black_box;
    use std::str::FromStr as _;

    use cedar_policy::{Authorizer, Context, Decision, Entities, EntityUid, PolicySet, Request};
    use criterion::Criterion;

    const POLICY: &str = r#"permit(principal, action == Action::"call", resource == Tool::"system_maintenance") when { context.region == "eu-west-1" };"#;

    pub fn bench(c: &mut Criterion) {
        let policies = PolicySet::from_str(POLICY).unwrap();
        let entities = Entities::empty();
        let authorizer = Authorizer::new();
        let principal = EntityUid::from_str(r#"Agent::"agent-7""#).unwrap();
        let action = EntityUid::from_str(r#"Action::"call""#).unwrap();
        let resource = EntityUid::from_str(r#"Tool::"system_maintenance""#).unwrap();
        let args = serde_json::to_string(
            &serde_json::from_str::<serde_json::Value>(super::CALL_JSON).unwrap()["args"],
        )
        .unwrap();
        let context = Context::from_json_str(&args, None).unwrap();
        let request = Request::new(principal, action, resource, context, None).unwrap();
        assert_eq!(
            authorizer
                .is_authorized(&request, &policies, &entities)
                .decision(),
            Decision::Allow
        );
        let mut group = c.benchmark_group("cedar");
        group.bench_function("region_prebuilt", |b| {
            b.iter(|| authorizer.is_authorized(black_box(&request), &policies, &entities));
        });
        group.bench_function("region_from_json_200B", |b| {
            b.iter(|| {
                let call: serde_json::Value =
                    serde_json::from_str(black_box(super::CALL_JSON)).unwrap();
                let tool = call["tool"].as_str().unwrap();
                let resource = EntityUid::from_str(&format!("Tool::\"{tool}\"")).unwrap();
                let context = Context::from_json_value(call["args"].clone(), None).unwrap();
                let request = Request::new(
                    EntityUid::from_str(r#"Agent::"agent-7""#).unwrap(),
                    EntityUid::from_str(r#"Action::"call""#).unwrap(),
                    resource,
                    context,
                    None,
                )
                .unwrap();
                authorizer.is_authorized(&request, &policies, &entities)
            });
        });
        group.finish();
    }
}

criterion_group!(benches, policy);
criterion_main!(benches);
