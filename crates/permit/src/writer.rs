//! RFC 8785 canonical bytes written value by value, for callers that walk their own data (a
//! Python dict, a `serde_json::Value`) rather than hold JSON text.

use std::cmp::Ordering;
use std::fmt::Write as _;

use crate::error::{ErrorKind, PermitError};
use crate::jcs::{ActionHash, CanonicalLimits, cmp_utf16, write_str};
use crate::number::{MAX_SAFE_INTEGER, write_es_number};

/// Writes the RFC 8785 canonical bytes of a value given piece by piece, with the same rules as
/// [`crate::canonicalize`]: object keys sorted by UTF-16 code units and never repeated, numbers
/// spelled as ECMAScript does, integers within ±(2^53 − 1), finite numbers only, nesting within
/// [`CanonicalLimits::depth`].
///
/// Call it in document order: a scalar, or `begin_array`, values, `end_array`, or
/// `begin_object`, then `key` and one value per member, `end_object`. Errors name the place of
/// the value, such as `action.args.tags[2]`, since there is no text to point into.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::{CanonicalLimits, CanonicalWriter, canonicalize};
/// let mut writer = CanonicalWriter::new("action", &CanonicalLimits::default());
/// writer.begin_object()?;
/// writer.key("b");
/// writer.number(1.5)?;
/// writer.key("a");
/// writer.begin_array()?;
/// writer.integer(1)?;
/// writer.null();
/// writer.end_array();
/// writer.end_object()?;
/// assert_eq!(writer.finish(), canonicalize(r#"{"b":1.5,"a":[1,null]}"#)?);
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
#[derive(Debug)]
pub struct CanonicalWriter<'n> {
    name: &'n str,
    out: Vec<u8>,
    max_depth: usize,
    // INVARIANT: one frame per open array or object, innermost last; an object's members are
    // `members[frame.members_base..]` and their decoded keys sit in `keys`.
    frames: Vec<Frame>,
    members: Vec<Member>,
    keys: Vec<u8>,
    scratch: Vec<u8>,
}

#[derive(Debug, Clone, Copy)]
struct Frame {
    object: bool,
    /// Values written so far (arrays) or members begun (objects).
    count: usize,
    /// Where the body starts in `out`, just after `[` or `{`.
    body_start: usize,
    members_base: usize,
    keys_base: usize,
}

/// One member of an open object: its decoded key in `keys`, its `"key":value` bytes in `out`.
#[derive(Debug, Clone, Copy)]
struct Member {
    key_start: usize,
    key_end: usize,
    out_start: usize,
    out_end: usize,
}

impl<'n> CanonicalWriter<'n> {
    /// A writer for a value called `name` in error messages (`action`), within `limits`' depth.
    #[must_use]
    pub fn new(name: &'n str, limits: &CanonicalLimits) -> Self {
        CanonicalWriter {
            name,
            out: Vec::with_capacity(256),
            max_depth: limits.depth(),
            frames: Vec::with_capacity(8),
            members: Vec::with_capacity(16),
            keys: Vec::with_capacity(128),
            scratch: Vec::new(),
        }
    }

    /// Writes `null`.
    pub fn null(&mut self) {
        self.before_value();
        self.out.extend_from_slice(b"null");
    }

    /// Writes `true` or `false`.
    pub fn boolean(&mut self, value: bool) {
        self.before_value();
        self.out
            .extend_from_slice(if value { b"true" } else { b"false" });
    }

    /// Writes a string (Rust strings are valid Unicode, so there is no lone surrogate to refuse).
    pub fn string(&mut self, text: &str) {
        self.before_value();
        write_str(text, &mut self.out);
    }

