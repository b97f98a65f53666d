//! Every conversion between JS values and `agentsentinel` types, and the only error mapping.
//!
//! Results cross to JS as plain objects (serde-wasm-bindgen, JSON-compatible) whose field names
//! are camelCase; the TypeScript interfaces in `TYPES` below describe exactly these objects.
//! Spans given to JS count UTF-16 code units, so `text.slice(span.start, span.end)` is the match.

use agentsentinel::core::TextError;
#[cfg(feature = "text")]
use agentsentinel::input_shield::{CanaryLeak, Rule};
#[cfg(feature = "text")]
use agentsentinel::permit::Permit as RustPermit;
#[cfg(feature = "text")]
use agentsentinel::{Assessment, Finding as RustFinding};
#[cfg(feature = "policy")]
use agentsentinel::{Decision, ToolCall};
use agentsentinel::{Diagnostic as _, Span};
#[cfg(any(feature = "text", feature = "signer"))]
use serde::Deserialize;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const COMMON_TYPES: &str = r#"
/** A stretch of text. `span`s count UTF-16 code units (JS string indices), so
 * `text.slice(span.start, span.end)` is the matched text; `byteSpan`s count UTF-8 bytes, as in
 * Rust and the shared test vectors. */
export interface Span { start: number; end: number }

/** Every error AgentSentinel throws: a real `Error` with a stable `code`. */
export interface SentinelError extends Error {
  name: "SentinelError" | "TextError" | "InputShieldError" | "PolicyError" | "PermitError";
  /** Stable id such as `policy.unknown_key`; match on this, never on the message. */
  code: string;
  /** One short instruction to fix it. */
  help?: string;
  /** Where in your input, in UTF-16 code units (when the input was one string). */
  span?: Span;
  /** The same place in UTF-8 bytes. */
  byteSpan?: Span;
  /** 1-based line and column (characters) of the error, for policy text. */
  line?: number;
  column?: number;
  /** The name given to the input, such as `policy.yaml`. */
  origin?: string;
  /** The key path of a policy error, such as `taintRules[0].forbiddenTags`. */
  path?: string;
}
"#;

#[cfg(feature = "text")]
#[wasm_bindgen(typescript_custom_section)]
const TEXT_TYPES: &str = r#"
/** How dangerous a finding or a whole text is. */
export type ThreatLevel = "none" | "low" | "medium" | "high" | "critical";

/** What kind of attack a rule looks for. */
export type ThreatCategory =
  | "instruction_override" | "role_hijack" | "system_prompt_extraction" | "jailbreak"
  | "refusal_suppression" | "obfuscation" | "hidden_text" | "data_exfiltration"
  | "tool_injection" | "delimiter_injection" | "many_shot" | "adversarial_suffix"
  | "canary_leak";

/** One rule that matched, and where. */
export interface Finding {
  ruleId: string;
  category: ThreatCategory;
  level: ThreatLevel;
  weight: number;
  /** UTF-16 code units of the ORIGINAL text: `text.slice(span.start, span.end)`. */
  span: Span;
  /** The same stretch in UTF-8 bytes. */
  byteSpan: Span;
  excerpt: string;
  description: string;
}

/** The verdict on one text. */
export interface Assessment {
  findings: Finding[];
  /** 0–100; each rule counts once, weights combine like independent probabilities. */
  riskScore: number;
  threatLevel: ThreatLevel;
  shouldBlock: boolean;
  /** SHA-256 of the text's UTF-8 bytes, 64 lowercase hex digits. */
  fingerprint: string;
  /** Time spent in `analyze`, in microseconds (measured with `performance.now()`). */
  analysisTimeUs: number;
}

/** A rule of your own, matched like the built-in ones (case, spacing and look-alikes ignored). */
export interface CustomRule {
  /** Dotted lowercase words, such as `custom.secret_name`. */
  id: string;
  category: ThreatCategory;
  /** 1–100. */
  weight: number;
  description: string;
  /** The rule matches when any of these phrases appears. */
  terms: string[];
}

