//! What the proxy does to each message: requests from the client are checked (`tools/call`
//! against the Guard) and remembered by id; responses from the server are matched to them
//! (`tools/list` filtered, `tools/call` output scanned and maybe spotlighted). Every message the
//! proxy does not change is relayed as the exact bytes it received.

use std::collections::HashMap;
use std::sync::mpsc::SyncSender;

use agentsentinel::guard::Guard;
use agentsentinel::{Decision, SessionId, ToolCall};
use parking_lot::Mutex;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::framing::{self, Envelope, Invalid};
use super::pins::{PinStatus, Pins};

/// The `_meta` key of the per-request protocol version (2026-07-28 and later).
pub(crate) const PROTOCOL_VERSION_META: &str = "io.modelcontextprotocol/protocolVersion";
/// Our `_meta` key on denials and on results we changed.
pub(crate) const DECISION_META: &str = "dev.agentsentinel/decision";
/// Our `_meta` key on inspected outputs.
pub(crate) const INSPECTION_META: &str = "dev.agentsentinel/inspection";
/// The `_meta` key of a `tools/call` request that carries a permit.
pub(crate) const PERMIT_META: &str = "dev.agentsentinel/permit";
/// JSON-RPC code of a denial in `--deny-mode error` (outside -32768..-32000, as the issue
/// asks, so clients cannot mistake it for a protocol error).
pub(crate) const DENIAL_ERROR_CODE: i64 = -31001;
/// Most requests awaiting a response at once; more are refused.
const MAX_PENDING: usize = 4096;

/// How a denial reaches the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DenyMode {
    /// A `tools/call` result with `isError: true` (hosts show it to the model).
    Result,
    /// A JSON-RPC error with code -31001.
    Error,
}

/// A line for a writer thread.
pub(crate) type Line = Vec<u8>;

/// The proxy's view of one conversation.
pub(crate) struct Relay {
    pub(crate) guard: Guard,
    pub(crate) session: SessionId,
    pub(crate) deny_mode: DenyMode,
    pub(crate) pins: Option<Pins>,
    pub(crate) to_client: SyncSender<Line>,
    pub(crate) to_upstream: SyncSender<Option<Line>>,
    pub(crate) state: Mutex<State>,
}

/// Mutable state shared by the two reader threads.
#[derive(Default)]
pub(crate) struct State {
    /// Client requests awaiting the server's response, by id key.
    pending: HashMap<String, Pending>,
    /// Tools from the last `tools/list`, by name: visible or why hidden.
    tools: HashMap<String, Option<&'static str>>,
    /// Whether the server's instructions differ from the pinned ones.
    instructions_blocked: bool,
    /// The server is gone: requests get an error at once.
    upstream_gone: bool,
}

struct Pending {
    /// The client's id, exactly as it spelled it.
    raw_id: String,
    kind: Kind,
}

enum Kind {
    Handshake,
    ToolsList,
    ToolsCall { tool: String },
    Other,
}

#[derive(Deserialize)]
struct CallParams {
    name: String,
    #[serde(default)]
    arguments: Option<Value>,
    #[serde(rename = "_meta", default)]
    meta: Option<Map<String, Value>>,
}

impl Relay {
    /// Handles one line from the client.
    pub(crate) fn handle_client(&self, line: Line) {
        let message = match framing::parse(&line) {
            Ok(message) => message,
            Err(invalid) => {
                let (code, text) = match invalid {
                    Invalid::Array => (
                        -32600,
                        "batches (top-level JSON arrays) are not accepted; send one message per line",
                    ),
                    Invalid::Parse => (-32700, "parse error: not a JSON object"),
                    Invalid::Request => (-32600, "invalid request: duplicate or mistyped members"),
                };
                self.send_client(framing::error_line(None, code, text, None));
                return;
            }
        };
        let (Some(method), Some(id)) = (message.method.as_deref(), message.id) else {
            // Notifications (cancellations included) and responses to server requests.
            self.send_upstream(line);
            return;
        };
        let raw_id = id.get().to_owned();
        if self.state.lock().upstream_gone {
            self.send_client(upstream_gone(&raw_id));
            return;
        }
        let kind = match method {
            "initialize" | "server/discover" => Kind::Handshake,
            "tools/list" => Kind::ToolsList,
            "tools/call" => match self.check_call(&raw_id, &message) {
                Some(tool) => Kind::ToolsCall { tool },
                None => return,
            },
            _ => Kind::Other,
        };
        {
            let mut state = self.state.lock();
            if state.pending.len() >= MAX_PENDING {
                drop(state);
                self.send_client(framing::error_line(
                    Some(&raw_id),
                    -32603,
                    "too many requests in flight",
                    None,
                ));
                return;
            }
            state
                .pending
                .insert(framing::id_key(id), Pending { raw_id, kind });
        }
        self.send_upstream(line);
    }

