//! The permit module, loaded where permits are used: canonical action hashes
//! (`canonicalize`, `actionHash`), verification (`PermitVerifier`: HMAC `asp1` and Ed25519
//! `asp1e`) and minting (`PermitSigner`, `generateSecret`).

use agentsentinel::permit;
use wasm_bindgen::prelude::*;

use crate::convert::{
    self, Claims, PermitKey, VerifierOptions, clock_from_js, now_ms, permit_to_js, text_from_js,
    to_js_err, to_js_err_in,
};

/// The RFC 8785 canonical form of a JSON action: the exact text a permit's hash covers.
///
/// # Errors
///
/// `permit.invalid_json`, `permit.duplicate_key`, `permit.lone_surrogate`,
/// `permit.number_out_of_range`, `permit.too_deep`, `permit.too_large`, ...
#[wasm_bindgen]
pub fn canonicalize(
    #[wasm_bindgen(unchecked_param_type = "string")] json: &JsValue,
) -> Result<String, JsValue> {
    let json = text_from_js(json, "json")?;
    let bytes = permit::canonicalize(&json).map_err(|err| to_js_err_in(err, Some(&json)))?;
    // INVARIANT: canonical JSON of valid UTF-8 input is valid UTF-8.
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `sha256:` + 64 hex digits of the canonical form of a JSON action.
///
/// # Errors
///
/// As `canonicalize`.
#[wasm_bindgen(js_name = actionHash)]
pub fn action_hash(
    #[wasm_bindgen(unchecked_param_type = "string")] json: &JsValue,
) -> Result<String, JsValue> {
    let json = text_from_js(json, "json")?;
    permit::action_hash(&json)
        .map(|hash| hash.to_string())
        .map_err(|err| to_js_err_in(err, Some(&json)))
}

/// Verifies permits (HMAC `asp1` and Ed25519 `asp1e`) against the exact action, once each: a
/// verifier remembers every nonce it accepted.
#[wasm_bindgen]
pub struct PermitVerifier(permit::PermitVerifier);

#[wasm_bindgen]
impl PermitVerifier {
    /// A verifier trusting `keys`, with its own replay guard.
    ///
    /// # Errors
    ///
    /// `permit.weak_key`, `permit.invalid_key`, `permit.invalid_key_id`,
    /// `permit.duplicate_key_id`; `core.wrong_type` for keys or options of the wrong shape.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "PermitKey[]")] keys: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "PermitVerifierOptions")] options: Option<
            JsValue,
        >,
    ) -> Result<PermitVerifier, JsValue> {
        let keys = PermitKey::list_from_js(keys)?;
        let options = VerifierOptions::from_js(options)?;
        let mut ring = permit::KeyRing::new();
        for key in keys {
            ring = match (key.secret, key.ed25519_public_key) {
                (Some(secret), None) => ring.with_hmac(&key.key_id, &secret),
                (None, Some(public)) => ring.with_ed25519(&key.key_id, &public),
                _ => {
                    return Err(to_js_err(agentsentinel::core::TextError::WrongType {
                        parameter: "keys".to_owned(),
                        expected: "one of `secret` or `ed25519PublicKey` per key".to_owned(),
                        found: format!("key `{}` with both or neither", key.key_id),
                    }));
                }
            }
            .map_err(to_js_err)?;
        }
        let mut verifier = permit::PermitVerifier::new(ring);
        if let Some(leeway) = options.leeway_seconds {
            verifier = verifier.with_leeway(leeway);
        }
        if let Some(lifetime) = options.max_lifetime_seconds {
            verifier = verifier.with_max_lifetime(lifetime);
        }
        Ok(PermitVerifier(verifier))
    }

    /// Verifies `token` for the action `action` (JSON text) at `now` (seconds; default `Date.now()`) and
    /// records its nonce.
    ///
    /// # Errors
    ///
    /// `permit.malformed`, `permit.unknown_key`, `permit.bad_signature`, `permit.expired`,
    /// `permit.not_yet_valid`, `permit.action_mismatch`, `permit.replayed`, ...
    #[wasm_bindgen(unchecked_return_type = "Permit")]
    pub fn verify(
        &self,
        token: &str,
        #[wasm_bindgen(unchecked_param_type = "string")] action: &JsValue,
        now: Option<f64>,
    ) -> Result<JsValue, JsValue> {
        let action = text_from_js(action, "action")?;
        let now = clock_from_js(now, "now")?.unwrap_or_else(|| now_ms() / 1000);
        self.0
            .verify(token, &action, now)
            .map(|permit| permit_to_js(&permit))
            .map_err(to_js_err)
    }
}