/** Options of `new InputShield(options)`; everything is optional and defaults are secure. */
export interface InputShieldOptions {
  /** Risk score (1–100) at and above which `shouldBlock` is set; default 50. */
  blockThreshold?: number;
  /** Ids of rules to turn off. */
  disableRules?: string[];
  /** Phrases known to be benign: a match entirely inside one is never reported. */
  allowPhrases?: string[];
  rules?: CustomRule[];
}

/** A rule of a shield, as listed by `InputShield.rules()`. */
export interface RuleInfo {
  id: string;
  category: ThreatCategory;
  weight: number;
  description: string;
}

/** How a canary token showed up in model output, strongest evidence first. */
export type LeakKind = "exact" | "base64" | "hex" | "altered" | "partial";

/** One leak of one canary token. */
export interface CanaryLeak {
  token: string;
  kind: LeakKind;
  /** `ruleId` is `canary.<kind>`; spans point into the checked output. */
  finding: Finding;
}

/** How `spotlight` marks untrusted content. */
export type SpotlightMode = "delimit" | "datamark" | "base64";

/** A fresh canary token and the sentence to put in the system prompt. */
export interface CanaryToken { token: string; instruction: string }

/** A key a `PermitVerifier` trusts: an HMAC secret (at least 32 bytes) or an Ed25519 public
 * key (32 bytes). */
export type PermitKey =
  | { keyId: string; secret: Uint8Array }
  | { keyId: string; ed25519PublicKey: Uint8Array };

/** Options of `new PermitVerifier(keys, options)`. */
export interface PermitVerifierOptions {
  /** Clock leeway, default 30 s, at most 300 s. */
  leewaySeconds?: number;
  /** Longest lifetime accepted, default 900 s. */
  maxLifetimeSeconds?: number;
}


/** A verified permit. Times are seconds since the Unix epoch. */
export interface Permit {
  algorithm: "asp1" | "asp1e";
  keyId: string;
  actionHash: string;
  subject: string;
  issuedAt: number;
  expiresAt: number;
  nonceHex: string;
  scope: string | null;
  approver: string | null;
}

"#;

#[cfg(feature = "signer")]
#[wasm_bindgen(typescript_custom_section)]
const SIGNER_TYPES: &str = r#"
/** What a permit says besides the action it is bound to. */
export interface PermitClaims {
  subject: string;
  ttlSeconds: number;
  scope?: string;
  approver?: string;
}
"#;

#[cfg(feature = "policy")]
#[wasm_bindgen(typescript_custom_section)]
const POLICY_TYPES: &str = r#"
/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A tool call an agent wants to make (as carried by a `require_approval` decision). */
export interface ToolCall {
  tool: string;
  args: JsonValue;
}

/** A taint a call adds to its session, for `ttlSeconds` or (null) until removed. */
export interface TaintGrant { tag: string; ttlSeconds: number | null }

/** What an allowed call does to its session. */
export interface Effects { addTaints: TaintGrant[]; removeTaints: string[] }

/** The policy's answer for one tool call; a denial is a value, never an exception. */
export type Decision =
  | { decision: "allow"; rule: string; reason: string; effects: Effects }
  | { decision: "deny"; rule: string; reason: string; code: string | null }
  | { decision: "require_approval"; rule: string; reason: string; call: ToolCall };

"#;

/// Strict text from a JS value: an unpaired surrogate is an error, never a silent U+FFFD.
///
/// Fast path: the string crosses with `TextEncoder`, which turns each lone surrogate into
/// U+FFFD; only when a U+FFFD shows up are the UTF-16 code units decoded one by one to tell a
/// real U+FFFD from a lone surrogate.
pub(crate) fn text_from_js(value: &JsValue, parameter: &str) -> Result<String, JsValue> {
    let Some(string) = value.dyn_ref::<js_sys::JsString>() else {
        return Err(wrong_type(value, parameter, "a string"));
    };
    let text = string.as_string().unwrap_or_default();
    if !text.contains('\u{FFFD}') {
        return Ok(text);
    }
    let units: Vec<u16> = string.iter().collect();
    agentsentinel::core::decode_utf16(&units, parameter).map_err(to_js_err)
}

