//! Python bindings of AgentSentinel, imported as `agentsentinel._core`.
//!
//! Thin by design: each function converts its arguments (`convert`), makes one call into
//! `agentsentinel`, and converts the result back. Errors become Python exceptions in
//! `convert::to_py_err` and nowhere else.
#![deny(unsafe_code)]

use pyo3::prelude::*;

mod convert;

/// The version of AgentSentinel.
#[pyfunction]
fn version() -> &'static str {
    agentsentinel::version()
}

/// SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.
#[pyfunction]
fn fingerprint(text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = convert::text_from_py(text, "text")?;
    Ok(agentsentinel::fingerprint(&text))
}

/// The compiled core of the `agentsentinel` package.
#[pymodule]
fn _core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", agentsentinel::version())?;
    module.add_function(wrap_pyfunction!(version, module)?)?;
    module.add_function(wrap_pyfunction!(fingerprint, module)?)?;
    Ok(())
}
