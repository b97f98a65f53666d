//! The policy module, loaded on demand: `Policy` (YAML or JSON) and `Sessions`.

use agentsentinel::policy::{self, SessionStore as _};
use wasm_bindgen::prelude::*;

use crate::convert::{
    self, clock_from_js, decision_to_js, json_from_js, text_from_js, to_js_err_in,
};

/// A checked tool-call policy (YAML or JSON). Holding one means it is valid.
#[wasm_bindgen]
pub struct Policy(policy::Policy);

#[wasm_bindgen]
impl Policy {
    /// Loads a policy from YAML text; `origin` names it in errors (default `policy.yaml`).
    ///
    /// # Errors
    ///
    /// A `PolicyError` with `code`, `line`, `column`, `path` and `span`: invalid YAML, an
    /// unknown key, a bad value, an invalid regex, a conflict, a broken limit.
    #[wasm_bindgen(js_name = fromYaml)]
    #[expect(
        clippy::needless_pass_by_value,
        reason = "wasm-bindgen takes optional strings as `Option<String>`, never `Option<&str>`"
    )]
    pub fn from_yaml(
        #[wasm_bindgen(unchecked_param_type = "string")] source: &JsValue,
        origin: Option<String>,
    ) -> Result<Policy, JsValue> {
        let source = text_from_js(source, "source")?;
        let origin = origin.as_deref().unwrap_or("policy.yaml");
        policy::Policy::from_yaml(&source, origin)
            .map(Policy)
            .map_err(|err| to_js_err_in(err, Some(&source)))
    }

    /// Loads a policy from JSON text; `origin` names it in errors (default `policy.json`).
    ///
    /// # Errors
    ///
    /// As `fromYaml`.
    #[wasm_bindgen(js_name = fromJson)]
    #[expect(
        clippy::needless_pass_by_value,
        reason = "wasm-bindgen takes optional strings as `Option<String>`, never `Option<&str>`"
    )]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] source: &JsValue,
        origin: Option<String>,
    ) -> Result<Policy, JsValue> {
        let source = text_from_js(source, "source")?;
        let origin = origin.as_deref().unwrap_or("policy.json");
        policy::Policy::from_json(&source, origin)
            .map(Policy)
            .map_err(|err| to_js_err_in(err, Some(&source)))
    }

    /// The name the policy was loaded under.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn origin(&self) -> String {
        self.0.origin().to_owned()
    }

    /// The tools the policy names.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn tools(&self) -> Vec<String> {
        self.0.tools().to_vec()
    }

    /// The ids of its rules, as they appear in decisions.
    #[wasm_bindgen(getter, js_name = ruleIds)]
    #[must_use]
    pub fn rule_ids(&self) -> Vec<String> {
        self.0.rule_ids().to_vec()
    }
}

/// Decides tool calls per session with one policy, keeping each session's taints, history and
/// rate counters.
#[wasm_bindgen]
pub struct Sessions(policy::Sessions);

#[wasm_bindgen]
impl Sessions {
    /// A session store for `policy` (default limits).
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new(policy: &Policy) -> Sessions {
        Sessions(policy::Sessions::new(policy.0.clone()))
    }

    /// Decides the call of `tool` with `args` (default `{}`) in session `sessionId` at `nowMs`
    /// (default `Date.now()`) and records it. A denial is a value, never an exception.
    ///
    /// # Errors
    ///
    /// `core.lone_surrogate` for an unpaired surrogate in any string (ids, tool, argument keys
    /// and values); `core.wrong_type` for `args` that are not JSON data (NaN, a `Map`, a
    /// function...) or a clock that is not a whole non-negative number; `core.too_deep` for
    /// arguments nested more than 64 levels (or cyclic).
    #[wasm_bindgen(unchecked_return_type = "Decision")]
    pub fn check(
        &self,
        #[wasm_bindgen(js_name = sessionId, unchecked_param_type = "string")] session_id: &JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] tool: &JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, JsonValue>")] args: Option<
            JsValue,
        >,
        #[wasm_bindgen(js_name = nowMs, unchecked_optional_param_type = "number")] now_ms: Option<
            f64,
        >,
    ) -> Result<JsValue, JsValue> {
        let session_id = text_from_js(session_id, "sessionId")?;
        let tool = text_from_js(tool, "tool")?;
        let args = match args {
            Some(args) if !args.is_undefined() => json_from_js(&args, "args")?,
            _ => serde_json::Value::Object(serde_json::Map::new()),
        };
        let now = clock_from_js(now_ms, "nowMs")?.unwrap_or_else(convert::now_ms);
        let call = agentsentinel::ToolCall::new(tool, args);
        Ok(decision_to_js(&self.0.check(
            &session_id.as_str().into(),
            &call,
            now,
        )))
    }

    /// The session's live taints at `nowMs` (default `Date.now()`), sorted.
    ///
    /// # Errors
    ///
    /// `core.wrong_type` for a bad clock; `core.lone_surrogate` for an unpaired surrogate in
    /// `sessionId`.
    pub fn taints(
        &self,
        #[wasm_bindgen(js_name = sessionId, unchecked_param_type = "string")] session_id: &JsValue,
        #[wasm_bindgen(js_name = nowMs)] now_ms: Option<f64>,
    ) -> Result<Vec<String>, JsValue> {
        let session_id = text_from_js(session_id, "sessionId")?;
        let now = clock_from_js(now_ms, "nowMs")?.unwrap_or_else(convert::now_ms);
        let mut taints = self.0.taints(&session_id.as_str().into(), now);
        taints.sort();
        Ok(taints)
    }

    /// Forgets a session.
    ///
    /// # Errors
    ///
    /// `core.lone_surrogate` for an unpaired surrogate in `sessionId`.
    pub fn reset(
        &self,
        #[wasm_bindgen(js_name = sessionId, unchecked_param_type = "string")] session_id: &JsValue,
    ) -> Result<(), JsValue> {
        let session_id = text_from_js(session_id, "sessionId")?;
        self.0.reset(&session_id.as_str().into());
        Ok(())
    }

    /// Number of sessions kept.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn size(&self) -> usize {
        self.0.len()
    }
}
