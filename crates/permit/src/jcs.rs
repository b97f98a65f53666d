//! RFC 8785 JSON Canonicalization Scheme: JSON text straight to canonical bytes in one pass.

use std::cmp::Ordering;

use sha2::{Digest, Sha256};

use crate::error::{ErrorKind, PermitError};
use crate::number::{MAX_SAFE_INTEGER, write_es_number};
use crate::writer::CanonicalWriter;

/// Bounds on the JSON a canonicaliser accepts, so a hostile action cannot exhaust memory or stack.
///
/// Defaults: 64 levels of nesting and 1 MiB of input.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::{CanonicalLimits, canonicalize_with};
/// let limits = CanonicalLimits::default().max_depth(2);
/// assert!(canonicalize_with(r#"{"a":[1]}"#, &limits).is_ok());
/// assert!(canonicalize_with(r#"{"a":[[1]]}"#, &limits).is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CanonicalLimits {
    max_depth: usize,
    max_input_bytes: usize,
}

impl Default for CanonicalLimits {
    fn default() -> Self {
        CanonicalLimits {
            max_depth: 64,
            max_input_bytes: 1 << 20,
        }
    }
}

impl CanonicalLimits {
    /// Largest nesting depth [`CanonicalLimits::max_depth`] accepts; deeper would risk the stack.
    pub const DEPTH_CEILING: usize = 512;

    /// Sets the deepest nesting of arrays and objects (a scalar is depth 0, `[1]` depth 1).
    /// Values above [`CanonicalLimits::DEPTH_CEILING`] are lowered to it.
    #[must_use]
    pub fn max_depth(mut self, depth: usize) -> Self {
        self.max_depth = depth.min(Self::DEPTH_CEILING);
        self
    }

    /// Sets the largest input accepted, in bytes of UTF-8.
    #[must_use]
    pub fn max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// The deepest nesting accepted.
    #[must_use]
    pub fn depth(&self) -> usize {
        self.max_depth
    }

    /// The largest input accepted, in bytes.
    #[must_use]
    pub fn input_bytes(&self) -> usize {
        self.max_input_bytes
    }
}

/// A SHA-256 over the RFC 8785 canonical bytes of an action; prints as `sha256:<64 hex>`.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::action_hash;
/// let a = action_hash(r#"{"tool":"pay","args":{"eur":100}}"#)?;
/// let b = action_hash(r#"{ "args": {"eur": 1e2}, "tool": "pay" }"#)?;
/// assert_eq!(a, b);
/// assert!(a.to_string().starts_with("sha256:"));
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActionHash([u8; 32]);

impl ActionHash {
    /// Wraps 32 raw SHA-256 bytes.
    #[must_use]
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        ActionHash(bytes)
    }

    /// The SHA-256 of already canonical bytes (see [`canonicalize`]).
    #[must_use]
    pub fn of_canonical(canonical: &[u8]) -> Self {
        ActionHash(Sha256::digest(canonical).into())
    }

    /// The 32 raw bytes.
    #[must_use]
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// Parses `sha256:<64 lowercase hex>`.
    ///
    /// # Errors
    ///
    /// `permit.malformed` when `text` is not exactly that form.
    pub fn parse(text: &str) -> Result<Self, PermitError> {
        let hex = text
            .strip_prefix("sha256:")
            .ok_or_else(|| PermitError::malformed("action hash must start with `sha256:`"))?;
        let hex = hex.as_bytes();
        if hex.len() != 64 {
            return Err(PermitError::malformed(
                "action hash must have 64 hex digits",
            ));
        }
        let mut out = [0u8; 32];
        for (byte, pair) in out.iter_mut().zip(hex.chunks_exact(2)) {
            let high = lower_hex_value(pair[0]);
            let low = lower_hex_value(pair[1]);
            match (high, low) {
                (Some(high), Some(low)) => *byte = high << 4 | low,
                _ => return Err(PermitError::malformed("action hash must be lowercase hex")),
            }
        }
        Ok(ActionHash(out))
    }
}

fn lower_hex_value(digit: u8) -> Option<u8> {
    match digit {
        b'0'..=b'9' => Some(digit - b'0'),
        b'a'..=b'f' => Some(digit - b'a' + 10),
        _ => None,
    }
}

