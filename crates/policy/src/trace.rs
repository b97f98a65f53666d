//! `explain`: the rules consulted for one decision, in order.

use agentsentinel_core::Decision;
use serde::{Deserialize, Serialize};

/// Receives a note for each rule consulted. `evaluate` uses a no-op tracer that compiles away.
pub(crate) trait Tracer {
    fn note(&mut self, rule: &str, verdict: &'static str, detail: impl FnOnce() -> String);
}

/// The tracer of `evaluate`: does nothing.
pub(crate) struct NoTrace;

impl Tracer for NoTrace {
    #[inline(always)]
    fn note(&mut self, _rule: &str, _verdict: &'static str, _detail: impl FnOnce() -> String) {}
}

impl Tracer for Vec<TraceStep> {
    fn note(&mut self, rule: &str, verdict: &'static str, detail: impl FnOnce() -> String) {
        self.push(TraceStep {
            rule: rule.to_owned(),
            verdict: verdict.to_owned(),
            detail: detail(),
        });
    }
}

/// One rule consulted while deciding.
///
/// JSON shape: `{ "rule": "taintRules[1]", "verdict": "pass", "detail": "no forbidden taint" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TraceStep {
    /// Id of the rule.
    pub rule: String,
    /// `pass` (the rule let the call through), `deny`, `require_approval` or `allow`.
    pub verdict: String,
    /// One line about what the rule saw.
    pub detail: String,
}

/// A decision together with every rule consulted to reach it, in evaluation order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The same decision `evaluate` returns.
    pub decision: Decision,
    /// The rules consulted; the last one decided.
    pub trace: Vec<TraceStep>,
}
