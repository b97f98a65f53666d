//! Minting and verifying permits: `PermitSigner`, `KeyRing`, `PermitVerifier`.

use std::sync::Arc;

use agentsentinel_replay::{ReplayError, ReplayGuard};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::error::{ErrorKind, PermitError};
use crate::jcs::{ActionHash, CanonicalLimits, action_hash_value, action_hash_with};
use crate::token::{
    Algorithm, Decoded, MAX_MINT_TTL, Permit, PermitClaims, append_signature, check_key_id,
    encode_signed_part,
};

/// Shortest HMAC secret accepted, in bytes.
pub const MIN_SECRET_LEN: usize = 32;

/// A keyed HMAC-SHA256 state. The secret itself is not kept: only the two hash states after the
/// padded key blocks, which `sha2`'s `zeroize` feature wipes on drop (as it does every clone).
type HmacKey = Hmac<Sha256>;

fn hmac_key(secret: &[u8]) -> Result<HmacKey, PermitError> {
    if secret.len() < MIN_SECRET_LEN {
        return Err(ErrorKind::WeakKey { len: secret.len() }.into());
    }
    HmacKey::new_from_slice(secret).map_err(|_| ErrorKind::InvalidKey("unusable HMAC key").into())
}

/// 32 fresh random bytes for an HMAC secret, wiped from memory when dropped.
///
/// # Examples
///
/// ```
/// let secret = agentsentinel_permit::generate_secret()?;
/// let signer = agentsentinel_permit::PermitSigner::hmac("k1", secret.as_ref())?;
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
///
/// # Errors
///
/// `permit.random_source_failed` when the operating system has no randomness to give.
pub fn generate_secret() -> Result<Zeroizing<[u8; 32]>, PermitError> {
    let mut secret = Zeroizing::new([0u8; 32]);
    crate::random::fill(secret.as_mut())?;
    Ok(secret)
}

enum SigningKey {
    Hmac(HmacKey),
    #[cfg(feature = "ed25519")]
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

/// Mints permits: tokens that allow one exact action, for a short time, once.
///
/// Holds a key id and a secret. The secret never appears in `Debug` output or errors, and is
/// wiped from memory when the signer is dropped.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::{KeyRing, PermitClaims, PermitSigner, PermitVerifier};
/// let secret = [7u8; 32]; // use `generate_secret()` or a key file in real code
/// let signer = PermitSigner::hmac("k1", &secret)?;
/// let action = r#"{"tool":"send_payment","args":{"eur":100,"iban":"DE00 1234"}}"#;
/// let now = 1_700_000_000;
/// let token = signer.mint(action, &PermitClaims::new("agent-7", 120), now)?;
///
/// let verifier = PermitVerifier::new(KeyRing::new().with_hmac("k1", &secret)?);
/// let permit = verifier.verify(&token, action, now + 5)?;
/// assert_eq!(permit.subject(), "agent-7");
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
pub struct PermitSigner {
    key_id: String,
    key: SigningKey,
}

impl std::fmt::Debug for PermitSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PermitSigner")
            .field("key_id", &self.key_id)
            .field("algorithm", &self.algorithm())
            .finish_non_exhaustive()
    }
}

impl PermitSigner {
    /// A signer of HMAC-SHA256 permits (`asp1`) with `secret` (at least 32 bytes).
    ///
    /// # Errors
    ///
    /// `permit.invalid_key_id` unless `key_id` is 1–64 characters of `A-Z a-z 0-9 . _ -`;
    /// `permit.weak_key` when `secret` is shorter than 32 bytes.
    pub fn hmac(key_id: &str, secret: &[u8]) -> Result<Self, PermitError> {
        check_key_id(key_id)?;
        Ok(PermitSigner {
            key_id: key_id.to_owned(),
            key: SigningKey::Hmac(hmac_key(secret)?),
        })
    }