impl std::fmt::Display for ActionHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut text = [0u8; 71];
        text[..7].copy_from_slice(b"sha256:");
        for (i, byte) in self.0.iter().enumerate() {
            text[7 + 2 * i] = DIGITS[usize::from(byte >> 4)];
            text[8 + 2 * i] = DIGITS[usize::from(byte & 15)];
        }
        f.write_str(std::str::from_utf8(&text).map_err(|_| std::fmt::Error)?)
    }
}

impl std::fmt::Debug for ActionHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ActionHash({self})")
    }
}

/// The RFC 8785 canonical bytes of the JSON text `json`, with [`CanonicalLimits::default`].
///
/// One pass over the text, linear in its length (plus sorting each object's keys). Object keys
/// are sorted by UTF-16 code units, numbers are printed as ECMAScript does, strings keep every
/// character except the few that must be escaped, and whitespace goes.
///
/// This is the authoritative path: it sees the text, so it can refuse duplicate keys and integers
/// that a double cannot hold, which [`canonicalize_value`] cannot.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::canonicalize;
/// let bytes = canonicalize(r#"{ "b": 1.50, "a": "\u00e9" }"#)?;
/// assert_eq!(bytes, r#"{"a":"é","b":1.5}"#.as_bytes());
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
///
/// # Errors
///
/// `permit.invalid_json`, `permit.duplicate_key`, `permit.lone_surrogate`,
/// `permit.number_out_of_range` (an integer literal beyond ±(2^53 − 1)),
/// `permit.non_finite_number` (such as `1e400`), `permit.too_deep`, `permit.too_large`; the error
/// span points at the offending byte.
pub fn canonicalize(json: &str) -> Result<Vec<u8>, PermitError> {
    canonicalize_with(json, &CanonicalLimits::default())
}

/// [`canonicalize`] with explicit limits.
///
/// # Errors
///
/// As [`canonicalize`].
pub fn canonicalize_with(json: &str, limits: &CanonicalLimits) -> Result<Vec<u8>, PermitError> {
    let mut out = Vec::with_capacity(json.len());
    canonicalize_into(json, limits, &mut out)?;
    Ok(out)
}

/// `sha256:<64 lowercase hex>` of the canonical bytes of `json` (see [`canonicalize`]).
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::action_hash;
/// let hash = action_hash(r#"{"tool":"send_payment","args":{"amount":100}}"#)?;
/// assert_eq!(hash.to_string().len(), 71);
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
///
/// # Errors
///
/// As [`canonicalize`].
pub fn action_hash(json: &str) -> Result<ActionHash, PermitError> {
    action_hash_with(json, &CanonicalLimits::default())
}

/// [`action_hash`] with explicit limits.
///
/// # Errors
///
/// As [`canonicalize`].
pub fn action_hash_with(json: &str, limits: &CanonicalLimits) -> Result<ActionHash, PermitError> {
    let mut out = Vec::with_capacity(json.len());
    canonicalize_into(json, limits, &mut out)?;
    Ok(ActionHash::of_canonical(&out))
}

/// The canonical bytes of a parsed `serde_json::Value`, for callers that already hold one.
///
/// Prefer [`canonicalize`] on the original text: by the time a `Value` exists, `serde_json` has
/// silently kept only the last of duplicate keys, and (with its `arbitrary_precision` feature
/// off) turned big or precise numbers into doubles, so this path cannot refuse such input.
/// Integers beyond ±(2^53 − 1) are still refused.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::{canonicalize, canonicalize_value};
/// let value = serde_json::json!({"b": [1.0, "x"], "a": null});
/// assert_eq!(canonicalize_value(&value)?, canonicalize(r#"{"a":null,"b":[1,"x"]}"#)?);
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
///
/// # Errors
///
/// `permit.number_out_of_range`, `permit.non_finite_number`, `permit.too_deep`.
pub fn canonicalize_value(value: &serde_json::Value) -> Result<Vec<u8>, PermitError> {
    let mut writer = CanonicalWriter::new("action", &CanonicalLimits::default());
    write_value(value, &mut writer)?;
    Ok(writer.finish())
}

/// [`action_hash`] of a parsed `serde_json::Value`; see [`canonicalize_value`] for its caveats.
///
/// # Errors
///
/// As [`canonicalize_value`].
pub fn action_hash_value(value: &serde_json::Value) -> Result<ActionHash, PermitError> {
    Ok(ActionHash::of_canonical(&canonicalize_value(value)?))
}

