//! Per-session state (taints, history, counters) and the in-memory session store.

use std::collections::VecDeque;
use std::sync::Arc;

use agentsentinel_core::{Decision, SessionId, ToolCall};
use parking_lot::Mutex;

use crate::Policy;
use crate::compile::Target;
use crate::error::codes;
use crate::plan::{Breaker, RateRule, RateVerdict};
use crate::util::FastMap;

/// What a policy remembers about one session: taints with their expiry, the last calls, rate
/// counters and the circuit breaker.
///
/// Memory is bounded by the policy: the history keeps only as many calls as the longest
/// `within` / sequence window, and each rate limit keeps at most `max` timestamps.
///
/// # Examples
///
/// ```
/// use agentsentinel_policy::{Policy, SessionState};
/// use agentsentinel_core::ToolCall;
/// let policy = Policy::from_yaml(
///     "taintRules:\n  - {tool: read, action: ADD_TAINT, tag: pii}\n",
///     "p.yaml",
/// )?;
/// let mut state = SessionState::new();
/// let call = ToolCall::new("read", serde_json::json!({}));
/// let decision = policy.evaluate(&state, &call, 0);
/// state.apply(&policy, &call, &decision, 0);
/// assert_eq!(state.taints(&policy, 0), ["pii"]);
/// # Ok::<(), agentsentinel_policy::PolicyError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct SessionState {
    policy_id: u64,
    /// Expiry (ms) of each taint id; 0 = absent, `u64::MAX` = until removed.
    taints: Vec<u64>,
    /// Ring buffer of interned tool ids, most recent at `head - 1`.
    history: Vec<u32>,
    head: usize,
    len: usize,
    ever_tools: Vec<u64>,
    ever_classes: u64,
    rates: Vec<VecDeque<u64>>,
    denials: VecDeque<u64>,
    tripped_at: Option<u64>,
}

/// Whether an event at `t` is inside the window of `window_ms` ending at `now_ms` (a clock that
/// went backwards keeps events inside, which errs towards denying).
fn within(t: u64, now_ms: u64, window_ms: u64) -> bool {
    now_ms.saturating_sub(t) < window_ms
}

/// History id of a tool the policy never names.
const UNKNOWN_TOOL: u32 = u32::MAX;

impl SessionState {
    /// A fresh session: no taints, no history.
    #[must_use]
    pub fn new() -> Self {
        SessionState::default()
    }

    pub(crate) fn policy_id(&self) -> u64 {
        self.policy_id
    }

    #[inline]
    pub(crate) fn has_taint(&self, tag: u32, now_ms: u64) -> bool {
        self.taints
            .get(tag as usize)
            .is_some_and(|&until| until > now_ms)
    }

    /// The tool `distance` calls ago (1 = the previous call).
    #[inline]
    pub(crate) fn history_at(&self, distance: usize) -> Option<u32> {
        if distance == 0 || distance > self.len {
            return None;
        }
        let cap = self.history.len();
        Some(self.history[(self.head + cap - distance) % cap])
    }

