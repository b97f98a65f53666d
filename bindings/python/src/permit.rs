//! Canonical action hashes, signed permits and the replay guard.

use std::sync::Arc;

use agentsentinel::permit::{self as core, ActionHash, KeyRing, PermitClaims};
use agentsentinel::replay;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};

use crate::convert;

/// Hashes an action given as JSON text or as a Python value (see
/// [`convert::canonical_from_py`]), releasing the GIL for long text.
fn hash_action(py: Python<'_>, action: &Bound<'_, PyAny>) -> PyResult<ActionHash> {
    convert::canonical_from_py(py, action, "action").map(|bytes| ActionHash::of_canonical(&bytes))
}

/// The RFC 8785 canonical bytes of an action.
#[pyfunction]
pub(crate) fn canonicalize<'py>(
    py: Python<'py>,
    action: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyBytes>> {
    let canonical = convert::canonical_from_py(py, action, "action")?;
    Ok(PyBytes::new(py, &canonical))
}

/// `sha256:<64 hex>` of the canonical bytes of an action.
#[pyfunction]
pub(crate) fn action_hash(py: Python<'_>, action: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(hash_action(py, action)?.to_string())
}

/// 32 fresh random bytes from the operating system, for an HMAC permit key.
#[pyfunction]
pub(crate) fn generate_secret(py: Python<'_>) -> PyResult<Bound<'_, PyBytes>> {
    let secret = core::generate_secret().map_err(convert::to_py_err)?;
    Ok(PyBytes::new(py, secret.as_ref()))
}

/// Mints permits with an HMAC-SHA256 key, or an Ed25519 seed (`PermitSigner.ed25519`).
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct PermitSigner(core::PermitSigner);

#[pymethods]
impl PermitSigner {
    #[new]
    fn new(key_id: &Bound<'_, PyAny>, secret: &Bound<'_, PyAny>) -> PyResult<Self> {
        let key_id = convert::str_from_py(key_id, "key_id")?;
        let secret = convert::bytes_from_py(secret, "secret")?;
        core::PermitSigner::hmac(&key_id, secret)
            .map(Self)
            .map_err(convert::to_py_err)
    }

    /// A signer holding a 32-byte Ed25519 seed; verifiers need only its `ed25519_public_key`.
    #[staticmethod]
    fn ed25519(key_id: &Bound<'_, PyAny>, seed: &Bound<'_, PyAny>) -> PyResult<Self> {
        let key_id = convert::str_from_py(key_id, "key_id")?;
        let seed = convert::bytes_from_py(seed, "seed")?;
        core::PermitSigner::ed25519(&key_id, seed)
            .map(Self)
            .map_err(convert::to_py_err)
    }

    /// The 32-byte Ed25519 public key, or `None` for an HMAC signer.
    #[getter]
    fn ed25519_public_key<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.0
            .ed25519_public_key()
            .map(|key| PyBytes::new(py, &key))
    }

    #[pyo3(signature = (action, *, subject, ttl_seconds, scope = None, approver = None, now = None))]
    #[expect(
        clippy::too_many_arguments,
        reason = "keyword arguments of the Python signature"
    )]
    fn mint(
        &self,
        py: Python<'_>,
        action: &Bound<'_, PyAny>,
        subject: &str,
        ttl_seconds: u64,
        scope: Option<&str>,
        approver: Option<&str>,
        now: Option<u64>,
    ) -> PyResult<String> {
        let hash = hash_action(py, action)?;
        let claims = claims(subject, ttl_seconds, scope, approver);
        self.0
            .mint_hash(&hash, &claims, convert::now_seconds(now))
            .map_err(convert::to_py_err)
    }

    #[pyo3(signature = (action, nonce, *, subject, ttl_seconds, scope = None, approver = None, now = None))]
    #[expect(clippy::too_many_arguments, reason = "mirrors `mint` plus the nonce")]
    fn mint_with_nonce(
        &self,
        action: &Bound<'_, PyAny>,
        nonce: &Bound<'_, PyAny>,
        subject: &str,
        ttl_seconds: u64,
        scope: Option<&str>,
        approver: Option<&str>,
        now: Option<u64>,
    ) -> PyResult<String> {
        let nonce = convert::fixed_bytes_from_py::<16>(nonce, "nonce")?;
        let action = convert::text_from_py(action, "action")?;
        let claims = claims(subject, ttl_seconds, scope, approver);
        self.0
            .mint_with_nonce(&action, &claims, convert::now_seconds(now), nonce)
            .map_err(|err| convert::to_py_err_in(err, &action))
    }

    #[getter]
    fn key_id(&self) -> &str {
        self.0.key_id()
    }

    #[getter]
    fn algorithm(&self) -> &'static str {
        self.0.algorithm().tag()
    }

    fn __repr__(&self) -> String {
        format!(
            "PermitSigner(key_id={}, algorithm='{}')",
            convert::quote(self.0.key_id()),
            self.0.algorithm().tag()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "PermitSigner",
            "secrets are never serialised; load the key in the other process",
        ))
    }
}