    /// A signer of Ed25519 permits (`asp1e`) from a 32-byte secret seed.
    ///
    /// # Errors
    ///
    /// `permit.invalid_key_id`; `permit.invalid_key` unless `seed` is 32 bytes.
    #[cfg(feature = "ed25519")]
    pub fn ed25519(key_id: &str, seed: &[u8]) -> Result<Self, PermitError> {
        check_key_id(key_id)?;
        let seed: Zeroizing<[u8; 32]> = Zeroizing::new(
            seed.try_into()
                .map_err(|_| ErrorKind::InvalidKey("an Ed25519 seed is 32 bytes"))?,
        );
        Ok(PermitSigner {
            key_id: key_id.to_owned(),
            key: SigningKey::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed))),
        })
    }

    /// A signer of Ed25519 permits with a fresh random key.
    ///
    /// # Errors
    ///
    /// `permit.invalid_key_id`; `permit.random_source_failed`.
    #[cfg(feature = "ed25519")]
    pub fn generate_ed25519(key_id: &str) -> Result<Self, PermitError> {
        let mut seed = Zeroizing::new([0u8; 32]);
        crate::random::fill(seed.as_mut())?;
        Self::ed25519(key_id, seed.as_ref())
    }

    /// The Ed25519 public key to give verifiers, or `None` for an HMAC signer.
    #[cfg(feature = "ed25519")]
    #[must_use]
    pub fn ed25519_public_key(&self) -> Option<[u8; 32]> {
        match &self.key {
            SigningKey::Ed25519(key) => Some(key.verifying_key().to_bytes()),
            SigningKey::Hmac(_) => None,
        }
    }

    /// The key id written into every permit.
    #[must_use]
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The algorithm this signer uses.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        match self.key {
            SigningKey::Hmac(_) => Algorithm::HmacSha256,
            #[cfg(feature = "ed25519")]
            SigningKey::Ed25519(_) => Algorithm::Ed25519,
        }
    }

    /// Mints a permit for the action `action_json`, issued at `now` (seconds since the Unix
    /// epoch), with a fresh random 128-bit nonce.
    ///
    /// # Errors
    ///
    /// Any canonicalisation error of the action (see [`crate::canonicalize`]);
    /// `permit.invalid_claim` for an empty or over-long subject, scope or approver, or a ttl
    /// outside 1 s – 7 days; `permit.random_source_failed`.
    pub fn mint(
        &self,
        action_json: &str,
        claims: &PermitClaims,
        now: u64,
    ) -> Result<String, PermitError> {
        let action = action_hash_with(action_json, &CanonicalLimits::default())?;
        self.mint_hash(&action, claims, now)
    }

    /// [`PermitSigner::mint`] for an action whose hash the caller already has.
    ///
    /// # Errors
    ///
    /// As [`PermitSigner::mint`], minus canonicalisation.
    pub fn mint_hash(
        &self,
        action: &ActionHash,
        claims: &PermitClaims,
        now: u64,
    ) -> Result<String, PermitError> {
        let mut nonce = [0u8; 16];
        crate::random::fill(&mut nonce)?;
        self.mint_hash_with_nonce(action, claims, now, nonce)
    }

    /// [`PermitSigner::mint`] with a caller-chosen nonce: for tests and shared vectors only,
    /// where the exact token must be reproducible. Use [`PermitSigner::mint`]: a repeated nonce
    /// makes the second permit look like a replay of the first.
    ///
    /// # Errors
    ///
    /// As [`PermitSigner::mint`].
    pub fn mint_with_nonce(
        &self,
        action_json: &str,
        claims: &PermitClaims,
        now: u64,
        nonce: [u8; 16],
    ) -> Result<String, PermitError> {
        let action = action_hash_with(action_json, &CanonicalLimits::default())?;
        self.mint_hash_with_nonce(&action, claims, now, nonce)
    }

    fn mint_hash_with_nonce(
        &self,
        action: &ActionHash,
        claims: &PermitClaims,
        now: u64,
        nonce: [u8; 16],
    ) -> Result<String, PermitError> {
        claims.check()?;
        let expires_at = now
            .checked_add(claims.ttl_seconds())
            .ok_or(ErrorKind::InvalidClaim {
                claim: "ttl",
                reason: "expiry overflows",
            })?;
        let signed = encode_signed_part(
            self.algorithm(),
            &self.key_id,
            action,
            claims,
            now,
            expires_at,
            &nonce,
        );
        match &self.key {
            SigningKey::Hmac(key) => {
                let tag = key.clone().chain_update(signed.as_bytes()).finalize();
                Ok(append_signature(signed, &tag.into_bytes()))
            }
            #[cfg(feature = "ed25519")]
            SigningKey::Ed25519(key) => {
                use ed25519_dalek::Signer as _;
                let signature = key.sign(signed.as_bytes());
                Ok(append_signature(signed, &signature.to_bytes()))
            }
        }
    }
}