    /// Past calls, most recent first.
    pub(crate) fn recent(&self) -> impl Iterator<Item = u32> + '_ {
        (1..=self.len).filter_map(|d| self.history_at(d))
    }

    pub(crate) fn ever_called(&self, target: Target) -> bool {
        match target {
            Target::Tool(id) => self
                .ever_tools
                .get(id as usize / 64)
                .is_some_and(|word| word & (1u64 << (id % 64)) != 0),
            Target::Class(class) => self.ever_classes & (1u64 << class) != 0,
        }
    }

    pub(crate) fn breaker_open(&self, breaker: &Breaker, now_ms: u64) -> bool {
        self.tripped_at.is_some_and(|at| {
            breaker
                .reset_after_ms
                .is_none_or(|after| now_ms < at.saturating_add(after))
        })
    }

    pub(crate) fn rate_verdict(&self, slot: u32, rule: &RateRule, now_ms: u64) -> RateVerdict {
        let Some(times) = self.rates.get(slot as usize) else {
            return RateVerdict::Ok;
        };
        if rule.cooldown_ms > 0
            && times
                .back()
                .is_some_and(|&last| now_ms < last.saturating_add(rule.cooldown_ms))
        {
            return RateVerdict::Cooldown;
        }
        if rule.max > 0 {
            let recent = times
                .iter()
                .rev()
                .take_while(|&&t| within(t, now_ms, rule.window_ms))
                .count();
            if recent >= rule.max as usize {
                return RateVerdict::Limit;
            }
        }
        RateVerdict::Ok
    }

    /// The session's taints at `now_ms`, sorted by name.
    #[must_use]
    pub fn taints(&self, policy: &Policy, now_ms: u64) -> Vec<String> {
        let inner = policy.inner();
        if self.policy_id != inner.id {
            return Vec::new();
        }
        let mut names: Vec<String> = self
            .taints
            .iter()
            .enumerate()
            .filter(|&(_, &until)| until > now_ms)
            .filter_map(|(id, _)| inner.taint_names.get(id).cloned())
            .collect();
        names.sort_unstable();
        names
    }

    /// Applies `decision` for `call` at `now_ms`: an `Allow` adds and removes its taints (removals
    /// first), enters the call in the history and counts it against rate limits; a `Deny` counts
    /// towards the circuit breaker; `RequireApproval` changes nothing (apply the `Allow` of
    /// [`Policy::evaluate_approved`] once the approval is verified).
    ///
    /// A state is bound to the first policy it is applied with; evaluating it against another
    /// policy denies with `policy.session_mismatch`.
    pub fn apply(&mut self, policy: &Policy, call: &ToolCall, decision: &Decision, now_ms: u64) {
        let inner = policy.inner();
        if inner.unavailable.is_some() {
            return;
        }
        if self.policy_id == 0 {
            self.policy_id = inner.id;
        } else if self.policy_id != inner.id {
            return;
        }
        match decision {
            Decision::Allow { effects, .. } => {
                for tag in &effects.remove_taints {
                    if let Some(slot) = inner
                        .taint_index
                        .get(tag.as_str())
                        .and_then(|&id| self.taints.get_mut(id as usize))
                    {
                        *slot = 0;
                    }
                }
                for grant in &effects.add_taints {
                    if let Some(&id) = inner.taint_index.get(grant.tag.as_str()) {
                        let id = id as usize;
                        if self.taints.len() <= id {
                            self.taints.resize(inner.taint_names.len().max(id + 1), 0);
                        }
                        let until = grant
                            .ttl_seconds
                            .map_or(u64::MAX, |s| now_ms.saturating_add(s.saturating_mul(1_000)));
                        // A live taint never shrinks: taints leave only by removal or expiry.
                        let current = self.taints[id];
                        self.taints[id] = if current > now_ms {
                            current.max(until)
                        } else {
                            until
                        };
                    }
                }
                let plan = inner.plan(&call.tool);
                let tool = plan.map_or(UNKNOWN_TOOL, |p| p.tool);
                self.record(inner.history, tool);
                if let Some(plan) = plan {
                    if inner.tracks_ever {
                        let word = plan.tool as usize / 64;
                        if self.ever_tools.len() <= word {
                            self.ever_tools.resize(word + 1, 0);
                        }
                        self.ever_tools[word] |= 1u64 << (plan.tool % 64);
                        self.ever_classes |= plan.class_mask;
                    }
                    for &slot in &plan.rate_slots {
                        let Some(rule) = inner.rate_rules.get(slot as usize) else {
                            continue;
                        };
                        if self.rates.len() <= slot as usize {
                            self.rates.resize(inner.rate_rules.len(), VecDeque::new());
                        }
                        let times = &mut self.rates[slot as usize];
                        times.push_back(now_ms);
                        let keep = (rule.max as usize).max(1);
                        let span = rule.window_ms.max(rule.cooldown_ms);
                        while times.len() > keep
                            || (times.len() > 1
                                && times.front().is_some_and(|&t| !within(t, now_ms, span)))
                        {
                            times.pop_front();
                        }
                    }
                }
            }
            Decision::Deny { .. } => {
                let Some(breaker) = &inner.breaker else {
                    return;
                };
                if self.tripped_at.is_some() {
                    if self.breaker_open(breaker, now_ms) {
                        return;
                    }
                    self.tripped_at = None;
                    self.denials.clear();
                }
                while self
                    .denials
                    .front()
                    .is_some_and(|&t| !within(t, now_ms, breaker.window_ms))
                {
                    self.denials.pop_front();
                }
                self.denials.push_back(now_ms);
                if self.denials.len() >= breaker.max_denials as usize {
                    self.tripped_at = Some(now_ms);
                }
            }
            Decision::RequireApproval { .. } => {}
        }
    }

    /// Closes the circuit breaker and forgets the denials counted towards it.
    pub fn reset_breaker(&mut self) {
        self.tripped_at = None;
        self.denials.clear();
    }

    fn record(&mut self, capacity: usize, tool: u32) {
        if capacity == 0 {
            return;
        }
        if self.history.len() != capacity {
            self.history = vec![UNKNOWN_TOOL; capacity];
            self.head = 0;
            self.len = 0;
        }
        self.history[self.head] = tool;
        self.head = (self.head + 1) % capacity;
        self.len = (self.len + 1).min(capacity);
    }
}

