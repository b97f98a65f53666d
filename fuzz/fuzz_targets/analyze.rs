//! `InputShield::analyze` must never panic, and every finding's spans must lie inside the input
//! on character boundaries, for any text and any builder options.
#![no_main]

use agentsentinel::ThreatCategory;
use agentsentinel::input_shield::{InputShield, Rule};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    threshold: u8,
    disable: Vec<u8>,
    allow: Vec<String>,
    custom_terms: Vec<String>,
    custom_window: u16,
    custom_weight: u8,
}

fuzz_target!(|input: Input| {
    let mut builder = InputShield::builder().block_threshold(input.threshold);
    let ids: Vec<String> = InputShield::default()
        .rules()
        .map(|r| r.id.clone().into_owned())
        .collect();
    for index in input.disable.iter().take(8) {
        if let Some(id) = ids.get(usize::from(*index) % ids.len().max(1)) {
            builder = builder.disable_rule(id);
        }
    }
    for phrase in input.allow.iter().take(4) {
        builder = builder.allow_phrase(phrase);
    }
    if !input.custom_terms.is_empty() {
        let terms: Vec<&str> = input
            .custom_terms
            .iter()
            .take(8)
            .map(String::as_str)
            .collect();
        let (first, rest) = terms.split_at(terms.len() / 2);
        let rule = Rule::near(
            "fuzz.custom",
            ThreatCategory::Jailbreak,
            input.custom_weight,
            "fuzzed rule",
            &[first, rest],
            input.custom_window,
        );
        builder = builder.add_rule(rule);
    }
    let shield = match builder.build() {
        Ok(shield) => shield,
        Err(_) => InputShield::default(),
    };
    let verdict = shield.analyze(&input.text);
    assert!(verdict.risk_score <= 100);
    let chars = input.text.chars().count();
    for finding in &verdict.findings {
        assert!(finding.span.end <= input.text.len());
        assert!(input.text.is_char_boundary(finding.span.start));
        assert!(input.text.is_char_boundary(finding.span.end));
        assert!(finding.char_span.end <= chars);
        assert_eq!(finding.span.to_char_span(&input.text), finding.char_span);
    }
});