fn claims(
    subject: &str,
    ttl_seconds: u64,
    scope: Option<&str>,
    approver: Option<&str>,
) -> PermitClaims {
    let mut claims = PermitClaims::new(subject, ttl_seconds);
    if let Some(scope) = scope {
        claims = claims.scope(scope);
    }
    if let Some(approver) = approver {
        claims = claims.approver(approver);
    }
    claims
}

/// Verifies permits against trusted keys and records their nonces.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct PermitVerifier(core::PermitVerifier);

#[pymethods]
impl PermitVerifier {
    #[new]
    #[pyo3(signature = (keys, *, ed25519_keys = None, leeway_seconds = core::PermitVerifier::DEFAULT_LEEWAY, max_lifetime_seconds = core::PermitVerifier::DEFAULT_MAX_LIFETIME, replay_guard = None))]
    fn new(
        keys: &Bound<'_, PyAny>,
        ed25519_keys: Option<&Bound<'_, PyAny>>,
        leeway_seconds: u64,
        max_lifetime_seconds: u64,
        replay_guard: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let Ok(keys) = keys.cast::<PyDict>() else {
            return Err(convert::wrong_type(
                keys,
                "keys",
                "a `dict` of key id to secret `bytes`",
            ));
        };
        let mut ring = KeyRing::new();
        for (key_id, secret) in keys.iter() {
            let key_id = convert::str_from_py(&key_id, "keys")?;
            let secret = convert::bytes_from_py(&secret, &format!("keys[{key_id:?}]"))?;
            ring = ring
                .with_hmac(&key_id, secret)
                .map_err(convert::to_py_err)?;
        }
        if let Some(public_keys) = ed25519_keys.filter(|keys| !keys.is_none()) {
            let Ok(public_keys) = public_keys.cast::<PyDict>() else {
                return Err(convert::wrong_type(
                    public_keys,
                    "ed25519_keys",
                    "a `dict` of key id to 32-byte public key `bytes`, or `None`",
                ));
            };
            for (key_id, public_key) in public_keys.iter() {
                let key_id = convert::str_from_py(&key_id, "ed25519_keys")?;
                let public_key =
                    convert::bytes_from_py(&public_key, &format!("ed25519_keys[{key_id:?}]"))?;
                ring = ring
                    .with_ed25519(&key_id, public_key)
                    .map_err(convert::to_py_err)?;
            }
        }
        let mut verifier = core::PermitVerifier::new(ring)
            .with_leeway(leeway_seconds)
            .with_max_lifetime(max_lifetime_seconds);
        if let Some(guard) = replay_guard.filter(|guard| !guard.is_none()) {
            let Ok(guard) = guard.cast::<ReplayGuard>() else {
                return Err(convert::wrong_type(
                    guard,
                    "replay_guard",
                    "a `ReplayGuard` or `None`",
                ));
            };
            verifier = verifier.with_replay_guard(Arc::clone(&guard.get().0));
        }
        Ok(Self(verifier))
    }

    #[pyo3(signature = (token, action, *, now = None))]
    fn verify(
        &self,
        py: Python<'_>,
        token: &Bound<'_, PyAny>,
        action: &Bound<'_, PyAny>,
        now: Option<u64>,
    ) -> PyResult<Permit> {
        let token = convert::str_from_py(token, "token")?;
        let now = convert::now_seconds(now);
        // Short JSON text goes to the domain crate's `verify`, whose errors point into the text;
        // anything else is hashed first (long text with the GIL released).
        if action.is_instance_of::<PyString>() || action.is_instance_of::<PyBytes>() {
            let text = convert::text_from_py(action, "action")?;
            if text.len() < convert::DETACH_BYTES {
                return self
                    .0
                    .verify(&token, &text, now)
                    .map(Permit)
                    .map_err(|err| convert::to_py_err_in(err, &text));
            }
        }
        let hash = hash_action(py, action)?;
        self.0
            .verify_hash(&token, &hash, now)
            .map(Permit)
            .map_err(convert::to_py_err)
    }

    #[getter]
    fn replay_guard(&self) -> Option<ReplayGuard> {
        self.0
            .replay_guard()
            .map(|guard| ReplayGuard(Arc::clone(guard)))
    }

