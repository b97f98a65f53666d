//! The input shield: `analyze`, `InputShield`, `Assessment`, `Finding`, canaries, spotlighting.

use std::sync::OnceLock;

use agentsentinel::input_shield::{self as shield, CanaryToken as CoreToken, SpotlightMode};
use agentsentinel::{ThreatCategory, ThreatLevel};
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::convert;

/// The default shield, compiled once per process and shared by `analyze` and `should_block`.
fn default_shield() -> &'static shield::InputShield {
    static SHIELD: OnceLock<shield::InputShield> = OnceLock::new();
    SHIELD.get_or_init(shield::InputShield::default)
}

/// Analyses `text` with `shield`, releasing the GIL for long texts.
fn run(
    py: Python<'_>,
    shield: &shield::InputShield,
    text: &Bound<'_, PyAny>,
) -> PyResult<Assessment> {
    let text = convert::text_from_py(text, "text")?;
    let text: &str = &text;
    let inner = if text.len() >= convert::DETACH_BYTES {
        py.detach(|| shield.analyze(text))
    } else {
        shield.analyze(text)
    };
    Ok(Assessment(inner))
}

/// Analyses `text` with the built-in rules.
#[pyfunction]
pub(crate) fn analyze(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Assessment> {
    run(py, default_shield(), text)
}

/// Whether `text` scores at or above the default block threshold.
#[pyfunction]
pub(crate) fn should_block(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(run(py, default_shield(), text)?.0.should_block)
}

/// A configured prompt-injection detector.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct InputShield(shield::InputShield);

#[pymethods]
impl InputShield {
    #[new]
    #[expect(
        clippy::needless_pass_by_value,
        reason = "pyo3 extracts sequences into owned values"
    )]
    #[pyo3(signature = (*, block_threshold = shield::DEFAULT_BLOCK_THRESHOLD.into(), disable_rules = Vec::new(), allow_phrases = Vec::new(), rules = Vec::new()))]
    fn new(
        block_threshold: i64,
        disable_rules: Vec<Bound<'_, PyAny>>,
        allow_phrases: Vec<Bound<'_, PyAny>>,
        rules: Vec<Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        // Out-of-range values saturate so the builder reports them with its own error code.
        let threshold = u8::try_from(block_threshold.clamp(0, 255)).unwrap_or(u8::MAX);
        let mut builder = shield::InputShield::builder().block_threshold(threshold);
        for (index, rule) in rules.iter().enumerate() {
            builder = builder.add_rule(convert::rule_from_py(rule, &format!("rules[{index}]"))?);
        }
        for (index, id) in disable_rules.iter().enumerate() {
            builder = builder.disable_rule(&convert::str_from_py(
                id,
                &format!("disable_rules[{index}]"),
            )?);
        }
        for (index, phrase) in allow_phrases.iter().enumerate() {
            builder = builder.allow_phrase(&convert::str_from_py(
                phrase,
                &format!("allow_phrases[{index}]"),
            )?);
        }
        builder.build().map(Self).map_err(convert::to_py_err)
    }

    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Assessment> {
        run(py, &self.0, text)
    }

    fn should_block(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(run(py, &self.0, text)?.0.should_block)
    }

    #[getter]
    fn block_threshold(&self) -> u8 {
        self.0.block_threshold()
    }

    #[getter]
    fn rule_ids(&self) -> Vec<String> {
        self.0.rules().map(|rule| rule.id.clone()).collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "InputShield(block_threshold={}, rules={})",
            self.0.block_threshold(),
            self.0.rules().count()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "InputShield",
            "build one per process with the same options",
        ))
    }
}

/// The verdict of the shield on one text.
#[pyclass(frozen, eq, module = "agentsentinel._core")]
#[derive(PartialEq)]
pub(crate) struct Assessment(agentsentinel::Assessment);

#[pymethods]
impl Assessment {
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        convert::serde_from_py(data, "data", "an assessment").map(Self)
    }

    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.0.findings.iter().cloned().map(Finding))
    }

    #[getter]
    fn risk_score(&self) -> u8 {
        self.0.risk_score
    }

    #[getter]
    fn threat_level(&self) -> &'static str {
        level_name(self.0.threat_level)
    }

    #[getter]
    fn should_block(&self) -> bool {
        self.0.should_block
    }

    #[getter]
    fn fingerprint(&self) -> &str {
        &self.0.fingerprint
    }

    #[getter]
    fn analysis_time_us(&self) -> u64 {
        self.0.analysis_time_us
    }

    fn rule_ids(&self) -> Vec<&str> {
        self.0.rule_ids()
    }

    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::serde_to_py(py, &self.0)
    }

    fn to_json(&self) -> PyResult<String> {
        convert::serde_to_json(&self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Assessment(risk_score={}, threat_level='{}', should_block={}, rule_ids={})",
            self.0.risk_score,
            self.0.threat_level,
            if self.0.should_block { "True" } else { "False" },
            list_repr(&self.0.rule_ids()),
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> convert::Reduce<'py, (Py<PyAny>,)> {
        let rebuild = py.get_type::<Self>().getattr("from_dict")?;
        Ok((rebuild, (self.to_dict(py)?,)))
    }
}

