//! The compiled policy: one plan per tool, and the evaluation loop over it.

use std::sync::Arc;

use agentsentinel_core::{Decision, Effects, ToolCall};

use crate::compile::Target;
use crate::condition::{Cond, EvalCx, mask_of};
use crate::error::codes;
use crate::session::SessionState;
use crate::trace::Tracer;
use crate::util::FastMap;

/// Everything evaluation needs, built once at load time and never changed.
#[derive(Debug)]
pub(crate) struct Inner {
    /// Distinguishes policies so a session state is never read against another policy's ids.
    pub id: u64,
    pub origin: String,
    /// `Some(reason)` for [`crate::Policy::deny_all`]: every call is denied with this reason.
    pub unavailable: Option<String>,
    pub default_allow: bool,
    pub index: FastMap<Box<str>, u32>,
    pub plans: Vec<ToolPlan>,
    pub tool_masks: Vec<u64>,
    pub tool_names: Vec<String>,
    pub taint_index: FastMap<Box<str>, u32>,
    pub taint_names: Vec<String>,
    pub rules: Vec<String>,
    pub rate_rules: Vec<RateRule>,
    pub breaker: Option<Breaker>,
    /// How many past calls any rule looks back over.
    pub history: usize,
    /// Whether some `called` condition has no `within` (looks at the whole session).
    pub tracks_ever: bool,
    pub empty_effects: Effects,
}

/// The rules that can apply to one tool, in evaluation order.
#[derive(Debug)]
pub(crate) struct ToolPlan {
    pub tool: u32,
    pub class_mask: u64,
    pub deny: Option<(u32, String)>,
    pub allow: Option<(u32, String)>,
    pub checks: Vec<Check>,
    pub approvals: Vec<Approval>,
    pub effects: Effects,
    pub rate_slots: Vec<u32>,
    /// No checks and no approvals: the decision depends on the static rules alone.
    pub no_checks: bool,
}

impl ToolPlan {
    pub(crate) fn empty(tool: u32, class_mask: u64) -> Self {
        ToolPlan {
            tool,
            class_mask,
            deny: None,
            allow: None,
            checks: Vec::new(),
            approvals: Vec::new(),
            effects: Effects::default(),
            rate_slots: Vec::new(),
            no_checks: true,
        }
    }
}

#[derive(Debug)]
pub(crate) enum Check {
    Taint {
        rule: u32,
        forbidden: Box<[u32]>,
        reasons: Box<[String]>,
    },
    DenyIf {
        rule: u32,
        cond: Arc<Cond>,
        reason: String,
    },
    AllowIf {
        rule: u32,
        cond: Arc<Cond>,
        reason: String,
    },
    Sequence {
        rule: u32,
        steps: Arc<[Target]>,
        max_distance: u32,
        approval: bool,
        reason: String,
    },
    Rate {
        rule: u32,
        slot: u32,
        reason_limit: String,
        reason_cooldown: String,
    },
}

#[derive(Debug)]
pub(crate) struct Approval {
    pub rule: u32,
    pub when: Option<Arc<Cond>>,
    pub reason: String,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct RateRule {
    pub max: u32,
    pub window_ms: u64,
    pub cooldown_ms: u64,
}

#[derive(Debug)]
pub(crate) struct Breaker {
    pub rule: u32,
    pub max_denials: u32,
    pub window_ms: u64,
    pub reset_after_ms: Option<u64>,
    pub reason: String,
}

impl Inner {
    fn rule(&self, index: u32) -> String {
        self.rules
            .get(index as usize)
            .cloned()
            .unwrap_or_else(|| "error".to_owned())
    }

    pub(crate) fn plan(&self, tool: &str) -> Option<&ToolPlan> {
        let id = *self.index.get(tool)?;
        self.plans.get(id as usize)
    }