/// The keys a verifier trusts, by key id: several at once, so keys can be rotated.
///
/// An HMAC key id only verifies `asp1` tokens and an Ed25519 key id only `asp1e` tokens: the
/// token's tag picks the ring, never the algorithm for a key.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::KeyRing;
/// let ring = KeyRing::new().with_hmac("2025-q1", &[1; 32])?.with_hmac("2025-q2", &[2; 32])?;
/// assert_eq!(ring.key_ids().collect::<Vec<_>>(), ["2025-q1", "2025-q2"]);
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
#[derive(Default, Clone)]
pub struct KeyRing {
    hmac: Vec<(String, HmacKey)>,
    #[cfg(feature = "ed25519")]
    ed25519: Vec<(String, ed25519_dalek::VerifyingKey)>,
}

impl std::fmt::Debug for KeyRing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyRing")
            .field("key_ids", &self.key_ids().collect::<Vec<_>>())
            .finish_non_exhaustive()
    }
}

impl KeyRing {
    /// An empty ring.
    #[must_use]
    pub fn new() -> Self {
        KeyRing::default()
    }

    /// Adds an HMAC-SHA256 secret (at least 32 bytes) under `key_id`.
    ///
    /// # Errors
    ///
    /// `permit.invalid_key_id`, `permit.weak_key`, `permit.duplicate_key_id`.
    pub fn with_hmac(mut self, key_id: &str, secret: &[u8]) -> Result<Self, PermitError> {
        check_key_id(key_id)?;
        self.check_new(key_id)?;
        self.hmac.push((key_id.to_owned(), hmac_key(secret)?));
        Ok(self)
    }

    /// Adds an Ed25519 public key (32 bytes) under `key_id`.
    ///
    /// # Errors
    ///
    /// `permit.invalid_key_id`, `permit.invalid_key`, `permit.duplicate_key_id`.
    #[cfg(feature = "ed25519")]
    pub fn with_ed25519(mut self, key_id: &str, public_key: &[u8]) -> Result<Self, PermitError> {
        check_key_id(key_id)?;
        self.check_new(key_id)?;
        let bytes: [u8; 32] = public_key
            .try_into()
            .map_err(|_| ErrorKind::InvalidKey("an Ed25519 public key is 32 bytes"))?;
        let key = ed25519_dalek::VerifyingKey::from_bytes(&bytes)
            .map_err(|_| ErrorKind::InvalidKey("not an Ed25519 public key"))?;
        self.ed25519.push((key_id.to_owned(), key));
        Ok(self)
    }

    /// The key ids in the ring, HMAC keys first, each in the order added.
    pub fn key_ids(&self) -> impl Iterator<Item = &str> {
        let hmac = self.hmac.iter().map(|(id, _)| id.as_str());
        #[cfg(feature = "ed25519")]
        let hmac = hmac.chain(self.ed25519.iter().map(|(id, _)| id.as_str()));
        hmac
    }

    fn check_new(&self, key_id: &str) -> Result<(), PermitError> {
        if self.key_ids().any(|id| id == key_id) {
            return Err(ErrorKind::DuplicateKeyId(key_id.to_owned()).into());
        }
        Ok(())
    }

    fn check_signature(&self, decoded: &Decoded<'_>) -> Result<(), PermitError> {
        let key_id = decoded.permit.key_id();
        let unknown = || PermitError::from(ErrorKind::UnknownKey(key_id.to_owned()));
        match decoded.permit.algorithm() {
            Algorithm::HmacSha256 => {
                let key = self
                    .hmac
                    .iter()
                    .find(|(id, _)| id == key_id)
                    .ok_or_else(unknown)?;
                // `verify_slice` compares in constant time.
                key.1
                    .clone()
                    .chain_update(decoded.signed)
                    .verify_slice(decoded.signature())
                    .map_err(|_| ErrorKind::BadSignature.into())
            }
            #[cfg(feature = "ed25519")]
            Algorithm::Ed25519 => {
                let key = self
                    .ed25519
                    .iter()
                    .find(|(id, _)| id == key_id)
                    .ok_or_else(unknown)?;
                let signature = ed25519_dalek::Signature::from_slice(decoded.signature())
                    .map_err(|_| PermitError::from(ErrorKind::BadSignature))?;
                key.1
                    .verify_strict(decoded.signed, &signature)
                    .map_err(|_| ErrorKind::BadSignature.into())
            }
            #[cfg(not(feature = "ed25519"))]
            Algorithm::Ed25519 => Err(unknown()),
        }
    }
}

