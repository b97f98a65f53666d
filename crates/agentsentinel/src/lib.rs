#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]

mod error;

pub use agentsentinel_core as core;
#[cfg(feature = "input-shield")]
pub use agentsentinel_input_shield as input_shield;
#[cfg(feature = "permit")]
pub use agentsentinel_permit as permit;
#[cfg(feature = "policy")]
pub use agentsentinel_policy as policy;
#[cfg(feature = "replay")]
pub use agentsentinel_replay as replay;
pub use agentsentinel_core::{
    Assessment, Decision, Diagnostic, Finding, Location, SessionId, Span, ThreatCategory,
    ThreatLevel, ToolCall, render,
};
pub use error::Error;

/// The version of AgentSentinel, as in `Cargo.toml` (the same in every binding).
///
/// # Examples
///
/// ```
/// assert_eq!(agentsentinel::version(), env!("CARGO_PKG_VERSION"));
/// ```
#[must_use]
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// SHA-256 of `text`'s UTF-8 bytes as 64 lowercase hex digits: the `fingerprint` of every
/// [`Assessment`], identical in Rust, Python, Node and WebAssembly.
///
/// # Examples
///
/// ```
/// let id = agentsentinel::fingerprint("hello");
/// assert_eq!(id, "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
/// ```
#[must_use]
pub fn fingerprint(text: &str) -> String {
    agentsentinel_core::fingerprint(text)
}

// The workspace README's Rust examples compile and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
struct WorkspaceReadme;