    /// The decision for `call`; `tracer` sees every rule consulted (a no-op in `evaluate`).
    #[expect(
        clippy::too_many_lines,
        reason = "the evaluation order reads best as one function"
    )]
    pub(crate) fn decide<T: Tracer>(
        &self,
        state: &SessionState,
        call: &ToolCall,
        now_ms: u64,
        approved: bool,
        tracer: &mut T,
    ) -> Decision {
        if let Some(reason) = &self.unavailable {
            tracer.note("error", "deny", || reason.clone());
            return Decision::deny_error(codes::UNAVAILABLE, reason.clone());
        }
        if state.policy_id() != 0 && state.policy_id() != self.id {
            let reason = "the session state belongs to another policy; start a new session";
            tracer.note("error", "deny", || reason.to_owned());
            return Decision::deny_error(codes::SESSION_MISMATCH, reason);
        }
        if let Some(breaker) = &self.breaker {
            if state.breaker_open(breaker, now_ms) {
                tracer.note(&self.rules[breaker.rule as usize], "deny", || {
                    breaker.reason.clone()
                });
                return Decision::deny(self.rule(breaker.rule), breaker.reason.clone());
            }
            tracer.note(&self.rules[breaker.rule as usize], "pass", || {
                "circuit breaker closed".to_owned()
            });
        }
        let Some(plan) = self.plan(&call.tool) else {
            return self.default_decision(call, tracer);
        };
        if let Some((rule, reason)) = &plan.deny {
            tracer.note(&self.rules[*rule as usize], "deny", || reason.clone());
            return Decision::deny(self.rule(*rule), reason.clone());
        }
        // Approval only gates a call that would otherwise be allowed: it never makes a call that
        // nothing allows approvable.
        let allowable = plan.allow.is_some() || self.default_allow;
        if !plan.no_checks {
            let cx = EvalCx {
                args: &call.args,
                state,
                class_masks: &self.tool_masks,
                now_ms,
            };
            for check in &plan.checks {
                match check {
                    Check::Taint {
                        rule,
                        forbidden,
                        reasons,
                    } => {
                        if let Some(i) = forbidden.iter().position(|&t| state.has_taint(t, now_ms))
                        {
                            tracer.note(&self.rules[*rule as usize], "deny", || reasons[i].clone());
                            return Decision::deny(self.rule(*rule), reasons[i].clone());
                        }
                        tracer.note(&self.rules[*rule as usize], "pass", || {
                            "no forbidden taint".to_owned()
                        });
                    }
                    Check::DenyIf { rule, cond, reason } => {
                        if cond.eval(&cx) {
                            tracer.note(&self.rules[*rule as usize], "deny", || reason.clone());
                            return Decision::deny(self.rule(*rule), reason.clone());
                        }
                        tracer.note(&self.rules[*rule as usize], "pass", || {
                            "`deny_if` did not match".to_owned()
                        });
                    }
                    Check::AllowIf { rule, cond, reason } => {
                        if !cond.eval(&cx) {
                            tracer.note(&self.rules[*rule as usize], "deny", || reason.clone());
                            return Decision::deny(self.rule(*rule), reason.clone());
                        }
                        tracer.note(&self.rules[*rule as usize], "pass", || {
                            "`allow_if` matched".to_owned()
                        });
                    }
                    Check::Sequence {
                        rule,
                        steps,
                        max_distance,
                        approval,
                        reason,
                    } => {
                        if sequence_matches(steps, *max_distance as usize, state, &self.tool_masks)
                        {
                            if *approval && (approved || !allowable) {
                                tracer.note(&self.rules[*rule as usize], "pass", || {
                                    if approved {
                                        "sequence completed; the call is approved".to_owned()
                                    } else {
                                        "sequence completed, but nothing allows the call".to_owned()
                                    }
                                });
                                continue;
                            }
                            if *approval {
                                tracer.note(
                                    &self.rules[*rule as usize],
                                    "require_approval",
                                    || reason.clone(),
                                );
                                return Decision::RequireApproval {
                                    rule: self.rule(*rule),
                                    reason: reason.clone(),
                                    call: call.clone(),
                                };
                            }
                            tracer.note(&self.rules[*rule as usize], "deny", || reason.clone());
                            return Decision::deny(self.rule(*rule), reason.clone());
                        }
                        tracer.note(&self.rules[*rule as usize], "pass", || {
                            "sequence not completed".to_owned()
                        });
                    }
                    Check::Rate {
                        rule,
                        slot,
                        reason_limit,
                        reason_cooldown,
                    } => {
                        let Some(spec) = self.rate_rules.get(*slot as usize) else {
                            return Decision::deny_error(
                                codes::INTERNAL,
                                "internal rate-limit slot missing",
                            );
                        };
                        match state.rate_verdict(*slot, spec, now_ms) {
                            RateVerdict::Ok => {
                                tracer.note(&self.rules[*rule as usize], "pass", || {
                                    "within its rate limit".to_owned()
                                });
                            }
                            RateVerdict::Limit => {
                                tracer.note(&self.rules[*rule as usize], "deny", || {
                                    reason_limit.clone()
                                });
                                return Decision::deny(self.rule(*rule), reason_limit.clone());
                            }
                            RateVerdict::Cooldown => {
                                tracer.note(&self.rules[*rule as usize], "deny", || {
                                    reason_cooldown.clone()
                                });
                                return Decision::deny(self.rule(*rule), reason_cooldown.clone());
                            }
                        }
                    }
                }
            }
            for approval in plan.approvals.iter().filter(|_| allowable && !approved) {
                if approval.when.as_ref().is_none_or(|c| c.eval(&cx)) {
                    tracer.note(
                        &self.rules[approval.rule as usize],
                        "require_approval",
                        || approval.reason.clone(),
                    );
                    return Decision::RequireApproval {
                        rule: self.rule(approval.rule),
                        reason: approval.reason.clone(),
                        call: call.clone(),
                    };
                }
                tracer.note(&self.rules[approval.rule as usize], "pass", || {
                    "`when` did not match".to_owned()
                });
            }
        }
        if let Some((rule, reason)) = &plan.allow {
            tracer.note(&self.rules[*rule as usize], "allow", || reason.clone());
            return Decision::Allow {
                rule: self.rule(*rule),
                reason: reason.clone(),
                effects: plan.effects.clone(),
            };
        }
        self.default_decision(call, tracer)
    }

    fn default_decision<T: Tracer>(&self, call: &ToolCall, tracer: &mut T) -> Decision {
        if self.default_allow {
            let reason = format!("no rule names `{}` and the default is ALLOW", call.tool);
            tracer.note("default", "allow", || reason.clone());
            return Decision::Allow {
                rule: "default".to_owned(),
                reason,
                effects: self.empty_effects.clone(),
            };
        }
        let reason = format!("no rule allows `{}`", call.tool);
        tracer.note("default", "deny", || reason.clone());
        Decision::deny("default", reason)
    }
}

