//! Node.js bindings of AgentSentinel (napi-rs).
//!
//! Thin by design: each function converts its arguments (`convert`), makes one call into
//! `agentsentinel`, and converts the result back. Errors become JS `Error`s whose `code` is our
//! stable code in `convert::to_js_err` and nowhere else.
#![deny(unsafe_code)]

use napi::Unknown;
use napi_derive::napi;

mod convert;

use convert::ErrorCode;

/// The version of AgentSentinel.
#[napi]
#[must_use]
pub fn version() -> &'static str {
    agentsentinel::version()
}

/// SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.
///
/// # Errors
///
/// Throws an `Error` with `code` `core.lone_surrogate` for a string with an unpaired surrogate,
/// and `core.wrong_type` for anything that is not a string.
#[napi(ts_args_type = "text: string")]
pub fn fingerprint(text: Unknown<'_>) -> napi::Result<String, ErrorCode> {
    let text = convert::text_from_js(text, "text")?;
    Ok(agentsentinel::fingerprint(&text))
}
