//! The one error trait every AgentSentinel error implements, and a renderer for people.

use std::fmt::Write as _;

use crate::{Location, Span};

/// What every AgentSentinel error can say about itself. Bindings and test vectors rely on
/// nothing else, so each error maps to the same code, position and help in every language.
pub trait Diagnostic: std::error::Error {
    /// Stable id such as `policy.unknown_key`; documented in the crate's README, never reused or
    /// reworded.
    fn code(&self) -> &'static str;

    /// Where the problem is in the caller's input (byte offsets), when the input was text.
    fn span(&self) -> Option<Span> {
        None
    }

    /// The 1-based line and column of [`Diagnostic::span`]'s start, when known.
    fn location(&self) -> Option<Location> {
        None
    }

    /// Name of the input (a file name or `<stdin>`), when the input came from one.
    fn origin(&self) -> Option<&str> {
        None
    }

    /// One short instruction that fixes the problem, e.g. "did you mean `allow`?".
    fn help(&self) -> Option<String> {
        None
    }
}

/// Draws `error` for a person, with the offending line of `source` and a caret under the span.
///
/// ```text
/// error[policy.unknown_effect]: unknown effect `alow`; expected `ALLOW` or `DENY`
///  --> tools.yaml:3:15
///   |
/// 3 |   calculator: alow
///   |               ^^^^
///   = help: did you mean `ALLOW`?
/// ```
///
/// # Examples
///
/// ```
/// use agentsentinel_core::{Diagnostic, Span, render};
///
/// #[derive(Debug)]
/// struct Oops;
/// impl std::fmt::Display for Oops {
///     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         f.write_str("unexpected `!`")
///     }
/// }
/// impl std::error::Error for Oops {}
/// impl Diagnostic for Oops {
///     fn code(&self) -> &'static str { "example.oops" }
///     fn span(&self) -> Option<Span> { Some(Span::new(3, 4)) }
/// }
///
/// let shown = render(&Oops, "abc!def");
/// assert!(shown.starts_with("error[example.oops]: unexpected `!`"));
/// assert!(shown.contains("1 | abc!def"));
/// assert!(shown.contains("  |    ^"));
/// ```
#[must_use]
pub fn render(error: &dyn Diagnostic, source: &str) -> String {
    let mut out = format!("error[{}]: {}", error.code(), headline(error));
    if let Some(span) = error.span() {
        let location = error
            .location()
            .unwrap_or_else(|| Location::of_offset(source, span.start));
        let origin = error.origin().unwrap_or("<input>");
        let line_text = source.lines().nth(location.line - 1).unwrap_or("");
        let gutter = location.line.to_string();
        let pad = " ".repeat(gutter.len());
        let caret_len = span_width_on_line(source, span, line_text, location.column);
        let _ = write!(
            out,
            "\n{pad}--> {origin}:{}:{}\n{pad} |\n{gutter} | {line_text}\n{pad} | {}{}",
            location.line,
            location.column,
            " ".repeat(location.column - 1),
            "^".repeat(caret_len),
        );
        if let Some(help) = error.help() {
            let _ = write!(out, "\n{pad} = help: {help}");
        }
    } else if let Some(help) = error.help() {
        let _ = write!(out, "\n  = help: {help}");
    }
    out
}

/// The message without a leading `origin:line:column: ` prefix, which the renderer shows below.
fn headline(error: &dyn Diagnostic) -> String {
    let message = error.to_string();
    if let (Some(origin), Some(location)) = (error.origin(), error.location()) {
        let prefix = format!("{origin}:{}:{}: ", location.line, location.column);
        if let Some(rest) = message.strip_prefix(&prefix) {
            return rest.to_owned();
        }
    }
    message
}

fn span_width_on_line(source: &str, span: Span, line_text: &str, column: usize) -> usize {
    let covered = span
        .slice(source)
        .map_or(1, |text| text.chars().take_while(|&c| c != '\n').count());
    let room = line_text.chars().count().saturating_sub(column - 1);
    covered.clamp(1, room.max(1))
}
