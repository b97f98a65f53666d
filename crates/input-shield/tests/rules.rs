//! Every built-in rule: complete metadata, and its own positive and negative examples.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]

use agentsentinel_input_shield::InputShield;

#[test]
fn library_has_at_least_110_rules_with_unique_dotted_ids() {
    let shield = InputShield::default();
    let ids: Vec<&str> = shield.rules().map(|r| r.id.as_str()).collect();
    assert!(ids.len() >= 110, "only {} rules", ids.len());
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len(), "duplicate rule ids");
    for id in ids {
        assert!(id.contains('.'), "{id} is not dotted");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'),
            "{id} is not lowercase"
        );
    }
}

#[test]
fn every_rule_matches_its_positive_examples_and_not_its_negative_ones() {
    let shield = InputShield::default();
    let mut failures = Vec::new();
    for rule in shield.rules() {
        assert!(
            !rule.description.is_empty(),
            "{} has no description",
            rule.id
        );
        assert!(
            rule.weight > 0 && rule.weight <= 100,
            "{} has a bad weight",
            rule.id
        );
        assert!(
            !rule.positive_examples.is_empty(),
            "{} has no positive example",
            rule.id
        );
        assert!(
            !rule.negative_examples.is_empty(),
            "{} has no negative example",
            rule.id
        );
        for text in &rule.positive_examples {
            if !shield.analyze(text).rule_ids().contains(&rule.id.as_str()) {
                failures.push(format!("{} missed its positive example {text:?}", rule.id));
            }
        }
        for text in &rule.negative_examples {
            if shield.analyze(text).rule_ids().contains(&rule.id.as_str()) {
                failures.push(format!("{} matched its negative example {text:?}", rule.id));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