/// A place that keeps session states and decides calls against them atomically per session.
///
/// [`Sessions`] keeps them in memory; a shared store (Redis, a database) can implement this trait
/// later without changing callers.
pub trait SessionStore: Send + Sync {
    /// Evaluates `call` for `session` at `now_ms` and applies the decision to the session's
    /// state, atomically with respect to other calls of the same session.
    fn check(&self, session: &SessionId, call: &ToolCall, now_ms: u64) -> Decision;

    /// Like [`SessionStore::check`] for a call whose approval (a verified permit bound to
    /// exactly `call`) the caller holds: see [`Policy::evaluate_approved`].
    fn check_approved(&self, session: &SessionId, call: &ToolCall, now_ms: u64) -> Decision;

    /// The session's taints at `now_ms`, sorted (empty for an unknown session).
    fn taints(&self, session: &SessionId, now_ms: u64) -> Vec<String>;

    /// Forgets everything about `session`: taints, history, counters, circuit breaker.
    fn reset(&self, session: &SessionId);
}

/// Bounds of a [`Sessions`] store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionLimits {
    /// A session idle for longer than this (ms) is forgotten.
    pub ttl_ms: u64,
    /// Most sessions kept at once. When full, expired sessions are dropped; if none are, calls
    /// of new sessions are denied (`policy.too_many_sessions`) rather than evicting a live
    /// session, which would drop its taints.
    pub max_sessions: usize,
}

impl Default for SessionLimits {
    /// One hour of idleness, 100 000 sessions.
    fn default() -> Self {
        SessionLimits {
            ttl_ms: 3_600_000,
            max_sessions: 100_000,
        }
    }
}

struct Slot {
    state: Mutex<SessionState>,
    last_seen: Mutex<u64>,
}

