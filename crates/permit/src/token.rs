//! The permit token: `<tag>.<base64url(payload)>.<base64url(signature)>`, byte layout below and
//! in the crate README.

use crate::base64;
use crate::error::{ErrorKind, PermitError};
use crate::jcs::ActionHash;

/// Longest token accepted, in bytes; the longest valid one is under 800.
pub const MAX_TOKEN_LEN: usize = 1024;

/// Longest key id, in bytes.
pub const MAX_KEY_ID_LEN: usize = 64;

/// Longest subject, scope or approver, in bytes of UTF-8.
pub const MAX_CLAIM_LEN: usize = 128;

/// Longest lifetime (`ttl`) a signer will mint: 7 days. Verifiers cap it much lower by default.
pub const MAX_MINT_TTL: u64 = 7 * 24 * 3600;

/// How a permit is signed. The token's version tag fixes it; nothing in a token can choose
/// another algorithm for the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// HMAC-SHA256 with a shared secret; tag `asp1`.
    HmacSha256,
    /// Ed25519 signature; tag `asp1e`.
    Ed25519,
}

impl Algorithm {
    /// The version tag that starts a token: `asp1` or `asp1e`.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Algorithm::HmacSha256 => "asp1",
            Algorithm::Ed25519 => "asp1e",
        }
    }

    fn signature_len(self) -> usize {
        match self {
            Algorithm::HmacSha256 => 32,
            Algorithm::Ed25519 => 64,
        }
    }

    fn from_tag(tag: &[u8]) -> Option<Self> {
        match tag {
            b"asp1" => Some(Algorithm::HmacSha256),
            b"asp1e" => Some(Algorithm::Ed25519),
            _ => None,
        }
    }
}

/// What an approver grants, apart from the action: who may act, for how long, and optional
/// context. The signer adds the key id, the action hash, the clock and a random nonce.
///
/// # Examples
///
/// ```
/// use agentsentinel_permit::PermitClaims;
/// let claims = PermitClaims::new("agent-7", 300).scope("payments").approver("alice@example.com");
/// assert_eq!(claims.ttl_seconds(), 300);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermitClaims {
    subject: String,
    ttl_seconds: u64,
    scope: Option<String>,
    approver: Option<String>,
}

impl PermitClaims {
    /// Claims for `subject` (the agent id), valid for `ttl_seconds` from minting.
    #[must_use]
    pub fn new(subject: impl Into<String>, ttl_seconds: u64) -> Self {
        PermitClaims {
            subject: subject.into(),
            ttl_seconds,
            scope: None,
            approver: None,
        }
    }

    /// Adds a free-form scope, such as `payments`.
    #[must_use]
    pub fn scope(mut self, scope: impl Into<String>) -> Self {
        self.scope = Some(scope.into());
        self
    }

    /// Adds who approved, such as an email address or a service name.
    #[must_use]
    pub fn approver(mut self, approver: impl Into<String>) -> Self {
        self.approver = Some(approver.into());
        self
    }

    /// The subject (agent id).
    #[must_use]
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// Lifetime in seconds.
    #[must_use]
    pub fn ttl_seconds(&self) -> u64 {
        self.ttl_seconds
    }

    pub(crate) fn check(&self) -> Result<(), PermitError> {
        check_text("subject", &self.subject, false)?;
        if let Some(scope) = &self.scope {
            check_text("scope", scope, false)?;
        }
        if let Some(approver) = &self.approver {
            check_text("approver", approver, false)?;
        }
        if self.ttl_seconds == 0 || self.ttl_seconds > MAX_MINT_TTL {
            return Err(ErrorKind::InvalidClaim {
                claim: "ttl",
                reason: "must be between 1 second and 7 days",
            }
            .into());
        }
        Ok(())
    }
}

fn check_text(claim: &'static str, text: &str, may_be_empty: bool) -> Result<(), PermitError> {
    if text.is_empty() && !may_be_empty {
        return Err(ErrorKind::InvalidClaim {
            claim,
            reason: "must not be empty",
        }
        .into());
    }
    if text.len() > MAX_CLAIM_LEN {
        return Err(ErrorKind::InvalidClaim {
            claim,
            reason: "must be at most 128 bytes",
        }
        .into());
    }
    Ok(())
}

