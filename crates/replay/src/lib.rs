#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(clippy::disallowed_methods)]

mod error;
mod guard;

pub use error::ReplayError;
pub use guard::{BYTES_PER_SLOT, Nonce, ReplayGuard, ReplayStats};