/// Exactly `N` bytes, or a `core.wrong_type` error naming `parameter`.
#[cfg(any(feature = "text", feature = "signer"))]
pub(crate) fn fixed_bytes<const N: usize>(
    bytes: &[u8],
    parameter: &str,
) -> Result<[u8; N], JsValue> {
    bytes.try_into().map_err(|_| {
        to_js_err(TextError::WrongType {
            parameter: parameter.to_owned(),
            expected: format!("{N} bytes"),
            found: format!("{} bytes", bytes.len()),
        })
    })
}

/// An optional clock value in milliseconds or seconds: a non-negative whole number.
pub(crate) fn clock_from_js(value: Option<f64>, parameter: &str) -> Result<Option<u64>, JsValue> {
    match value {
        None => Ok(None),
        Some(v)
            if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= 9_007_199_254_740_991.0 =>
        {
            #[expect(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "checked above: a whole number in 0..=2^53-1"
            )]
            let whole = v as u64;
            Ok(Some(whole))
        }
        Some(v) => Err(to_js_err(TextError::WrongType {
            parameter: parameter.to_owned(),
            expected: "a non-negative whole number".to_owned(),
            found: format!("`{v}`"),
        })),
    }
}

/// Milliseconds since the Unix epoch, from `Date.now()`.
pub(crate) fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "Date.now() is a whole, non-negative number of milliseconds below 2^53"
    )]
    let ms = now.max(0.0) as u64;
    ms
}

/// `performance.now()` in milliseconds, or 0 where there is no `performance`.
#[cfg(feature = "text")]
pub(crate) fn performance_now() -> f64 {
    let global = js_sys::global();
    js_sys::Reflect::get(&global, &"performance".into())
        .ok()
        .filter(JsValue::is_object)
        .and_then(|p| {
            let now = js_sys::Reflect::get(&p, &"now".into()).ok()?;
            now.dyn_ref::<js_sys::Function>()?.call0(&p).ok()?.as_f64()
        })
        .unwrap_or(0.0)
}

/// A plain-data argument (options, a tool call, claims, keys) from JS. When `fields` is not
/// empty, an object with any other key is refused, so a misspelt option never goes unnoticed.
pub(crate) fn from_js<T: serde::de::DeserializeOwned>(
    value: JsValue,
    parameter: &str,
    expected: &str,
    fields: &[&str],
) -> Result<T, JsValue> {
    if !fields.is_empty() && value.is_object() && !js_sys::Array::is_array(&value) {
        let object = js_sys::Object::from(value.clone());
        for key in js_sys::Object::keys(&object).iter() {
            let key = key.as_string().unwrap_or_default();
            if !fields.contains(&key.as_str()) {
                return Err(to_js_err(TextError::WrongType {
                    parameter: parameter.to_owned(),
                    expected: format!("{expected} (keys: {})", fields.join(", ")),
                    found: format!("unknown key `{key}`"),
                }));
            }
        }
    }
    serde_wasm_bindgen::from_value(value).map_err(|err| {
        to_js_err(TextError::WrongType {
            parameter: parameter.to_owned(),
            expected: expected.to_owned(),
            found: err.to_string().trim_start_matches("Error: ").to_owned(),
        })
    })
}

/// Any serialisable result as a plain JS object (maps as objects, integers as numbers).
pub(crate) fn to_js<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::UNDEFINED)
}

fn wrong_type(value: &JsValue, parameter: &str, expected: &str) -> JsValue {
    to_js_err(TextError::WrongType {
        parameter: parameter.to_owned(),
        expected: expected.to_owned(),
        found: value.js_typeof().as_string().unwrap_or_default(),
    })
}

/// Turns any agentsentinel error into a JS `Error` with our stable `code`. Nothing else does
/// this (see [`to_js_err_in`] for errors about a string the caller passed).
pub(crate) fn to_js_err(err: impl Into<agentsentinel::Error>) -> JsValue {
    to_js_err_in(err, None)
}

