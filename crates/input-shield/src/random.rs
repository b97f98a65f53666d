//! The one place randomness comes from.
//!
//! Everything random in this crate (canary tokens, spotlight boundaries and markers) is drawn
//! here, so a target only has to teach this function where its entropy lives: the OS on native
//! targets, `crypto.getRandomValues` in WebAssembly (through getrandom's `wasm_js` support).

use crate::error::{ErrorKind, ShieldError};

/// Fills `buf` from the operating system's random source.
///
/// A failure is an error, never a panic and never a weaker fallback: a predictable canary or
/// boundary would silently defeat its purpose.
pub(crate) fn fill(buf: &mut [u8]) -> Result<(), ShieldError> {
    getrandom::fill(buf)
        .map_err(|err| ShieldError::new(ErrorKind::RandomUnavailable(err.to_string())))
}

/// Crockford's base32 alphabet: no `I`, `L`, `O` or `U`, so tokens survive being read aloud.
pub(crate) const BASE32: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// `len` base32 characters taken from the bits of `bytes`, most significant first. Needs
/// `bytes.len() * 8 >= len * 5`; missing bits read as zero.
pub(crate) fn base32(bytes: &[u8], len: usize) -> String {
    let mut out = String::with_capacity(len);
    for i in 0..len {
        let mut value = 0usize;
        for bit in i * 5..i * 5 + 5 {
            let byte = bytes.get(bit / 8).copied().unwrap_or(0);
            value = (value << 1) | usize::from((byte >> (7 - bit % 8)) & 1);
        }
        out.push(char::from(BASE32[value]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_with_different_bytes_each_time() {
        let (mut a, mut b) = ([0u8; 16], [0u8; 16]);
        fill(&mut a).unwrap();
        fill(&mut b).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn base32_reads_bits_most_significant_first() {
        assert_eq!(base32(&[0xFF, 0x00], 3), "ZW0");
        assert_eq!(base32(&[0x00], 2), "00");
    }
}
