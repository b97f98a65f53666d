//! Python bindings of AgentSentinel, imported as `agentsentinel._core`.
//!
//! Thin by design: each function converts its arguments (`convert`), makes one call into
//! `agentsentinel`, and converts the result back. Errors become Python exceptions in
//! `convert::to_py_err` and nowhere else. One module per domain: `shield`, `policy`, `permit`.
#![deny(unsafe_code)]
#![expect(
    clippy::unused_self,
    reason = "Python methods such as `__reduce__` take `self` whether or not they read it"
)]

use pyo3::prelude::*;

mod convert;
mod permit;
mod policy;
mod shield;

/// The version of AgentSentinel.
#[pyfunction]
fn version() -> &'static str {
    agentsentinel::version()
}

/// SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.
#[pyfunction]
fn fingerprint(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = convert::text_from_py(text, "text")?;
    let text: &str = &text;
    Ok(if text.len() >= convert::DETACH_BYTES {
        py.detach(|| agentsentinel::fingerprint(text))
    } else {
        agentsentinel::fingerprint(text)
    })
}

/// The compiled core of the `agentsentinel` package.
#[pymodule]
fn _core(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", agentsentinel::version())?;
    module.add_function(wrap_pyfunction!(version, module)?)?;
    module.add_function(wrap_pyfunction!(fingerprint, module)?)?;

    module.add_function(wrap_pyfunction!(shield::analyze, module)?)?;
    module.add_function(wrap_pyfunction!(shield::should_block, module)?)?;
    module.add_function(wrap_pyfunction!(shield::spotlight, module)?)?;
    module.add_function(wrap_pyfunction!(shield::_spotlight_seeded, module)?)?;
    module.add_class::<shield::InputShield>()?;
    module.add_class::<shield::Assessment>()?;
    module.add_class::<shield::Finding>()?;
    module.add_class::<shield::CanaryManager>()?;
    module.add_class::<shield::CanaryToken>()?;
    module.add_class::<shield::CanaryLeak>()?;
    module.add_class::<shield::Spotlighted>()?;

    module.add_class::<policy::Policy>()?;
    module.add_class::<policy::Sessions>()?;
    module.add_class::<policy::Decision>()?;

    module.add_function(wrap_pyfunction!(permit::canonicalize, module)?)?;
    module.add_function(wrap_pyfunction!(permit::action_hash, module)?)?;
    module.add_function(wrap_pyfunction!(permit::generate_secret, module)?)?;
    module.add_class::<permit::PermitSigner>()?;
    module.add_class::<permit::PermitVerifier>()?;
    module.add_class::<permit::Permit>()?;
    module.add_class::<permit::ReplayGuard>()?;
    Ok(())
}
