#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(clippy::disallowed_methods)]

mod canary;
mod detect;
mod disowned;
mod encoding;
mod engine;
mod error;
mod library;
mod normalize;
mod random;
mod rule;
mod shield;
mod skeleton;
mod sort;
mod spotlight;
mod trie;

pub use canary::{
    CANARY_PREFIX, CanaryLeak, CanaryManager, CanaryToken, LeakKind, MAX_LIVE_CANARIES,
};
pub use error::ShieldError;
pub use rule::{Detector, Matcher, Rule};
pub use shield::{
    DEFAULT_BLOCK_THRESHOLD, IndexedAssessment, IndexedFinding, InputShield, InputShieldBuilder,
    MAX_DECODE_DEPTH,
};
pub use spotlight::{SpotlightMode, Spotlighted, Spotlighter, spotlight};
