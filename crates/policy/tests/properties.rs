//! proptest invariants: fail-closed defaults, deny monotonicity, determinism, and taints that
//! leave only through `REMOVE_TAINT` or expiry.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]

use std::fmt::Write as _;

use agentsentinel_core::{Decision, ToolCall};
use agentsentinel_policy::{Policy, SessionState};
use proptest::prelude::*;
use serde_json::json;

const TOOLS: &[&str] = &["a", "b", "c", "d", "e", "f"];
const TAGS: &[&str] = &["x", "y"];

#[derive(Debug, Clone)]
enum Rule {
    Static(usize, bool),
    Add(usize, usize, Option<u8>),
    Remove(usize, usize),
    Check(usize, usize),
    AllowIf(usize, i64),
    DenyIf(usize, i64),
    Sequence(usize, usize, u8),
    Approval(usize, i64),
    Rate(usize, u8),
}

fn rule() -> impl Strategy<Value = Rule> {
    let tool = 0..TOOLS.len();
    let tag = 0..TAGS.len();
    prop_oneof![
        (tool.clone(), any::<bool>()).prop_map(|(t, a)| Rule::Static(t, a)),
        (tool.clone(), tag.clone(), proptest::option::of(1u8..5))
            .prop_map(|(t, g, ttl)| Rule::Add(t, g, ttl)),
        (tool.clone(), tag.clone()).prop_map(|(t, g)| Rule::Remove(t, g)),
        (tool.clone(), tag).prop_map(|(t, g)| Rule::Check(t, g)),
        (tool.clone(), -5i64..5).prop_map(|(t, n)| Rule::AllowIf(t, n)),
        (tool.clone(), -5i64..5).prop_map(|(t, n)| Rule::DenyIf(t, n)),
        (tool.clone(), tool.clone(), 1u8..4).prop_map(|(a, b, d)| Rule::Sequence(a, b, d)),
        (tool.clone(), -5i64..5).prop_map(|(t, n)| Rule::Approval(t, n)),
        (tool, 1u8..3).prop_map(|(t, m)| Rule::Rate(t, m)),
    ]
}

#[expect(clippy::too_many_lines, reason = "one arm per rule kind")]
/// Renders rules as a policy; `None` when they would not load (a tool both allowed and denied).
fn render(rules: &[Rule]) -> Option<String> {
    let mut statics = vec![None; TOOLS.len()];
    let (mut taint, mut logic, mut seq, mut approvals, mut rates) = (
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
    );
    // Every tag is added somewhere so CHECK_TAINT rules always load.
    for (g, tag) in TAGS.iter().enumerate() {
        writeln!(
            taint,
            "  - {{tool: adder_{g}, action: ADD_TAINT, tag: {tag}}}"
        )
        .unwrap();
    }
    for rule in rules {
        match *rule {
            Rule::Static(t, allow) => match statics[t] {
                Some(previous) if previous != allow => return None,
                _ => statics[t] = Some(allow),
            },
            Rule::Add(t, g, ttl) => {
                let ttl = ttl.map_or(String::new(), |s| format!(", ttl: {s}"));
                writeln!(
                    taint,
                    "  - {{tool: {}, action: ADD_TAINT, tag: {}{ttl}}}",
                    TOOLS[t], TAGS[g]
                )
                .unwrap();
            }
            Rule::Remove(t, g) => {
                writeln!(
                    taint,
                    "  - {{tool: {}, action: REMOVE_TAINT, tag: {}}}",
                    TOOLS[t], TAGS[g]
                )
                .unwrap();
            }
            Rule::Check(t, g) => {
                writeln!(
                    taint,
                    "  - {{tool: {}, action: CHECK_TAINT, forbiddenTags: [{}]}}",
                    TOOLS[t], TAGS[g]
                )
                .unwrap();
            }
            Rule::AllowIf(t, n) => {
                writeln!(
                    logic,
                    "  - {{tool: {}, allow_if: {{arg: v, lt: {n}}}}}",
                    TOOLS[t]
                )
                .unwrap();
            }
            Rule::DenyIf(t, n) => {
                writeln!(
                    logic,
                    "  - {{tool: {}, deny_if: {{arg: v, gt: {n}}}}}",
                    TOOLS[t]
                )
                .unwrap();
            }
            Rule::Sequence(a, b, d) => {
                writeln!(
                    seq,
                    "  - {{sequence: [{}, {}], max_distance: {d}}}",
                    TOOLS[a], TOOLS[b]
                )
                .unwrap();
            }
            Rule::Approval(t, n) => {
                writeln!(
                    approvals,
                    "  - {{tool: {}, when: {{arg: v, eq: {n}}}}}",
                    TOOLS[t]
                )
                .unwrap();
            }
            Rule::Rate(t, m) => {
                writeln!(rates, "  - {{tool: {}, max: {m}, window: 3s}}", TOOLS[t]).unwrap();
            }
        }
    }
    let mut out = String::from("default: DENY\n");
    let statics: Vec<String> = statics
        .iter()
        .enumerate()
        .filter_map(|(t, s)| {
            s.map(|allow| format!("  {}: {}\n", TOOLS[t], if allow { "ALLOW" } else { "DENY" }))
        })
        .collect();
    for (key, body) in [
        ("staticRules", statics.concat()),
        ("taintRules", taint),
        ("logicRules", logic),
        ("sequenceRules", seq),
        ("requireApproval", approvals),
        ("rateLimits", rates),
    ] {
        if !body.is_empty() {
            writeln!(out, "{key}:\n{body}").unwrap();
        }
    }
    Some(out)
}