/// Checks permits: signature, lifetime, clock, the exact action, and (by default) one-time use.
///
/// Quick advice: `PermitVerifier::new(ring)` is the secure default. It owns a replay guard for
/// 65,536 live permits (about 2.4 MB), allows 30 s of clock leeway and lifetimes up to 15 minutes.
/// Share one guard between verifiers with [`PermitVerifier::with_replay_guard`]. Verification
/// order: parse, signature (constant time), lifetime, clock, action, then the nonce is recorded,
/// so a forged or stale token can never burn a nonce.
///
/// # Examples
///
/// ```
/// use agentsentinel_core::Diagnostic;
/// use agentsentinel_permit::{KeyRing, PermitClaims, PermitSigner, PermitVerifier};
/// let signer = PermitSigner::hmac("k1", &[9; 32])?;
/// let verifier = PermitVerifier::new(KeyRing::new().with_hmac("k1", &[9; 32])?);
/// let action = r#"{"tool":"send_payment","args":{"eur":100}}"#;
/// let token = signer.mint(action, &PermitClaims::new("agent-7", 60), 1_000)?;
///
/// let other = r#"{"tool":"send_payment","args":{"eur":10000}}"#;
/// assert_eq!(verifier.verify(&token, other, 1_010).unwrap_err().code(), "permit.action_mismatch");
/// verifier.verify(&token, action, 1_010)?;
/// assert_eq!(verifier.verify(&token, action, 1_011).unwrap_err().code(), "permit.replayed");
/// # Ok::<(), agentsentinel_permit::PermitError>(())
/// ```
#[derive(Debug, Clone)]
pub struct PermitVerifier {
    keys: KeyRing,
    leeway: u64,
    max_lifetime: u64,
    limits: CanonicalLimits,
    guard: Option<Arc<ReplayGuard>>,
}

impl PermitVerifier {
    /// Clock leeway by default, in seconds.
    pub const DEFAULT_LEEWAY: u64 = 30;
    /// Largest leeway [`PermitVerifier::with_leeway`] accepts, in seconds.
    pub const MAX_LEEWAY: u64 = 300;
    /// Longest permit lifetime accepted by default, in seconds.
    pub const DEFAULT_MAX_LIFETIME: u64 = 900;
    /// Capacity of the replay guard a verifier creates for itself.
    pub const DEFAULT_REPLAY_CAPACITY: usize = 65_536;

    /// A verifier trusting `keys`, with its own replay guard and the default limits.
    #[must_use]
    pub fn new(keys: KeyRing) -> Self {
        PermitVerifier {
            keys,
            leeway: Self::DEFAULT_LEEWAY,
            max_lifetime: Self::DEFAULT_MAX_LIFETIME,
            limits: CanonicalLimits::default(),
            guard: Some(Arc::new(ReplayGuard::new(
                Self::DEFAULT_REPLAY_CAPACITY,
                MAX_MINT_TTL + 2 * Self::MAX_LEEWAY,
            ))),
        }
    }

    /// Sets the clock leeway in seconds (at most [`PermitVerifier::MAX_LEEWAY`]).
    #[must_use]
    pub fn with_leeway(mut self, seconds: u64) -> Self {
        self.leeway = seconds.min(Self::MAX_LEEWAY);
        self
    }

    /// Sets the longest lifetime (`expires_at − issued_at`) accepted, in seconds (at most 7
    /// days).
    #[must_use]
    pub fn with_max_lifetime(mut self, seconds: u64) -> Self {
        self.max_lifetime = seconds.min(MAX_MINT_TTL);
        self
    }

