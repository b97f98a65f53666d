//! WebAssembly bindings of AgentSentinel (wasm-bindgen), for browsers and Node.
//!
//! Thin by design: each function converts its arguments, makes one call into `agentsentinel`,
//! and converts the result back (`convert.rs`). Errors become JS `Error`s whose `code` is our
//! stable code in `convert::to_js_err` and nowhere else. Randomness (canary tokens, spotlight
//! boundaries, permit nonces) comes from `crypto.getRandomValues`; clocks default to
//! `Date.now()`.
//!
//! One crate, three WebAssembly modules (README, Size): the feature `text` builds the module
//! every page loads (`text.rs`: shield with the full rule library, canaries, spotlighting,
//! fingerprints); `policy` the policy engine (`policy.rs`) and `permit` canonical action hashes,
//! permit verification and minting (`permit.rs`), each loaded only where it is needed. Native
//! builds take every feature, so clippy and the tests see all of it.
#![deny(unsafe_code)]

mod convert;
#[cfg(feature = "permit")]
mod permit;
#[cfg(feature = "policy")]
mod policy;
#[cfg(feature = "text")]
mod text;

#[cfg(feature = "permit")]
pub use permit::*;
#[cfg(feature = "policy")]
pub use policy::{Policy, Sessions};
#[cfg(feature = "text")]
pub use text::*;
use wasm_bindgen::prelude::*;

/// The version of AgentSentinel.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    agentsentinel::version().to_owned()
}