/// Checks a key id: 1 to 64 characters from `A-Z a-z 0-9 . _ -`.
pub(crate) fn check_key_id(key_id: &str) -> Result<(), PermitError> {
    let ok = !key_id.is_empty()
        && key_id.len() <= MAX_KEY_ID_LEN
        && key_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(ErrorKind::InvalidKeyId.into())
    }
}

/// The claims of a permit whose signature, lifetime, clock and action have been checked (or, from
/// [`Permit::decode_unverified`], of a token that merely parses).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Permit {
    algorithm: Algorithm,
    key_id: String,
    action_hash: ActionHash,
    subject: String,
    issued_at: u64,
    expires_at: u64,
    nonce: [u8; 16],
    scope: Option<String>,
    approver: Option<String>,
}

impl Permit {
    /// How the permit is signed.
    #[must_use]
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    /// Id of the key that signed it.
    #[must_use]
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The hash of the one action it allows.
    #[must_use]
    pub fn action_hash(&self) -> &ActionHash {
        &self.action_hash
    }

    /// Who may act (the agent id).
    #[must_use]
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// When it was minted, in seconds since the Unix epoch.
    #[must_use]
    pub fn issued_at(&self) -> u64 {
        self.issued_at
    }

    /// When it stops being valid (exclusive), in seconds since the Unix epoch.
    #[must_use]
    pub fn expires_at(&self) -> u64 {
        self.expires_at
    }

    /// The 128-bit random nonce that makes it one-time.
    #[must_use]
    pub fn nonce(&self) -> &[u8; 16] {
        &self.nonce
    }

    /// The nonce as 32 lowercase hex digits.
    #[must_use]
    pub fn nonce_hex(&self) -> String {
        use std::fmt::Write as _;
        self.nonce
            .iter()
            .fold(String::with_capacity(32), |mut s, b| {
                let _ = write!(s, "{b:02x}");
                s
            })
    }

    /// The optional scope.
    #[must_use]
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    /// The optional approver.
    #[must_use]
    pub fn approver(&self) -> Option<&str> {
        self.approver.as_deref()
    }

    /// Parses a token WITHOUT checking its signature, clock or action: for display and debugging
    /// only. Never act on the result; use [`crate::PermitVerifier::verify`].
    ///
    /// # Errors
    ///
    /// `permit.malformed` when the token does not parse.
    pub fn decode_unverified(token: &str) -> Result<Permit, PermitError> {
        Ok(Decoded::parse(token)?.permit)
    }
}

/// A token split and parsed, its signature not yet checked.
pub(crate) struct Decoded<'t> {
    pub(crate) permit: Permit,
    /// `<tag>.<payload>`: the exact bytes the signature covers.
    pub(crate) signed: &'t [u8],
    pub(crate) signature: [u8; 64],
}

impl<'t> Decoded<'t> {
    pub(crate) fn signature(&self) -> &[u8] {
        &self.signature[..self.permit.algorithm.signature_len()]
    }

    pub(crate) fn parse(token: &'t str) -> Result<Self, PermitError> {
        let bytes = token.as_bytes();
        if bytes.len() > MAX_TOKEN_LEN {
            return Err(PermitError::malformed("token is too long"));
        }
        let first = memchr_dot(bytes, 0).ok_or(PermitError::malformed("expected 3 parts"))?;
        let second =
            memchr_dot(bytes, first + 1).ok_or(PermitError::malformed("expected 3 parts"))?;
        if memchr_dot(bytes, second + 1).is_some() {
            return Err(PermitError::malformed("expected 3 parts"));
        }
        let algorithm = Algorithm::from_tag(&bytes[..first])
            .ok_or(PermitError::malformed("unknown version tag"))?;
        let mut payload = Vec::with_capacity(600);
        base64::decode_into(&bytes[first + 1..second], &mut payload)
            .map_err(|()| PermitError::malformed("payload is not canonical base64url"))?;
        let mut signature_bytes = Vec::with_capacity(64);
        base64::decode_into(&bytes[second + 1..], &mut signature_bytes)
            .map_err(|()| PermitError::malformed("signature is not canonical base64url"))?;
        if signature_bytes.len() != algorithm.signature_len() {
            return Err(PermitError::malformed("signature has the wrong length"));
        }
        let mut signature = [0u8; 64];
        signature[..signature_bytes.len()].copy_from_slice(&signature_bytes);
        let permit = decode_payload(algorithm, &payload)?;
        Ok(Decoded {
            permit,
            signed: &bytes[..second],
            signature,
        })
    }
}

