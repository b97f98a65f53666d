//! Tool-call policy: `Policy`, `Sessions`, `Decision`.

use agentsentinel::policy::{self as core, SessionLimits, SessionStore as _};
use agentsentinel::{SessionId, ToolCall};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::convert;

/// A checked, compiled policy.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct Policy(core::Policy);

/// Parses `source` with `parse`, releasing the GIL for long texts; errors point into `source`.
fn load(
    py: Python<'_>,
    source: &str,
    parse: impl FnOnce(&str) -> Result<core::Policy, core::PolicyError> + Send,
) -> PyResult<Policy> {
    let policy = if source.len() >= convert::DETACH_BYTES {
        py.detach(|| parse(source))
    } else {
        parse(source)
    };
    policy
        .map(Policy)
        .map_err(|err| convert::to_py_err_in(err, source))
}

#[pymethods]
impl Policy {
    #[staticmethod]
    #[pyo3(signature = (text, origin = "<string>"))]
    fn from_yaml(py: Python<'_>, text: &Bound<'_, PyAny>, origin: &str) -> PyResult<Self> {
        let text = convert::text_from_py(text, "text")?;
        load(py, &text, |source| core::Policy::from_yaml(source, origin))
    }

    #[staticmethod]
    #[pyo3(signature = (text, origin = "<string>"))]
    fn from_json(py: Python<'_>, text: &Bound<'_, PyAny>, origin: &str) -> PyResult<Self> {
        let text = convert::text_from_py(text, "text")?;
        load(py, &text, |source| core::Policy::from_json(source, origin))
    }

    #[staticmethod]
    #[pyo3(signature = (text, origin = "<string>"))]
    fn from_text(py: Python<'_>, text: &Bound<'_, PyAny>, origin: &str) -> PyResult<Self> {
        let text = convert::text_from_py(text, "text")?;
        load(py, &text, |source| core::Policy::from_text(source, origin))
    }

    #[staticmethod]
    fn from_file(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<Self> {
        let path = convert::path_from_py(path, "path")?;
        let origin = path.display().to_string();
        let text = py
            .detach(|| core::read_source(&path))
            .map_err(convert::to_py_err)?;
        load(py, &text, |source| core::Policy::from_text(source, &origin))
    }

    #[staticmethod]
    #[pyo3(signature = (data, origin = "<dict>"))]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>, origin: &str) -> PyResult<Self> {
        let text = convert::json_text_from_py(data, "data")?;
        load(py, &text, |source| core::Policy::from_json(source, origin))
    }

    #[staticmethod]
    fn deny_all(reason: &str) -> Self {
        Self(core::Policy::deny_all(reason))
    }

    #[pyo3(signature = (tool, args = None, *, now_ms = None))]
    fn evaluate(
        &self,
        tool: &Bound<'_, PyAny>,
        args: Option<&Bound<'_, PyAny>>,
        now_ms: Option<u64>,
    ) -> PyResult<Decision> {
        let call = convert::tool_call_from_py(tool, args)?;
        let decision = self
            .0
            .evaluate(&core::SessionState::new(), &call, convert::now_ms(now_ms));
        Ok(Decision::new(decision, Vec::new()))
    }

    #[pyo3(signature = (tool, args = None, *, now_ms = None))]
    fn explain(
        &self,
        py: Python<'_>,
        tool: &Bound<'_, PyAny>,
        args: Option<&Bound<'_, PyAny>>,
        now_ms: Option<u64>,
    ) -> PyResult<Py<PyAny>> {
        let call = convert::tool_call_from_py(tool, args)?;
        let explained = self
            .0
            .explain(&core::SessionState::new(), &call, convert::now_ms(now_ms));
        convert::serde_to_py(py, &explained)
    }

    #[getter]
    fn origin(&self) -> &str {
        self.0.origin()
    }

    #[getter]
    fn is_deny_all(&self) -> bool {
        self.0.is_deny_all()
    }

    #[getter]
    fn tools(&self) -> Vec<String> {
        self.0.tools().to_vec()
    }

    #[getter]
    fn rule_ids(&self) -> Vec<String> {
        self.0.rule_ids().to_vec()
    }

    fn __repr__(&self) -> String {
        format!(
            "Policy(origin={}, tools={}, rules={})",
            convert::quote(self.0.origin()),
            self.0.tools().len(),
            self.0.rule_ids().len()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "Policy",
            "load the policy again from its file or text in the other process",
        ))
    }
}

/// Session states for one policy, deciding each tool call atomically per session.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct Sessions {
    inner: core::Sessions,
}

#[pymethods]
impl Sessions {
    #[new]
    #[pyo3(signature = (policy, *, ttl_ms = SessionLimits::default().ttl_ms, max_sessions = SessionLimits::default().max_sessions))]
    fn new(policy: &Bound<'_, PyAny>, ttl_ms: u64, max_sessions: usize) -> PyResult<Self> {
        let Ok(policy) = policy.cast::<Policy>() else {
            return Err(convert::wrong_type(policy, "policy", "a `Policy`"));
        };
        let limits = SessionLimits {
            ttl_ms,
            max_sessions,
        };
        Ok(Self {
            inner: core::Sessions::with_limits(policy.get().0.clone(), limits),
        })
    }

