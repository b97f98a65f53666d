//! MCP stdio framing: one JSON-RPC message per `\n`-terminated line, read with a hard size
//! limit (a longer line is skipped, never truncated or buffered whole), and the few JSON-RPC
//! shapes the proxy writes itself.

use std::io::{self, BufRead};

use serde::Deserialize;
use serde_json::value::RawValue;

/// One frame from a peer.
#[derive(Debug)]
pub(crate) enum Frame {
    /// A complete line, without its `\n` (and without a trailing `\r`).
    Line(Vec<u8>),
    /// A line longer than the limit was skipped; `id` is its top-level `"id"` (raw JSON) when
    /// one was seen in it.
    TooLong { id: Option<String>, len: usize },
    /// End of input.
    Eof,
}

/// Reads lines of at most `max` bytes from `inner` without ever holding more than `max` bytes
/// (plus the reader's buffer) in memory.
pub(crate) struct LineReader<R> {
    inner: R,
    max: usize,
}

impl<R: BufRead> LineReader<R> {
    /// A reader refusing lines longer than `max` bytes.
    pub(crate) fn new(inner: R, max: usize) -> Self {
        LineReader { inner, max }
    }

    /// The next frame. `line` is reused as the buffer of the returned line.
    pub(crate) fn next_frame(&mut self, line: &mut Vec<u8>) -> io::Result<Frame> {
        line.clear();
        let mut sniffer: Option<IdSniffer> = None;
        let mut len = 0usize;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(chunk) => chunk,
                Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
                Err(err) => return Err(err),
            };
            if chunk.is_empty() {
                return Ok(match sniffer {
                    Some(sniffer) => Frame::TooLong {
                        id: sniffer.found(),
                        len,
                    },
                    None if line.is_empty() => Frame::Eof,
                    None => Frame::Line(std::mem::take(line)),
                });
            }
            let newline = chunk.iter().position(|&b| b == b'\n');
            let take = newline.unwrap_or(chunk.len());
            len = len.saturating_add(take);
            match &mut sniffer {
                Some(sniffer) => sniffer.feed(&chunk[..take]),
                None if line.len() + take > self.max => {
                    let mut fresh = IdSniffer::default();
                    fresh.feed(line);
                    fresh.feed(&chunk[..take]);
                    line.clear();
                    line.shrink_to(64 * 1024);
                    sniffer = Some(fresh);
                }
                None => line.extend_from_slice(&chunk[..take]),
            }
            let consumed = newline.map_or(take, |p| p + 1);
            self.inner.consume(consumed);
            if newline.is_some() {
                if let Some(sniffer) = sniffer {
                    return Ok(Frame::TooLong {
                        id: sniffer.found(),
                        len,
                    });
                }
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Ok(Frame::Line(std::mem::take(line)));
            }
        }
    }
}

/// Finds the raw value of the top-level `"id"` member of a JSON object streamed through it,
/// in constant memory. Only a scalar id (number or string of at most 256 bytes) is reported.
#[derive(Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "a byte-level lexer: one flag per state it tracks"
)]
struct IdSniffer {
    depth: u32,
    in_string: bool,
    escaped: bool,
    expect_key: bool,
    reading_key: bool,
    key: Vec<u8>,
    key_is_id: bool,
    capturing: bool,
    value: Vec<u8>,
    found: Option<Vec<u8>>,
}

const MAX_ID_BYTES: usize = 256;

impl IdSniffer {
    fn feed(&mut self, bytes: &[u8]) {
        for &b in bytes {
            if self.found.is_some() {
                return;
            }
            self.step(b);
        }
    }

    fn push_value(&mut self, b: u8) {
        if self.value.len() < MAX_ID_BYTES {
            self.value.push(b);
        } else {
            self.capturing = false;
        }
    }

    fn step(&mut self, b: u8) {
        if self.in_string {
            if self.capturing {
                self.push_value(b);
            }
            if self.escaped {
                self.escaped = false;
            } else if b == b'\\' {
                self.escaped = true;
            } else if b == b'"' {
                self.in_string = false;
                if self.reading_key {
                    self.reading_key = false;
                    self.key_is_id = self.key == b"id";
                }
            } else if self.reading_key && self.key.len() < 8 {
                self.key.push(b);
            }
            return;
        }
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.expect_key {
                    self.expect_key = false;
                    self.reading_key = true;
                    self.key.clear();
                }
                if self.capturing {
                    self.push_value(b);
                }
            }
            b'{' | b'[' => {
                if self.capturing && self.depth == 1 {
                    self.capturing = false;
                }
                self.depth += 1;
                self.expect_key = self.depth == 1 && b == b'{';
            }
            b'}' | b']' => {
                if self.depth == 1 && self.capturing {
                    self.finish();
                }
                self.depth = self.depth.saturating_sub(1);
            }
            b',' if self.depth == 1 => {
                if self.capturing {
                    self.finish();
                }
                self.expect_key = true;
            }
            b':' if self.depth == 1 && self.key_is_id => {
                self.key_is_id = false;
                self.capturing = true;
                self.value.clear();
            }
            b' ' | b'\t' | b'\r' => {}
            _ => {
                if self.capturing {
                    self.push_value(b);
                }
            }
        }
    }

    fn finish(&mut self) {
        self.capturing = false;
        if !self.value.is_empty() {
            self.found = Some(std::mem::take(&mut self.value));
        }
    }

    fn found(self) -> Option<String> {
        let raw = String::from_utf8(self.found?).ok()?;
        // Only report an id that is itself valid JSON and a number or a string.
        match serde_json::from_str::<serde_json::Value>(&raw).ok()? {
            serde_json::Value::Number(_) | serde_json::Value::String(_) => Some(raw),
            _ => None,
        }
    }
}

