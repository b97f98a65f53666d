//! The one error type bindings see.

use agentsentinel_core::{Diagnostic, Location, Span, TextError};
use thiserror::Error;

/// Any AgentSentinel error. Bindings map this, and only this, to their language's exceptions, by
/// variant (for the exception class) and by [`Diagnostic::code`] (for the stable code).
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum Error {
    /// Text handed over by a caller was not valid Unicode, or not text.
    #[error(transparent)]
    Text(#[from] TextError),
    /// The input shield failed: no random source for a canary or spotlight boundary, a
    /// malformed canary token, an unknown spotlight mode.
    #[cfg(feature = "input-shield")]
    #[error(transparent)]
    InputShield(#[from] agentsentinel_input_shield::ShieldError),
    /// A policy could not be loaded: invalid YAML/JSON, an unknown key, a bad value, an invalid
    /// regex, a conflict, or an unreadable file.
    #[cfg(feature = "policy")]
    #[error(transparent)]
    Policy(#[from] agentsentinel_policy::PolicyError),
    /// An action could not be canonicalised, or a permit could not be minted or verified
    /// (`permit.*` codes: malformed, bad signature, expired, action mismatch, replayed, ...).
    #[cfg(feature = "permit")]
    #[error(transparent)]
    Permit(#[from] agentsentinel_permit::PermitError),
    /// A replay guard refused a nonce (`replay.*` codes).
    #[cfg(feature = "replay")]
    #[error(transparent)]
    Replay(#[from] agentsentinel_replay::ReplayError),
}

impl Error {
    fn inner(&self) -> &dyn Diagnostic {
        match self {
            Error::Text(err) => err,
            #[cfg(feature = "input-shield")]
            Error::InputShield(err) => err,
            #[cfg(feature = "policy")]
            Error::Policy(err) => err,
            #[cfg(feature = "permit")]
            Error::Permit(err) => err,
            #[cfg(feature = "replay")]
            Error::Replay(err) => err,
        }
    }
}

impl Diagnostic for Error {
    fn code(&self) -> &'static str {
        self.inner().code()
    }

    fn span(&self) -> Option<Span> {
        self.inner().span()
    }

    fn location(&self) -> Option<Location> {
        self.inner().location()
    }

    fn origin(&self) -> Option<&str> {
        self.inner().origin()
    }

    fn help(&self) -> Option<String> {
        self.inner().help()
    }
}
