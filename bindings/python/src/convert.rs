//! Every conversion between Python and Rust values, and the only error mapping.

use std::borrow::Cow;

use agentsentinel::Diagnostic as _;
use agentsentinel::core::TextError;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

pyo3::import_exception!(agentsentinel.errors, SentinelError);

/// Turns any agentsentinel error into the matching Python exception. Nothing else does this.
///
/// The exception is raised with `(message, code, help, span)`; `errors.py` unpacks them into
/// attributes.
pub(crate) fn to_py_err(err: impl Into<agentsentinel::Error>) -> PyErr {
    let err = err.into();
    let span = err.span().map(|span| (span.start, span.end));
    let args = (err.to_string(), err.code(), err.help(), span);
    match err {
        agentsentinel::Error::Text(TextError::WrongType { .. }) => {
            // A wrong type is a TypeError in Python, whatever our code says.
            PyTypeError::new_err(args.0)
        }
        _ => SentinelError::new_err(args),
    }
}

/// Text from a `str` or UTF-8 `bytes` argument named `parameter`.
///
/// A `str` holding a lone surrogate, or `bytes` that are not UTF-8, raise `SentinelError` with
/// code `core.lone_surrogate` / `core.invalid_utf8`; anything else raises `TypeError`.
pub(crate) fn text_from_py<'a>(
    value: &'a Bound<'_, PyAny>,
    parameter: &str,
) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = value.cast::<PyString>() {
        return text.to_cow().map_err(|_| {
            to_py_err(TextError::LoneSurrogate {
                parameter: parameter.to_owned(),
                index: lone_surrogate_index(text),
            })
        });
    }
    if let Ok(bytes) = value.cast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        return std::str::from_utf8(bytes)
            .map(|text| Cow::Owned(text.to_owned()))
            .map_err(|err| {
                to_py_err(TextError::InvalidUtf8 {
                    parameter: parameter.to_owned(),
                    offset: err.valid_up_to(),
                })
            });
    }
    let found = value
        .get_type()
        .name()
        .map_or_else(|_| "an unknown type".to_owned(), |name| format!("`{name}`"));
    Err(to_py_err(TextError::WrongType {
        parameter: parameter.to_owned(),
        expected: "`str` or `bytes`".to_owned(),
        found,
    }))
}

/// Code-point index (Python string index) of the first lone surrogate in `text`.
fn lone_surrogate_index(text: &Bound<'_, PyString>) -> usize {
    // `surrogatepass` encodes each surrogate as 3 bytes that Rust's UTF-8 check rejects, so the
    // valid prefix ends exactly at the first one.
    let encoded = text
        .call_method1("encode", ("utf-8", "surrogatepass"))
        .and_then(|bytes| bytes.extract::<Vec<u8>>());
    match encoded {
        Ok(bytes) => match std::str::from_utf8(&bytes) {
            Ok(valid) => valid.chars().count(),
            Err(err) => String::from_utf8_lossy(&bytes[..err.valid_up_to()])
                .chars()
                .count(),
        },
        Err(_) => 0,
    }
}
