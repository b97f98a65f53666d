//! `canonicalize` must never panic for any text and limits; what it accepts must be canonical
//! (a second pass gives the same bytes, or refuses a big integer that a double spelled out) and
//! must agree with `canonicalize_value` on inputs whose numbers serde_json reads exactly.
#![no_main]

use agentsentinel::Diagnostic as _;
use agentsentinel::permit::{CanonicalLimits, action_hash_with, canonicalize_value, canonicalize_with};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    max_depth: u16,
    max_input_bytes: u16,
    default_limits: bool,
}

fuzz_target!(|input: Input| {
    let limits = if input.default_limits {
        CanonicalLimits::default()
    } else {
        CanonicalLimits::default()
            .max_depth(usize::from(input.max_depth))
            .max_input_bytes(usize::from(input.max_input_bytes))
    };
    let first = canonicalize_with(&input.text, &limits);
    let hash = action_hash_with(&input.text, &limits);
    assert_eq!(first.is_ok(), hash.is_ok());
    let Ok(bytes) = first else {
        return;
    };
    let text = std::str::from_utf8(&bytes).expect("canonical bytes are UTF-8");
    match canonicalize_with(text, &CanonicalLimits::default().max_depth(512).max_input_bytes(usize::MAX)) {
        Ok(again) => assert_eq!(again, bytes, "canonical form is not a fixed point"),
        Err(err) => assert_eq!(err.code(), "permit.number_out_of_range", "{err}"),
    }
    let value: serde_json::Value = serde_json::from_str(text).expect("canonical bytes are JSON");
    if !input.text.contains(['.', 'e', 'E']) {
        // Integers only: serde_json reads them exactly, so both paths must agree.
        if let Ok(from_value) = canonicalize_value(&value) {
            assert_eq!(from_value, bytes);
        }
    }
});