/// [`to_js_err`] for an error about `source`, so its `span` can be given in UTF-16 code units.
pub(crate) fn to_js_err_in(err: impl Into<agentsentinel::Error>, source: Option<&str>) -> JsValue {
    let err = err.into();
    let name = match &err {
        agentsentinel::Error::Text(_) => "TextError",
        #[cfg(feature = "text")]
        agentsentinel::Error::InputShield(_) => "InputShieldError",
        #[cfg(feature = "policy")]
        agentsentinel::Error::Policy(_) => "PolicyError",
        #[cfg(any(feature = "text", feature = "signer"))]
        agentsentinel::Error::Permit(_) => "PermitError",
        _ => "SentinelError",
    };
    let js_error = js_sys::Error::new(&err.to_string());
    js_error.set_name(name);
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&js_error, &key.into(), &value);
    };
    set("code", err.code().into());
    if let Some(help) = err.help() {
        set("help", help.into());
    }
    if let Some(span) = err.span() {
        set("byteSpan", to_js(&JsSpan::from(span)));
        if let Some(source) = source {
            set("span", to_js(&JsSpan::from(span.to_utf16_span(source))));
        }
    }
    if let Some(location) = err.location() {
        set("line", location.line.into());
        set("column", location.column.into());
    }
    if let Some(origin) = err.origin() {
        set("origin", origin.into());
    }
    #[cfg(feature = "policy")]
    if let agentsentinel::Error::Policy(policy) = &err
        && let Some(path) = policy.path()
    {
        set("path", path.into());
    }
    js_error.into()
}

// ---------------------------------------------------------------------------------------------
// Results: camelCase mirrors of the core types.

#[derive(Serialize)]
pub(crate) struct JsSpan {
    start: usize,
    end: usize,
}

impl From<Span> for JsSpan {
    fn from(span: Span) -> Self {
        JsSpan {
            start: span.start,
            end: span.end,
        }
    }
}

#[cfg(feature = "text")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JsFinding<'a> {
    rule_id: &'a str,
    category: &'static str,
    level: &'static str,
    weight: u8,
    span: JsSpan,
    byte_span: JsSpan,
    excerpt: &'a str,
    description: &'a str,
}

#[cfg(feature = "text")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct JsAssessment<'a> {
    findings: Vec<JsFinding<'a>>,
    risk_score: u8,
    threat_level: &'static str,
    should_block: bool,
    fingerprint: &'a str,
    analysis_time_us: u64,
}

/// The assessment of `text`, with spans in UTF-16 code units and the time `analyze` took.
#[cfg(feature = "text")]
pub(crate) fn assessment_to_js(text: &str, assessment: &Assessment, elapsed_ms: f64) -> JsValue {
    let map = Utf16Map::new(
        text,
        assessment
            .findings
            .iter()
            .flat_map(|f| [f.span.start, f.span.end]),
    );
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a duration in microseconds, clamped to be non-negative"
    )]
    let micros = (elapsed_ms * 1000.0).max(0.0).round() as u64;
    to_js(&JsAssessment {
        findings: assessment
            .findings
            .iter()
            .map(|f| finding(f, &map))
            .collect(),
        risk_score: assessment.risk_score,
        threat_level: assessment.threat_level.as_str(),
        should_block: assessment.should_block,
        fingerprint: &assessment.fingerprint,
        analysis_time_us: micros.max(assessment.analysis_time_us),
    })
}

#[cfg(feature = "text")]
fn finding<'a>(f: &'a RustFinding, map: &Utf16Map) -> JsFinding<'a> {
    JsFinding {
        rule_id: &f.rule_id,
        category: f.category.as_str(),
        level: f.level.as_str(),
        weight: f.weight,
        span: map.span(f.span),
        byte_span: f.span.into(),
        excerpt: &f.excerpt,
        description: &f.description,
    }
}

#[cfg(feature = "text")]
#[derive(Serialize)]
struct JsLeak<'a> {
    token: &'a str,
    kind: &'static str,
    finding: JsFinding<'a>,
}

/// Canary leaks in `output`, spans in UTF-16 code units.
#[cfg(feature = "text")]
pub(crate) fn leaks_to_js(output: &str, leaks: &[CanaryLeak]) -> JsValue {
    let map = Utf16Map::new(
        output,
        leaks
            .iter()
            .flat_map(|l| [l.finding.span.start, l.finding.span.end]),
    );
    let leaks: Vec<JsLeak<'_>> = leaks
        .iter()
        .map(|l| JsLeak {
            token: l.token.as_str(),
            kind: l.kind.as_str(),
            finding: finding(&l.finding, &map),
        })
        .collect();
    to_js(&leaks)
}