pub(crate) enum RateVerdict {
    Ok,
    Limit,
    Cooldown,
}

/// Whether the recent history ends with `steps` in order (the current call completes the
/// sequence), each step at most `max_distance` calls before the next.
fn sequence_matches(
    steps: &[Target],
    max_distance: usize,
    state: &SessionState,
    masks: &[u64],
) -> bool {
    let Some((&nearest, earlier)) = steps.split_last() else {
        return false;
    };
    let hit = |target: Target, distance: usize| {
        state
            .history_at(distance)
            .is_some_and(|tool| target.matches(tool, mask_of(masks, tool)))
    };
    if earlier.is_empty() {
        return (1..=max_distance).any(|d| hit(nearest, d));
    }
    // Distances (1 = the previous call) at which the steps matched so far, ascending.
    let mut frontier: Vec<usize> = (1..=max_distance).filter(|&d| hit(nearest, d)).collect();
    for &target in earlier.iter().rev() {
        if frontier.is_empty() {
            return false;
        }
        let mut next = Vec::new();
        let lowest = frontier[0] + 1;
        let highest = frontier[frontier.len() - 1] + max_distance;
        let mut below = 0; // index of the largest frontier entry below `d`
        for d in lowest..=highest {
            while below + 1 < frontier.len() && frontier[below + 1] < d {
                below += 1;
            }
            if frontier[below] < d && d - frontier[below] <= max_distance && hit(target, d) {
                next.push(d);
            }
        }
        frontier = next;
    }
    !frontier.is_empty()
}