pub(crate) fn canonicalize_into(
    json: &str,
    limits: &CanonicalLimits,
    out: &mut Vec<u8>,
) -> Result<(), PermitError> {
    if json.len() > limits.max_input_bytes {
        return Err(ErrorKind::TooLarge {
            size: json.len(),
            limit: limits.max_input_bytes,
        }
        .into());
    }
    let mut parser = Parser {
        text: json,
        src: json.as_bytes(),
        pos: 0,
        out,
        depth: 0,
        max_depth: limits.max_depth,
        members: Vec::with_capacity(16),
        keys: Vec::new(),
        scratch: Vec::new(),
    };
    parser.skip_ws();
    parser.value()?;
    parser.skip_ws();
    if parser.pos != parser.src.len() {
        return Err(parser.invalid("unexpected characters after the value"));
    }
    Ok(())
}

/// One member of the object being parsed: where its decoded key sits (in `keys` when it had
/// escapes, else inside its own canonical bytes in `out`), where its canonical `"key":value`
/// bytes sit in `out`, and where the key started in the input.
#[derive(Clone, Copy)]
struct Member {
    key_in_keys: bool,
    key_start: usize,
    key_end: usize,
    out_start: usize,
    out_end: usize,
    offset: usize,
}

struct Parser<'a, 'o> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    out: &'o mut Vec<u8>,
    depth: usize,
    max_depth: usize,
    // INVARIANT: entries above an object's base index belong to that object's members; a nested
    // object truncates `members` and `keys` back to its own base before returning.
    members: Vec<Member>,
    keys: Vec<u8>,
    scratch: Vec<u8>,
}

