//! Base64 and hex, just enough for canary patterns and spotlighting (no extra dependency).

const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Standard base64 (RFC 4648 §4) with `=` padding.
pub(crate) fn base64(bytes: &[u8]) -> String {
    encode_base64(bytes, STANDARD, true)
}

/// URL-safe base64 (RFC 4648 §5) without padding.
pub(crate) fn base64_url(bytes: &[u8]) -> String {
    encode_base64(bytes, URL_SAFE, false)
}

fn encode_base64(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(alphabet[((n >> (18 - 6 * i)) & 63) as usize]));
        }
        if pad {
            for _ in chunk.len()..3 {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes base64 in either alphabet, ignoring padding and any other byte. Used on text this
/// crate encoded itself and on runs the detector collected from base64-alphabet bytes only, so
/// skipping never hides a byte that matters.
pub(crate) fn decode_base64(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &byte in text {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF).to_le_bytes()[0]);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The part of the base64 encoding of `bytes` that stays the same wherever `bytes` sits inside
/// a longer encoded message, for each of the three alignments (`bytes` starting at an offset of
/// 0, 1 or 2 modulo 3). The characters at either end that mix in neighbouring bytes are cut off.
pub(crate) fn base64_embedded(bytes: &[u8], url_safe: bool) -> [String; 3] {
    [0usize, 1, 2].map(|shift| {
        let mut shifted = vec![0u8; shift];
        shifted.extend_from_slice(bytes);
        let encoded = if url_safe {
            base64_url(&shifted)
        } else {
            base64(&shifted)
        };
        let first = (shift * 8).div_ceil(6);
        let last = (shifted.len() * 8) / 6;
        encoded.get(first..last).unwrap_or_default().to_owned()
    })
}

/// Lowercase hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_test_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
            assert_eq!(decode_base64(encoded.as_bytes()), plain.as_bytes());
        }
        assert_eq!(base64_url(&[0xfb, 0xff]), "-_8");
        assert_eq!(decode_base64(b"-_8"), [0xfb, 0xff]);
    }

    #[test]
    fn embedded_forms_are_found_at_every_offset() {
        let secret = b"CANARY-0123456789ABCDEFGHJK";
        for prefix in ["", "x", "xy", "xyz", "leaked: "] {
            let mut message = prefix.as_bytes().to_vec();
            message.extend_from_slice(secret);
            message.extend_from_slice(b" and more");
            let encoded = base64(&message);
            let forms = base64_embedded(secret, false);
            assert!(
                forms.iter().any(|form| encoded.contains(form.as_str())),
                "{prefix:?}"
            );
            assert!(forms.iter().all(|form| form.len() >= 30));
        }
    }

    #[test]
    fn hex_is_lowercase_pairs() {
        assert_eq!(hex(b"\x00\xffA"), "00ff41");
    }
}