    /// Decides a `tools/call`; answers the client itself unless the call may go upstream, in
    /// which case it returns the tool's name.
    fn check_call(&self, raw_id: &str, message: &Envelope<'_>) -> Option<String> {
        let params: Option<CallParams> = message
            .params
            .and_then(|p| serde_json::from_str(p.get()).ok());
        let Some(params) = params else {
            self.send_client(framing::error_line(
                Some(raw_id),
                -32602,
                "invalid tools/call params: `name` is required",
                None,
            ));
            return None;
        };
        let meta = params.meta.unwrap_or_default();
        let modern = meta.contains_key(PROTOCOL_VERSION_META);
        let hidden = {
            let state = self.state.lock();
            match state.tools.get(&params.name) {
                None => Some("unknown tool; list the tools first"),
                Some(Some(why)) => Some(*why),
                Some(None) if state.instructions_blocked => {
                    Some("the server's instructions changed since they were approved")
                }
                Some(None) => None,
            }
        };
        if let Some(why) = hidden {
            // The name is the client's own input; it is echoed so the model can correct itself.
            let text = format!("tool `{}` is not available: {why}", params.name);
            self.send_client(framing::error_line(Some(raw_id), -32602, &text, None));
            return None;
        }
        let args = params
            .arguments
            .unwrap_or_else(|| Value::Object(Map::new()));
        let call = ToolCall::new(params.name, args);
        let permit = meta.get(PERMIT_META).and_then(Value::as_str);
        let decision = self.guard.check_call(&self.session, &call, permit);
        if decision.is_allow() {
            return Some(call.tool);
        }
        self.send_client(self.denial(raw_id, &call, &decision, modern));
        None
    }

    fn denial(&self, raw_id: &str, call: &ToolCall, decision: &Decision, modern: bool) -> Line {
        let code = match decision {
            Decision::Deny { code, .. } => code.clone(),
            _ => None,
        };
        let action_hash = serde_json::to_string(call)
            .ok()
            .and_then(|a| agentsentinel::permit::action_hash(&a).ok())
            .map(|h| h.to_string());
        let text = match decision {
            Decision::RequireApproval { .. } => format!(
                "AgentSentinel: approval required (rule `{}`): {}; retry with a permit in \
                 `_meta[\"{PERMIT_META}\"]`",
                decision.rule(),
                decision.reason()
            ),
            _ => format!(
                "AgentSentinel denied this call (rule `{}`{}): {}",
                decision.rule(),
                code.as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default(),
                decision.reason()
            ),
        };
        let marker = json!({
            "decision": decision.kind(),
            "rule": decision.rule(),
            "code": code,
            "actionHash": action_hash,
        });
        match self.deny_mode {
            DenyMode::Error => framing::error_line(
                Some(raw_id),
                DENIAL_ERROR_CODE,
                &text,
                Some(&json!({ DECISION_META: marker })),
            ),
            DenyMode::Result => {
                let mut result = json!({
                    "content": [{ "type": "text", "text": text }],
                    "isError": true,
                    "_meta": { DECISION_META: marker },
                });
                if modern && let Some(object) = result.as_object_mut() {
                    object.insert("resultType".to_owned(), json!("complete"));
                }
                framing::result_line(raw_id, &result)
            }
        }
    }