impl Parser<'_, '_> {
    fn invalid(&self, what: &'static str) -> PermitError {
        ErrorKind::InvalidJson {
            offset: self.pos,
            what,
        }
        .into()
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn value(&mut self) -> Result<(), PermitError> {
        match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string(false).map(|_| ()),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.invalid("expected a value")),
            None => Err(self.invalid("unexpected end of input")),
        }
    }

    fn literal(&mut self, word: &'static [u8]) -> Result<(), PermitError> {
        if self.src.get(self.pos..self.pos + word.len()) == Some(word) {
            self.out.extend_from_slice(word);
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.invalid("expected `true`, `false` or `null`"))
        }
    }

    fn enter(&mut self) -> Result<(), PermitError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            return Err(ErrorKind::TooDeep {
                offset: self.pos,
                limit: self.max_depth,
            }
            .into());
        }
        Ok(())
    }

    fn array(&mut self) -> Result<(), PermitError> {
        self.enter()?;
        self.pos += 1;
        self.out.push(b'[');
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                self.skip_ws();
                self.value()?;
                self.skip_ws();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.out.push(b',');
                    }
                    Some(b']') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.invalid("expected `,` or `]`")),
                }
            }
        }
        self.out.push(b']');
        self.depth -= 1;
        Ok(())
    }

    fn object(&mut self) -> Result<(), PermitError> {
        self.enter()?;
        self.pos += 1;
        self.out.push(b'{');
        let body_start = self.out.len();
        let members_base = self.members.len();
        let keys_base = self.keys.len();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                self.skip_ws();
                if self.peek() != Some(b'"') {
                    return Err(self.invalid("expected a string key"));
                }
                let offset = self.pos;
                let arena_start = self.keys.len();
                let out_start = self.out.len();
                let key_in_keys = self.string(true)?;
                let (key_start, key_end) = if key_in_keys {
                    (arena_start, self.keys.len())
                } else {
                    (out_start + 1, self.out.len() - 1)
                };
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return Err(self.invalid("expected `:`"));
                }
                self.pos += 1;
                self.out.push(b':');
                self.skip_ws();
                self.value()?;
                self.members.push(Member {
                    key_in_keys,
                    key_start,
                    key_end,
                    out_start,
                    out_end: self.out.len(),
                    offset,
                });
                self.skip_ws();
                match self.peek() {
                    Some(b',') => {
                        self.pos += 1;
                        self.out.push(b',');
                    }
                    Some(b'}') => {
                        self.pos += 1;
                        break;
                    }
                    _ => return Err(self.invalid("expected `,` or `}`")),
                }
            }
            self.sort_members(members_base, body_start)?;
        }
        self.out.push(b'}');
        self.members.truncate(members_base);
        self.keys.truncate(keys_base);
        self.depth -= 1;
        Ok(())
    }

    /// Puts the members above `base` in UTF-16 key order, refusing duplicates.
    fn sort_members(&mut self, base: usize, body_start: usize) -> Result<(), PermitError> {
        let keys = &self.keys;
        let out = &*self.out;
        let members = &mut self.members[base..];
        let key = |m: &Member| {
            let arena: &[u8] = if m.key_in_keys { keys } else { out };
            &arena[m.key_start..m.key_end]
        };
        let already_sorted = members
            .windows(2)
            .all(|pair| cmp_utf16(key(&pair[0]), key(&pair[1])) == Ordering::Less);
        if already_sorted {
            return Ok(());
        }
        members.sort_unstable_by(|a, b| cmp_utf16(key(a), key(b)));
        for pair in members.windows(2) {
            if key(&pair[0]) == key(&pair[1]) {
                let later = if pair[0].offset > pair[1].offset {
                    pair[0]
                } else {
                    pair[1]
                };
                let shown: String = String::from_utf8_lossy(key(&later))
                    .chars()
                    .take(40)
                    .collect();
                return Err(ErrorKind::DuplicateKey {
                    offset: later.offset,
                    key: shown,
                }
                .into());
            }
        }
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        scratch.reserve(self.out.len() - body_start);
        for (i, member) in members.iter().enumerate() {
            if i > 0 {
                scratch.push(b',');
            }
            scratch.extend_from_slice(&self.out[member.out_start..member.out_end]);
        }
        self.out.truncate(body_start);
        self.out.extend_from_slice(&scratch);
        self.scratch = scratch;
        Ok(())
    }

    /// Copies the string at `pos` to `out` in canonical form. With `key`, and only if the string
    /// has escapes, also appends its decoded UTF-8 to `keys` and returns `true`; without escapes
    /// the canonical bytes between the quotes are the decoded key.
    fn string(&mut self, key: bool) -> Result<bool, PermitError> {
        self.pos += 1;
        self.out.push(b'"');
        let content_start = self.out.len();
        let mut escaped = false;
        loop {
            let run_start = self.pos;
            self.pos += plain_run(&self.src[self.pos..]);
            let run = &self.src[run_start..self.pos];
            self.out.extend_from_slice(run);
            if escaped {
                self.keys.extend_from_slice(run);
            }
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    self.out.push(b'"');
                    return Ok(escaped);
                }
                Some(b'\\') => {
                    let c = self.escape()?;
                    if key && !escaped {
                        // Everything so far had no escapes: its canonical bytes are its text.
                        escaped = true;
                        self.keys.extend_from_slice(&self.out[content_start..]);
                    }
                    write_char(c, self.out);
                    if key {
                        let mut utf8 = [0u8; 4];
                        self.keys
                            .extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
                    }
                }
                Some(_) => return Err(self.invalid("control character in a string")),
                None => return Err(self.invalid("unterminated string")),
            }
        }
    }

    /// Decodes the escape at `pos` (a backslash), pairing surrogate escapes.
    fn escape(&mut self) -> Result<char, PermitError> {
        let start = self.pos;
        let c = match self.src.get(self.pos + 1) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let unit = self.hex4(self.pos + 2)?;
                self.pos += 6;
                if (0xD800..0xDC00).contains(&unit) {
                    let low = if self.src.get(self.pos..self.pos + 2) == Some(b"\\u") {
                        self.hex4(self.pos + 2)?
                    } else {
                        0
                    };
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(ErrorKind::LoneSurrogate { offset: start }.into());
                    }
                    self.pos += 6;
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    return char::from_u32(code)
                        .ok_or_else(|| ErrorKind::LoneSurrogate { offset: start }.into());
                }
                return char::from_u32(unit)
                    .ok_or_else(|| ErrorKind::LoneSurrogate { offset: start }.into());
            }
            _ => return Err(self.invalid("invalid escape")),
        };
        self.pos += 2;
        Ok(c)
    }

    fn hex4(&self, at: usize) -> Result<u32, PermitError> {
        let digits = self
            .src
            .get(at..at + 4)
            .ok_or_else(|| self.invalid("truncated `\\u` escape"))?;
        let mut value = 0u32;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.invalid("invalid `\\u` escape")),
            };
            value = value << 4 | u32::from(v);
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<(), PermitError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.invalid("expected a digit")),
        }
        let int_digits = self.pos - int_start;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.invalid("expected a digit after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            integer = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.invalid("expected a digit in the exponent"));
            }
        }
        let text = &self.text[start..self.pos];
        if integer {
            // JSON forbids leading zeros, so an integer literal in range is already canonical.
            let magnitude = &self.text[int_start..self.pos];
            let in_range = int_digits < 16
                || (int_digits == 16
                    && magnitude
                        .parse::<u64>()
                        .is_ok_and(|v| v <= MAX_SAFE_INTEGER));
            if !in_range {
                return Err(ErrorKind::NumberOutOfRange {
                    offset: start,
                    text: text.chars().take(40).collect(),
                }
                .into());
            }
            if text == "-0" {
                self.out.push(b'0');
            } else {
                self.out.extend_from_slice(text.as_bytes());
            }
            return Ok(());
        }
        let value: f64 = text.parse().map_err(|_| ErrorKind::InvalidJson {
            offset: start,
            what: "invalid number",
        })?;
        if !value.is_finite() {
            return Err(ErrorKind::NonFiniteNumber { offset: start }.into());
        }
        write_es_number(value, self.out);
        Ok(())
    }
}

