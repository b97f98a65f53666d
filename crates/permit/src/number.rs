//! ECMAScript `Number.prototype.toString` formatting of doubles (RFC 8785 section 3.2.2.3).

use std::fmt::Write as _;

/// Largest integer a JSON number literal may spell: 2^53 − 1 (I-JSON, RFC 7493 section 2.2).
/// Beyond it distinct integers share one double, so two different actions would share one hash.
pub(crate) const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Appends the ECMAScript spelling of `value` to `out`. `value` must be finite.
///
/// Rust's `{:e}` prints the shortest digits that round-trip (like `Number.prototype.toString`);
/// only the placement of the decimal point and the exponent differ, and that is done here.
pub(crate) fn write_es_number(value: f64, out: &mut Vec<u8>) {
    if value == 0.0 {
        // Both zeros print as `0`.
        out.push(b'0');
        return;
    }
    let mut buf = StackBuf::new();
    // Writing to a 40-byte stack buffer cannot fail for a finite double: at most 17 digits, a
    // sign, a point and a 4-character exponent.
    let _ = write!(buf, "{value:e}");
    let text = buf.as_bytes();
    let (negative, text) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let e_pos = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(e_pos);
    let exponent = parse_exponent(exponent.get(1..).unwrap_or(b"0"));
    let mut digits = [0u8; 20];
    let mut k = 0;
    for &b in mantissa {
        if b != b'.' && k < digits.len() {
            digits[k] = b;
            k += 1;
        }
    }
    let n = exponent + 1;
    let k_len = k;
    fix_tie(value.abs(), &mut digits[..k_len], n);
    let digits = &digits[..k_len];
    // ECMAScript: value = 0.d1d2...dk × 10^n, with n the position of the decimal point.
    let k = i32::try_from(k).unwrap_or(i32::MAX);
    if negative {
        out.push(b'-');
    }
    if k <= n && n <= 21 {
        out.extend_from_slice(digits);
        out.extend(std::iter::repeat_n(
            b'0',
            usize::try_from(n - k).unwrap_or(0),
        ));
    } else if 0 < n && n <= 21 {
        let point = usize::try_from(n).unwrap_or(0);
        out.extend_from_slice(&digits[..point]);
        out.push(b'.');
        out.extend_from_slice(&digits[point..]);
    } else if -6 < n && n <= 0 {
        out.extend_from_slice(b"0.");
        out.extend(std::iter::repeat_n(b'0', usize::try_from(-n).unwrap_or(0)));
        out.extend_from_slice(digits);
    } else {
        out.push(digits[0]);
        if digits.len() > 1 {
            out.push(b'.');
            out.extend_from_slice(&digits[1..]);
        }
        out.push(b'e');
        out.push(if n - 1 < 0 { b'-' } else { b'+' });
        let mut num = StackBuf::new();
        let _ = write!(num, "{}", (n - 1).unsigned_abs());
        out.extend_from_slice(num.as_bytes());
    }
}

/// ECMAScript breaks a tie between two equally near shortest spellings towards the even last
/// digit; Rust's shortest formatting does not promise that. A tie means the double is exactly
/// the midpoint of the two spellings, which exact integer arithmetic decides.
fn fix_tie(abs: f64, digits: &mut [u8], n: i32) {
    let Some(&last) = digits.last() else {
        return;
    };
    if (last - b'0').is_multiple_of(2) || digits.len() > 17 {
        return;
    }
    let mut spelled: u64 = 0;
    for &d in digits.iter() {
        spelled = spelled * 10 + u64::from(d - b'0');
    }
    let k = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    // The midpoint below and above, one digit further, scaled by 10^(n - k - 1).
    let scale = n - k - 1;
    let candidates = [
        (spelled - 1, spelled * 10 - 5),
        (spelled + 1, spelled * 10 + 5),
    ];
    for (alternative, midpoint) in candidates {
        if alternative % 10 == 0 || !is_exactly(abs, midpoint, scale) {
            continue;
        }
        let mut text = StackBuf::new();
        let _ = write!(text, "{alternative}e{}", n - k);
        let round_trips = std::str::from_utf8(text.as_bytes())
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            == Some(abs);
        if round_trips {
            let mut value = alternative;
            for d in digits.iter_mut().rev() {
                *d = b'0' + u8::try_from(value % 10).unwrap_or(0);
                value /= 10;
            }
            return;
        }
    }
}

/// Whether the positive double `x` equals `mantissa × 10^power` exactly.
fn is_exactly(x: f64, mantissa: u64, power: i32) -> bool {
    let bits = x.to_bits();
    let biased = i32::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let fraction = bits & ((1 << 52) - 1);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    // x = m·2^e has no factor 5 beyond those of m < 2^53 < 5^23, so |power| > 27 never matches.
    let p = power.unsigned_abs();
    if p > 27 {
        return false;
    }
    let (rhs, rhs_e) = if power >= 0 {
        (u128::from(mantissa) * 5u128.pow(p), power)
    } else {
        let five = 5u64.pow(p);
        if !mantissa.is_multiple_of(five) {
            return false;
        }
        (u128::from(mantissa / five), power)
    };
    normalise(u128::from(m), e) == normalise(rhs, rhs_e)
}

/// `(odd, exponent)` with `odd × 2^exponent` equal to `value × 2^exponent`.
fn normalise(value: u128, exponent: i32) -> (u128, i32) {
    if value == 0 {
        return (0, 0);
    }
    let zeros = value.trailing_zeros();
    (value >> zeros, exponent + i32::try_from(zeros).unwrap_or(0))
}

fn parse_exponent(text: &[u8]) -> i32 {
    let (negative, digits) = match text.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, text),
    };
    let mut value: i32 = 0;
    for &d in digits {
        value = value * 10 + i32::from(d - b'0');
    }
    if negative { -value } else { value }
}

/// A fixed stack buffer that `write!` can fill without allocating.
struct StackBuf {
    bytes: [u8; 40],
    len: usize,
}

impl StackBuf {
    fn new() -> Self {
        StackBuf {
            bytes: [0; 40],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The ECMAScript spelling of `value`, or `None` when it is NaN or infinite (which RFC 8785
/// forbids).
///
/// This is the number formatter of [`crate::canonicalize`], exposed so bindings and tests can
/// check it against the RFC 8785 number vectors.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::format_number;
/// assert_eq!(format_number(1e21).as_deref(), Some("1e+21"));
/// assert_eq!(format_number(0.000001).as_deref(), Some("0.000001"));
/// assert_eq!(format_number(-0.0).as_deref(), Some("0"));
/// assert_eq!(format_number(f64::NAN), None);
/// ```
#[must_use]
pub fn format_number(value: f64) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let mut out = Vec::with_capacity(24);
    write_es_number(value, &mut out);
    String::from_utf8(out).ok()
}
