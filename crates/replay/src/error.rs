//! Why a nonce was refused.

use agentsentinel_core::Diagnostic;
use thiserror::Error;

/// A nonce was refused by a [`crate::ReplayGuard`]. Every refusal fails closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The nonce was recorded before: this is a replay.
    #[error("nonce was already used")]
    Replayed,
    /// Every slot holds a nonce that has not expired yet; recording one more would mean forgetting
    /// a live nonce, which would reopen its replay.
    #[error("replay guard is full of unexpired nonces (capacity {capacity})")]
    CapacityExhausted {
        /// The guard's capacity.
        capacity: usize,
    },
    /// `expires_at` is not after `now`: the guard cannot vouch for a nonce it may already have
    /// forgotten.
    #[error("nonce expired at {expires_at} (now {now})")]
    Expired {
        /// The expiry handed in.
        expires_at: u64,
        /// The clock handed in.
        now: u64,
    },
    /// `expires_at` is further ahead than the guard's window allows.
    #[error("nonce expiry {expires_at} is more than {window} s after now ({now})")]
    ExpiryTooFar {
        /// The expiry handed in.
        expires_at: u64,
        /// The clock handed in.
        now: u64,
        /// The guard's window in seconds.
        window: u64,
    },
}

impl Diagnostic for ReplayError {
    fn code(&self) -> &'static str {
        match self {
            ReplayError::Replayed => "replay.replayed",
            ReplayError::CapacityExhausted { .. } => "replay.capacity_exhausted",
            ReplayError::Expired { .. } => "replay.expired",
            ReplayError::ExpiryTooFar { .. } => "replay.expiry_too_far",
        }
    }

    fn help(&self) -> Option<String> {
        Some(
            match self {
                ReplayError::Replayed => "a nonce is valid once; ask for a fresh one",
                ReplayError::CapacityExhausted { .. } => {
                    "raise the capacity or shorten lifetimes; live nonces are never evicted"
                }
                ReplayError::Expired { .. } => "ask for a fresh permit or message",
                ReplayError::ExpiryTooFar { .. } => {
                    "shorten the lifetime or create the guard with a longer window"
                }
            }
            .to_owned(),
        )
    }
}
