//! The answer of the policy engine to one tool call.

use serde::{Deserialize, Serialize};

use crate::ToolCall;

/// Whether a tool call may run.
///
/// Deliberately not `#[non_exhaustive]`: a new kind of decision must break every caller's build,
/// because a caller that silently treats an unknown decision as "allow" fails open.
///
/// JSON shape (pinned by `test-vectors/core/`): an object tagged by `"decision"`:
///
/// ```json
/// { "decision": "allow", "rule": "static.calculator", "reason": "...", "effects": { ... } }
/// { "decision": "deny", "rule": "taint.export_analytics", "reason": "...", "code": null }
/// { "decision": "require_approval", "rule": "approval.payments", "reason": "...",
///   "call": { "tool": "send_payment", "args": { ... } } }
/// ```
///
/// # Examples
///
/// ```
/// use agentsentinel_core::Decision;
/// let deny = Decision::deny("default", "no rule allows `shell`");
/// assert!(deny.is_deny());
/// assert!(!deny.is_allow());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
pub enum Decision {
    /// The call may run; `effects` must then be applied to the session.
    Allow {
        /// Id of the rule that allowed the call.
        rule: String,
        /// One line saying why.
        reason: String,
        /// State changes to apply to the session once the call runs.
        #[serde(default)]
        effects: Effects,
    },
    /// The call must not run.
    Deny {
        /// Id of the rule that denied the call (`default` when no rule allowed it).
        rule: String,
        /// One line saying why; never contains argument values.
        reason: String,
        /// A stable error code when the denial comes from an error (fail closed), else `None`.
        #[serde(default)]
        code: Option<String>,
    },
    /// The call may run only with a valid approval (a permit) bound to exactly `call`.
    RequireApproval {
        /// Id of the rule that asked for approval.
        rule: String,
        /// One line saying why.
        reason: String,
        /// The exact call the approval must be bound to.
        call: ToolCall,
    },
}

impl Decision {
    /// A denial by `rule` with `reason`.
    #[must_use]
    pub fn deny(rule: impl Into<String>, reason: impl Into<String>) -> Self {
        Decision::Deny {
            rule: rule.into(),
            reason: reason.into(),
            code: None,
        }
    }

    /// A denial caused by an error: fail closed, naming the stable error code.
    #[must_use]
    pub fn deny_error(code: &str, reason: impl Into<String>) -> Self {
        Decision::Deny {
            rule: "error".to_owned(),
            reason: reason.into(),
            code: Some(code.to_owned()),
        }
    }

    /// Whether the call may run now, without approval.
    #[must_use]
    pub fn is_allow(&self) -> bool {
        matches!(self, Decision::Allow { .. })
    }

    /// Whether the call was refused.
    #[must_use]
    pub fn is_deny(&self) -> bool {
        matches!(self, Decision::Deny { .. })
    }

    /// Whether the call needs an approval first.
    #[must_use]
    pub fn requires_approval(&self) -> bool {
        matches!(self, Decision::RequireApproval { .. })
    }

    /// `"allow"`, `"deny"` or `"require_approval"`, as in JSON.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Decision::Allow { .. } => "allow",
            Decision::Deny { .. } => "deny",
            Decision::RequireApproval { .. } => "require_approval",
        }
    }

    /// The error code of refusing this decision, for `enforce`-style calls that raise unless the
    /// call is allowed: the deny's own code when an error decided (`policy.too_many_sessions`),
    /// else `policy.denied` or `policy.requires_approval`; `None` for an allow.
    #[must_use]
    pub fn refusal_code(&self) -> Option<&str> {
        match self {
            Decision::Allow { .. } => None,
            Decision::Deny {
                code: Some(code), ..
            } => Some(code),
            Decision::Deny { .. } => Some("policy.denied"),
            Decision::RequireApproval { .. } => Some("policy.requires_approval"),
        }
    }

    /// Id of the rule that decided.
    #[must_use]
    pub fn rule(&self) -> &str {
        match self {
            Decision::Allow { rule, .. }
            | Decision::Deny { rule, .. }
            | Decision::RequireApproval { rule, .. } => rule,
        }
    }

    /// The one-line reason.
    #[must_use]
    pub fn reason(&self) -> &str {
        match self {
            Decision::Allow { reason, .. }
            | Decision::Deny { reason, .. }
            | Decision::RequireApproval { reason, .. } => reason,
        }
    }
}

/// Changes an allowed call makes to its session's state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Effects {
    /// Taints the session carries after the call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_taints: Vec<TaintGrant>,
    /// Taint tags the call removes from the session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_taints: Vec<String>,
}

impl Effects {
    /// Whether applying these effects changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.add_taints.is_empty() && self.remove_taints.is_empty()
    }
}

/// A taint tag added to a session, optionally expiring.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TaintGrant {
    /// The tag, such as `pii` or `untrusted`.
    pub tag: String,
    /// Seconds until the taint expires; `None` keeps it until removed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_seconds: Option<u64>,
}