    /// Handles one line from the server.
    pub(crate) fn handle_upstream(&self, line: Line) {
        let message = match framing::parse(&line) {
            Ok(message) => message,
            Err(invalid) => {
                eprintln!(
                    "agentsentinel mcp-proxy: dropped a line from the server that is not a \
                     JSON-RPC message ({invalid:?}, {} bytes)",
                    line.len()
                );
                return;
            }
        };
        let Some(id) = message.id.filter(|_| message.method.is_none()) else {
            // Server requests and notifications go to the client unchanged.
            self.send_client(with_newline(line));
            return;
        };
        let Some(pending) = self.state.lock().pending.remove(&framing::id_key(id)) else {
            eprintln!("agentsentinel mcp-proxy: dropped a response to an unknown request id");
            return;
        };
        let result = message.result.map(serde_json::value::RawValue::get);
        let changed = match (&pending.kind, result) {
            (Kind::Handshake, Some(result)) => {
                self.observe_handshake(result);
                None
            }
            (Kind::ToolsList, Some(result)) => self.filter_tools(result),
            (Kind::ToolsCall { tool }, Some(result)) => self.inspect_result(tool, result),
            _ => None,
        };
        match changed {
            Some(result) => self.send_client(framing::result_line(&pending.raw_id, &result)),
            None => self.send_client(with_newline(line)),
        }
    }

    /// A line longer than the limit, from the client (`from_client` true) or the server.
    pub(crate) fn too_long(&self, from_client: bool, id: Option<String>, len: usize, max: usize) {
        let text = format!("message of {len} bytes refused: the limit is {max} bytes per line");
        eprintln!("agentsentinel mcp-proxy: {text}");
        if from_client {
            if let Some(id) = id {
                self.send_client(framing::error_line(Some(&id), -32600, &text, None));
            }
            return;
        }
        let pending = id.and_then(|id| {
            let key = serde_json::from_str::<Value>(&id).map_or(id, |v| v.to_string());
            self.state.lock().pending.remove(&key)
        });
        if let Some(pending) = pending {
            self.send_client(framing::error_line(
                Some(&pending.raw_id),
                -32603,
                &format!("the server's response was refused: {text}"),
                None,
            ));
        }
    }

    /// The server is gone: every request in flight gets an error.
    pub(crate) fn upstream_closed(&self) {
        let pending: Vec<Pending> = {
            let mut state = self.state.lock();
            state.upstream_gone = true;
            state.pending.drain().map(|(_, p)| p).collect()
        };
        for p in pending {
            self.send_client(upstream_gone(&p.raw_id));
        }
    }

    fn observe_handshake(&self, result: &str) {
        let Some(pins) = &self.pins else { return };
        let Ok(result) = serde_json::from_str::<Value>(result) else {
            return;
        };
        let instructions = result.get("instructions").and_then(Value::as_str);
        let blocked = pins.check_instructions(instructions) == PinStatus::Blocked;
        if blocked {
            eprintln!(
                "agentsentinel mcp-proxy: the server's instructions are not approved; every tool \
                 is blocked until `agentsentinel mcp-pins approve`"
            );
        }
        self.state.lock().instructions_blocked = blocked;
    }

    /// Hides tools the policy never allows, tools whose pin does not match, and tools whose
    /// description the input shield flags. `None` when nothing was hidden.
    fn filter_tools(&self, result: &str) -> Option<Value> {
        let mut result: Value = serde_json::from_str(result).ok()?;
        let tools = result.get_mut("tools")?.as_array_mut()?;
        let mut verdicts = Vec::with_capacity(tools.len());
        for tool in tools.iter() {
            let name = tool.get("name").and_then(Value::as_str).unwrap_or_default();
            let why = if !self.guard.can_allow(name) {
                Some("the policy does not allow it")
            } else if self
                .pins
                .as_ref()
                .is_some_and(|pins| pins.check_tool(tool) == PinStatus::Blocked)
            {
                Some("its definition is not approved (run `agentsentinel mcp-pins approve`)")
            } else if self.description_flagged(tool) {
                Some("its description looks like a prompt injection")
            } else {
                None
            };
            if let Some(why) = why {
                eprintln!("agentsentinel mcp-proxy: hiding tool `{name}`: {why}");
            }
            verdicts.push((name.to_owned(), why));
        }
        let any_hidden = verdicts.iter().any(|(_, why)| why.is_some());
        let mut keep = Vec::with_capacity(tools.len());
        for (tool, (_, why)) in tools.drain(..).zip(&verdicts) {
            if why.is_none() {
                keep.push(tool);
            }
        }
        *tools = keep;
        self.state.lock().tools.extend(verdicts);
        any_hidden.then_some(result)
    }

    fn description_flagged(&self, tool: &Value) -> bool {
        let mut text = String::new();
        for key in ["title", "description"] {
            if let Some(s) = tool.get(key).and_then(Value::as_str) {
                text.push_str(s);
                text.push('\n');
            }
        }
        if let Some(schema) = tool.get("inputSchema") {
            strings(schema, &mut |s| {
                text.push_str(s);
                text.push('\n');
            });
        }
        self.guard.shield().should_block(&text)
    }

