//! The public, immutable policy.

use std::sync::Arc;

use agentsentinel_core::{Decision, ToolCall};

use crate::error::{PolicyError, codes};
use crate::plan::Inner;
use crate::session::SessionState;
use crate::trace::{Explanation, NoTrace};
use crate::util::FastMap;
use crate::{compile, source};

/// A checked, compiled policy. Holding one means it is valid; it is immutable, cheap to clone
/// (shared) and `Send + Sync`.
///
/// # Examples
///
/// ```
/// use agentsentinel_policy::{Policy, SessionState};
/// use agentsentinel_core::ToolCall;
/// let policy = Policy::from_yaml("staticRules:\n  calculator: ALLOW\n", "policy.yaml")?;
/// let state = SessionState::new();
/// let call = ToolCall::new("calculator", serde_json::json!({"expr": "1+1"}));
/// assert!(policy.evaluate(&state, &call, 0).is_allow());
/// assert!(policy.evaluate(&state, &ToolCall::new("shell", serde_json::json!({})), 0).is_deny());
/// # Ok::<(), agentsentinel_policy::PolicyError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Policy {
    inner: Arc<Inner>,
}

impl Policy {
    /// Loads a policy from YAML text; `origin` names it in errors (a file name or `<stdin>`).
    ///
    /// Cost is linear in the text; evaluation plans for every tool named are built here.
    ///
    /// # Errors
    ///
    /// A [`PolicyError`] with a stable code, the key path and a position: invalid YAML, an
    /// unknown key, a bad value, an invalid regex, a tool both allowed and denied, an unknown
    /// class or tag, a duplicate id, or a broken limit (size, depth, aliases).
    pub fn from_yaml(source: &str, origin: &str) -> Result<Self, PolicyError> {
        let root = source::parse_yaml(source, origin)?;
        Ok(Policy {
            inner: Arc::new(compile::compile(&root, source, origin)?),
        })
    }

    /// Loads a policy from JSON text with the same structure as the YAML format.
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_policy::Policy;
    /// let policy = Policy::from_json(r#"{"staticRules": {"calculator": "ALLOW"}}"#, "p.json")?;
    /// assert_eq!(policy.origin(), "p.json");
    /// # Ok::<(), agentsentinel_policy::PolicyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`Policy::from_yaml`], and `policy.json_syntax` for text that is not JSON.
    pub fn from_json(source: &str, origin: &str) -> Result<Self, PolicyError> {
        let root = source::parse_json(source, origin)?;
        Ok(Policy {
            inner: Arc::new(compile::compile(&root, source, origin)?),
        })
    }

