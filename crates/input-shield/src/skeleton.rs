//! Folded views of a text that keep a map back to the original byte offsets.
//!
//! Canary detection and spotlight neutralisation both ask "does something that *looks like* this
//! string occur in the text?". They answer it by folding the text once into a skeleton (ASCII
//! case folded, full-width and mathematical letters and common Cyrillic/Greek look-alikes mapped
//! to ASCII, invisible characters dropped) and searching the skeleton. Building one is a single
//! linear pass.

use agentsentinel_core::Span;
use aho_corasick::MatchKind;

/// The automaton of canary patterns and allow phrases. `AhoCorasick` picks one of three kinds at
/// run time, so all three are linked in; with the feature `small-automata` (WebAssembly) it is
/// [`Walked`], the crate's own term trie searched by anchored walks, so aho-corasick is not linked
/// in at all (~33 KB of code). Both find exactly the same matches (a proptest compares them).
#[cfg(not(feature = "small-automata"))]
pub(crate) type Compiled = aho_corasick::AhoCorasick;
#[cfg(feature = "small-automata")]
pub(crate) type Compiled = Walked;

/// An automaton over `patterns` with `kind` and aho-corasick's default options; `None` only if
/// limits far beyond our pattern sets are exceeded.
#[cfg(not(feature = "small-automata"))]
pub(crate) fn build<P: AsRef<[u8]>>(kind: MatchKind, patterns: &[P]) -> Option<Compiled> {
    Compiled::builder().match_kind(kind).build(patterns).ok()
}

/// An automaton over `patterns` matching like aho-corasick with `kind`; `None` only if limits far
/// beyond our pattern sets are exceeded.
#[cfg(feature = "small-automata")]
pub(crate) fn build<P: AsRef<[u8]>>(kind: MatchKind, patterns: &[P]) -> Option<Compiled> {
    Walked::new(kind, patterns)
}

/// The non-overlapping matches of `compiled` in `haystack`, as (pattern index, start, end).
#[cfg(not(feature = "small-automata"))]
pub(crate) fn matches<'a>(
    compiled: &'a Compiled,
    haystack: &'a [u8],
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    compiled
        .find_iter(haystack)
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
}

/// The non-overlapping matches of `compiled` in `haystack`, as (pattern index, start, end).
#[cfg(feature = "small-automata")]
pub(crate) fn matches(
    compiled: &Compiled,
    haystack: &[u8],
) -> impl Iterator<Item = (usize, usize, usize)> {
    compiled.matches(haystack).into_iter()
}

/// Patterns in a [`Trie`](crate::trie::Trie), searched the way aho-corasick searches for
/// non-overlapping matches with the same [`MatchKind`]: by an anchored walk from each candidate
/// start instead of one pass with failure links, so a search costs up to the longest pattern's
/// length per byte of haystack (canary patterns are short; allow phrases are checked only when a
/// shield has some), for much less code.
#[cfg(any(test, feature = "small-automata"))]
#[derive(Debug)]
pub(crate) struct Walked {
    trie: crate::trie::Trie,
    /// Leftmost-longest when set, else standard (the match that ends first).
    longest: bool,
}

#[cfg(any(test, feature = "small-automata"))]
impl Walked {
    fn new<P: AsRef<[u8]>>(kind: MatchKind, patterns: &[P]) -> Option<Self> {
        Some(Walked {
            trie: crate::trie::Trie::new(patterns).ok()?,
            longest: kind == MatchKind::LeftmostLongest,
        })
    }

    /// Non-overlapping matches as (pattern index, start, end), each search resuming where the
    /// last match ended. Leftmost-longest: the first start where a pattern matches, its longest
    /// match there. Standard: the match that ends first, and of those the longest (aho-corasick
    /// reports the first match state it reaches, whose first match is its longest pattern). Equal
    /// patterns: the lowest index, as aho-corasick.
    fn matches(&self, haystack: &[u8]) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while from < haystack.len() {
            let mut best: Option<(usize, usize, usize)> = None;
            for start in from..haystack.len() {
                if self.longest {
                    self.trie.walk(haystack, start, |id, end| {
                        if best.is_none_or(|(_, _, longest)| end > longest) {
                            best = Some((id as usize, start, end));
                        }
                    });
                    if best.is_some() {
                        break;
                    }
                } else {
                    // A match starting here ends after `start`, so no later one than the best
                    // so far.
                    if best.is_some_and(|(_, _, first)| start >= first) {
                        break;
                    }
                    self.trie.walk(haystack, start, |id, end| {
                        if best.is_none_or(|(_, _, first)| end < first) {
                            best = Some((id as usize, start, end));
                        }
                    });
                }
            }
            let Some(found_here) = best else {
                break;
            };
            found.push(found_here);
            from = found_here.2;
        }
        found
    }
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
    build(MatchKind::LeftmostLongest, patterns)
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
    use proptest::prelude::*;

    use super::*;

    /// aho-corasick's non-overlapping matches, as (pattern index, start, end).
    fn aho_corasick_matches(
        kind: MatchKind,
        patterns: &[Vec<u8>],
        haystack: &[u8],
    ) -> Vec<(usize, usize, usize)> {
        aho_corasick::AhoCorasick::builder()
            .match_kind(kind)
            .build(patterns)
            .unwrap()
            .find_iter(haystack)
            .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
            .collect()
    }

    proptest! {
        /// The trie searched by anchored walks (the small-automata build) reports exactly what
        /// aho-corasick reports, for both kinds the crate uses: small alphabets make patterns
        /// overlap, nest, repeat and coincide.
        #[test]
        fn walked_matches_like_aho_corasick(
            patterns in prop::collection::vec(prop::collection::vec(b'a'..=b'c', 1..6), 1..12),
            haystack in prop::collection::vec(b'a'..=b'd', 0..80),
        ) {
            for kind in [MatchKind::Standard, MatchKind::LeftmostLongest] {
                let walked = Walked::new(kind, &patterns).unwrap();
                prop_assert_eq!(
                    walked.matches(&haystack),
                    aho_corasick_matches(kind, &patterns, &haystack),
                    "{:?}", kind
                );
            }
        }
    }

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