    /// Scans the text content and the strings of `structuredContent`; on a finding, taints the
    /// session and (when configured) spotlights both the same way. `None` when unchanged.
    fn inspect_result(&self, tool: &str, result: &str) -> Option<Value> {
        let mut result: Value = serde_json::from_str(result).ok()?;
        let mut text = String::new();
        let mut append = |s: &str| {
            text.push_str(s);
            text.push('\n');
        };
        if let Some(blocks) = result.get("content").and_then(Value::as_array) {
            for block in blocks {
                if let Some(s) = block_text(block) {
                    append(s);
                }
            }
        }
        if let Some(structured) = result.get("structuredContent") {
            strings(structured, &mut append);
        }
        let inspection = self.guard.inspect_output(&self.session, tool, &text);
        let spotlight = self.guard.spotlight_applies(inspection.flagged);
        if !inspection.flagged && !spotlight {
            return None;
        }
        let object = result.as_object_mut()?;
        if spotlight {
            if let Some(blocks) = object.get_mut("content").and_then(Value::as_array_mut) {
                for block in blocks {
                    self.spotlight_block(block, inspection.flagged);
                }
            }
            if let Some(structured) = object.get_mut("structuredContent") {
                self.spotlight_strings(structured, inspection.flagged);
            }
        }
        if inspection.flagged {
            let meta = object
                .entry("_meta")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(meta) = meta.as_object_mut() {
                meta.insert(
                    INSPECTION_META.to_owned(),
                    json!({
                        "flagged": true,
                        "riskScore": inspection.assessment.risk_score,
                        "rules": inspection.assessment.rule_ids(),
                        "taint": inspection.taint,
                        "spotlighted": spotlight,
                    }),
                );
            }
        }
        Some(result)
    }

    fn spotlight_block(&self, block: &mut Value, flagged: bool) {
        let Some(object) = block.as_object_mut() else {
            return;
        };
        let target = match object.get("type").and_then(Value::as_str) {
            Some("text") => object.get_mut("text"),
            Some("resource") => object
                .get_mut("resource")
                .and_then(Value::as_object_mut)
                .and_then(|r| r.get_mut("text")),
            _ => None,
        };
        if let Some(Value::String(text)) = target
            && let Ok(Some(wrapped)) = self.guard.spotlight_if(text, flagged)
        {
            *text = format!("{}\n\n{}", wrapped.instruction(), wrapped.text());
        }
    }

    fn spotlight_strings(&self, value: &mut Value, flagged: bool) {
        match value {
            Value::String(text) => {
                if let Ok(Some(wrapped)) = self.guard.spotlight_if(text, flagged) {
                    *text = wrapped.into_text();
                }
            }
            Value::Array(items) => {
                for item in items {
                    self.spotlight_strings(item, flagged);
                }
            }
            Value::Object(members) => {
                for item in members.values_mut() {
                    self.spotlight_strings(item, flagged);
                }
            }
            _ => {}
        }
    }

    fn send_client(&self, line: Line) {
        // A closed channel means the client is gone; the supervisor is already shutting down.
        let _ = self.to_client.send(line);
    }

    fn send_upstream(&self, line: Line) {
        let _ = self.to_upstream.send(Some(with_newline(line)));
    }
}

fn block_text(block: &Value) -> Option<&str> {
    match block.get("type").and_then(Value::as_str)? {
        "text" => block.get("text").and_then(Value::as_str),
        "resource" => block.get("resource")?.get("text").and_then(Value::as_str),
        _ => None,
    }
}

fn strings<'a>(value: &'a Value, f: &mut dyn FnMut(&'a str)) {
    match value {
        Value::String(s) => f(s),
        Value::Array(items) => items.iter().for_each(|item| strings(item, f)),
        Value::Object(members) => members.values().for_each(|item| strings(item, f)),
        _ => {}
    }
}

fn upstream_gone(raw_id: &str) -> Line {
    framing::error_line(
        Some(raw_id),
        -32000,
        "the upstream MCP server is not running (it exited or closed its output)",
        None,
    )
}

fn with_newline(mut line: Line) -> Line {
    line.push(b'\n');
    line
}
