//! The text module: what every page loads. Screening (`analyze`, `InputShield`, the full rule
//! library), canary tokens, spotlighting and fingerprints.

use std::cell::OnceCell;

use agentsentinel::input_shield as shield;
use wasm_bindgen::prelude::*;

use crate::convert::{
    self, RuleTable, ShieldOptions, assessment_to_js, leaks_to_js, performance_now, text_from_js,
    to_js_err,
};

thread_local! {
    /// The rule table of the shared default shield (`analyze`), crossed on its first use.
    static SHARED_RULES: RuleTable = RuleTable::new(shield::InputShield::shared());
}

/// SHA-256 of the text's UTF-8 bytes as 64 lowercase hex digits.
///
/// # Errors
///
/// An `Error` with `code` `core.lone_surrogate` for a string with an unpaired surrogate, and
/// `core.wrong_type` for anything that is not a string.
#[wasm_bindgen]
pub fn fingerprint(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<String, JsValue> {
    let text = text_from_js(text, "text")?;
    Ok(agentsentinel::fingerprint(&text))
}

/// Analyses `text` with the built-in rules and explains the verdict: every finding names its
/// rule and the span (UTF-16 code units) of the original text it matched.
///
/// Linear in the length of the text; never fails on a valid string.
///
/// # Errors
///
/// `core.lone_surrogate` for a string with an unpaired surrogate, `core.wrong_type` for a
/// non-string.
#[wasm_bindgen(unchecked_return_type = "Assessment")]
pub fn analyze(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<JsValue, JsValue> {
    let js_text = text;
    let text = text_from_js(js_text, "text")?;
    let started = performance_now();
    let assessment = shield::InputShield::shared().analyze_indexed_without_fingerprint(&text);
    let elapsed = performance_now() - started;
    Ok(SHARED_RULES.with(|rules| assessment_to_js(js_text, &text, &assessment, elapsed, rules)))
}

/// Whether `text` scores at or above the default block threshold (50): `analyze`'s verdict without
/// building findings or hashing the text.
///
/// # Errors
///
/// As `analyze`.
#[wasm_bindgen(js_name = shouldBlock)]
pub fn should_block(
    #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
) -> Result<bool, JsValue> {
    let text = text_from_js(text, "text")?;
    Ok(agentsentinel::should_block(&text))
}

/// A prompt-injection and jailbreak detector with its own options. Build one and reuse it.
#[wasm_bindgen]
#[derive(Default)]
pub struct InputShield {
    shield: shield::InputShield,
    /// Crossed to JS on the first `analyze`.
    rules: OnceCell<RuleTable>,
}

#[wasm_bindgen]
impl InputShield {
    /// The built-in rules with `options` applied: `blockThreshold`, `disableRules`,
    /// `allowPhrases` and custom `rules`.
    ///
    /// # Errors
    ///
    /// `input_shield.invalid_threshold`, `input_shield.unknown_rule`,
    /// `input_shield.duplicate_rule`, `input_shield.invalid_rule`,
    /// `input_shield.empty_allow_phrase`; `core.wrong_type` for options of the wrong shape.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "InputShieldOptions")] options: Option<
            JsValue,
        >,
    ) -> Result<InputShield, JsValue> {
        let options = ShieldOptions::from_js(options)?;
        let mut builder = shield::InputShield::builder();
        if let Some(threshold) = options.block_threshold {
            builder = builder.block_threshold(threshold);
        }
        for id in &options.disable_rules {
            builder = builder.disable_rule(id);
        }
        for phrase in &options.allow_phrases {
            builder = builder.allow_phrase(phrase);
        }
        for rule in options.rules {
            builder = builder.add_rule(rule.into_rule());
        }
        builder
            .build()
            .map(|shield| InputShield {
                shield,
                rules: OnceCell::new(),
            })
            .map_err(to_js_err)
    }

    /// Analyses `text`; see the free function `analyze`.
    ///
    /// # Errors
    ///
    /// As `analyze`.
    #[wasm_bindgen(unchecked_return_type = "Assessment")]
    pub fn analyze(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let js_text = text;
        let text = text_from_js(js_text, "text")?;
        let started = performance_now();
        let assessment = self.shield.analyze_indexed_without_fingerprint(&text);
        let elapsed = performance_now() - started;
        let rules = self.rules.get_or_init(|| RuleTable::new(&self.shield));
        Ok(assessment_to_js(
            js_text,
            &text,
            &assessment,
            elapsed,
            rules,
        ))
    }

    /// Whether `text` scores at or above this shield's block threshold.
    ///
    /// # Errors
    ///
    /// As `analyze`.
    #[wasm_bindgen(js_name = shouldBlock)]
    pub fn should_block(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue,
    ) -> Result<bool, JsValue> {
        let text = text_from_js(text, "text")?;
        Ok(self.shield.should_block(&text))
    }

    /// The risk score at and above which `shouldBlock` is set.
    #[wasm_bindgen(getter, js_name = blockThreshold)]
    #[must_use]
    pub fn block_threshold(&self) -> u8 {
        self.shield.block_threshold()
    }

    /// The ids of the enabled rules, built-in ones first.
    #[wasm_bindgen(js_name = ruleIds)]
    #[must_use]
    pub fn rule_ids(&self) -> Vec<String> {
        self.shield
            .rules()
            .map(|rule| rule.id.clone().into_owned())
            .collect()
    }

    /// The enabled rules with their category, weight and description.
    #[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
    #[must_use]
    pub fn rules(&self) -> JsValue {
        convert::rules_to_js(self.shield.rules())
    }
}

/// Issues canary tokens to embed in a system prompt and finds them in model output: verbatim,
/// re-cased, re-spaced, base64- or hex-encoded, or half of one.
#[wasm_bindgen]
#[derive(Default)]
pub struct CanaryManager(shield::CanaryManager);

#[wasm_bindgen]
impl CanaryManager {
    /// A manager with no tokens.
    #[wasm_bindgen(constructor)]
    #[must_use]
    pub fn new() -> CanaryManager {
        CanaryManager::default()
    }

    /// Draws a fresh token (`CANARY-` + 20 characters, 100 bits from `crypto.getRandomValues`),
    /// registers it, and returns it with the sentence to put in the system prompt.
    ///
    /// # Errors
    ///
    /// `input_shield.random_unavailable` without a random source; `input_shield.too_many_canaries`.
    #[wasm_bindgen(unchecked_return_type = "CanaryToken")]
    pub fn issue(&self) -> Result<JsValue, JsValue> {
        self.0
            .issue()
            .map(|token| convert::canary_token_to_js(&token))
            .map_err(to_js_err)
    }

    /// Registers a token issued elsewhere (another process, an earlier session); `false` when
    /// it was already registered.
    ///
    /// # Errors
    ///
    /// `input_shield.invalid_canary_token`, `input_shield.too_many_canaries`.
    pub fn register(&self, token: &str) -> Result<bool, JsValue> {
        let token = shield::CanaryToken::parse(token).map_err(to_js_err)?;
        self.0.register(token).map_err(to_js_err)
    }

    /// Forgets a token; `false` when it was not registered.
    ///
    /// # Errors
    ///
    /// `input_shield.invalid_canary_token`.
    pub fn revoke(&self, token: &str) -> Result<bool, JsValue> {
        let token = shield::CanaryToken::parse(token).map_err(to_js_err)?;
        Ok(self.0.revoke(&token))
    }

    /// Whether a token is registered.
    ///
    /// # Errors
    ///
    /// `input_shield.invalid_canary_token`.
    pub fn contains(&self, token: &str) -> Result<bool, JsValue> {
        let token = shield::CanaryToken::parse(token).map_err(to_js_err)?;
        Ok(self.0.contains(&token))
    }

    /// The registered tokens, sorted.
    #[must_use]
    pub fn tokens(&self) -> Vec<String> {
        self.0
            .tokens()
            .iter()
            .map(|t| t.as_str().to_owned())
            .collect()
    }

    /// Number of registered tokens.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn size(&self) -> usize {
        self.0.len()
    }

    /// Every leak of a registered token in `output`, ordered by position.
    ///
    /// # Errors
    ///
    /// `core.lone_surrogate`, `core.wrong_type`.
    #[wasm_bindgen(unchecked_return_type = "CanaryLeak[]")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] output: &JsValue,
    ) -> Result<JsValue, JsValue> {
        let output = text_from_js(output, "output")?;
        Ok(leaks_to_js(&output, &self.0.check(&output)))
    }
}

