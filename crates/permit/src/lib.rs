#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(clippy::disallowed_methods)]

mod base64;
mod error;
mod jcs;
mod keys;
mod number;
mod random;
mod token;
mod writer;

pub use error::PermitError;
pub use jcs::{
    ActionHash, CanonicalLimits, action_hash, action_hash_value, action_hash_with, canonicalize,
    canonicalize_value, canonicalize_with,
};
pub use keys::{
    DangerousPermitVerifier, KeyRing, MIN_SECRET_LEN, PermitSigner, PermitVerifier, generate_secret,
};
pub use number::format_number;
pub use token::{
    Algorithm, MAX_CLAIM_LEN, MAX_KEY_ID_LEN, MAX_MINT_TTL, MAX_TOKEN_LEN, Permit, PermitClaims,
};
pub use writer::CanonicalWriter;
pub use zeroize::Zeroizing;
