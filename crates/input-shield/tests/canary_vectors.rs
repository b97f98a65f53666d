//! Replays `test-vectors/canary/` and `test-vectors/spotlight/`: one test per file, and a test
//! that every file there has one.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a panic here is a failed test"
)]

use std::path::PathBuf;

use agentsentinel_input_shield::{CanaryManager, CanaryToken, SpotlightMode, Spotlighter};
use serde_json::{Value, json};

fn vectors_dir(area: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../test-vectors")
        .join(area)
}

fn load(area: &str, file: &str) -> Value {
    let path = vectors_dir(area).join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn replay_canary(file: &str) {
    let vector = load("canary", file);
    let canaries = CanaryManager::new();
    for token in vector["tokens"].as_array().unwrap() {
        let token = CanaryToken::parse(token.as_str().unwrap()).unwrap();
        canaries.register(token).unwrap();
    }
    let cases = vector["cases"].as_array().unwrap();
    assert!(!cases.is_empty(), "{file}: no cases");
    for case in cases {
        let output = case["output"].as_str().unwrap();
        let got: Vec<Value> = canaries
            .check(output)
            .into_iter()
            .map(|leak| {
                let utf16 = leak.finding.span.to_utf16_span(output);
                json!({
                    "token": leak.token,
                    "kind": leak.kind,
                    "rule_id": leak.finding.rule_id,
                    "span": leak.finding.span,
                    "char_span": leak.finding.char_span,
                    "utf16_span": utf16,
                })
            })
            .collect();
        assert_eq!(Value::from(got), case["leaks"], "{file}: {output:?}");
    }
}

fn replay_spotlight(file: &str) {
    let vector = load("spotlight", file);
    let hex = vector["seed"].as_str().unwrap();
    let seed: Vec<u8> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect();
    let seed: [u8; 16] = seed.try_into().unwrap();
    let cases = vector["cases"].as_array().unwrap();
    assert!(!cases.is_empty(), "{file}: no cases");
    for case in cases {
        let mode: SpotlightMode = case["mode"].as_str().unwrap().parse().unwrap();
        let content = case["content"].as_str().unwrap();
        let wrapped = Spotlighter::with_seed_material(seed).wrap(content, mode);
        assert_eq!(wrapped.text(), case["text"], "{file}: {mode} {content:?}");
        assert_eq!(
            wrapped.recover(),
            case["recovered"],
            "{file}: {mode} {content:?}"
        );
    }
}

macro_rules! vector_tests {
    ($($area:literal => $replay:ident { $($name:ident = $file:literal,)* })*) => {
        $($(
            #[test]
            fn $name() {
                $replay($file);
            }
        )*)*

        #[test]
        fn every_vector_file_has_a_test() {
            $(
                let mut found: Vec<String> = std::fs::read_dir(vectors_dir($area))
                    .unwrap()
                    .map(|entry| entry.unwrap().file_name().into_string().unwrap())
                    .filter(|name| name.ends_with(".json"))
                    .collect();
                found.sort_unstable();
                assert!(!found.is_empty(), "no vector files in test-vectors/{}", $area);
                let mut listed = vec![$($file.to_owned()),*];
                listed.sort_unstable();
                assert_eq!(found, listed, "add a line to vector_tests! for each new file");
            )*
        }
    };
}

vector_tests! {
    "canary" => replay_canary {
        canary_altered = "altered.json",
        canary_clean = "clean.json",
        canary_encoded = "encoded.json",
        canary_exact = "exact.json",
        canary_partial = "partial.json",
        canary_several_tokens = "several-tokens.json",
    }
    "spotlight" => replay_spotlight {
        spotlight_seeded = "seeded.json",
    }
}
