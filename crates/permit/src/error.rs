//! The one error type of this crate, with stable codes.

use agentsentinel_core::{Diagnostic, Span};
use thiserror::Error;

/// Canonicalising an action, minting or verifying a permit failed.
///
/// Match on [`Diagnostic::code`] (listed in the crate README), never on the message. No variant
/// ever carries secret key bytes.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{kind}")]
pub struct PermitError {
    kind: ErrorKind,
}

/// Why an operation failed. Private: callers match on the code, so kinds can change freely.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum ErrorKind {
    #[error("invalid JSON at byte {offset}: {what}")]
    InvalidJson { offset: usize, what: &'static str },
    #[error("duplicate object key `{key}` at byte {offset}")]
    DuplicateKey { offset: usize, key: String },
    #[error("lone surrogate escape at byte {offset}; strings must be valid Unicode")]
    LoneSurrogate { offset: usize },
    #[error("integer `{text}` at byte {offset} is outside ±(2^53 − 1)")]
    NumberOutOfRange { offset: usize, text: String },
    #[error("number at byte {offset} is not finite")]
    NonFiniteNumber { offset: usize },
    #[error("nesting deeper than {limit} at byte {offset}")]
    TooDeep { offset: usize, limit: usize },
    #[error("input is {size} bytes, more than the limit of {limit}")]
    TooLarge { size: usize, limit: usize },
    #[error("`{path}` is the integer `{text}`, outside ±(2^53 − 1)")]
    ValueOutOfRange { path: String, text: String },
    #[error("`{path}` is NaN or infinite, which JSON cannot hold")]
    NonFiniteValue { path: String },
    #[error("`{path}` is nested more than {limit} levels deep")]
    TooDeepValue { path: String, limit: usize },
    #[error("`{path}` has the key `{key}` twice")]
    DuplicateValueKey { path: String, key: String },
    #[error("malformed permit: {0}")]
    Malformed(&'static str),
    #[error("no key with id `{0}` in the key ring")]
    UnknownKey(String),
    #[error("permit signature does not verify")]
    BadSignature,
    #[error("permit expired at {expires_at} (now {now})")]
    Expired { expires_at: u64, now: u64 },
    #[error("permit is not valid before {issued_at} (now {now})")]
    NotYetValid { issued_at: u64, now: u64 },
    #[error("permit lifetime of {lifetime} s exceeds the maximum of {max} s")]
    LifetimeTooLong { lifetime: u64, max: u64 },
    #[error("permit was issued for a different action")]
    ActionMismatch,
    #[error("permit was already used")]
    Replayed,
    #[error("replay guard is full of unexpired permits")]
    ReplayCapacityExhausted,
    #[error("replay guard refused the permit: {0}")]
    ReplayRefused(&'static str),
    #[error("secret key is {len} bytes; at least 32 are required")]
    WeakKey { len: usize },
    #[error("key id must be 1 to 64 characters from `A-Z a-z 0-9 . _ -`")]
    InvalidKeyId,
    #[error("key id `{0}` appears twice in the key ring")]
    DuplicateKeyId(String),
    #[error("invalid key: {0}")]
    InvalidKey(&'static str),
    #[error("invalid claim `{claim}`: {reason}")]
    InvalidClaim {
        claim: &'static str,
        reason: &'static str,
    },
    #[error("the operating system random source failed")]
    RandomSource,
}

impl PermitError {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        PermitError { kind }
    }

    pub(crate) fn malformed(what: &'static str) -> Self {
        PermitError::new(ErrorKind::Malformed(what))
    }
}

impl From<ErrorKind> for PermitError {
    fn from(kind: ErrorKind) -> Self {
        PermitError::new(kind)
    }
}

impl Diagnostic for PermitError {
    fn code(&self) -> &'static str {
        match &self.kind {
            ErrorKind::InvalidJson { .. } => "permit.invalid_json",
            ErrorKind::DuplicateKey { .. } | ErrorKind::DuplicateValueKey { .. } => {
                "permit.duplicate_key"
            }
            ErrorKind::LoneSurrogate { .. } => "permit.lone_surrogate",
            ErrorKind::NumberOutOfRange { .. } | ErrorKind::ValueOutOfRange { .. } => {
                "permit.number_out_of_range"
            }
            ErrorKind::NonFiniteNumber { .. } | ErrorKind::NonFiniteValue { .. } => {
                "permit.non_finite_number"
            }
            ErrorKind::TooDeep { .. } | ErrorKind::TooDeepValue { .. } => "permit.too_deep",
            ErrorKind::TooLarge { .. } => "permit.too_large",
            ErrorKind::Malformed(_) => "permit.malformed",
            ErrorKind::UnknownKey(_) => "permit.unknown_key",
            ErrorKind::BadSignature => "permit.bad_signature",
            ErrorKind::Expired { .. } => "permit.expired",
            ErrorKind::NotYetValid { .. } => "permit.not_yet_valid",
            ErrorKind::LifetimeTooLong { .. } => "permit.lifetime_too_long",
            ErrorKind::ActionMismatch => "permit.action_mismatch",
            ErrorKind::Replayed => "permit.replayed",
            ErrorKind::ReplayCapacityExhausted => "permit.replay_capacity_exhausted",
            ErrorKind::ReplayRefused(_) => "permit.replay_refused",
            ErrorKind::WeakKey { .. } => "permit.weak_key",
            ErrorKind::InvalidKeyId => "permit.invalid_key_id",
            ErrorKind::DuplicateKeyId(_) => "permit.duplicate_key_id",
            ErrorKind::InvalidKey(_) => "permit.invalid_key",
            ErrorKind::InvalidClaim { .. } => "permit.invalid_claim",
            ErrorKind::RandomSource => "permit.random_source_failed",
        }
    }

    fn span(&self) -> Option<Span> {
        let offset = match &self.kind {
            ErrorKind::InvalidJson { offset, .. }
            | ErrorKind::DuplicateKey { offset, .. }
            | ErrorKind::LoneSurrogate { offset }
            | ErrorKind::NumberOutOfRange { offset, .. }
            | ErrorKind::NonFiniteNumber { offset }
            | ErrorKind::TooDeep { offset, .. } => *offset,
            _ => return None,
        };
        Some(Span::new(offset, offset + 1))
    }

    fn help(&self) -> Option<String> {
        let help = match &self.kind {
            ErrorKind::DuplicateKey { .. } | ErrorKind::DuplicateValueKey { .. } => {
                "give every key of an object once"
            }
            ErrorKind::LoneSurrogate { .. } => {
                "pair the surrogate escape or replace it with U+FFFD"
            }
            ErrorKind::NumberOutOfRange { .. } | ErrorKind::ValueOutOfRange { .. } => {
                "send integers beyond 2^53 − 1 as strings; doubles cannot tell them apart"
            }
            ErrorKind::TooDeep { .. }
            | ErrorKind::TooDeepValue { .. }
            | ErrorKind::TooLarge { .. } => {
                "send a smaller action or raise the limit in `CanonicalLimits`"
            }
            ErrorKind::UnknownKey(_) => "add the key to the verifier's key ring",
            ErrorKind::Expired { .. } => "ask for a new permit",
            ErrorKind::NotYetValid { .. } => "check the clocks of the signer and the verifier",
            ErrorKind::LifetimeTooLong { .. } => "mint the permit with a shorter ttl",
            ErrorKind::ActionMismatch => "ask for a permit for this exact action",
            ErrorKind::Replayed => "a permit is valid once; ask for a new one",
            ErrorKind::ReplayCapacityExhausted => {
                "raise the replay guard capacity or shorten permit lifetimes"
            }
            ErrorKind::WeakKey { .. } => "generate a key with `agentsentinel permit keygen`",
            ErrorKind::RandomSource => "retry; never fall back to a weaker random source",
            _ => return None,
        };
        Some(help.to_owned())
    }
}