/// Length of the prefix of `bytes` with no `"`, `\\` or control character: the part of a string
/// that is copied as is. Eight bytes at a time, then byte by byte from the first word that may
/// hold one (the word test can report a byte that is not special, never miss one).
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let word = u64::from_le_bytes(word);
        let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
        let special = zero_byte(word ^ (ONES * u64::from(b'"')))
            | zero_byte(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if special != 0 {
            break;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len() - at)
}

/// Orders two UTF-8 strings by their UTF-16 code units, as RFC 8785 section 3.2.3 requires.
///
/// UTF-8 byte order is code point order. It differs from UTF-16 order only between a
/// supplementary character (UTF-8 lead byte `F0`–`F4`, UTF-16 surrogates `D800`–`DFFF`) and one
/// in `U+E000`–`U+FFFF` (lead byte `EE` or `EF`), and only where the first difference is at a
/// character's lead byte.
pub(crate) fn cmp_utf16(left: &[u8], right: &[u8]) -> Ordering {
    match left.iter().zip(right).position(|(l, r)| l != r) {
        None => left.len().cmp(&right.len()),
        Some(at) => {
            let (l, r) = (left[at], right[at]);
            let high_bmp = |byte: u8| byte == 0xEE || byte == 0xEF;
            if l >= 0xF0 && high_bmp(r) {
                Ordering::Less
            } else if r >= 0xF0 && high_bmp(l) {
                Ordering::Greater
            } else {
                l.cmp(&r)
            }
        }
    }
}

/// Writes one decoded character in canonical string form (RFC 8785 section 3.2.2.2).
fn write_char(c: char, out: &mut Vec<u8>) {
    match c {
        '"' => out.extend_from_slice(b"\\\""),
        '\\' => out.extend_from_slice(b"\\\\"),
        '\u{8}' => out.extend_from_slice(b"\\b"),
        '\u{c}' => out.extend_from_slice(b"\\f"),
        '\n' => out.extend_from_slice(b"\\n"),
        '\r' => out.extend_from_slice(b"\\r"),
        '\t' => out.extend_from_slice(b"\\t"),
        c if u32::from(c) < 0x20 => {
            const DIGITS: &[u8; 16] = b"0123456789abcdef";
            let code = u32::from(c) as usize;
            out.extend_from_slice(b"\\u00");
            out.push(DIGITS[code >> 4]);
            out.push(DIGITS[code & 15]);
        }
        c => {
            let mut utf8 = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut utf8).as_bytes());
        }
    }
}

/// Writes `text` in canonical string form: runs that need no escape are copied whole.
pub(crate) fn write_str(text: &str, out: &mut Vec<u8>) {
    let mut rest = text.as_bytes();
    out.reserve(rest.len() + 2);
    out.push(b'"');
    loop {
        let run = plain_run(rest);
        out.extend_from_slice(&rest[..run]);
        // The byte that ends a run is `"`, `\\` or a control character: ASCII, a whole char.
        let Some(&special) = rest.get(run) else {
            break;
        };
        write_char(char::from(special), out);
        rest = &rest[run + 1..];
    }
    out.push(b'"');
}