/// One suspicious thing found in a text.
#[pyclass(frozen, eq, module = "agentsentinel._core")]
#[derive(PartialEq)]
pub(crate) struct Finding(agentsentinel::Finding);

#[pymethods]
impl Finding {
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        convert::serde_from_py(data, "data", "a finding").map(Self)
    }

    #[getter]
    fn rule_id(&self) -> &str {
        &self.0.rule_id
    }

    #[getter]
    fn category(&self) -> &'static str {
        category_name(self.0.category)
    }

    #[getter]
    fn level(&self) -> &'static str {
        level_name(self.0.level)
    }

    #[getter]
    fn weight(&self) -> u8 {
        self.0.weight
    }

    /// Python string indices; `byte_span` counts UTF-8 bytes.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.0.char_span.start, self.0.char_span.end)
    }

    #[getter]
    fn char_span(&self) -> (usize, usize) {
        self.span()
    }

    #[getter]
    fn byte_span(&self) -> (usize, usize) {
        (self.0.span.start, self.0.span.end)
    }

    #[getter]
    fn excerpt(&self) -> &str {
        &self.0.excerpt
    }

    #[getter]
    fn description(&self) -> &str {
        &self.0.description
    }

    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::serde_to_py(py, &self.0)
    }

    fn to_json(&self) -> PyResult<String> {
        convert::serde_to_json(&self.0)
    }

    fn __repr__(&self) -> String {
        format!(
            "Finding(rule_id={}, level='{}', span=({}, {}), excerpt={})",
            convert::quote(&self.0.rule_id),
            self.0.level,
            self.0.char_span.start,
            self.0.char_span.end,
            convert::quote(&self.0.excerpt)
        )
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> convert::Reduce<'py, (Py<PyAny>,)> {
        let rebuild = py.get_type::<Self>().getattr("from_dict")?;
        Ok((rebuild, (self.to_dict(py)?,)))
    }
}

/// A canary token to embed in a system prompt.
#[pyclass(frozen, eq, hash, module = "agentsentinel._core")]
#[derive(PartialEq, Hash)]
pub(crate) struct CanaryToken(CoreToken);

#[pymethods]
impl CanaryToken {
    #[new]
    fn new(token: &Bound<'_, PyAny>) -> PyResult<Self> {
        let text = convert::str_from_py(token, "token")?;
        CoreToken::parse(&text)
            .map(Self)
            .map_err(|err| convert::to_py_err_in(err, &text))
    }

    #[getter]
    fn value(&self) -> &str {
        self.0.as_str()
    }

    #[getter]
    fn instruction(&self) -> String {
        self.0.instruction()
    }

    fn __str__(&self) -> &str {
        self.0.as_str()
    }

    fn __repr__(&self) -> String {
        format!("CanaryToken({})", convert::quote(self.0.as_str()))
    }

    fn __reduce__<'py>(&self, py: Python<'py>) -> (Bound<'py, PyType>, (String,)) {
        (py.get_type::<Self>(), (self.0.as_str().to_owned(),))
    }
}

/// One leak of one canary token in model output.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct CanaryLeak(shield::CanaryLeak);

#[pymethods]
impl CanaryLeak {
    #[getter]
    fn token(&self) -> &str {
        self.0.token.as_str()
    }

    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }

    #[getter]
    fn rule_id(&self) -> &str {
        &self.0.finding.rule_id
    }

    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.0.finding.char_span.start, self.0.finding.char_span.end)
    }

    #[getter]
    fn byte_span(&self) -> (usize, usize) {
        (self.0.finding.span.start, self.0.finding.span.end)
    }

    #[getter]
    fn finding(&self) -> Finding {
        Finding(self.0.finding.clone())
    }

    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::serde_to_py(py, &self.0)
    }

    fn __repr__(&self) -> String {
        let (start, end) = self.span();
        format!(
            "CanaryLeak(token={}, kind='{}', span=({start}, {end}))",
            convert::quote(self.0.token.as_str()),
            self.0.kind
        )
    }
}

