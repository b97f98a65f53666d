//! The one error type of the input shield, shared by every part of the crate (detector, canaries,
//! spotlighting): add a kind here rather than a second error type.

use agentsentinel_core::Diagnostic;
use thiserror::Error;

/// Something the input shield could not do.
///
/// Callers match on [`Diagnostic::code`] (stable, listed in the crate README), never on the
/// message text:
///
/// | code | meaning |
/// |------|---------|
/// | `input_shield.random_unavailable` | the operating system's random source failed |
/// | `input_shield.invalid_canary_token` | a token given to `CanaryToken::parse` is not a canary token |
/// | `input_shield.too_many_canaries` | a `CanaryManager` already holds `MAX_LIVE_CANARIES` tokens |
/// | `input_shield.unknown_spotlight_mode` | a mode name is not `delimit`, `datamark` or `base64` |
/// | `input_shield.unknown_rule` | a rule id given to the builder names no rule |
/// | `input_shield.duplicate_rule` | two rules given to the builder share an id |
/// | `input_shield.invalid_rule` | a custom rule has a bad id, weight or no usable terms |
/// | `input_shield.invalid_threshold` | a block threshold is above 100 |
/// | `input_shield.empty_allow_phrase` | an allowlist phrase normalises to nothing |
///
/// # Examples
///
/// ```
/// use agentsentinel_core::Diagnostic;
/// use agentsentinel_input_shield::CanaryToken;
/// let err = CanaryToken::parse("hello").unwrap_err();
/// assert_eq!(err.code(), "input_shield.invalid_canary_token");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct ShieldError {
    kind: ErrorKind,
}

/// Private so that kinds can change freely; callers use `code()`.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum ErrorKind {
    #[error("the operating system's random source failed: {0}")]
    RandomUnavailable(String),
    #[error("`{token}` is not a canary token: {reason}")]
    InvalidCanaryToken { token: String, reason: &'static str },
    #[error("a canary manager holds at most {0} live tokens")]
    TooManyCanaries(usize),
    #[error("unknown spotlight mode `{0}`; expected `delimit`, `datamark` or `base64`")]
    UnknownSpotlightMode(String),
    #[error("unknown rule `{0}`")]
    UnknownRule(String),
    #[error("rule `{0}` is defined twice")]
    DuplicateRule(String),
    #[error("rule `{id}` is invalid: {reason}")]
    InvalidRule { id: String, reason: &'static str },
    #[error("block threshold {0} is above 100")]
    InvalidThreshold(u8),
    #[error("allowlist phrase `{0}` is empty after normalisation")]
    EmptyAllowPhrase(String),
}

impl ShieldError {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        ShieldError { kind }
    }
}

impl Diagnostic for ShieldError {
    fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::RandomUnavailable(_) => "input_shield.random_unavailable",
            ErrorKind::InvalidCanaryToken { .. } => "input_shield.invalid_canary_token",
            ErrorKind::TooManyCanaries(_) => "input_shield.too_many_canaries",
            ErrorKind::UnknownSpotlightMode(_) => "input_shield.unknown_spotlight_mode",
            ErrorKind::UnknownRule(_) => "input_shield.unknown_rule",
            ErrorKind::DuplicateRule(_) => "input_shield.duplicate_rule",
            ErrorKind::InvalidRule { .. } => "input_shield.invalid_rule",
            ErrorKind::InvalidThreshold(_) => "input_shield.invalid_threshold",
            ErrorKind::EmptyAllowPhrase(_) => "input_shield.empty_allow_phrase",
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self.kind {
            ErrorKind::RandomUnavailable(_) => {
                "retry later; in WebAssembly, run where `crypto.getRandomValues` is available"
                    .to_owned()
            }
            ErrorKind::InvalidCanaryToken { .. } => {
                "pass a token issued by `CanaryManager::issue`, such as `CANARY-` followed by 20 \
                 base32 characters"
                    .to_owned()
            }
            ErrorKind::TooManyCanaries(_) => {
                "revoke tokens that are no longer in use, or use one manager per tenant".to_owned()
            }
            ErrorKind::UnknownSpotlightMode(_) => {
                "use `delimit`, `datamark` or `base64`".to_owned()
            }
            ErrorKind::UnknownRule(_) => {
                "list the built-in rule ids with `InputShield::rules()`".to_owned()
            }
            ErrorKind::DuplicateRule(_) => {
                "give the custom rule its own id, or disable the built-in rule first".to_owned()
            }
            ErrorKind::InvalidRule { .. } => {
                "use a dotted lowercase id, a weight of 1 to 100 and at least one non-empty term"
                    .to_owned()
            }
            ErrorKind::InvalidThreshold(_) => "use a threshold from 1 to 100".to_owned(),
            ErrorKind::EmptyAllowPhrase(_) => {
                "use a phrase with at least one letter or digit".to_owned()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        let err = ShieldError::new(ErrorKind::RandomUnavailable("boom".into()));
        assert_eq!(err.code(), "input_shield.random_unavailable");
        assert_eq!(
            err.to_string(),
            "the operating system's random source failed: boom"
        );
        assert!(err.help().is_some());
    }
}
