//! Every conversion between JS and Rust values, and the only error mapping.

use agentsentinel::Diagnostic as _;
use agentsentinel::core::{TextError, decode_utf16};
use napi::bindgen_prelude::FromNapiValue as _;
use napi::{JsString, Unknown, ValueType};

/// The stable AgentSentinel error code, carried as the thrown `Error`'s `code` property.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ErrorCode(pub &'static str);

impl AsRef<str> for ErrorCode {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// Turns any agentsentinel error into a JS `Error` with our stable `code`. Nothing else does
/// this.
pub fn to_js_err(err: impl Into<agentsentinel::Error>) -> napi::Error<ErrorCode> {
    let err = err.into();
    let message = match err.help() {
        Some(help) => format!("{err} (help: {help})"),
        None => err.to_string(),
    };
    napi::Error::new(ErrorCode(err.code()), message)
}

/// Strict text from a JS value: a string with an unpaired surrogate is an error, never a silent
/// U+FFFD, and a non-string is `core.wrong_type`.
pub fn text_from_js(value: Unknown<'_>, parameter: &str) -> napi::Result<String, ErrorCode> {
    let value_type = value.get_type().map_err(napi_failure)?;
    if value_type != ValueType::String {
        return Err(to_js_err(TextError::WrongType {
            parameter: parameter.to_owned(),
            expected: "a string".to_owned(),
            found: type_name(value_type).to_owned(),
        }));
    }
    let string = JsString::from_unknown(value).map_err(napi_failure)?;
    let len = string.utf16_len().map_err(napi_failure)?;
    let units = string.into_utf16().map_err(napi_failure)?;
    // napi's buffer carries the C terminator after the string's own code units: cut it off, or
    // every fingerprint would hash a trailing NUL (test-vectors/fingerprint catches this).
    let units = units.as_slice();
    decode_utf16(&units[..len.min(units.len())], parameter).map_err(to_js_err)
}

#[expect(
    clippy::needless_pass_by_value,
    reason = "used as a `map_err` callback"
)]
fn napi_failure(err: napi::Error) -> napi::Error<ErrorCode> {
    napi::Error::new(ErrorCode("core.internal"), err.reason.clone())
}

fn type_name(value_type: ValueType) -> &'static str {
    match value_type {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        ValueType::External => "an external",
        ValueType::BigInt => "a bigint",
        ValueType::Unknown => "an unknown value",
    }
}
