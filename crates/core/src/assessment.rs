//! What the input shield reports about one text.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::{Span, ThreatCategory, ThreatLevel};

/// One suspicious thing found in a text: which rule matched, where, and how bad it is.
///
/// JSON shape (pinned by `test-vectors/core/`):
///
/// ```json
/// { "rule_id": "override.ignore_previous", "category": "instruction_override",
///   "level": "high", "weight": 70, "span": { "start": 0, "end": 32 },
///   "char_span": { "start": 0, "end": 32 }, "excerpt": "ignore all previous instructions",
///   "description": "asks the model to discard its earlier instructions" }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id of the rule that matched, such as `override.ignore_previous`. Borrowed for the
    /// built-in rules, whose strings live as long as the program: a finding costs no copy of them.
    pub rule_id: Cow<'static, str>,
    /// Attack family of the rule.
    pub category: ThreatCategory,
    /// Severity of this finding on its own.
    pub level: ThreatLevel,
    /// Contribution of this finding to the risk score, 0–100.
    pub weight: u8,
    /// Where the finding is in the ORIGINAL text, in bytes of UTF-8.
    pub span: Span,
    /// The same place counted in Unicode scalar values (Python string indices).
    pub char_span: Span,
    /// A short excerpt of the original text at the span (at most 80 characters).
    pub excerpt: String,
    /// One line saying what the rule looks for (borrowed like [`Self::rule_id`]).
    pub description: Cow<'static, str>,
}

/// The verdict of the input shield on one text.
///
/// JSON shape (pinned by `test-vectors/core/`):
///
/// ```json
/// { "findings": [ ... ], "risk_score": 87, "threat_level": "critical",
///   "should_block": true, "fingerprint": "<64 lowercase hex>", "analysis_time_us": 4 }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    /// Every finding, ordered by span start, then by rule id.
    pub findings: Vec<Finding>,
    /// Combined risk, 0 (clean) to 100.
    pub risk_score: u8,
    /// `ThreatLevel::from_score(risk_score)`.
    pub threat_level: ThreatLevel,
    /// Whether the risk score reached the shield's block threshold.
    pub should_block: bool,
    /// SHA-256 of the text's UTF-8 bytes, 64 lowercase hex digits (see [`crate::fingerprint`]).
    pub fingerprint: String,
    /// Wall-clock analysis time in microseconds. Not deterministic: vectors ignore it.
    pub analysis_time_us: u64,
}

impl Assessment {
    /// An assessment of a text with no findings.
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_core::{Assessment, ThreatLevel};
    /// let clean = Assessment::clean("hello");
    /// assert!(!clean.should_block);
    /// assert_eq!(clean.threat_level, ThreatLevel::None);
    /// ```
    #[must_use]
    pub fn clean(text: &str) -> Self {
        Assessment {
            findings: Vec::new(),
            risk_score: 0,
            threat_level: ThreatLevel::None,
            should_block: false,
            fingerprint: crate::fingerprint(text),
            analysis_time_us: 0,
        }
    }

    /// The distinct rule ids of the findings, in finding order.
    #[must_use]
    pub fn rule_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::with_capacity(self.findings.len());
        for finding in &self.findings {
            if !ids.contains(&finding.rule_id.as_ref()) {
                ids.push(&finding.rule_id);
            }
        }
        ids
    }
}
