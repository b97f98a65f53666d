//! Folded views of a text that keep a map back to the original byte offsets.
//!
//! Canary detection and spotlight neutralisation both ask "does something that *looks like* this
//! string occur in the text?". They answer it by folding the text once into a skeleton (ASCII
//! case folded, full-width and mathematical letters and common Cyrillic/Greek look-alikes mapped
//! to ASCII, invisible characters dropped) and searching the skeleton. Building one is a single
//! linear pass.

use agentsentinel_core::Span;
use aho_corasick::MatchKind;
#[cfg(feature = "small-automata")]
use aho_corasick::automaton::Automaton as _;

/// The automaton of canary patterns and allow phrases. `AhoCorasick` picks one of three kinds at
/// run time, so all three are linked in; with the feature `small-automata` (WebAssembly) it is
/// always a contiguous NFA. Every kind finds exactly the same matches.
#[cfg(not(feature = "small-automata"))]
pub(crate) type Compiled = aho_corasick::AhoCorasick;
#[cfg(feature = "small-automata")]
pub(crate) type Compiled = aho_corasick::nfa::contiguous::NFA;

/// An automaton over `patterns` with `kind` and aho-corasick's default options.
pub(crate) fn build<P: AsRef<[u8]>>(
    kind: MatchKind,
    patterns: &[P],
) -> Result<Compiled, aho_corasick::BuildError> {
    Compiled::builder().match_kind(kind).build(patterns)
}

/// The non-overlapping matches of `compiled` in `haystack`, as (pattern index, start, end).
pub(crate) fn matches<'a>(
    compiled: &'a Compiled,
    haystack: &'a [u8],
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    #[cfg(not(feature = "small-automata"))]
    let found = compiled.find_iter(haystack);
    // An unanchored search of an automaton built for unanchored searches cannot fail.
    #[cfg(feature = "small-automata")]
    let found = compiled
        .try_find_iter(aho_corasick::Input::new(haystack))
        .into_iter()
        .flatten();
    found.map(|m| (m.pattern().as_usize(), m.start(), m.end()))
}

/// What one character of the original becomes in a skeleton.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    /// This ASCII byte.
    Keep(u8),
    /// Nothing: the character vanishes, so the characters either side become adjacent.
    Drop,
}

/// A folded copy of a text: `bytes[i]` came from the original character starting at byte
/// `starts[i]` and ending at `ends[i]`.
#[derive(Debug, Default)]
pub(crate) struct Skeleton {
    pub(crate) bytes: Vec<u8>,
    starts: Vec<usize>,
    ends: Vec<usize>,
}

/// A leftmost-longest automaton over `patterns`, or `None` if it could not be built (only when
/// limits far beyond our pattern sets are exceeded).
pub(crate) fn compile<P: AsRef<[u8]>>(patterns: &[P]) -> Option<Compiled> {
    build(MatchKind::LeftmostLongest, patterns).ok()
}

/// Occurrences of `patterns` in `haystack` as (pattern index, start, end): non-overlapping and
/// leftmost-longest through `compiled` (linear), or every occurrence of each pattern the slow
/// way when there is no automaton, so a build failure can never hide a match.
pub(crate) fn find_all<P: AsRef<[u8]>>(
    compiled: Option<&Compiled>,
    patterns: &[P],
    haystack: &[u8],
) -> Vec<(usize, usize, usize)> {
    if let Some(compiled) = compiled {
        return matches(compiled, haystack).collect();
    }
    let mut found = Vec::new();
    for (index, pattern) in patterns.iter().enumerate() {
        let pattern = pattern.as_ref();
        if pattern.is_empty() {
            continue;
        }
        for (start, window) in haystack.windows(pattern.len()).enumerate() {
            if window == pattern {
                found.push((index, start, start + pattern.len()));
            }
        }
    }
    crate::sort::unstable_by_key(&mut found, |&(_, start, _)| start);
    found
}

impl Skeleton {
    /// Folds every character of `text` with `fold`.
    pub(crate) fn build(text: &str, fold: impl Fn(char) -> Fold) -> Self {
        let mut skeleton = Skeleton {
            bytes: Vec::with_capacity(text.len()),
            starts: Vec::with_capacity(text.len()),
            ends: Vec::with_capacity(text.len()),
        };
        for (start, c) in text.char_indices() {
            if let Fold::Keep(byte) = fold(c) {
                skeleton.bytes.push(byte);
                skeleton.starts.push(start);
                skeleton.ends.push(start + c.len_utf8());
            }
        }
        skeleton
    }

    /// The byte span of the original text that skeleton bytes `start..end` came from.
    pub(crate) fn original_span(&self, start: usize, end: usize) -> Span {
        match (
            self.starts.get(start),
            end.checked_sub(1).and_then(|last| self.ends.get(last)),
        ) {
            (Some(&from), Some(&to)) => Span::new(from, to),
            _ => Span::default(),
        }
    }
}