/// The members of a JSON-RPC message the proxy looks at; everything else stays in the raw line.
/// Deserialising refuses duplicate members (`"id"` twice, say): peers would disagree on which
/// one counts.
#[derive(Debug, Deserialize)]
pub(crate) struct Envelope<'a> {
    #[serde(borrow, default)]
    pub(crate) id: Option<&'a RawValue>,
    #[serde(default)]
    pub(crate) method: Option<String>,
    #[serde(borrow, default)]
    pub(crate) params: Option<&'a RawValue>,
    #[serde(borrow, default)]
    pub(crate) result: Option<&'a RawValue>,
}

/// Why a line is not a message the proxy relays.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Invalid {
    /// A top-level JSON array (a 2025-03-26 batch): refused, because inspecting only objects
    /// would let an array bypass the policy.
    Array,
    /// Not JSON, or JSON but not an object.
    Parse,
    /// An object that is not a valid JSON-RPC message (duplicate or mistyped members).
    Request,
}

/// Parses `line` as one JSON-RPC message object.
pub(crate) fn parse(line: &[u8]) -> Result<Envelope<'_>, Invalid> {
    match line.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') => return Err(Invalid::Array),
        Some(b'{') => {}
        _ => return Err(Invalid::Parse),
    }
    let text = std::str::from_utf8(line).map_err(|_| Invalid::Parse)?;
    serde_json::from_str(text).map_err(|err| {
        if err.is_syntax() || err.is_eof() {
            Invalid::Parse
        } else {
            Invalid::Request
        }
    })
}

/// A key identifying an id however the peer spelled it (`1` and `1`, `"a"` and `"\u0061"`).
pub(crate) fn id_key(raw: &RawValue) -> String {
    serde_json::from_str::<serde_json::Value>(raw.get())
        .map_or_else(|_| raw.get().to_owned(), |value| value.to_string())
}

/// A JSON-RPC error response line (with `\n`) for the request with raw id `id` (`null` when
/// unknown).
pub(crate) fn error_line(
    id: Option<&str>,
    code: i64,
    message: &str,
    data: Option<&serde_json::Value>,
) -> Vec<u8> {
    let mut error = serde_json::json!({ "code": code, "message": message });
    if let (Some(data), Some(object)) = (data, error.as_object_mut()) {
        object.insert("data".to_owned(), data.clone());
    }
    response_line(id.unwrap_or("null"), "error", &error)
}

/// A JSON-RPC result response line (with `\n`) for raw id `id`.
pub(crate) fn result_line(id: &str, result: &serde_json::Value) -> Vec<u8> {
    response_line(id, "result", result)
}

fn response_line(id: &str, member: &str, value: &serde_json::Value) -> Vec<u8> {
    let body = value.to_string();
    let mut line = Vec::with_capacity(body.len() + id.len() + 40);
    line.extend_from_slice(b"{\"jsonrpc\":\"2.0\",\"id\":");
    line.extend_from_slice(id.as_bytes());
    line.extend_from_slice(b",\"");
    line.extend_from_slice(member.as_bytes());
    line.extend_from_slice(b"\":");
    line.extend_from_slice(body.as_bytes());
    line.extend_from_slice(b"}\n");
    line
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn frames(input: &[u8], max: usize) -> Vec<String> {
        let mut reader = LineReader::new(io::BufReader::with_capacity(7, Cursor::new(input)), max);
        let mut line = Vec::new();
        let mut out = Vec::new();
        loop {
            match reader.next_frame(&mut line).unwrap() {
                Frame::Line(l) => out.push(String::from_utf8(l).unwrap()),
                Frame::TooLong { id, len } => out.push(format!("too long {len} {id:?}")),
                Frame::Eof => return out,
            }
        }
    }

    #[test]
    fn lines_are_split_on_newlines_and_long_ones_skipped_with_their_id() {
        let long = format!(
            "{{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{{\"id\":9,\"t\":\"{}\"}},\"id\":\"a\\\"b\"}}",
            "z".repeat(100)
        );
        let input = format!("{{\"id\":0}}\r\n{long}\n{{\"id\":1}}\nlast");
        let got = frames(input.as_bytes(), 64);
        assert_eq!(got[0], "{\"id\":0}");
        assert_eq!(
            got[1],
            format!("too long {} Some(\"\\\"a\\\\\\\"b\\\"\")", long.len())
        );
        assert_eq!(&got[2..], ["{\"id\":1}", "last"]);
    }

    #[test]
    fn the_sniffer_ignores_nested_and_non_scalar_ids() {
        let got = frames(
            format!(
                "{{\"params\":{{\"id\":5}},\"id\":[1],\"x\":\"{}\"}}\n",
                "y".repeat(80)
            )
            .as_bytes(),
            16,
        );
        assert!(got[0].ends_with("None"), "{got:?}");
    }

    #[test]
    fn arrays_and_duplicates_are_refused() {
        assert_eq!(parse(b" [{\"id\":1}]").unwrap_err(), Invalid::Array);
        assert_eq!(parse(b"{\"id\":1,\"id\":2}").unwrap_err(), Invalid::Request);
        assert_eq!(parse(b"nope").unwrap_err(), Invalid::Parse);
        assert_eq!(
            parse(b"{\"id\":0,\"method\":\"ping\"}")
                .unwrap()
                .id
                .unwrap()
                .get(),
            "0"
        );
    }

    #[test]
    fn responses_keep_the_raw_id() {
        let line = error_line(Some("\"x\\u0041\""), -32602, "bad", None);
        assert_eq!(
            String::from_utf8(line).unwrap(),
            "{\"jsonrpc\":\"2.0\",\"id\":\"x\\u0041\",\"error\":{\"code\":-32602,\"message\":\"bad\"}}\n"
        );
    }
}
