//! RFC 8785 conformance: every case of the shared JCS vectors and all 100,000 ES6 numbers.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]
#![expect(
    clippy::disallowed_methods,
    reason = "a conformance test reads the vector files"
)]

use std::path::PathBuf;

use agentsentinel_permit::{canonicalize, canonicalize_value, format_number};

/// `../shared/vectors/jcs` next to the repository checkout. Missing means a broken checkout, so
/// the tests fail rather than skip.
fn jcs_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/vectors/jcs");
    assert!(
        dir.is_dir(),
        "RFC 8785 vectors not found at {}: the shared directory must sit next to the repository \
         checkout (../shared from the repository root)",
        dir.display()
    );
    dir
}

#[test]
fn every_shared_jcs_case_canonicalises_to_the_expected_bytes() {
    let dir = jcs_dir();
    let mut count = 0;
    for entry in std::fs::read_dir(dir.join("input")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        let input = std::fs::read_to_string(&path).unwrap();
        let expected = std::fs::read(dir.join("output").join(&name)).unwrap();
        let outhex = std::fs::read_to_string(
            dir.join("outhex")
                .join(name.to_string_lossy().replace(".json", ".txt")),
        )
        .unwrap();
        let from_hex: Vec<u8> = outhex
            .split_whitespace()
            .map(|h| u8::from_str_radix(h, 16).unwrap())
            .collect();
        assert_eq!(expected, from_hex, "{name:?}: output and outhex disagree");
        let got = canonicalize(&input).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&expected),
            "{name:?}"
        );
        assert_eq!(got, expected, "{name:?}");
        // serde_json (without its `float_roundtrip` feature) may misround long decimals such as
        // `333333333.33333329`; that is why the text path is authoritative.
        if name != "values.json" {
            let value: serde_json::Value = serde_json::from_str(&input).unwrap();
            assert_eq!(
                canonicalize_value(&value).unwrap(),
                expected,
                "{name:?} via Value"
            );
        }
        count += 1;
    }
    assert_eq!(count, 6, "expected the six RFC 8785 input files");
}

#[test]
fn all_100k_es6_numbers_format_as_ecmascript_does() {
    let path = jcs_dir().join("es6/es6testfile_first100k.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut count = 0;
    for (line_no, line) in text.lines().enumerate() {
        let (hex, expected) = line.split_once(',').unwrap();
        let value = f64::from_bits(u64::from_str_radix(hex, 16).unwrap());
        let got = format_number(value);
        assert_eq!(
            got.as_deref(),
            Some(expected),
            "line {}: {hex}",
            line_no + 1
        );
        // The canonicaliser agrees on JSON input for the same double (integer literals beyond
        // 2^53 − 1 are refused by design, so feed the ES spelling only when it is not one).
        if count % 97 == 0 && (expected.contains(['.', 'e']) || expected.len() < 16) {
            assert_eq!(canonicalize(expected).unwrap(), expected.as_bytes());
        }
        count += 1;
    }
    assert_eq!(count, 100_000);
}
