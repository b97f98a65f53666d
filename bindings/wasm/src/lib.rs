//! WebAssembly bindings of AgentSentinel (wasm-bindgen), for browsers and Node.
//!
//! Thin by design: each function converts its arguments, makes one call into `agentsentinel`,
//! and converts the result back (`convert.rs`). Errors become JS `Error`s whose `code` is our
//! stable code in `convert::to_js_err` and nowhere else. Randomness (canary tokens, spotlight
//! boundaries, permit nonces) comes from `crypto.getRandomValues`; clocks default to
//! `Date.now()`.
//!
//! One crate, three WebAssembly modules (README, Size): the feature `text` builds the module
//! every page loads (`text.rs`: shield, canaries, spotlighting, fingerprints, canonical hashes,
//! permit verification); `policy` the policy engine (`policy.rs`) and `signer` permit minting
//! (`signer.rs`), each loaded only where it is needed. Native builds take every feature, so
//! clippy and the tests see all of it.
#![deny(unsafe_code)]

mod convert;
#[cfg(feature = "policy")]
mod policy;
#[cfg(feature = "signer")]
mod signer;
#[cfg(feature = "text")]
mod text;

#[cfg(feature = "policy")]
pub use policy::{Policy, Sessions};
#[cfg(feature = "signer")]
pub use signer::{PermitSigner, generate_secret};
#[cfg(feature = "text")]
pub use text::*;
use wasm_bindgen::prelude::*;

/// The version of AgentSentinel.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    agentsentinel::version().to_owned()
}
