#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(clippy::disallowed_methods)]

mod assessment;
mod decision;
mod diagnostic;
mod fingerprint;
mod span;
mod text;
mod threat;
mod tool_call;

pub use assessment::{Assessment, Finding};
pub use decision::{Decision, Effects, TaintGrant};
pub use diagnostic::{Diagnostic, render};
pub use fingerprint::fingerprint;
pub use span::{Location, Span};
pub use text::{TextError, decode_utf16};
pub use threat::{ThreatCategory, ThreatLevel};
pub use tool_call::{SessionId, ToolCall};
