//! A stable identifier of a text.

use sha2::{Digest, Sha256};

/// SHA-256 of `text`'s UTF-8 bytes as 64 lowercase hex digits.
///
/// Every binding computes the same value for the same text (pinned by
/// `test-vectors/fingerprint/`). Linear in the length of `text`; never fails.
///
/// # Examples
///
/// ```
/// use agentsentinel_core::fingerprint;
/// assert_eq!(
///     fingerprint("hello"),
///     "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
/// );
/// ```
#[must_use]
pub fn fingerprint(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_has_the_well_known_digest() {
        assert_eq!(
            fingerprint(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
