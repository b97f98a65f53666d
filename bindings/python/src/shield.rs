//! The input shield: `analyze`, `InputShield`, `Assessment`, `Finding`, canaries, spotlighting.

use std::sync::{Arc, OnceLock};

use agentsentinel::input_shield::{self as shield, CanaryToken as CoreToken, SpotlightMode};
use agentsentinel::{ThreatCategory, ThreatLevel};
use pyo3::prelude::*;
use pyo3::types::{PyTuple, PyType};

use crate::convert;

/// The default shield, compiled once per process and shared by `analyze` and `should_block`.
fn default_shield() -> &'static Arc<shield::InputShield> {
    static SHIELD: OnceLock<Arc<shield::InputShield>> = OnceLock::new();
    SHIELD.get_or_init(|| Arc::new(shield::InputShield::default()))
}

/// Analyses `text` with `shield`, releasing the GIL for long texts. The findings stay in their
/// indexed form (`Assessment` dresses them when first asked), so a call that only reads the
/// verdict never copies rule strings and excerpts.
fn run(
    py: Python<'_>,
    shield: &Arc<shield::InputShield>,
    text: &Bound<'_, PyAny>,
) -> PyResult<Assessment> {
    let text = convert::text_from_py(text, "text")?;
    let text: &str = &text;
    let indexed = if text.len() >= convert::DETACH_BYTES {
        py.detach(|| shield.analyze_indexed(text))
    } else {
        shield.analyze_indexed(text)
    };
    // The text is kept only when findings need it for their excerpts.
    let text = if indexed.findings.is_empty() {
        Box::default()
    } else {
        Box::from(text)
    };
    Ok(Assessment {
        indexed: Some(Indexed {
            shield: Arc::clone(shield),
            text,
            assessment: indexed,
        }),
        full: OnceLock::new(),
    })
}

/// Whether `text` scores at or above `shield`'s block threshold, releasing the GIL for long texts.
fn run_should_block(
    py: Python<'_>,
    shield: &shield::InputShield,
    text: &Bound<'_, PyAny>,
) -> PyResult<bool> {
    let text = convert::text_from_py(text, "text")?;
    let text: &str = &text;
    Ok(if text.len() >= convert::DETACH_BYTES {
        py.detach(|| shield.should_block(text))
    } else {
        shield.should_block(text)
    })
}

/// Analyses `text` with the built-in rules.
#[pyfunction]
pub(crate) fn analyze(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Assessment> {
    run(py, default_shield(), text)
}

/// Whether `text` scores at or above the default block threshold.
#[pyfunction]
pub(crate) fn should_block(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<bool> {
    run_should_block(py, default_shield(), text)
}

/// A configured prompt-injection detector.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct InputShield(Arc<shield::InputShield>);

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
        builder
            .build()
            .map(|shield| Self(Arc::new(shield)))
            .map_err(convert::to_py_err)
    }

    fn analyze(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<Assessment> {
        run(py, &self.0, text)
    }

    fn should_block(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<bool> {
        run_should_block(py, &self.0, text)
    }

    #[getter]
    fn block_threshold(&self) -> u8 {
        self.0.block_threshold()
    }

    #[getter]
    fn rule_ids(&self) -> Vec<String> {
        self.0
            .rules()
            .map(|rule| rule.id.clone().into_owned())
            .collect()
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
pub(crate) struct Assessment {
    /// What `analyze` made, findings by rule index; `None` for one built by `from_dict`.
    indexed: Option<Indexed>,
    /// The full assessment, built from `indexed` on first use (or given by `from_dict`).
    full: OnceLock<agentsentinel::Assessment>,
}

/// An indexed assessment with what it takes to dress it: its shield and its text.
struct Indexed {
    shield: Arc<shield::InputShield>,
    /// The analysed text, or empty when there are no findings (nothing to excerpt).
    text: Box<str>,
    assessment: shield::IndexedAssessment,
}

impl Assessment {
    /// The full assessment, every finding with its rule's strings and its excerpt.
    fn full(&self) -> &agentsentinel::Assessment {
        self.full.get_or_init(|| match &self.indexed {
            Some(indexed) => indexed
                .shield
                .dress(&indexed.text, indexed.assessment.clone()),
            // INVARIANT: an Assessment without `indexed` is made with `full` set (`from_dict`).
            None => agentsentinel::Assessment::clean(""),
        })
    }

    /// Score, level, flag, fingerprint and time, which need no dressing.
    fn verdict(&self) -> (u8, ThreatLevel, bool, &str, u64) {
        if let Some(Indexed { assessment: a, .. }) = &self.indexed {
            return (
                a.risk_score,
                a.threat_level,
                a.should_block,
                &a.fingerprint,
                a.analysis_time_us,
            );
        }
        let a = self.full();
        (
            a.risk_score,
            a.threat_level,
            a.should_block,
            &a.fingerprint,
            a.analysis_time_us,
        )
    }
}

impl PartialEq for Assessment {
    fn eq(&self, other: &Self) -> bool {
        self.full() == other.full()
    }
}

#[pymethods]
impl Assessment {
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        let full: agentsentinel::Assessment =
            convert::serde_from_py(data, "data", "an assessment")?;
        Ok(Assessment {
            indexed: None,
            full: OnceLock::from(full),
        })
    }

    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.full().findings.iter().cloned().map(Finding))
    }

    #[getter]
    fn risk_score(&self) -> u8 {
        self.verdict().0
    }

    #[getter]
    fn threat_level(&self) -> &'static str {
        level_name(self.verdict().1)
    }

    #[getter]
    fn should_block(&self) -> bool {
        self.verdict().2
    }

    #[getter]
    fn fingerprint(&self) -> &str {
        self.verdict().3
    }

    #[getter]
    fn analysis_time_us(&self) -> u64 {
        self.verdict().4
    }

    fn rule_ids(&self) -> Vec<&str> {
        self.full().rule_ids()
    }

    fn to_dict(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        convert::serde_to_py(py, self.full())
    }

    fn to_json(&self) -> PyResult<String> {
        convert::serde_to_json(self.full())
    }

    fn __repr__(&self) -> String {
        let full = self.full();
        format!(
            "Assessment(risk_score={}, threat_level='{}', should_block={}, rule_ids={})",
            full.risk_score,
            full.threat_level,
            if full.should_block { "True" } else { "False" },
            list_repr(&full.rule_ids()),
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