/// Marks untrusted `content` so the model can tell it from instructions, with a fresh random
/// boundary or marker from `crypto.getRandomValues`: `mode` is `delimit` (the default),
/// `datamark` or `base64`.
///
/// # Errors
///
/// `input_shield.unknown_spotlight_mode`, `input_shield.random_unavailable`,
/// `core.lone_surrogate`, `core.wrong_type`.
#[expect(
    clippy::needless_pass_by_value,
    reason = "wasm-bindgen takes optional strings as `Option<String>`, never `Option<&str>`"
)]
#[wasm_bindgen]
pub fn spotlight(
    #[wasm_bindgen(unchecked_param_type = "string")] content: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SpotlightMode")] mode: Option<String>,
) -> Result<Spotlighted, JsValue> {
    let content = text_from_js(content, "content")?;
    let mode = spotlight_mode(mode.as_deref())?;
    shield::spotlight(&content, mode)
        .map(Spotlighted)
        .map_err(to_js_err)
}

/// FOR TESTS AND TEST VECTORS ONLY: `spotlight` with the boundary and marker taken from 16
/// bytes of `seed`, so the output is reproducible, and guessable, which real spotlighting must
/// never be.
///
/// # Errors
///
/// As `spotlight`; `core.wrong_type` unless `seed` is 16 bytes.
#[wasm_bindgen(js_name = spotlightWithSeedMaterial)]
pub fn spotlight_with_seed_material(
    #[wasm_bindgen(unchecked_param_type = "string")] content: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "SpotlightMode")] mode: &str,
    seed: &[u8],
) -> Result<Spotlighted, JsValue> {
    let content = text_from_js(content, "content")?;
    let mode = spotlight_mode(Some(mode))?;
    let seed = convert::fixed_bytes::<16>(seed, "seed")?;
    Ok(Spotlighted(
        shield::Spotlighter::with_seed_material(seed).wrap(&content, mode),
    ))
}

fn spotlight_mode(mode: Option<&str>) -> Result<shield::SpotlightMode, JsValue> {
    mode.map_or(Ok(shield::SpotlightMode::Delimit), |mode| {
        mode.parse().map_err(to_js_err)
    })
}

/// Spotlighted content: `text` for the prompt, `instruction` for the system prompt.
#[wasm_bindgen]
pub struct Spotlighted(shield::Spotlighted);

#[wasm_bindgen]
impl Spotlighted {
    /// The wrapped, marked or encoded content.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn text(&self) -> String {
        self.0.text().to_owned()
    }

    /// The sentence for the system prompt saying how the content is marked.
    #[wasm_bindgen(getter)]
    #[must_use]
    pub fn instruction(&self) -> String {
        self.0.instruction().to_owned()
    }

    /// The mode used.
    #[wasm_bindgen(getter, unchecked_return_type = "SpotlightMode")]
    #[must_use]
    pub fn mode(&self) -> String {
        self.0.mode().as_str().to_owned()
    }

    /// The content as the model should read it: neutralised look-alikes become U+FFFD.
    #[must_use]
    pub fn recover(&self) -> String {
        self.0.recover()
    }
}
