//! A request by an agent to run one tool.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The identity of one agent session; policy state (taints, history, counters) is kept per id.
///
/// Serialises as a plain JSON string.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SessionId(pub String);

impl SessionId {
    /// A session id from any string.
    #[must_use]
    pub fn new(id: impl Into<String>) -> Self {
        SessionId(id.into())
    }

    /// The id as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SessionId {
    fn from(id: &str) -> Self {
        SessionId(id.to_owned())
    }
}

/// One tool call an agent wants to make: the tool's name and its JSON arguments.
///
/// JSON shape: `{ "tool": "send_payment", "args": { "amount": 100, "iban": "..." } }`; `args`
/// defaults to `{}` when absent.
///
/// # Examples
///
/// ```
/// use agentsentinel_core::ToolCall;
/// let call: ToolCall = serde_json::from_str(r#"{"tool": "calculator"}"#)?;
/// assert_eq!(call.tool, "calculator");
/// assert!(call.args.as_object().is_some_and(|args| args.is_empty()));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolCall {
    /// Name of the tool, as the agent's tool list spells it.
    pub tool: String,
    /// The arguments, usually a JSON object.
    #[serde(default = "empty_object")]
    pub args: serde_json::Value,
}

impl ToolCall {
    /// A call of `tool` with `args`.
    #[must_use]
    pub fn new(tool: impl Into<String>, args: serde_json::Value) -> Self {
        ToolCall {
            tool: tool.into(),
            args,
        }
    }
}

fn empty_object() -> serde_json::Value {
    serde_json::Value::Object(serde_json::Map::new())
}