#[cfg(feature = "text")]
#[derive(Serialize)]
struct JsCanaryToken<'a> {
    token: &'a str,
    instruction: String,
}

/// A fresh canary token as `{token, instruction}`.
#[cfg(feature = "text")]
pub(crate) fn canary_token_to_js(token: &agentsentinel::input_shield::CanaryToken) -> JsValue {
    to_js(&JsCanaryToken {
        token: token.as_str(),
        instruction: token.instruction(),
    })
}

#[cfg(feature = "text")]
#[derive(Serialize)]
pub(crate) struct JsRule<'a> {
    id: &'a str,
    category: &'static str,
    weight: u8,
    description: &'a str,
}

#[cfg(feature = "text")]
impl<'a> From<&'a Rule> for JsRule<'a> {
    fn from(rule: &'a Rule) -> Self {
        JsRule {
            id: &rule.id,
            category: rule.category.as_str(),
            weight: rule.weight,
            description: &rule.description,
        }
    }
}

#[cfg(feature = "policy")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsTaintGrant<'a> {
    tag: &'a str,
    ttl_seconds: Option<u64>,
}

#[cfg(feature = "policy")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsEffects<'a> {
    add_taints: Vec<JsTaintGrant<'a>>,
    remove_taints: &'a [String],
}

#[cfg(feature = "policy")]
#[derive(Serialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
enum JsDecision<'a> {
    Allow {
        rule: &'a str,
        reason: &'a str,
        effects: JsEffects<'a>,
    },
    Deny {
        rule: &'a str,
        reason: &'a str,
        code: Option<&'a str>,
    },
    RequireApproval {
        rule: &'a str,
        reason: &'a str,
        call: &'a ToolCall,
    },
}

/// A decision as `{decision: "allow" | "deny" | "require_approval", rule, reason, ...}`.
#[cfg(feature = "policy")]
pub(crate) fn decision_to_js(decision: &Decision) -> JsValue {
    let js = match decision {
        Decision::Allow {
            rule,
            reason,
            effects,
        } => JsDecision::Allow {
            rule,
            reason,
            effects: JsEffects {
                add_taints: effects
                    .add_taints
                    .iter()
                    .map(|grant| JsTaintGrant {
                        tag: &grant.tag,
                        ttl_seconds: grant.ttl_seconds,
                    })
                    .collect(),
                remove_taints: &effects.remove_taints,
            },
        },
        Decision::Deny { rule, reason, code } => JsDecision::Deny {
            rule,
            reason,
            code: code.as_deref(),
        },
        Decision::RequireApproval { rule, reason, call } => {
            JsDecision::RequireApproval { rule, reason, call }
        }
    };
    to_js(&js)
}

#[cfg(feature = "text")]
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsPermit<'a> {
    algorithm: &'static str,
    key_id: &'a str,
    action_hash: String,
    subject: &'a str,
    issued_at: u64,
    expires_at: u64,
    nonce_hex: String,
    scope: Option<&'a str>,
    approver: Option<&'a str>,
}

/// A verified permit's claims.
#[cfg(feature = "text")]
pub(crate) fn permit_to_js(permit: &RustPermit) -> JsValue {
    to_js(&JsPermit {
        algorithm: permit.algorithm().tag(),
        key_id: permit.key_id(),
        action_hash: permit.action_hash().to_string(),
        subject: permit.subject(),
        issued_at: permit.issued_at(),
        expires_at: permit.expires_at(),
        nonce_hex: permit.nonce_hex(),
        scope: permit.scope(),
        approver: permit.approver(),
    })
}

// ---------------------------------------------------------------------------------------------
// Arguments: plain-data objects from JS.

/// `InputShieldOptions`.
#[cfg(feature = "text")]
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct ShieldOptions {
    pub(crate) block_threshold: Option<u8>,
    #[serde(default)]
    pub(crate) disable_rules: Vec<String>,
    #[serde(default)]
    pub(crate) allow_phrases: Vec<String>,
    #[serde(default)]
    pub(crate) rules: Vec<CustomRule>,
}

