//! Strict, unpadded base64url (RFC 4648 section 5): every byte string has exactly one spelling.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Appends the unpadded base64url spelling of `bytes` to `out`.
pub(crate) fn encode_into(bytes: &[u8], out: &mut String) {
    let mut chunks = bytes.chunks_exact(3);
    for chunk in &mut chunks {
        let n = u32::from(chunk[0]) << 16 | u32::from(chunk[1]) << 8 | u32::from(chunk[2]);
        for shift in [18, 12, 6, 0] {
            out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
        }
    }
    match *chunks.remainder() {
        [a] => {
            let n = u32::from(a) << 16;
            for shift in [18, 12] {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            }
        }
        [a, b] => {
            let n = u32::from(a) << 16 | u32::from(b) << 8;
            for shift in [18, 12, 6] {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            }
        }
        _ => {}
    }
}

fn value(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes unpadded base64url into `out`, refusing padding, other alphabets, impossible lengths
/// and non-zero unused bits (which would give one byte string two spellings).
pub(crate) fn decode_into(text: &[u8], out: &mut Vec<u8>) -> Result<(), ()> {
    if text.len() % 4 == 1 {
        return Err(());
    }
    let mut chunks = text.chunks_exact(4);
    for chunk in &mut chunks {
        let mut n = 0u32;
        for &c in chunk {
            n = n << 6 | value(c).ok_or(())?;
        }
        out.extend_from_slice(&n.to_be_bytes()[1..]);
    }
    match *chunks.remainder() {
        [a, b] => {
            let n = value(a).ok_or(())? << 18 | value(b).ok_or(())? << 12;
            if n & 0xFFFF != 0 {
                return Err(());
            }
            out.push(n.to_be_bytes()[1]);
        }
        [a, b, c] => {
            let n =
                value(a).ok_or(())? << 18 | value(b).ok_or(())? << 12 | value(c).ok_or(())? << 6;
            if n & 0xFF != 0 {
                return Err(());
            }
            out.extend_from_slice(&n.to_be_bytes()[1..3]);
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(bytes: &[u8]) -> String {
        let mut text = String::new();
        encode_into(bytes, &mut text);
        let mut back = Vec::new();
        decode_into(text.as_bytes(), &mut back).unwrap();
        assert_eq!(back, bytes);
        text
    }

    #[test]
    fn known_spellings_round_trip() {
        assert_eq!(round_trip(b""), "");
        assert_eq!(round_trip(b"f"), "Zg");
        assert_eq!(round_trip(b"fo"), "Zm8");
        assert_eq!(round_trip(b"foo"), "Zm9v");
        assert_eq!(round_trip(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn non_canonical_spellings_are_refused() {
        let mut out = Vec::new();
        assert!(decode_into(b"Zh", &mut out).is_err()); // unused bits set
        assert!(decode_into(b"Zm9=", &mut out).is_err());
        assert!(decode_into(b"Zm9v+", &mut out).is_err());
        assert!(decode_into(b"Z", &mut out).is_err());
        assert!(decode_into(b"Zm/v", &mut out).is_err());
    }
}