    /// Writes a number as ECMAScript prints it (`1.0` is `1`, `1e21` is `1e+21`).
    ///
    /// # Errors
    ///
    /// `permit.non_finite_number` for NaN and infinities, and `permit.number_out_of_range` for a
    /// whole number beyond ±(2^53 − 1) that prints as an integer (below 10^21): its canonical
    /// bytes would be an integer literal that [`crate::canonicalize`] refuses, and it is often an
    /// integer a JSON parser already rounded (`JSON.parse("9007199254740993")`).
    pub fn number(&mut self, value: f64) -> Result<(), PermitError> {
        if !value.is_finite() {
            return Err(ErrorKind::NonFiniteValue { path: self.path() }.into());
        }
        #[expect(
            clippy::cast_precision_loss,
            reason = "2^53 - 1 and 10^21 are exact doubles"
        )]
        if value.fract() == 0.0 && value.abs() > MAX_SAFE_INTEGER as f64 && value.abs() < 1e21 {
            let mut text = Vec::with_capacity(24);
            write_es_number(value, &mut text);
            return Err(self.out_of_range(String::from_utf8_lossy(&text).into_owned()));
        }
        self.before_value();
        write_es_number(value, &mut self.out);
        Ok(())
    }

    /// Writes an integer.
    ///
    /// # Errors
    ///
    /// `permit.number_out_of_range` beyond ±(2^53 − 1): a double cannot tell such integers
    /// apart, so two different actions would share one hash.
    pub fn integer(&mut self, value: i64) -> Result<(), PermitError> {
        if value.unsigned_abs() > MAX_SAFE_INTEGER {
            return Err(self.out_of_range(value.to_string()));
        }
        self.before_value();
        write_integer(value, &mut self.out);
        Ok(())
    }

    /// Writes an integer given by its decimal digits (an optional `-`, then digits), for integers
    /// wider than `i64`.
    ///
    /// # Errors
    ///
    /// `permit.number_out_of_range` when `decimal` is not a decimal integer within
    /// ±(2^53 − 1).
    pub fn integer_decimal(&mut self, decimal: &str) -> Result<(), PermitError> {
        match decimal.parse::<i64>() {
            Ok(value) => self.integer(value),
            Err(_) => Err(self.out_of_range(decimal.chars().take(40).collect())),
        }
    }

    /// Opens an array.
    ///
    /// # Errors
    ///
    /// `permit.too_deep` when it would nest deeper than the limit (also how a container that
    /// holds itself ends).
    pub fn begin_array(&mut self) -> Result<(), PermitError> {
        self.begin(false, b'[')
    }

    /// Closes the innermost array.
    pub fn end_array(&mut self) {
        self.frames.pop();
        self.out.push(b']');
    }

    /// Opens an object.
    ///
    /// # Errors
    ///
    /// As [`CanonicalWriter::begin_array`].
    pub fn begin_object(&mut self) -> Result<(), PermitError> {
        self.begin(true, b'{')
    }

    /// Starts a member of the innermost object; its value comes next.
    pub fn key(&mut self, key: &str) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        if frame.count > 0 {
            if let Some(previous) = self.members.last_mut() {
                previous.out_end = self.out.len();
            }
            self.out.push(b',');
        }
        frame.count += 1;
        let key_start = self.keys.len();
        self.keys.extend_from_slice(key.as_bytes());
        let out_start = self.out.len();
        write_str(key, &mut self.out);
        self.out.push(b':');
        self.members.push(Member {
            key_start,
            key_end: self.keys.len(),
            out_start,
            out_end: usize::MAX,
        });
    }

    /// Closes the innermost object, putting its members in canonical order.
    ///
    /// # Errors
    ///
    /// `permit.duplicate_key` when two members have the same key (a Python `str` subclass can
    /// make a dict hold two keys with equal text).
    pub fn end_object(&mut self) -> Result<(), PermitError> {
        let Some(frame) = self.frames.last().copied() else {
            return Ok(());
        };
        if let Some(last) = self.members.last_mut()
            && frame.count > 0
        {
            last.out_end = self.out.len();
        }
        let duplicate = self.sort_members(frame);
        let path = duplicate
            .as_ref()
            .map(|_| self.path_within(self.frames.len() - 1, false));
        self.frames.pop();
        self.members.truncate(frame.members_base);
        self.keys.truncate(frame.keys_base);
        self.out.push(b'}');
        match (duplicate, path) {
            (Some(key), Some(path)) => Err(ErrorKind::DuplicateValueKey { path, key }.into()),
            _ => Ok(()),
        }
    }

    /// Where the next value goes, for messages: the name, then `.key`, `["odd key"]` or `[3]`
    /// for each open container (`action.args.tags[2]`).
    #[must_use]
    pub fn path(&self) -> String {
        self.path_within(self.frames.len(), true)
    }

    /// The canonical bytes written.
    #[must_use]
    pub fn finish(self) -> Vec<u8> {
        self.out
    }

    /// The action hash of the canonical bytes written.
    #[must_use]
    pub fn hash(&self) -> ActionHash {
        ActionHash::of_canonical(&self.out)
    }

    fn before_value(&mut self) {
        if let Some(frame) = self.frames.last_mut()
            && !frame.object
        {
            if frame.count > 0 {
                self.out.push(b',');
            }
            frame.count += 1;
        }
    }

    fn begin(&mut self, object: bool, open: u8) -> Result<(), PermitError> {
        if self.frames.len() >= self.max_depth {
            return Err(ErrorKind::TooDeepValue {
                path: self.path(),
                limit: self.max_depth,
            }
            .into());
        }
        self.before_value();
        self.out.push(open);
        self.frames.push(Frame {
            object,
            count: 0,
            body_start: self.out.len(),
            members_base: self.members.len(),
            keys_base: self.keys.len(),
        });
        Ok(())
    }

    fn out_of_range(&self, text: String) -> PermitError {
        ErrorKind::ValueOutOfRange {
            path: self.path(),
            text,
        }
        .into()
    }

    /// The path through the outermost `open` frames. Each holds a value already begun (the
    /// next frame), except the last one when `next`: then the path is that of its next value.
    fn path_within(&self, open: usize, next: bool) -> String {
        let mut path = self.name.to_owned();
        let frames = &self.frames[..open.min(self.frames.len())];
        for (i, frame) in frames.iter().enumerate() {
            if !frame.object {
                let index = if next && i + 1 == frames.len() {
                    frame.count
                } else {
                    frame.count.saturating_sub(1)
                };
                let _ = write!(path, "[{index}]");
            } else if let Some(member) = frame
                .count
                .checked_sub(1)
                .and_then(|last| self.members.get(frame.members_base + last))
            {
                push_key(
                    &mut path,
                    &String::from_utf8_lossy(&self.keys[member.key_start..member.key_end]),
                );
            }
        }
        path
    }

    /// Puts the members of `frame` in UTF-16 key order; returns a key that appears twice.
    fn sort_members(&mut self, frame: Frame) -> Option<String> {
        let keys = &self.keys;
        let members = &mut self.members[frame.members_base..];
        let key = |m: &Member| &keys[m.key_start..m.key_end];
        let already_sorted = members
            .windows(2)
            .all(|pair| cmp_utf16(key(&pair[0]), key(&pair[1])) == Ordering::Less);
        if already_sorted {
            return None;
        }
        members.sort_unstable_by(|a, b| cmp_utf16(key(a), key(b)));
        if let Some([first, ..]) = members
            .windows(2)
            .find(|pair| key(&pair[0]) == key(&pair[1]))
        {
            return Some(
                String::from_utf8_lossy(key(first))
                    .chars()
                    .take(40)
                    .collect(),
            );
        }
        self.scratch.clear();
        self.scratch.reserve(self.out.len() - frame.body_start);
        for (i, member) in members.iter().enumerate() {
            if i > 0 {
                self.scratch.push(b',');
            }
            self.scratch
                .extend_from_slice(&self.out[member.out_start..member.out_end]);
        }
        self.out.truncate(frame.body_start);
        self.out.extend_from_slice(&self.scratch);
        None
    }
}