/// Drives `writer` through `value`.
fn write_value(
    value: &serde_json::Value,
    writer: &mut CanonicalWriter<'_>,
) -> Result<(), PermitError> {
    use serde_json::Value;
    match value {
        Value::Null => writer.null(),
        Value::Bool(flag) => writer.boolean(*flag),
        Value::String(text) => writer.string(text),
        Value::Number(number) => {
            if let Some(v) = number.as_i64() {
                writer.integer(v)?;
            } else if number.is_u64() {
                writer.integer_decimal(&number.to_string())?;
            } else {
                writer.number(number.as_f64().unwrap_or(f64::NAN))?;
            }
        }
        Value::Array(items) => {
            writer.begin_array()?;
            for item in items {
                write_value(item, writer)?;
            }
            writer.end_array();
        }
        Value::Object(map) => {
            writer.begin_object()?;
            for (key, item) in map {
                writer.key(key);
                write_value(item, writer)?;
            }
            writer.end_object()?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use agentsentinel_core::Diagnostic;

    use super::*;

    fn code(json: &str) -> &'static str {
        canonicalize(json).unwrap_err().code()
    }

    #[test]
    fn rejections_have_codes() {
        assert_eq!(code(r#"{"a":1,"a":2}"#), "permit.duplicate_key");
        assert_eq!(code(r#"{"a":1,"\u0061":2}"#), "permit.duplicate_key");
        assert_eq!(code(r#""\ud800""#), "permit.lone_surrogate");
        assert_eq!(code(r#""\udc00\ud800""#), "permit.lone_surrogate");
        assert_eq!(code(r#""\ud800\u0041""#), "permit.lone_surrogate");
        assert_eq!(code("9007199254740992"), "permit.number_out_of_range");
        assert_eq!(code("-9007199254740993"), "permit.number_out_of_range");
        assert_eq!(code("1e400"), "permit.non_finite_number");
        assert_eq!(code("[1,]"), "permit.invalid_json");
        assert_eq!(code("01"), "permit.invalid_json");
        assert_eq!(code("\"a\u{1}\""), "permit.invalid_json");
        assert_eq!(code("{} x"), "permit.invalid_json");
        assert_eq!(code(&"[".repeat(65)), "permit.too_deep");
    }

    #[test]
    fn edges_canonicalise() {
        let c = |json: &str| String::from_utf8(canonicalize(json).unwrap()).unwrap();
        assert_eq!(c("9007199254740991"), "9007199254740991");
        assert_eq!(c("-0"), "0");
        assert_eq!(c("-0.0"), "0");
        assert_eq!(c("1E2"), "100");
        assert_eq!(c(r#""\ud83d\ude02\u001f\/""#), "\"😂\\u001f/\"");
        assert_eq!(
            c(r#"{"\ufb33":1,"\ud83d\ude02":2}"#),
            "{\"\u{1f602}\":2,\"\u{fb33}\":1}"
        );
    }

    #[test]
    fn plain_runs_stop_at_the_first_special_byte() {
        let special = |b: &u8| *b == b'"' || *b == b'\\' || *b < 0x20;
        let texts = [
            "",
            "abc",
            "abcdefgh",
            "abcdefghijklmnop\"",
            "abcdefghij\\",
            "abcdefghijklm\u{1f}",
            "ééééé\"xyz",
            "\u{7f}\u{80}ÿ\u{ff}abcdefgh",
        ];
        for text in texts {
            let bytes = text.as_bytes();
            for start in 0..=bytes.len() {
                let rest = &bytes[start..];
                let expected = rest.iter().position(special).unwrap_or(rest.len());
                assert_eq!(plain_run(rest), expected, "{text:?} from {start}");
            }
        }
    }

    #[test]
    fn utf16_order_differs_from_code_point_order() {
        assert_eq!(
            cmp_utf16("😂".as_bytes(), "\u{fb33}".as_bytes()),
            Ordering::Less
        );
        assert_eq!(cmp_utf16(b"a", b"ab"), Ordering::Less);
    }
}
