//! The policy parser never panics on any bytes, as YAML or as JSON; every error has a code and a
//! position inside the text; and a policy that loads also evaluates any call without panicking.
#![no_main]

use agentsentinel::policy::{Policy, SessionState, ToolCall};
use agentsentinel::{Diagnostic, render};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    /// The policy text.
    text: String,
    /// 0 = YAML, 1 = JSON, 2 = by content (`from_text`).
    format: u8,
    /// A call to evaluate when the policy loads.
    tool: String,
    arg: String,
    now_ms: u64,
}

fuzz_target!(|input: Input| {
    let loaded = match input.format % 3 {
        0 => Policy::from_yaml(&input.text, "fuzz.yaml"),
        1 => Policy::from_json(&input.text, "fuzz.json"),
        _ => Policy::from_text(&input.text, "fuzz"),
    };
    match loaded {
        Ok(policy) => {
            let call = ToolCall::new(
                input.tool,
                serde_json::json!({ "region": input.arg, "path": input.arg }),
            );
            let mut state = SessionState::new();
            for step in 0..3 {
                let now = input.now_ms.saturating_add(step);
                let decision = policy.evaluate(&state, &call, now);
                state.apply(&policy, &call, &decision, now);
                let _ = policy.explain(&state, &call, now);
            }
        }
        Err(err) => {
            assert!(err.code().starts_with("policy."));
            if let Some(span) = err.span() {
                assert!(span.start <= input.text.len());
            }
            let _ = render(&err, &input.text);
        }
    }
});
