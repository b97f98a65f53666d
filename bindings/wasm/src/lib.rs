//! WebAssembly bindings of AgentSentinel (wasm-bindgen), for browsers and Node.
//!
//! Thin by design: each function converts its arguments, makes one call into `agentsentinel`,
//! and converts the result back. Errors become JS `Error`s whose `code` is our stable code in
//! `to_js_err` and nowhere else.
#![deny(unsafe_code)]

use agentsentinel::Diagnostic as _;
use agentsentinel::core::TextError;
use wasm_bindgen::prelude::*;

/// The version of AgentSentinel.
#[wasm_bindgen]
#[must_use]
pub fn version() -> String {
    agentsentinel::version().to_owned()
}

/// SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.
///
/// # Errors
///
/// An `Error` with `code` `core.lone_surrogate` for a string with an unpaired surrogate, and
/// `core.wrong_type` for anything that is not a string.
#[wasm_bindgen]
pub fn fingerprint(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<String, JsValue> {
    let text = text_from_js(text, "text")?;
    Ok(agentsentinel::fingerprint(&text))
}

/// Strict text from a JS value: an unpaired surrogate is an error, never a silent U+FFFD.
fn text_from_js(value: &JsValue, parameter: &str) -> Result<String, JsValue> {
    let Some(string) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(to_js_err(TextError::WrongType {
            parameter: parameter.to_owned(),
            expected: "a string".to_owned(),
            found: value.js_typeof().as_string().unwrap_or_default(),
        }));
    };
    let units: Vec<u16> = string.iter().collect();
    agentsentinel::core::decode_utf16(&units, parameter).map_err(to_js_err)
}

/// Turns any agentsentinel error into a JS `Error` with our stable `code`. Nothing else does this.
fn to_js_err(err: impl Into<agentsentinel::Error>) -> JsValue {
    let err = err.into();
    let js_error = js_sys::Error::new(&err.to_string());
    let _ = js_sys::Reflect::set(&js_error, &"code".into(), &err.code().into());
    if let Some(help) = err.help() {
        let _ = js_sys::Reflect::set(&js_error, &"help".into(), &help.into());
    }
    js_error.into()
}