fn memchr_dot(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'.')
        .map(|i| i + from)
}

/// Writes `<tag>.<base64url(payload)>` for these claims.
pub(crate) fn encode_signed_part(
    algorithm: Algorithm,
    key_id: &str,
    action: &ActionHash,
    claims: &PermitClaims,
    issued_at: u64,
    expires_at: u64,
    nonce: &[u8; 16],
) -> String {
    let mut payload = Vec::with_capacity(128);
    push_short(&mut payload, key_id.as_bytes());
    payload.extend_from_slice(action.as_bytes());
    payload.extend_from_slice(&issued_at.to_be_bytes());
    payload.extend_from_slice(&expires_at.to_be_bytes());
    payload.extend_from_slice(nonce);
    push_short(&mut payload, claims.subject.as_bytes());
    push_short(
        &mut payload,
        claims.scope.as_deref().unwrap_or("").as_bytes(),
    );
    push_short(
        &mut payload,
        claims.approver.as_deref().unwrap_or("").as_bytes(),
    );
    let mut token = String::with_capacity(8 + payload.len() * 4 / 3 + 90);
    token.push_str(algorithm.tag());
    token.push('.');
    base64::encode_into(&payload, &mut token);
    token
}

/// Appends the signature part to a signed part, giving the whole token.
pub(crate) fn append_signature(mut signed: String, signature: &[u8]) -> String {
    signed.push('.');
    base64::encode_into(signature, &mut signed);
    signed
}

fn push_short(out: &mut Vec<u8>, bytes: &[u8]) {
    // Callers checked every length against MAX_KEY_ID_LEN or MAX_CLAIM_LEN (both < 256).
    out.push(u8::try_from(bytes.len()).unwrap_or(u8::MAX));
    out.extend_from_slice(bytes);
}

/// A strict reader over the payload: every read is bounds-checked.
struct Reader<'p> {
    bytes: &'p [u8],
    pos: usize,
}

impl<'p> Reader<'p> {
    fn take(&mut self, len: usize) -> Result<&'p [u8], PermitError> {
        let slice = self
            .bytes
            .get(self.pos..self.pos + len)
            .ok_or(PermitError::malformed("payload is truncated"))?;
        self.pos += len;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], PermitError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn text(&mut self, max: usize, what: &'static str) -> Result<Option<String>, PermitError> {
        let len = usize::from(self.array::<1>()?[0]);
        if len > max {
            return Err(PermitError::malformed(what));
        }
        if len == 0 {
            return Ok(None);
        }
        let bytes = self.take(len)?;
        let text = std::str::from_utf8(bytes).map_err(|_| PermitError::malformed(what))?;
        Ok(Some(text.to_owned()))
    }
}

fn decode_payload(algorithm: Algorithm, payload: &[u8]) -> Result<Permit, PermitError> {
    let mut reader = Reader {
        bytes: payload,
        pos: 0,
    };
    let key_id = reader
        .text(MAX_KEY_ID_LEN, "invalid key id")?
        .ok_or(PermitError::malformed("invalid key id"))?;
    check_key_id(&key_id).map_err(|_| PermitError::malformed("invalid key id"))?;
    let action_hash = ActionHash::from_bytes(reader.array()?);
    let issued_at = u64::from_be_bytes(reader.array()?);
    let expires_at = u64::from_be_bytes(reader.array()?);
    let nonce = reader.array()?;
    let subject = reader
        .text(MAX_CLAIM_LEN, "invalid subject")?
        .ok_or(PermitError::malformed("empty subject"))?;
    let scope = reader.text(MAX_CLAIM_LEN, "invalid scope")?;
    let approver = reader.text(MAX_CLAIM_LEN, "invalid approver")?;
    if reader.pos != payload.len() {
        return Err(PermitError::malformed("trailing bytes in payload"));
    }
    if expires_at <= issued_at {
        return Err(PermitError::malformed("expiry is not after issue time"));
    }
    Ok(Permit {
        algorithm,
        key_id,
        action_hash,
        subject,
        issued_at,
        expires_at,
        nonce,
        scope,
        approver,
    })
}