/// Appends `.key`, or `["key"]` when the key is not a plain identifier.
fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        let _ = write!(path, "[{key:?}]");
    }
}

/// Appends the decimal digits of `value` without allocating.
fn write_integer(value: i64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = value.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + u8::try_from(rest % 10).unwrap_or(0);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    if value < 0 {
        out.push(b'-');
    }
    out.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests {
    use agentsentinel_core::Diagnostic;

    use super::*;
    use crate::jcs::canonicalize;

    fn writer() -> CanonicalWriter<'static> {
        CanonicalWriter::new("action", &CanonicalLimits::default())
    }

    #[test]
    fn matches_the_text_path() {
        let mut w = writer();
        w.begin_object().unwrap();
        w.key("\u{fb33}");
        w.integer(-9_007_199_254_740_991).unwrap();
        w.key("😂");
        w.begin_array().unwrap();
        w.number(1e21).unwrap();
        w.number(-0.0).unwrap();
        w.string("a\"\\\n\u{1f}é");
        w.boolean(false);
        w.begin_object().unwrap();
        w.end_object().unwrap();
        w.begin_array().unwrap();
        w.end_array();
        w.end_array();
        w.key("\n");
        w.integer_decimal("12").unwrap();
        w.end_object().unwrap();
        let text = r#"{"\ufb33":-9007199254740991,"\ud83d\ude02":[1e21,-0.0,"a\"\\\n\u001fé",false,{},[]],"\n":12}"#;
        assert_eq!(w.finish(), canonicalize(text).unwrap());
    }

    #[test]
    fn errors_name_the_place() {
        let mut w = writer();
        w.begin_object().unwrap();
        w.key("args");
        w.begin_object().unwrap();
        w.key("tags");
        w.begin_array().unwrap();
        w.string("x");
        assert_eq!(w.path(), "action.args.tags[1]");
        let err = w.number(f64::NAN).unwrap_err();
        assert_eq!(err.code(), "permit.non_finite_number");
        assert!(err.to_string().contains("`action.args.tags[1]`"), "{err}");
        assert_eq!(
            w.integer(1 << 53).unwrap_err().code(),
            "permit.number_out_of_range"
        );
        let err = w
            .integer_decimal("-123456789012345678901234567890")
            .unwrap_err();
        assert_eq!(err.code(), "permit.number_out_of_range");
        w.begin_object().unwrap();
        w.key("odd key");
        assert_eq!(w.path(), r#"action.args.tags[1]["odd key"]"#);
    }

    #[test]
    fn refuses_duplicates_and_depth() {
        let mut w = writer();
        w.begin_array().unwrap();
        w.begin_object().unwrap();
        w.key("a");
        w.null();
        w.key("a");
        w.null();
        let err = w.end_object().unwrap_err();
        assert_eq!(err.code(), "permit.duplicate_key");
        assert!(err.to_string().contains("`action[0]`"), "{err}");

        let mut w = CanonicalWriter::new("x", &CanonicalLimits::default().max_depth(2));
        w.begin_array().unwrap();
        w.begin_array().unwrap();
        assert_eq!(w.begin_object().unwrap_err().code(), "permit.too_deep");
    }
}