/// Mints permits: tokens allowing one exact action, for a short time, once. Mint where the
/// secret lives; browsers usually only verify.
#[wasm_bindgen]
pub struct PermitSigner(permit::PermitSigner);

#[wasm_bindgen]
impl PermitSigner {
    /// An HMAC-SHA256 signer (`asp1`); `secret` must be at least 32 bytes.
    ///
    /// # Errors
    ///
    /// `permit.weak_key`, `permit.invalid_key_id`.
    pub fn hmac(
        #[wasm_bindgen(js_name = keyId)] key_id: &str,
        secret: &[u8],
    ) -> Result<PermitSigner, JsValue> {
        permit::PermitSigner::hmac(key_id, secret)
            .map(PermitSigner)
            .map_err(to_js_err)
    }

    /// An Ed25519 signer (`asp1e`) from a 32-byte seed.
    ///
    /// # Errors
    ///
    /// `permit.invalid_key`, `permit.invalid_key_id`.
    pub fn ed25519(
        #[wasm_bindgen(js_name = keyId)] key_id: &str,
        seed: &[u8],
    ) -> Result<PermitSigner, JsValue> {
        permit::PermitSigner::ed25519(key_id, seed)
            .map(PermitSigner)
            .map_err(to_js_err)
    }

    /// An Ed25519 signer with a fresh key from `crypto.getRandomValues`.
    ///
    /// # Errors
    ///
    /// `permit.invalid_key_id`, `permit.random_source_failed`.
    #[wasm_bindgen(js_name = generateEd25519)]
    pub fn generate_ed25519(
        #[wasm_bindgen(js_name = keyId)] key_id: &str,
    ) -> Result<PermitSigner, JsValue> {
        permit::PermitSigner::generate_ed25519(key_id)
            .map(PermitSigner)
            .map_err(to_js_err)
    }

    /// The Ed25519 public key to give verifiers (32 bytes); `undefined` for HMAC.
    #[wasm_bindgen(getter, js_name = ed25519PublicKey)]
    #[must_use]
    pub fn ed25519_public_key(&self) -> Option<Vec<u8>> {
        self.0.ed25519_public_key().map(|key| key.to_vec())
    }

    /// The key id.
    #[wasm_bindgen(getter, js_name = keyId)]
    #[must_use]
    pub fn key_id(&self) -> String {
        self.0.key_id().to_owned()
    }

    /// Mints a permit for `action` (JSON text) issued at `now` (seconds; default `Date.now()`), with a
    /// fresh random nonce.
    ///
    /// # Errors
    ///
    /// Canonicalisation errors of the action, `permit.invalid_claim`,
    /// `permit.random_source_failed`, `core.wrong_type` for claims of the wrong shape.
    pub fn mint(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] action: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "PermitClaims")] claims: &JsValue,
        now: Option<f64>,
    ) -> Result<String, JsValue> {
        let action = text_from_js(action, "action")?;
        let claims = Claims::from_js(claims)?;
        let now = clock_from_js(now, "now")?.unwrap_or_else(|| now_ms() / 1000);
        self.0
            .mint(&action, &claims.into_claims(), now)
            .map_err(|err| to_js_err_in(err, Some(&action)))
    }

    /// FOR TESTS AND TEST VECTORS ONLY: `mint` with a caller-chosen 16-byte nonce. A repeated
    /// nonce makes the second permit look like a replay of the first.
    ///
    /// # Errors
    ///
    /// As `mint`; `core.wrong_type` unless `nonce` is 16 bytes.
    #[wasm_bindgen(js_name = mintWithNonce)]
    pub fn mint_with_nonce(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] action: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "PermitClaims")] claims: &JsValue,
        now: f64,
        nonce: &[u8],
    ) -> Result<String, JsValue> {
        let action = text_from_js(action, "action")?;
        let claims = Claims::from_js(claims)?;
        let now = clock_from_js(Some(now), "now")?.unwrap_or_default();
        let nonce = convert::fixed_bytes::<16>(nonce, "nonce")?;
        self.0
            .mint_with_nonce(&action, &claims.into_claims(), now, nonce)
            .map_err(|err| to_js_err_in(err, Some(&action)))
    }
}

/// 32 fresh random bytes (from `crypto.getRandomValues`) for an HMAC secret.
///
/// # Errors
///
/// `permit.random_source_failed`.
#[wasm_bindgen(js_name = generateSecret)]
pub fn generate_secret() -> Result<Vec<u8>, JsValue> {
    permit::generate_secret()
        .map(|secret| secret.to_vec())
        .map_err(to_js_err)
}