    #[pyo3(signature = (session_id, tool, args = None, *, now_ms = None))]
    fn check(
        &self,
        session_id: &Bound<'_, PyAny>,
        tool: &Bound<'_, PyAny>,
        args: Option<&Bound<'_, PyAny>>,
        now_ms: Option<u64>,
    ) -> PyResult<Decision> {
        let session = SessionId::new(convert::str_from_py(session_id, "session_id")?);
        let call = convert::tool_call_from_py(tool, args)?;
        Ok(self.decide(&session, &call, convert::now_ms(now_ms)))
    }

    #[pyo3(signature = (session_id, tool, args = None, *, now_ms = None))]
    fn enforce(
        &self,
        py: Python<'_>,
        session_id: &Bound<'_, PyAny>,
        tool: &Bound<'_, PyAny>,
        args: Option<&Bound<'_, PyAny>>,
        now_ms: Option<u64>,
    ) -> PyResult<Decision> {
        let decision = self.check(session_id, tool, args, now_ms)?;
        if decision.inner.is_allow() {
            return Ok(decision);
        }
        let code = decision
            .inner
            .refusal_code()
            .unwrap_or("policy.denied")
            .to_owned();
        let help = match &decision.inner {
            agentsentinel::Decision::Deny { code: Some(_), .. } => {
                "the policy failed closed; fix the cause named by the code"
            }
            agentsentinel::Decision::RequireApproval { .. } => {
                "get a permit for exactly `decision.call`, verify it, then run the call"
            }
            _ => "do not run the call",
        };
        let message = format!(
            "`{}` is not allowed by `{}`: {}",
            convert::str_from_py(tool, "tool")?,
            decision.inner.rule(),
            decision.inner.reason()
        );
        let decision = Py::new(py, decision)?.into_any();
        Err(convert::violation_err(message, code, help, decision))
    }

    #[pyo3(signature = (session_id, *, now_ms = None))]
    fn taints(&self, session_id: &Bound<'_, PyAny>, now_ms: Option<u64>) -> PyResult<Vec<String>> {
        let session = SessionId::new(convert::str_from_py(session_id, "session_id")?);
        Ok(self.inner.taints(&session, convert::now_ms(now_ms)))
    }

    fn reset(&self, session_id: &Bound<'_, PyAny>) -> PyResult<()> {
        let session = SessionId::new(convert::str_from_py(session_id, "session_id")?);
        self.inner.reset(&session);
        Ok(())
    }

    #[getter]
    fn policy(&self) -> Policy {
        Policy(self.inner.policy().clone())
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Sessions(policy={}, sessions={})",
            convert::quote(self.inner.policy().origin()),
            self.inner.len()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "Sessions",
            "session state lives in this process; create a `Sessions` per process",
        ))
    }
}

impl Sessions {
    fn decide(&self, session: &SessionId, call: &ToolCall, now_ms: u64) -> Decision {
        let decision = self.inner.check(session, call, now_ms);
        let taints = self.inner.taints(session, now_ms);
        Decision::new(decision, taints)
    }
}

/// Whether a tool call may run, and why.
#[pyclass(frozen, eq, module = "agentsentinel._core")]
#[derive(PartialEq)]
pub(crate) struct Decision {
    inner: agentsentinel::Decision,
    /// The session's taints right after the call (empty for `Policy.evaluate`).
    taints: Vec<String>,
}

impl Decision {
    fn new(inner: agentsentinel::Decision, taints: Vec<String>) -> Self {
        Self { inner, taints }
    }
}

#[pymethods]
impl Decision {
    #[staticmethod]
    #[pyo3(signature = (data, taints = Vec::new()))]
    fn from_dict(data: &Bound<'_, PyAny>, taints: Vec<String>) -> PyResult<Self> {
        let inner = convert::serde_from_py(data, "data", "a decision")?;
        Ok(Self::new(inner, taints))
    }

    #[getter]
    fn allowed(&self) -> bool {
        self.inner.is_allow()
    }

    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }

    #[getter]
    fn rule(&self) -> &str {
        self.inner.rule()
    }

    #[getter]
    fn reason(&self) -> &str {
        self.inner.reason()
    }

    #[getter]
    fn code(&self) -> Option<&str> {
        match &self.inner {
            agentsentinel::Decision::Deny { code, .. } => code.as_deref(),
            _ => None,
        }
    }

    #[getter]
    fn taints<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.taints)
    }

    #[getter]
    fn call(&self, py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
        match &self.inner {
            agentsentinel::Decision::RequireApproval { call, .. } => {
                convert::serde_to_py(py, call).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::serde_to_py(py, &self.inner)
    }

    fn to_json(&self) -> PyResult<String> {
        convert::serde_to_json(&self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "Decision(kind='{}', rule={}, reason={}, taints={})",
            self.inner.kind(),
            convert::quote(self.inner.rule()),
            convert::quote(self.inner.reason()),
            crate::shield::list_repr(&self.taints)
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> convert::Reduce<'py, (Py<PyAny>, Vec<String>)> {
        let rebuild = py.get_type::<Self>().getattr("from_dict")?;
        Ok((rebuild, (self.to_dict(py)?, self.taints.clone())))
    }
}