    /// Loads a policy from text: as JSON when `origin` ends in `.json`, else as YAML (which also
    /// reads JSON, with YAML-worded syntax errors).
    ///
    /// # Errors
    ///
    /// As [`Policy::from_yaml`] and [`Policy::from_json`].
    pub fn from_text(source: &str, origin: &str) -> Result<Self, PolicyError> {
        let json = std::path::Path::new(origin)
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("json"));
        if json {
            Policy::from_json(source, origin)
        } else {
            Policy::from_yaml(source, origin)
        }
    }

    /// Reads and loads the policy file at `path` (JSON for `.json`, else YAML).
    ///
    /// Reads through [`read_source`], the one function of this crate that touches the file
    /// system; everything else takes text.
    ///
    /// # Errors
    ///
    /// `policy.unreadable` when the file cannot be read or is not UTF-8, `policy.too_large` when
    /// it is bigger than [`MAX_POLICY_BYTES`](crate::MAX_POLICY_BYTES), else as
    /// [`Policy::from_text`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<Self, PolicyError> {
        let path = path.as_ref();
        let text = read_source(path)?;
        Policy::from_text(&text, &path.display().to_string())
    }

    /// A policy that denies every call with `reason` and the code `policy.unavailable`: what to
    /// run with when the real policy is missing or corrupt (fail closed).
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_policy::{Policy, SessionState};
    /// use agentsentinel_core::{Decision, ToolCall};
    /// let policy = Policy::deny_all("policy.yaml is missing");
    /// let decision = policy.evaluate(&SessionState::new(), &ToolCall::new("calculator", serde_json::json!({})), 0);
    /// assert!(matches!(decision, Decision::Deny { code: Some(ref c), .. } if c == "policy.unavailable"));
    /// ```
    #[must_use]
    pub fn deny_all(reason: impl Into<String>) -> Self {
        Policy {
            inner: Arc::new(Inner {
                id: u64::MAX,
                origin: String::new(),
                unavailable: Some(reason.into()),
                default_allow: false,
                index: FastMap::default(),
                plans: Vec::new(),
                tool_masks: Vec::new(),
                tool_names: Vec::new(),
                taint_index: FastMap::default(),
                taint_names: Vec::new(),
                rules: Vec::new(),
                rate_rules: Vec::new(),
                breaker: None,
                history: 0,
                tracks_ever: false,
                empty_effects: agentsentinel_core::Effects::default(),
            }),
        }
    }

    /// Decides `call` for a session in `state` at `now_ms` (milliseconds on the caller's clock;
    /// the policy never reads a clock). Pure: apply the decision with [`SessionState::apply`],
    /// or use [`Sessions`](crate::Sessions), which does both atomically.
    ///
    /// Never fails: a call no rule allows is denied, and an internal problem is a `Deny` with a
    /// code, never an `Allow`. Cost: one hash lookup, then only the rules that name the tool or
    /// one of its classes.
    #[must_use]
    pub fn evaluate(&self, state: &SessionState, call: &ToolCall, now_ms: u64) -> Decision {
        self.inner.decide(state, call, now_ms, false, &mut NoTrace)
    }

    /// Decides `call` once its approval (a verified permit bound to exactly this call) is in
    /// hand: approval rules and `REQUIRE_APPROVAL` sequences count as satisfied, every other rule
    /// still applies, so the result is `Allow` (apply it as usual) or `Deny`, never
    /// `RequireApproval`. Verifying the permit is the caller's job.
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_policy::{Policy, SessionState};
    /// use agentsentinel_core::ToolCall;
    /// let policy = Policy::from_yaml(
    ///     "staticRules: {send_payment: ALLOW}\nrequireApproval:\n  - tool: send_payment\n",
    ///     "p.yaml",
    /// )?;
    /// let call = ToolCall::new("send_payment", serde_json::json!({"amount": 500}));
    /// let state = SessionState::new();
    /// assert!(policy.evaluate(&state, &call, 0).requires_approval());
    /// assert!(policy.evaluate_approved(&state, &call, 0).is_allow());
    /// # Ok::<(), agentsentinel_policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn evaluate_approved(
        &self,
        state: &SessionState,
        call: &ToolCall,
        now_ms: u64,
    ) -> Decision {
        self.inner.decide(state, call, now_ms, true, &mut NoTrace)
    }

    /// Like [`Policy::evaluate`], with the full trace of rules consulted.
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_policy::{Policy, SessionState};
    /// use agentsentinel_core::ToolCall;
    /// let policy = Policy::from_yaml(
    ///     "logicRules:\n  - tool: system_maintenance\n    allow_if: {region: eu-west-1}\n",
    ///     "p.yaml",
    /// )?;
    /// let call = ToolCall::new("system_maintenance", serde_json::json!({"region": "us-east-1"}));
    /// let explained = policy.explain(&SessionState::new(), &call, 0);
    /// assert!(explained.decision.is_deny());
    /// assert_eq!(explained.trace.last().map(|s| s.rule.as_str()), Some("logicRules[0]"));
    /// # Ok::<(), agentsentinel_policy::PolicyError>(())
    /// ```
    #[must_use]
    pub fn explain(&self, state: &SessionState, call: &ToolCall, now_ms: u64) -> Explanation {
        let mut trace = Vec::new();
        let decision = self.inner.decide(state, call, now_ms, false, &mut trace);
        Explanation { decision, trace }
    }

    /// Name the policy was loaded from (empty for [`Policy::deny_all`]).
    #[must_use]
    pub fn origin(&self) -> &str {
        &self.inner.origin
    }

    /// Whether this is a [`Policy::deny_all`] policy.
    #[must_use]
    pub fn is_deny_all(&self) -> bool {
        self.inner.unavailable.is_some()
    }

    /// Every tool the policy names, directly or through a class, in order of first mention.
    #[must_use]
    pub fn tools(&self) -> &[String] {
        &self.inner.tool_names
    }

    /// Every rule id, in evaluation-independent file order.
    #[must_use]
    pub fn rule_ids(&self) -> &[String] {
        &self.inner.rules
    }

    pub(crate) fn inner(&self) -> &Inner {
        &self.inner
    }
}

/// Reads the policy file at `path` as UTF-8 text, refusing files larger than
/// [`MAX_POLICY_BYTES`](crate::MAX_POLICY_BYTES) without reading them whole.
///
/// The one place this crate touches the file system, so that [`Policy::from_path`] works the same
/// from Rust and every binding, and a CLI can keep the text to render diagnostics.
///
/// # Errors
///
/// `policy.unreadable` when the file cannot be read or is not UTF-8, `policy.too_large` when it
/// is too big.
#[expect(
    clippy::disallowed_methods,
    reason = "the issue asks for `Policy::from_path`; the read is bounded and nothing else here does I/O"
)]
pub fn read_source(path: impl AsRef<std::path::Path>) -> Result<String, PolicyError> {
    use std::io::Read as _;
    let path = path.as_ref();
    let origin = path.display().to_string();
    let unreadable = |err: std::io::Error| {
        PolicyError::whole(
            codes::UNREADABLE,
            format!("cannot read the policy file: {err}"),
            &origin,
        )
        .with_help("check the path; without a policy every call is denied")
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    let limit = u64::try_from(source::MAX_POLICY_BYTES).unwrap_or(u64::MAX) + 1;
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() > source::MAX_POLICY_BYTES {
        return Err(PolicyError::whole(
            codes::TOO_LARGE,
            format!(
                "the policy is larger than {} bytes",
                source::MAX_POLICY_BYTES
            ),
            &origin,
        ));
    }
    String::from_utf8(bytes).map_err(|err| {
        PolicyError::whole(
            codes::UNREADABLE,
            format!(
                "the policy file is not UTF-8 (byte {})",
                err.utf8_error().valid_up_to()
            ),
            &origin,
        )
    })
}