/// An in-memory, bounded [`SessionStore`] for one policy.
///
/// # Examples
///
/// ```
/// use agentsentinel_policy::{Policy, SessionStore, Sessions};
/// use agentsentinel_core::{SessionId, ToolCall};
/// let policy = Policy::from_yaml(
///     "taintRules:\n  - {tool: read_customer_data, action: ADD_TAINT, tag: pii}\n  - {tool: export_analytics, action: CHECK_TAINT, forbiddenTags: [pii]}\n",
///     "p.yaml",
/// )?;
/// let sessions = Sessions::new(policy);
/// let s = SessionId::new("s1");
/// let export = ToolCall::new("export_analytics", serde_json::json!({}));
/// assert!(sessions.check(&s, &export, 0).is_allow());
/// sessions.check(&s, &ToolCall::new("read_customer_data", serde_json::json!({})), 1);
/// assert!(sessions.check(&s, &export, 2).is_deny());
/// # Ok::<(), agentsentinel_policy::PolicyError>(())
/// ```
pub struct Sessions {
    policy: Policy,
    limits: SessionLimits,
    slots: Mutex<FastMap<SessionId, Arc<Slot>>>,
}

impl Sessions {
    /// A store for `policy` with [`SessionLimits::default`].
    #[must_use]
    pub fn new(policy: Policy) -> Self {
        Sessions::with_limits(policy, SessionLimits::default())
    }

    /// A store for `policy` with explicit bounds.
    #[must_use]
    pub fn with_limits(policy: Policy, limits: SessionLimits) -> Self {
        Sessions {
            policy,
            limits,
            slots: Mutex::new(FastMap::default()),
        }
    }

    /// The policy this store decides with.
    #[must_use]
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Number of sessions currently kept.
    #[must_use]
    pub fn len(&self) -> usize {
        self.slots.lock().len()
    }

    /// Whether no session is kept.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn slot(&self, session: &SessionId, now_ms: u64) -> Option<Arc<Slot>> {
        let mut slots = self.slots.lock();
        if let Some(slot) = slots.get(session) {
            let expired = now_ms.saturating_sub(*slot.last_seen.lock()) > self.limits.ttl_ms;
            if !expired {
                return Some(slot.clone());
            }
            slots.remove(session);
        }
        if slots.len() >= self.limits.max_sessions {
            let ttl = self.limits.ttl_ms;
            slots.retain(|_, slot| now_ms.saturating_sub(*slot.last_seen.lock()) <= ttl);
            if slots.len() >= self.limits.max_sessions {
                return None;
            }
        }
        let slot = Arc::new(Slot {
            state: Mutex::new(SessionState::new()),
            last_seen: Mutex::new(now_ms),
        });
        slots.insert(session.clone(), slot.clone());
        Some(slot)
    }
}

impl Sessions {
    fn decide_and_apply(
        &self,
        session: &SessionId,
        call: &ToolCall,
        now_ms: u64,
        approved: bool,
    ) -> Decision {
        let Some(slot) = self.slot(session, now_ms) else {
            return Decision::deny_error(
                codes::TOO_MANY_SESSIONS,
                format!(
                    "the session store is full ({} live sessions)",
                    self.limits.max_sessions
                ),
            );
        };
        let mut state = slot.state.lock();
        {
            let mut seen = slot.last_seen.lock();
            *seen = (*seen).max(now_ms);
        }
        let decision = if approved {
            self.policy.evaluate_approved(&state, call, now_ms)
        } else {
            self.policy.evaluate(&state, call, now_ms)
        };
        state.apply(&self.policy, call, &decision, now_ms);
        decision
    }
}

impl SessionStore for Sessions {
    fn check(&self, session: &SessionId, call: &ToolCall, now_ms: u64) -> Decision {
        self.decide_and_apply(session, call, now_ms, false)
    }

    fn check_approved(&self, session: &SessionId, call: &ToolCall, now_ms: u64) -> Decision {
        self.decide_and_apply(session, call, now_ms, true)
    }

    fn taints(&self, session: &SessionId, now_ms: u64) -> Vec<String> {
        let slot = self.slots.lock().get(session).cloned();
        slot.map(|slot| slot.state.lock().taints(&self.policy, now_ms))
            .unwrap_or_default()
    }

    fn reset(&self, session: &SessionId) {
        self.slots.lock().remove(session);
    }
}
