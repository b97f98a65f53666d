//! The error a policy text can fail with: a stable code, the key path, a position and a fix.

use agentsentinel_core::{Diagnostic, Location, Span};

/// A policy could not be loaded: the text is not valid YAML or JSON, breaks a limit, or says
/// something the engine cannot enforce exactly (unknown key, bad value, unknown class, ...).
///
/// Callers match on [`Diagnostic::code`]; the codes are listed in the crate README. Display is
/// one line: ``policy.yaml:3:15: `staticRules.calculator` must be `ALLOW` or `DENY`, found `alow` ``.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {}", .0.place, .0.message)]
pub struct PolicyError(Box<Details>);

/// Boxed so `Result<_, PolicyError>` stays one word wide on the happy path.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Details {
    code: &'static str,
    message: String,
    origin: String,
    /// `origin:line:column`, or `origin` alone when the error has no position.
    place: String,
    span: Option<Span>,
    location: Option<Location>,
    path: Option<String>,
    help: Option<String>,
}

impl PolicyError {
    /// An error at `span` of `source`.
    pub(crate) fn at(
        code: &'static str,
        message: impl Into<String>,
        origin: &str,
        source: &str,
        span: Span,
    ) -> Self {
        let location = Location::of_offset(source, span.start);
        PolicyError(Box::new(Details {
            code,
            message: message.into(),
            origin: origin.to_owned(),
            place: format!("{origin}:{}:{}", location.line, location.column),
            span: Some(span),
            location: Some(location),
            path: None,
            help: None,
        }))
    }

    /// An error about the input as a whole (unreadable file, too large).
    pub(crate) fn whole(code: &'static str, message: impl Into<String>, origin: &str) -> Self {
        PolicyError(Box::new(Details {
            code,
            message: message.into(),
            origin: origin.to_owned(),
            place: origin.to_owned(),
            span: None,
            location: None,
            path: None,
            help: None,
        }))
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.0.help = Some(help.into());
        self
    }

    pub(crate) fn with_path(mut self, path: impl Into<String>) -> Self {
        self.0.path = Some(path.into());
        self
    }

    /// The key path the error is about, such as `taintRules[1].forbiddenTags`, when known.
    #[must_use]
    pub fn path(&self) -> Option<&str> {
        self.0.path.as_deref()
    }

    /// The message without the position prefix.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl Diagnostic for PolicyError {
    fn code(&self) -> &'static str {
        self.0.code
    }

    fn span(&self) -> Option<Span> {
        self.0.span
    }

    fn location(&self) -> Option<Location> {
        self.0.location
    }

    fn origin(&self) -> Option<&str> {
        Some(&self.0.origin)
    }

    fn help(&self) -> Option<String> {
        self.0.help.clone()
    }
}

/// Stable error codes, in one place so the README table and the code cannot drift apart.
pub(crate) mod codes {
    pub const UNREADABLE: &str = "policy.unreadable";
    pub const TOO_LARGE: &str = "policy.too_large";
    pub const TOO_DEEP: &str = "policy.too_deep";
    pub const TOO_MANY_NODES: &str = "policy.too_many_nodes";
    pub const ALIAS_NOT_ALLOWED: &str = "policy.alias_not_allowed";
    pub const YAML_SYNTAX: &str = "policy.yaml_syntax";
    pub const JSON_SYNTAX: &str = "policy.json_syntax";
    pub const EMPTY: &str = "policy.empty";
    pub const MULTIPLE_DOCUMENTS: &str = "policy.multiple_documents";
    pub const DUPLICATE_KEY: &str = "policy.duplicate_key";
    pub const UNKNOWN_KEY: &str = "policy.unknown_key";
    pub const MISSING_KEY: &str = "policy.missing_key";
    pub const CONFLICTING_KEYS: &str = "policy.conflicting_keys";
    pub const WRONG_TYPE: &str = "policy.wrong_type";
    pub const UNKNOWN_VALUE: &str = "policy.unknown_value";
    pub const OUT_OF_RANGE: &str = "policy.out_of_range";
    pub const INVALID_REGEX: &str = "policy.invalid_regex";
    pub const INVALID_DURATION: &str = "policy.invalid_duration";
    pub const INVALID_PATH: &str = "policy.invalid_path";
    pub const ALLOWED_AND_DENIED: &str = "policy.allowed_and_denied";
    pub const UNKNOWN_CLASS: &str = "policy.unknown_class";
    pub const UNKNOWN_TAG: &str = "policy.unknown_tag";
    pub const DUPLICATE_ID: &str = "policy.duplicate_id";
    // Decision codes (a `Deny` caused by an error, never by a rule).
    pub const UNAVAILABLE: &str = "policy.unavailable";
    pub const SESSION_MISMATCH: &str = "policy.session_mismatch";
    pub const TOO_MANY_SESSIONS: &str = "policy.too_many_sessions";
    pub const INTERNAL: &str = "policy.internal";
}
