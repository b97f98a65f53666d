//! The one place this crate asks for randomness.

use crate::error::{ErrorKind, PermitError};

/// Fills `buf` from the operating system's random source (`getrandom`; on WebAssembly its
/// `wasm_js` backend, `crypto.getRandomValues`).
///
/// A failure is an error, never a panic and never a weaker fallback.
pub(crate) fn fill(buf: &mut [u8]) -> Result<(), PermitError> {
    getrandom::fill(buf).map_err(|_| PermitError::new(ErrorKind::RandomSource))
}
