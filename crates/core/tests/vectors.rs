//! Replays `test-vectors/core/` (JSON shapes) and `test-vectors/fingerprint/` through the core types.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a panic here is a failed test"
)]

use std::path::{Path, PathBuf};

use agentsentinel_core::{Assessment, Decision, Diagnostic, ToolCall, decode_utf16, fingerprint};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

fn vector_files(area: &str) -> Vec<(PathBuf, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../test-vectors")
        .join(area);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let value = serde_json::from_str(&text).unwrap();
            (path, value)
        })
        .collect()
}

fn round_trips<T: DeserializeOwned + Serialize>(value: &Value, path: &Path) {
    let typed: T = serde_json::from_value(value.clone())
        .unwrap_or_else(|err| panic!("{}: {value} does not parse: {err}", path.display()));
    let back = serde_json::to_value(&typed).unwrap();
    assert_eq!(
        &back,
        value,
        "{}: shape changed on a round trip",
        path.display()
    );
}

#[test]
fn core_shapes_round_trip_exactly() {
    for (path, file) in vector_files("core") {
        let types = file["types"].as_object().unwrap();
        let mut count = 0;
        for (type_name, values) in types {
            for value in values.as_array().unwrap() {
                match type_name.as_str() {
                    "tool_call" => round_trips::<ToolCall>(value, &path),
                    "decision" => round_trips::<Decision>(value, &path),
                    "assessment" => round_trips::<Assessment>(value, &path),
                    other => panic!("{}: unknown type `{other}`", path.display()),
                }
                count += 1;
            }
        }
        assert!(count > 0, "{}: no values", path.display());
    }
}

#[test]
fn fingerprints_match_the_vectors() {
    for (path, file) in vector_files("fingerprint") {
        let cases = file["cases"].as_array().unwrap();
        assert!(!cases.is_empty(), "{}: no cases", path.display());
        for case in cases {
            let text = case["text"].as_str().unwrap();
            assert_eq!(
                fingerprint(text),
                case["fingerprint"].as_str().unwrap(),
                "{text:?}"
            );
        }
        for case in file["errors"].as_array().into_iter().flatten() {
            let units: Vec<u16> = case["utf16"]
                .as_array()
                .unwrap()
                .iter()
                .map(|unit| u16::try_from(unit.as_u64().unwrap()).unwrap())
                .collect();
            let err = decode_utf16(&units, "text").unwrap_err();
            assert_eq!(err.code(), case["code"].as_str().unwrap());
        }
    }
}
