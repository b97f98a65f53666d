//! The signer module, loaded where permits are minted: `PermitSigner` and `generateSecret`.
//! Browsers usually only verify (`PermitVerifier`, in the text module); minting needs the secret.

use agentsentinel::permit;
use wasm_bindgen::prelude::*;

use crate::convert::{
    self, Claims, clock_from_js, from_js, now_ms, text_from_js, to_js_err, to_js_err_in,
};

/// The keys of a `PermitClaims` object.
const CLAIM_FIELDS: &[&str] = &["subject", "ttlSeconds", "scope", "approver"];

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
        #[wasm_bindgen(unchecked_param_type = "PermitClaims")] claims: JsValue,
        now: Option<f64>,
    ) -> Result<String, JsValue> {
        let action = text_from_js(action, "action")?;
        let claims: Claims = from_js(claims, "claims", "PermitClaims", CLAIM_FIELDS)?;
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
        #[wasm_bindgen(unchecked_param_type = "PermitClaims")] claims: JsValue,
        now: f64,
        nonce: &[u8],
    ) -> Result<String, JsValue> {
        let action = text_from_js(action, "action")?;
        let claims: Claims = from_js(claims, "claims", "PermitClaims", CLAIM_FIELDS)?;
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