    /// Sets the limits for canonicalising presented actions.
    #[must_use]
    pub fn with_canonical_limits(mut self, limits: CanonicalLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Records nonces in `guard` (shared with other verifiers, say) instead of the verifier's
    /// own. Its window must cover the longest lifetime plus twice the leeway.
    #[must_use]
    pub fn with_replay_guard(mut self, guard: Arc<ReplayGuard>) -> Self {
        self.guard = Some(guard);
        self
    }

    /// Options that weaken verification; each stands out in review.
    #[must_use]
    pub fn dangerous(self) -> DangerousPermitVerifier {
        DangerousPermitVerifier(self)
    }

    /// The replay guard, when there is one.
    #[must_use]
    pub fn replay_guard(&self) -> Option<&Arc<ReplayGuard>> {
        self.guard.as_ref()
    }

    /// Verifies `token` for the action `action_json` at `now` (seconds since the Unix epoch)
    /// and records its nonce.
    ///
    /// About 2 µs for a typical tool call with HMAC (dominated by hashing the action).
    ///
    /// # Errors
    ///
    /// In checking order: `permit.malformed`, `permit.unknown_key`, `permit.bad_signature`,
    /// `permit.lifetime_too_long`, `permit.not_yet_valid`, `permit.expired`, any
    /// canonicalisation error of `action_json`, `permit.action_mismatch`, `permit.replayed`,
    /// `permit.replay_capacity_exhausted`, `permit.replay_refused`.
    pub fn verify(&self, token: &str, action_json: &str, now: u64) -> Result<Permit, PermitError> {
        self.verify_with(token, now, || action_hash_with(action_json, &self.limits))
    }

    /// [`PermitVerifier::verify`] against an action hash the caller computed.
    ///
    /// # Errors
    ///
    /// As [`PermitVerifier::verify`].
    pub fn verify_hash(
        &self,
        token: &str,
        action: &ActionHash,
        now: u64,
    ) -> Result<Permit, PermitError> {
        self.verify_with(token, now, || Ok(*action))
    }

    /// [`PermitVerifier::verify`] against a parsed action; see
    /// [`crate::canonicalize_value`] for why text is better.
    ///
    /// # Errors
    ///
    /// As [`PermitVerifier::verify`].
    pub fn verify_value(
        &self,
        token: &str,
        action: &serde_json::Value,
        now: u64,
    ) -> Result<Permit, PermitError> {
        self.verify_with(token, now, || action_hash_value(action))
    }

    fn verify_with(
        &self,
        token: &str,
        now: u64,
        action: impl FnOnce() -> Result<ActionHash, PermitError>,
    ) -> Result<Permit, PermitError> {
        let decoded = Decoded::parse(token)?;
        self.keys.check_signature(&decoded)?;
        let permit = decoded.permit;
        let lifetime = permit.expires_at() - permit.issued_at();
        if lifetime > self.max_lifetime {
            return Err(ErrorKind::LifetimeTooLong {
                lifetime,
                max: self.max_lifetime,
            }
            .into());
        }
        if now.saturating_add(self.leeway) < permit.issued_at() {
            return Err(ErrorKind::NotYetValid {
                issued_at: permit.issued_at(),
                now,
            }
            .into());
        }
        let valid_until = permit.expires_at().saturating_add(self.leeway);
        if now >= valid_until {
            return Err(ErrorKind::Expired {
                expires_at: permit.expires_at(),
                now,
            }
            .into());
        }
        if action()? != *permit.action_hash() {
            return Err(ErrorKind::ActionMismatch.into());
        }
        if let Some(guard) = &self.guard {
            guard
                .check_and_record(permit.nonce(), valid_until, now)
                .map_err(|err| match err {
                    ReplayError::Replayed => PermitError::from(ErrorKind::Replayed),
                    ReplayError::CapacityExhausted { .. } => {
                        ErrorKind::ReplayCapacityExhausted.into()
                    }
                    ReplayError::ExpiryTooFar { .. } => {
                        ErrorKind::ReplayRefused("its window is shorter than the permit's life")
                            .into()
                    }
                    _ => ErrorKind::ReplayRefused("the permit expired").into(),
                })?;
        }
        Ok(permit)
    }
}

/// [`PermitVerifier`] options that weaken it; reached through [`PermitVerifier::dangerous`].
#[derive(Debug)]
pub struct DangerousPermitVerifier(PermitVerifier);

impl DangerousPermitVerifier {
    /// Drops the replay guard: a permit then verifies as often as it is presented until it
    /// expires. Only for callers that record nonces themselves.
    #[must_use]
    pub fn without_replay_guard(self) -> PermitVerifier {
        PermitVerifier {
            guard: None,
            ..self.0
        }
    }
}
