//! How bad a finding is, and what kind of attack it belongs to.

use std::fmt;

use serde::{Deserialize, Serialize};

/// How severe a threat is. Ordered: `None < Low < Medium < High < Critical`.
///
/// Serialises as the lowercase word (`"none"`, `"low"`, ...).
///
/// # Examples
///
/// ```
/// use agentsentinel_core::ThreatLevel;
/// assert!(ThreatLevel::High > ThreatLevel::Medium);
/// assert_eq!(ThreatLevel::from_score(80), ThreatLevel::High);
/// assert_eq!(serde_json::to_string(&ThreatLevel::Critical)?, r#""critical""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum ThreatLevel {
    /// Nothing suspicious.
    #[default]
    None,
    /// Weak signal; worth logging, not blocking.
    Low,
    /// Suspicious; block in strict deployments.
    Medium,
    /// Very likely an attack.
    High,
    /// An attack with no plausible benign reading.
    Critical,
}

impl ThreatLevel {
    /// All levels, lowest first.
    pub const ALL: [ThreatLevel; 5] = [
        ThreatLevel::None,
        ThreatLevel::Low,
        ThreatLevel::Medium,
        ThreatLevel::High,
        ThreatLevel::Critical,
    ];

    /// The level a risk score (0–100) falls into: 0 is `None`, 1–29 `Low`, 30–59 `Medium`,
    /// 60–84 `High`, 85 and above `Critical`.
    #[must_use]
    pub fn from_score(score: u8) -> Self {
        match score {
            0 => ThreatLevel::None,
            1..=29 => ThreatLevel::Low,
            30..=59 => ThreatLevel::Medium,
            60..=84 => ThreatLevel::High,
            _ => ThreatLevel::Critical,
        }
    }

    /// The lowercase name used in JSON and in every binding.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ThreatLevel::None => "none",
            ThreatLevel::Low => "low",
            ThreatLevel::Medium => "medium",
            ThreatLevel::High => "high",
            ThreatLevel::Critical => "critical",
        }
    }
}

impl fmt::Display for ThreatLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The family of attack a finding belongs to.
///
/// Serialises as `snake_case` (`"instruction_override"`, ...). New categories may be added, so
/// match with a wildcard arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ThreatCategory {
    /// "Ignore all previous instructions" and its many rewordings.
    InstructionOverride,
    /// "You are now DAN", developer mode, persona and role take-overs.
    RoleHijack,
    /// Attempts to make the model reveal its system prompt or hidden instructions.
    SystemPromptExtraction,
    /// Templates and framings that try to switch off safety rules.
    Jailbreak,
    /// "Never refuse", "do not apologise": suppression of the model's refusals.
    RefusalSuppression,
    /// Encoded, spaced-out, leetspeak or look-alike text hiding an attack.
    Obfuscation,
    /// Invisible characters: zero-width, bidi controls, Unicode tags, hidden comments.
    HiddenText,
    /// Attempts to send conversation data or secrets to an outside address.
    DataExfiltration,
    /// Commands or code aimed at an agent's tools (shell, SQL, fake tool calls).
    ToolInjection,
    /// Fake chat-template markers, role tags and closing delimiters.
    DelimiterInjection,
    /// Many-shot dialogue stuffing: long fake conversations that prime compliance.
    ManyShot,
    /// Optimised gibberish suffixes (GCG-style) with no natural-language reading.
    AdversarialSuffix,
    /// A canary token from the system prompt appeared in model output.
    CanaryLeak,
}

impl ThreatCategory {
    /// Every category, in declaration order.
    pub const ALL: [ThreatCategory; 13] = [
        ThreatCategory::InstructionOverride,
        ThreatCategory::RoleHijack,
        ThreatCategory::SystemPromptExtraction,
        ThreatCategory::Jailbreak,
        ThreatCategory::RefusalSuppression,
        ThreatCategory::Obfuscation,
        ThreatCategory::HiddenText,
        ThreatCategory::DataExfiltration,
        ThreatCategory::ToolInjection,
        ThreatCategory::DelimiterInjection,
        ThreatCategory::ManyShot,
        ThreatCategory::AdversarialSuffix,
        ThreatCategory::CanaryLeak,
    ];

    /// The `snake_case` name used in JSON and in every binding.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ThreatCategory::InstructionOverride => "instruction_override",
            ThreatCategory::RoleHijack => "role_hijack",
            ThreatCategory::SystemPromptExtraction => "system_prompt_extraction",
            ThreatCategory::Jailbreak => "jailbreak",
            ThreatCategory::RefusalSuppression => "refusal_suppression",
            ThreatCategory::Obfuscation => "obfuscation",
            ThreatCategory::HiddenText => "hidden_text",
            ThreatCategory::DataExfiltration => "data_exfiltration",
            ThreatCategory::ToolInjection => "tool_injection",
            ThreatCategory::DelimiterInjection => "delimiter_injection",
            ThreatCategory::ManyShot => "many_shot",
            ThreatCategory::AdversarialSuffix => "adversarial_suffix",
            ThreatCategory::CanaryLeak => "canary_leak",
        }
    }
}

impl fmt::Display for ThreatCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_ordered_and_named_like_their_json() {
        for pair in ThreatLevel::ALL.windows(2) {
            assert!(pair[0] < pair[1]);
        }
        for level in ThreatLevel::ALL {
            let json = serde_json::to_string(&level).unwrap();
            assert_eq!(json, format!("\"{}\"", level.as_str()));
        }
    }

    #[test]
    fn score_bands_cover_0_to_100() {
        assert_eq!(ThreatLevel::from_score(0), ThreatLevel::None);
        assert_eq!(ThreatLevel::from_score(29), ThreatLevel::Low);
        assert_eq!(ThreatLevel::from_score(30), ThreatLevel::Medium);
        assert_eq!(ThreatLevel::from_score(60), ThreatLevel::High);
        assert_eq!(ThreatLevel::from_score(100), ThreatLevel::Critical);
    }

    #[test]
    fn categories_are_named_like_their_json() {
        for category in ThreatCategory::ALL {
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.as_str()));
            let back: ThreatCategory = serde_json::from_str(&json).unwrap();
            assert_eq!(back, category);
        }
    }
}