/// Folds a character to the lowercase ASCII letter or digit it looks like, if any.
pub(crate) fn fold_alphanumeric(c: char) -> Option<u8> {
    if c.is_ascii_alphanumeric() {
        return u8::try_from(c.to_ascii_lowercase()).ok();
    }
    let cp = u32::from(c);
    let ascii = match cp {
        // Full-width ASCII: U+FF01..U+FF5E mirror U+0021..U+007E.
        0xFF10..=0xFF19 | 0xFF21..=0xFF3A | 0xFF41..=0xFF5A => cp - 0xFEE0,
        // Mathematical alphanumeric symbols: runs of 26 capitals + 26 small letters, then digits.
        0x1D400..=0x1D6A3 => {
            let offset = (cp - 0x1D400) % 52;
            if offset < 26 {
                0x61 + offset
            } else {
                0x61 + offset - 26
            }
        }
        0x1D7CE..=0x1D7FF => 0x30 + (cp - 0x1D7CE) % 10,
        // Circled and parenthesised letters and digits.
        0x24B6..=0x24CF => 0x61 + (cp - 0x24B6),
        0x24D0..=0x24E9 => 0x61 + (cp - 0x24D0),
        _ => return confusable(c),
    };
    u8::try_from(ascii).ok().map(|b| b.to_ascii_lowercase())
}

/// Characters that render like nothing at all: zero-width spaces and joiners, word joiner, soft
/// hyphen, BOM, bidi controls, variation selectors and Unicode tag characters.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Cyrillic, Greek and other letters commonly substituted for ASCII in homoglyph attacks.
fn confusable(c: char) -> Option<u8> {
    Some(match c {
        'а' | 'А' | 'α' | 'Α' => b'a',
        'в' | 'В' | 'β' | 'Β' => b'b',
        'с' | 'С' | 'ϲ' | 'Ϲ' => b'c',
        'ԁ' => b'd',
        'е' | 'Е' | 'ε' | 'Ε' => b'e',
        'һ' | 'Н' | 'Η' => b'h',
        'і' | 'І' | 'ι' | 'Ι' | 'ӏ' | 'Ӏ' => b'i',
        'ј' | 'Ј' => b'j',
        'к' | 'К' | 'κ' | 'Κ' => b'k',
        'м' | 'М' | 'Μ' => b'm',
        'п' | 'ո' | 'Ν' | 'η' => b'n',
        'о' | 'О' | 'ο' | 'Ο' | 'σ' => b'o',
        'р' | 'Р' | 'ρ' | 'Ρ' => b'p',
        'ԛ' => b'q',
        'г' => b'r',
        'ѕ' | 'Ѕ' => b's',
        'т' | 'Т' | 'τ' | 'Τ' => b't',
        'υ' | 'ս' => b'u',
        'ν' | 'ѵ' => b'v',
        'ԝ' | 'ѡ' => b'w',
        'х' | 'Х' | 'χ' | 'Χ' => b'x',
        'у' | 'У' | 'γ' | 'Υ' => b'y',
        'Ζ' => b'z',
        _ => return None,
    })
}

/// The skeleton canary detection and boundary look-alike checks use: letters and digits only,
/// folded; every separator, punctuation mark and invisible character is dropped, so `A-b.C d`
/// and `abcd` have the same skeleton.
pub(crate) fn alphanumeric(c: char) -> Fold {
    fold_alphanumeric(c).map_or(Fold::Drop, Fold::Keep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skeleton(text: &str) -> String {
        String::from_utf8(Skeleton::build(text, alphanumeric).bytes).unwrap()
    }

    #[test]
    fn folds_case_separators_width_and_look_alikes() {
        assert_eq!(skeleton("A-b.C d_E"), "abcde");
        assert_eq!(skeleton("ＡＢ１\u{200B}2"), "ab12");
        assert_eq!(skeleton("𝐀𝐛𝟗"), "ab9");
        assert_eq!(skeleton("раураl"), "paypal");
        assert_eq!(skeleton("é😀"), "");
    }

    #[test]
    fn maps_skeleton_ranges_back_to_original_bytes() {
        let text = "x é A-B";
        let s = Skeleton::build(text, alphanumeric);
        assert_eq!(s.bytes, b"xab");
        assert_eq!(s.original_span(1, 3).slice(text), Some("A-B"));
        assert_eq!(s.original_span(0, 0), Span::default());
    }

    #[test]
    fn the_fallback_search_finds_what_the_automaton_finds() {
        let patterns = [b"abc".as_slice(), b"zz"];
        let automaton = compile(&patterns);
        assert!(automaton.is_some());
        let expected = [(0, 1, 4), (0, 4, 7)];
        assert_eq!(
            find_all(automaton.as_ref(), &patterns, b"xabcabc"),
            expected
        );
        assert_eq!(find_all(None, &patterns, b"xabcabc"), expected);
    }

    #[test]
    fn invisible_characters_are_recognised() {
        for c in ['\u{200B}', '\u{2060}', '\u{FEFF}', '\u{E0041}', '\u{00AD}'] {
            assert!(is_invisible(c), "{c:?}");
        }
        assert!(!is_invisible(' '));
    }
}
