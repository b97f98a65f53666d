//! Errors for text handed over by a binding that is not valid Unicode.

use thiserror::Error;

use crate::Diagnostic;

/// Text from a caller could not be used as Unicode.
///
/// Bindings raise it instead of silently replacing bad code units, so an attacker cannot hide
/// text behind a lone surrogate that one language drops and another keeps.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TextError {
    /// UTF-16 text (JavaScript, Windows) held a high or low surrogate without its partner.
    #[error("`{parameter}` has a lone surrogate at index {index}; text must be valid Unicode")]
    LoneSurrogate {
        /// Name of the argument.
        parameter: String,
        /// Index of the bad code unit, in UTF-16 code units.
        index: usize,
    },
    /// Bytes were not valid UTF-8.
    #[error("`{parameter}` is not valid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// Name of the argument.
        parameter: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A value handed over as data was nested deeper than the binding accepts; usually an object
    /// that contains itself.
    #[error("`{parameter}` is nested more than {limit} levels deep")]
    TooDeep {
        /// Name of the argument and the path inside it, e.g. `args.a.a.a`.
        parameter: String,
        /// The deepest nesting accepted.
        limit: usize,
    },
    /// The argument was not text at all.
    #[error("`{parameter}` must be {expected}, found {found}")]
    WrongType {
        /// Name of the argument.
        parameter: String,
        /// What was expected, e.g. `a string`.
        expected: String,
        /// What was given, e.g. `undefined`.
        found: String,
    },
}

impl Diagnostic for TextError {
    fn code(&self) -> &'static str {
        match self {
            TextError::LoneSurrogate { .. } => "core.lone_surrogate",
            TextError::InvalidUtf8 { .. } => "core.invalid_utf8",
            TextError::WrongType { .. } => "core.wrong_type",
            TextError::TooDeep { .. } => "core.too_deep",
        }
    }

    fn help(&self) -> Option<String> {
        Some(match self {
            TextError::LoneSurrogate { .. } => {
                "remove or replace the unpaired surrogate (for example with U+FFFD) before calling"
                    .to_owned()
            }
            TextError::InvalidUtf8 { .. } => {
                "decode the bytes with the right encoding, or replace invalid sequences first"
                    .to_owned()
            }
            TextError::WrongType { expected, .. } => format!("pass {expected}"),
            TextError::TooDeep { .. } => {
                "pass JSON-like data; a cyclic object can never be serialised".to_owned()
            }
        })
    }
}

/// Decodes UTF-16 code units strictly: a lone surrogate is an error naming `parameter` and the
/// index, never a silent U+FFFD.
///
/// # Examples
///
/// ```
/// use agentsentinel_core::{Diagnostic, decode_utf16};
/// assert_eq!(decode_utf16(&[0x68, 0x69], "text")?, "hi");
/// let err = decode_utf16(&[0x68, 0xD800], "text").unwrap_err();
/// assert_eq!(err.code(), "core.lone_surrogate");
/// # Ok::<(), agentsentinel_core::TextError>(())
/// ```
///
/// # Errors
///
/// [`TextError::LoneSurrogate`] at the first unpaired surrogate.
pub fn decode_utf16(units: &[u16], parameter: &str) -> Result<String, TextError> {
    let mut out = String::with_capacity(units.len());
    let mut index = 0;
    for decoded in char::decode_utf16(units.iter().copied()) {
        match decoded {
            Ok(c) => {
                out.push(c);
                index += c.len_utf16();
            }
            Err(_) => {
                return Err(TextError::LoneSurrogate {
                    parameter: parameter.to_owned(),
                    index,
                });
            }
        }
    }
    Ok(out)
}
