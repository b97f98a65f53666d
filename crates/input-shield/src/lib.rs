//! agentsentinel-input-shield (being built).
#![forbid(unsafe_code)]

mod canary;
mod encoding;
mod error;
mod random;
mod skeleton;
mod spotlight;

pub use canary::{
    CANARY_PREFIX, CanaryLeak, CanaryManager, CanaryToken, LeakKind, MAX_LIVE_CANARIES,
};
pub use error::ShieldError;
pub use spotlight::{SpotlightMode, Spotlighted, Spotlighter, spotlight};