/// Issues canary tokens and finds them in model output.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct CanaryManager(shield::CanaryManager);

#[pymethods]
impl CanaryManager {
    #[new]
    fn new() -> Self {
        Self(shield::CanaryManager::new())
    }

    fn issue(&self) -> PyResult<CanaryToken> {
        self.0.issue().map(CanaryToken).map_err(convert::to_py_err)
    }

    fn register(&self, token: &Bound<'_, PyAny>) -> PyResult<bool> {
        let token = token_from_py(token)?;
        self.0.register(token).map_err(convert::to_py_err)
    }

    fn revoke(&self, token: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.revoke(&token_from_py(token)?))
    }

    fn __contains__(&self, token: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.contains(&token_from_py(token)?))
    }

    fn tokens(&self) -> Vec<CanaryToken> {
        self.0.tokens().into_iter().map(CanaryToken).collect()
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn check(&self, py: Python<'_>, output: &Bound<'_, PyAny>) -> PyResult<Vec<CanaryLeak>> {
        let output = convert::text_from_py(output, "output")?;
        let output: &str = &output;
        let leaks = if output.len() >= convert::DETACH_BYTES {
            py.detach(|| self.0.check(output))
        } else {
            self.0.check(output)
        };
        Ok(leaks.into_iter().map(CanaryLeak).collect())
    }

    fn __repr__(&self) -> String {
        format!("CanaryManager(tokens={})", self.0.len())
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "CanaryManager",
            "register the same tokens (`str(token)`) in a new manager",
        ))
    }
}

fn token_from_py(token: &Bound<'_, PyAny>) -> PyResult<CoreToken> {
    if let Ok(token) = token.cast::<CanaryToken>() {
        return Ok(token.get().0.clone());
    }
    let text = convert::str_from_py(token, "token")?;
    CoreToken::parse(&text).map_err(|err| convert::to_py_err_in(err, &text))
}

/// Untrusted content marked for a prompt.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct Spotlighted(shield::Spotlighted);

#[pymethods]
impl Spotlighted {
    #[getter]
    fn text(&self) -> &str {
        self.0.text()
    }

    #[getter]
    fn instruction(&self) -> &str {
        self.0.instruction()
    }

    #[getter]
    fn mode(&self) -> &'static str {
        self.0.mode().as_str()
    }

    fn recover(&self) -> String {
        self.0.recover()
    }

    fn __str__(&self) -> &str {
        self.0.text()
    }

    fn __repr__(&self) -> String {
        format!(
            "Spotlighted(mode='{}', text_len={})",
            self.0.mode(),
            self.0.text().chars().count()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "Spotlighted",
            "send `text` and `instruction` instead",
        ))
    }
}

/// Marks untrusted `content` so the model can tell it from instructions.
#[pyfunction]
#[pyo3(signature = (content, mode = "delimit"))]
pub(crate) fn spotlight(
    py: Python<'_>,
    content: &Bound<'_, PyAny>,
    mode: &str,
) -> PyResult<Spotlighted> {
    let mode = mode.parse::<SpotlightMode>().map_err(convert::to_py_err)?;
    let content = convert::text_from_py(content, "content")?;
    let content: &str = &content;
    let wrapped = if content.len() >= convert::DETACH_BYTES {
        py.detach(|| shield::spotlight(content, mode))
    } else {
        shield::spotlight(content, mode)
    };
    wrapped.map(Spotlighted).map_err(convert::to_py_err)
}

/// [`spotlight`] with fixed seed material (16 bytes): for the shared test vectors only, where the
/// boundary must be reproducible. Never use it for real content.
#[pyfunction]
pub(crate) fn _spotlight_seeded(
    content: &Bound<'_, PyAny>,
    mode: &str,
    seed: &Bound<'_, PyAny>,
) -> PyResult<Spotlighted> {
    let mode = mode.parse::<SpotlightMode>().map_err(convert::to_py_err)?;
    let content = convert::text_from_py(content, "content")?;
    let seed = convert::fixed_bytes_from_py::<16>(seed, "seed")?;
    Ok(Spotlighted(
        shield::Spotlighter::with_seed_material(seed).wrap(&content, mode),
    ))
}

/// A list of strings as Python shows it.
pub(crate) fn list_repr<S: AsRef<str>>(items: &[S]) -> String {
    let quoted: Vec<String> = items
        .iter()
        .map(|item| convert::quote(item.as_ref()))
        .collect();
    format!("[{}]", quoted.join(", "))
}

fn level_name(level: ThreatLevel) -> &'static str {
    level.as_str()
}

fn category_name(category: ThreatCategory) -> &'static str {
    category.as_str()
}
