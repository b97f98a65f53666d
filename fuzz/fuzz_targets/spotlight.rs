//! Spotlighting never panics, and content can never end its own wrapper, whatever it holds:
//! including the real boundary, the real closing tag or the real marker spliced in.
#![no_main]

use agentsentinel::input_shield::{SpotlightMode, Spotlighter};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    mode: u8,
    seed: [u8; 16],
    content: String,
    /// Where to splice the real boundary, closing tag or marker into the content (0 = nowhere).
    splice: u8,
    splice_at: u16,
}

fuzz_target!(|input: Input| {
    let mode = SpotlightMode::ALL[usize::from(input.mode) % SpotlightMode::ALL.len()];
    let wrap = |content: &str, mode| Spotlighter::with_seed_material(input.seed).wrap(content, mode);
    let boundary: String = input.seed[..12].iter().map(|b| format!("{b:02x}")).collect();
    let (open, close) = (format!("<untrusted-{boundary}>"), format!("</untrusted-{boundary}>"));
    let marker = wrap(" ", SpotlightMode::Datamark).into_text();

    let mut content = input.content;
    let secret = match input.splice % 4 {
        1 => boundary.clone(),
        2 => close.clone(),
        3 => marker.clone(),
        _ => String::new(),
    };
    let mut at = usize::from(input.splice_at).min(content.len());
    while !content.is_char_boundary(at) {
        at -= 1;
    }
    content.insert_str(at, &secret);

    let wrapped = wrap(&content, mode);
    let text = wrapped.text();
    let recovered = wrapped.recover();
    match mode {
        SpotlightMode::Delimit => {
            assert!(text.starts_with(&open) && text.ends_with(&close));
            assert_eq!(text.matches(&close).count(), 1, "content closed its wrapper");
            assert_eq!(text.matches(&open).count(), 1);
            assert!(!recovered.contains(&boundary));
            let lower = recovered.to_ascii_lowercase();
            assert!(!lower.contains("<untrusted") && !lower.contains("</untrusted"));
        }
        SpotlightMode::Datamark => {
            assert!(!recovered.contains(&marker), "a marker survived in the content");
            let caret_like = |c: char| {
                matches!(c, '^' | '\u{02C6}' | '\u{FF3E}' | '\u{0302}' | '\u{02C4}' | '\u{2038}' | '\u{1DCD}' | '\u{A788}')
            };
            if !content.chars().any(caret_like) {
                assert_eq!(recovered, content);
            }
        }
        _ => assert_eq!(recovered, content),
    }
});