/// `CustomRule`.
#[cfg(feature = "text")]
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CustomRule {
    id: String,
    category: agentsentinel::ThreatCategory,
    weight: u8,
    description: String,
    terms: Vec<String>,
}

#[cfg(feature = "text")]
impl CustomRule {
    pub(crate) fn into_rule(self) -> Rule {
        let terms: Vec<&str> = self.terms.iter().map(String::as_str).collect();
        Rule::any(
            &self.id,
            self.category,
            self.weight,
            &self.description,
            &terms,
        )
    }
}

/// `PermitKey`.
#[cfg(feature = "text")]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct PermitKey {
    pub(crate) key_id: String,
    #[serde(default, with = "serde_bytes_opt")]
    pub(crate) secret: Option<Vec<u8>>,
    #[serde(default, with = "serde_bytes_opt")]
    pub(crate) ed25519_public_key: Option<Vec<u8>>,
}

/// `PermitVerifierOptions`.
#[cfg(feature = "text")]
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct VerifierOptions {
    pub(crate) leeway_seconds: Option<u64>,
    pub(crate) max_lifetime_seconds: Option<u64>,
}

/// `PermitClaims`.
#[cfg(feature = "signer")]
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct Claims {
    subject: String,
    ttl_seconds: u64,
    scope: Option<String>,
    approver: Option<String>,
}

#[cfg(feature = "signer")]
impl Claims {
    pub(crate) fn into_claims(self) -> agentsentinel::permit::PermitClaims {
        let mut claims = agentsentinel::permit::PermitClaims::new(self.subject, self.ttl_seconds);
        if let Some(scope) = self.scope {
            claims = claims.scope(scope);
        }
        if let Some(approver) = self.approver {
            claims = claims.approver(approver);
        }
        claims
    }
}

/// `Uint8Array` (or an array of numbers) for optional byte fields.
#[cfg(feature = "text")]
mod serde_bytes_opt {
    use serde::{Deserialize, Deserializer};

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Vec<u8>>, D::Error> {
        Option::<serde_bytes_like::Bytes>::deserialize(deserializer).map(|b| b.map(|b| b.0))
    }

    mod serde_bytes_like {
        use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

        pub(crate) struct Bytes(pub(crate) Vec<u8>);

        impl<'de> Deserialize<'de> for Bytes {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Bytes;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("a Uint8Array")
                    }
                    fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                        Ok(Bytes(v.to_vec()))
                    }
                    fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                        Ok(Bytes(v))
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                        let mut out = Vec::new();
                        while let Some(b) = seq.next_element::<u8>()? {
                            out.push(b);
                        }
                        Ok(Bytes(out))
                    }
                }
                deserializer.deserialize_byte_buf(V)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Byte offsets to UTF-16 offsets, in one pass for all the spans of a result.

/// UTF-16 offsets of a set of byte offsets of one text, computed in one pass over the text
/// (converting each span on its own would be quadratic for a long text with many findings).
#[cfg(feature = "text")]
struct Utf16Map {
    len: usize,
    bytes: Vec<usize>,
    units: Vec<usize>,
}

#[cfg(feature = "text")]
impl Utf16Map {
    fn new(text: &str, offsets: impl Iterator<Item = usize>) -> Self {
        let mut bytes: Vec<usize> = offsets.map(|o| o.min(text.len())).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut units = Vec::with_capacity(bytes.len());
        let (mut at, mut count) = (0, 0);
        let raw = text.as_bytes();
        for &offset in &bytes {
            // UTF-16 length of a stretch of UTF-8: one unit per leading byte, two for 4-byte
            // sequences (their leading byte is >= 0xF0).
            count += raw[at..offset]
                .iter()
                .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
                .sum::<usize>();
            at = offset;
            units.push(count);
        }
        Utf16Map {
            len: text.len(),
            bytes,
            units,
        }
    }

    fn offset(&self, byte: usize) -> usize {
        self.bytes
            .binary_search(&byte.min(self.len))
            .ok()
            .and_then(|i| self.units.get(i).copied())
            .unwrap_or(0)
    }

    fn span(&self, span: Span) -> JsSpan {
        JsSpan {
            start: self.offset(span.start),
            end: self.offset(span.end),
        }
    }
}
