//! Byte ranges into the caller's text, and human line/column positions.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` into a text. What the offsets count (bytes of UTF-8, or
/// characters) is said by the field that holds the span: `Finding::span` counts bytes,
/// `Finding::char_span` counts Unicode scalar values.
///
/// # Examples
///
/// ```
/// use agentsentinel_core::Span;
/// let text = "héllo world";
/// let span = Span::new(7, 12);
/// assert_eq!(span.slice(text), Some("world"));
/// assert_eq!(span.len(), 5);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Span {
    /// First offset inside the range.
    pub start: usize,
    /// First offset after the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped so it is never before `start`.
    #[must_use]
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// Number of offsets covered.
    #[must_use]
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    #[must_use]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text a byte span covers, or `None` when it is out of range or not on char boundaries.
    #[must_use]
    pub fn slice(self, text: &str) -> Option<&str> {
        text.get(self.start..self.end)
    }

    /// Converts a byte span of `text` into a span counting Unicode scalar values (what Python
    /// indexes by). Offsets past the end of `text` are clamped to its length.
    #[must_use]
    pub fn to_char_span(self, text: &str) -> Span {
        let start = char_offset(text, self.start);
        let end = start
            + char_offset(
                text.get(self.start.min(text.len())..).unwrap_or(""),
                self.len(),
            );
        Span::new(start, end)
    }

    /// Converts a byte span of `text` into a span counting UTF-16 code units (what JavaScript
    /// indexes by). Offsets past the end of `text` are clamped to its length.
    #[must_use]
    pub fn to_utf16_span(self, text: &str) -> Span {
        let start = utf16_offset(text, self.start);
        let rest = text.get(self.start.min(text.len())..).unwrap_or("");
        let end = start + utf16_offset(rest, self.len());
        Span::new(start, end)
    }
}

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl Location {
    /// The line and column of byte offset `offset` in `source`. An offset past the end, or inside
    /// a character, is moved back to the nearest character boundary.
    ///
    /// # Examples
    ///
    /// ```
    /// use agentsentinel_core::Location;
    /// let loc = Location::of_offset("a: 1\nbé: x\n", 10);
    /// assert_eq!((loc.line, loc.column), (2, 5));
    /// ```
    #[must_use]
    pub fn of_offset(source: &str, offset: usize) -> Self {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Location {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

fn char_offset(text: &str, byte_offset: usize) -> usize {
    let mut end = byte_offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().count()
}

fn utf16_offset(text: &str, byte_offset: usize) -> usize {
    let mut end = byte_offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_and_utf16_spans_count_what_python_and_js_index_by() {
        let text = "a😀é ignore";
        let byte = Span::new(text.find("ignore").unwrap(), text.len());
        assert_eq!(byte.to_char_span(text), Span::new(4, 10));
        assert_eq!(byte.to_utf16_span(text), Span::new(5, 11));
    }

    #[test]
    fn spans_out_of_range_are_clamped_not_panicking() {
        assert_eq!(Span::new(3, 1), Span::new(3, 3));
        assert_eq!(Span::new(2, 99).to_char_span("abc"), Span::new(2, 3));
        assert_eq!(Span::new(0, 2).slice("é"), Some("é"));
        assert_eq!(Span::new(0, 1).slice("é"), None);
    }

    #[test]
    fn locations_are_one_based_and_count_characters() {
        assert_eq!(Location::of_offset("", 0), Location { line: 1, column: 1 });
        assert_eq!(
            Location::of_offset("ab\ncd", 4),
            Location { line: 2, column: 2 }
        );
        assert_eq!(
            Location::of_offset("éé", 3),
            Location { line: 1, column: 2 }
        );
    }
}