fn calls() -> impl Strategy<Value = Vec<(usize, i64, u16)>> {
    proptest::collection::vec((0..TOOLS.len() + 3, -6i64..6, 0u16..3_000), 1..25)
}

fn call_of(tool: usize, v: i64) -> ToolCall {
    let name = match tool {
        t if t < TOOLS.len() => TOOLS[t].to_owned(),
        t if t < TOOLS.len() + TAGS.len() => format!("adder_{}", t - TOOLS.len()),
        _ => "unknown".to_owned(),
    };
    ToolCall::new(name, json!({ "v": v }))
}

/// Whether `rules` give `tool` any way to be allowed (a static ALLOW or a taint/logic rule).
fn grantable(rules: &[Rule], tool: &str) -> bool {
    tool.starts_with("adder_")
        || rules.iter().any(|r| match *r {
            Rule::Static(t, true) | Rule::Add(t, _, _) | Rule::Remove(t, _) | Rule::Check(t, _) => {
                TOOLS[t] == tool
            }
            Rule::AllowIf(t, _) => TOOLS[t] == tool,
            _ => false,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn without_a_matching_allow_the_decision_is_deny(rules in proptest::collection::vec(rule(), 0..10), seq in calls()) {
        let Some(text) = render(&rules) else { return Ok(()) };
        let policy = Policy::from_yaml(&text, "p.yaml").unwrap();
        let mut state = SessionState::new();
        let mut now = 0u64;
        for (tool, v, dt) in seq {
            now += u64::from(dt);
            let call = call_of(tool, v);
            let decision = policy.evaluate(&state, &call, now);
            if !grantable(&rules, &call.tool) {
                prop_assert!(decision.is_deny(), "{text}\n{call:?} -> {decision:?}");
            }
            if decision.is_allow() {
                prop_assert_ne!(decision.rule(), "default");
            }
            state.apply(&policy, &call, &decision, now);
        }
    }

    #[test]
    fn adding_a_deny_rule_never_turns_a_deny_into_an_allow(
        rules in proptest::collection::vec(rule(), 0..10),
        extra in prop_oneof![
            (0..TOOLS.len()).prop_map(|t| Rule::Static(t, false)),
            (0..TOOLS.len(), 0..TAGS.len()).prop_map(|(t, g)| Rule::Check(t, g)),
            (0..TOOLS.len(), -5i64..5).prop_map(|(t, n)| Rule::DenyIf(t, n)),
            (0..TOOLS.len(), 0..TOOLS.len(), 1u8..4).prop_map(|(a, b, d)| Rule::Sequence(a, b, d)),
            (0..TOOLS.len(), 1u8..3).prop_map(|(t, m)| Rule::Rate(t, m)),
        ],
        seq in calls(),
    ) {
        let Some(text) = render(&rules) else { return Ok(()) };
        // A CHECK_TAINT rule governs its tool (the issue's `export_analytics`): it only counts as
        // a deny rule for a tool that something already allows.
        if let Rule::Check(t, _) = extra
            && !grantable(&rules, TOOLS[t])
        {
            return Ok(());
        }
        let mut more = rules.clone();
        more.push(extra);
        let Some(stricter_text) = render(&more) else { return Ok(()) };
        let policy = Policy::from_yaml(&text, "p.yaml").unwrap();
        let stricter = Policy::from_yaml(&stricter_text, "q.yaml").unwrap();
        // Both states see the same executed history: the one the original policy allowed.
        let (mut s1, mut s2) = (SessionState::new(), SessionState::new());
        let mut now = 0u64;
        for (tool, v, dt) in seq {
            now += u64::from(dt);
            let call = call_of(tool, v);
            let d1 = policy.evaluate(&s1, &call, now);
            let d2 = stricter.evaluate(&s2, &call, now);
            if d1.is_deny() {
                prop_assert!(d2.is_deny(), "{stricter_text}\n{call:?}: {d1:?} vs {d2:?}");
            }
            s1.apply(&policy, &call, &d1, now);
            s2.apply(&stricter, &call, &d1, now);
        }
    }

    #[test]
    fn evaluation_is_deterministic(rules in proptest::collection::vec(rule(), 0..10), seq in calls()) {
        let Some(text) = render(&rules) else { return Ok(()) };
        let (p1, p2) = (Policy::from_yaml(&text, "p.yaml").unwrap(), Policy::from_yaml(&text, "p.yaml").unwrap());
        let (mut s1, mut s2) = (SessionState::new(), SessionState::new());
        let mut now = 0u64;
        for (tool, v, dt) in seq {
            now += u64::from(dt);
            let call = call_of(tool, v);
            let d1 = p1.evaluate(&s1, &call, now);
            prop_assert_eq!(&d1, &p1.evaluate(&s1, &call, now));
            let d2 = p2.evaluate(&s2, &call, now);
            prop_assert_eq!(&d1, &d2);
            prop_assert_eq!(&p1.explain(&s1, &call, now).decision, &d1);
            s1.apply(&p1, &call, &d1, now);
            s2.apply(&p2, &call, &d2, now);
            prop_assert_eq!(s1.taints(&p1, now), s2.taints(&p2, now));
        }
    }

    #[test]
    fn taints_leave_only_through_remove_taint_or_expiry(rules in proptest::collection::vec(rule(), 0..10), seq in calls()) {
        let Some(text) = render(&rules) else { return Ok(()) };
        let policy = Policy::from_yaml(&text, "p.yaml").unwrap();
        let expiring = |tag: &str| rules.iter().any(|r| matches!(*r, Rule::Add(_, g, Some(_)) if TAGS[g] == tag));
        let mut state = SessionState::new();
        let mut now = 0u64;
        for (tool, v, dt) in seq {
            let before = state.taints(&policy, now);
            now += u64::from(dt);
            let call = call_of(tool, v);
            let decision = policy.evaluate(&state, &call, now);
            state.apply(&policy, &call, &decision, now);
            let after = state.taints(&policy, now);
            for tag in before.iter().filter(|t| !after.contains(t)) {
                let removed = matches!(&decision, Decision::Allow { effects, .. } if effects.remove_taints.contains(tag));
                prop_assert!(removed || expiring(tag), "{text}\n`{tag}` vanished after {call:?} -> {decision:?}");
            }
        }
    }
}

fn yaml_soup() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("staticRules:".to_owned()),
        Just("taintRules:".to_owned()),
        Just("logicRules:".to_owned()),
        Just("sequenceRules:".to_owned()),
        Just("classes:".to_owned()),
        Just("\n".to_owned()),
        Just("  ".to_owned()),
        Just("- ".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just(", ".to_owned()),
        Just(": ".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("#".to_owned()),
        Just("---\n".to_owned()),
        Just("tool: a".to_owned()),
        Just("action: ADD_TAINT".to_owned()),
        Just("allow_if: {arg: v, regex: \"(\"}".to_owned()),
        Just("ALLOW".to_owned()),
        Just("é".to_owned()),
        "[a-z]{1,6}",
        "[0-9]{1,3}",
    ];
    proptest::collection::vec(token, 0..40).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn the_parser_never_panics_and_errors_point_inside_the_text(text in prop_oneof![yaml_soup(), "\\PC{0,200}"]) {
        for loaded in [Policy::from_yaml(&text, "p.yaml"), Policy::from_json(&text, "p.json")] {
            if let Err(err) = loaded {
                use agentsentinel_core::Diagnostic as _;
                prop_assert!(err.code().starts_with("policy."));
                if let Some(span) = err.span() {
                    prop_assert!(span.start <= text.len());
                }
                let _ = agentsentinel_core::render(&err, &text);
            }
        }
    }
}