    fn __repr__(&self) -> &'static str {
        "PermitVerifier(...)"
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "PermitVerifier",
            "secrets and recorded nonces are never serialised; build a verifier per process",
        ))
    }
}

/// A verified permit: what was approved, for whom, until when.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct Permit(core::Permit);

#[pymethods]
impl Permit {
    #[getter]
    fn algorithm(&self) -> &'static str {
        self.0.algorithm().tag()
    }

    #[getter]
    fn key_id(&self) -> &str {
        self.0.key_id()
    }

    #[getter]
    fn action_hash(&self) -> String {
        self.0.action_hash().to_string()
    }

    #[getter]
    fn subject(&self) -> &str {
        self.0.subject()
    }

    #[getter]
    fn issued_at(&self) -> u64 {
        self.0.issued_at()
    }

    #[getter]
    fn expires_at(&self) -> u64 {
        self.0.expires_at()
    }

    #[getter]
    fn nonce_hex(&self) -> String {
        self.0.nonce_hex()
    }

    #[getter]
    fn scope(&self) -> Option<&str> {
        self.0.scope()
    }

    #[getter]
    fn approver(&self) -> Option<&str> {
        self.0.approver()
    }

    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("algorithm", self.algorithm())?;
        dict.set_item("key_id", self.key_id())?;
        dict.set_item("action_hash", self.action_hash())?;
        dict.set_item("subject", self.subject())?;
        dict.set_item("issued_at", self.issued_at())?;
        dict.set_item("expires_at", self.expires_at())?;
        dict.set_item("nonce_hex", self.nonce_hex())?;
        dict.set_item("scope", self.scope())?;
        dict.set_item("approver", self.approver())?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        format!(
            "Permit(subject={}, action_hash='{}', expires_at={})",
            convert::quote(self.0.subject()),
            self.0.action_hash(),
            self.0.expires_at()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "Permit",
            "send `to_dict()` instead; it was verified here",
        ))
    }
}

/// Remembers nonces until they expire and refuses any nonce seen before.
#[pyclass(frozen, module = "agentsentinel._core")]
pub(crate) struct ReplayGuard(Arc<replay::ReplayGuard>);

#[pymethods]
impl ReplayGuard {
    #[new]
    #[pyo3(signature = (capacity = core::PermitVerifier::DEFAULT_REPLAY_CAPACITY, window_seconds = core::MAX_MINT_TTL + 2 * core::PermitVerifier::MAX_LEEWAY))]
    fn new(capacity: usize, window_seconds: u64) -> Self {
        Self(Arc::new(replay::ReplayGuard::new(capacity, window_seconds)))
    }

    #[pyo3(signature = (nonce, expires_at, *, now = None))]
    fn check_and_record(
        &self,
        nonce: &Bound<'_, PyAny>,
        expires_at: u64,
        now: Option<u64>,
    ) -> PyResult<()> {
        let nonce = convert::fixed_bytes_from_py::<16>(nonce, "nonce")?;
        self.0
            .check_and_record(&nonce, expires_at, convert::now_seconds(now))
            .map_err(convert::to_py_err)
    }

    fn __contains__(&self, nonce: &Bound<'_, PyAny>) -> PyResult<bool> {
        let nonce = convert::fixed_bytes_from_py::<16>(nonce, "nonce")?;
        Ok(self.0.contains(&nonce))
    }

    #[pyo3(signature = (*, now = None))]
    fn purge_expired(&self, now: Option<u64>) {
        self.0.purge_expired(convert::now_seconds(now));
    }

    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let stats = self.0.stats();
        let dict = PyDict::new(py);
        dict.set_item("stored", stats.stored)?;
        dict.set_item("capacity", stats.capacity)?;
        dict.set_item("slots_usable", stats.slots_usable)?;
        dict.set_item("recorded", stats.recorded)?;
        dict.set_item("reclaimed", stats.reclaimed)?;
        dict.set_item("replays", stats.replays)?;
        dict.set_item("exhausted", stats.exhausted)?;
        dict.set_item("memory_bytes", stats.memory_bytes)?;
        Ok(dict)
    }

    #[getter]
    fn capacity(&self) -> usize {
        self.0.capacity()
    }

    #[getter]
    fn window_seconds(&self) -> u64 {
        self.0.window()
    }

    #[getter]
    fn memory_bytes(&self) -> usize {
        self.0.memory_bytes()
    }

    fn __repr__(&self) -> String {
        format!(
            "ReplayGuard(capacity={}, window_seconds={})",
            self.0.capacity(),
            self.0.window()
        )
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(convert::not_picklable(
            "ReplayGuard",
            "recorded nonces live in this process; share one guard between threads instead",
        ))
    }
}
