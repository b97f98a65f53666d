//! Policy text (YAML or JSON) to a small tree of nodes that remember where they came from.
//!
//! JSON goes through `serde_json` first, only to report JSON syntax errors in JSON's terms, and
//! then through the same YAML front end (JSON is YAML 1.2 flow syntax), so both formats get one
//! span-tracking tree and one set of semantic checks.

use agentsentinel_core::Span;
use saphyr_parser::{Event, Parser, ScalarStyle};

use crate::error::{PolicyError, codes};

/// Largest policy text accepted, in bytes.
pub const MAX_POLICY_BYTES: usize = 1 << 20;
/// Deepest nesting of mappings and lists accepted.
pub const MAX_DEPTH: usize = 32;
/// Most nodes (scalars, lists, mappings) accepted in one policy.
pub const MAX_NODES: usize = 200_000;

#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub kind: Kind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub(crate) enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "a boolean",
            Kind::Int(_) | Kind::Float(_) => "a number",
            Kind::Str(_) => "a string",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a mapping",
        }
    }
}

/// Parses JSON text into the tree.
pub(crate) fn parse_json(source: &str, origin: &str) -> Result<Node, PolicyError> {
    check_size(source, origin)?;
    if let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(source) {
        if source.trim().is_empty() {
            return Err(empty(source, origin));
        }
        let offset = offset_of_line_column(source, err.line(), err.column());
        let text = err.to_string();
        let message = text
            .rsplit_once(" at line ")
            .map_or(text.as_str(), |(head, _)| head);
        let code = if message.contains("recursion limit") {
            codes::TOO_DEEP
        } else {
            codes::JSON_SYNTAX
        };
        return Err(PolicyError::at(
            code,
            format!("invalid JSON: {message}"),
            origin,
            source,
            Span::new(offset, offset + 1),
        ));
    }
    parse_yaml(source, origin)
}

/// Parses YAML text into the tree, refusing aliases, deep nesting and huge inputs.
#[expect(
    clippy::too_many_lines,
    reason = "one event loop; splitting it would scatter the frame stack"
)]
pub(crate) fn parse_yaml(source: &str, origin: &str) -> Result<Node, PolicyError> {
    check_size(source, origin)?;
    let offsets = CharOffsets::new(source);
    let mut parser = Parser::new_from_str(source);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0usize;
    let mut nodes = 0usize;
    while let Some(next) = parser.next_event() {
        let (event, marked) = next.map_err(|err| {
            let at = offsets.byte(err.marker().index());
            PolicyError::at(
                codes::YAML_SYNTAX,
                format!("invalid YAML: {}", err.info()),
                origin,
                source,
                Span::new(at, at + 1),
            )
        })?;
        let span = Span::new(
            offsets.byte(marked.start.index()),
            offsets.byte(marked.end.index()),
        );
        let complete = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing | Event::DocumentEnd => None,
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(PolicyError::at(
                        codes::MULTIPLE_DOCUMENTS,
                        "a policy is one YAML document, found a second one",
                        origin,
                        source,
                        span,
                    )
                    .with_help("remove the `---` separator and merge the documents"));
                }
                None
            }
            Event::Alias(_) => {
                return Err(PolicyError::at(
                    codes::ALIAS_NOT_ALLOWED,
                    "YAML aliases are not allowed in a policy",
                    origin,
                    source,
                    span,
                )
                .with_help(
                    "write the value out in full; aliases can expand a small file enormously",
                ));
            }
            Event::Scalar(text, style, _, _) => Some(Node {
                kind: resolve_scalar(&text, style),
                span,
            }),
            Event::SequenceStart(_, _) => {
                push(&mut stack, Frame::Seq(Vec::new(), span), origin, source)?;
                None
            }
            Event::MappingStart(_, _) => {
                push(
                    &mut stack,
                    Frame::Map(Vec::new(), None, span),
                    origin,
                    source,
                )?;
                None
            }
            Event::SequenceEnd => match stack.pop() {
                Some(Frame::Seq(items, start)) => Some(Node {
                    kind: Kind::Seq(items),
                    span: Span::new(start.start, span.end.max(start.end)),
                }),
                _ => None,
            },
            Event::MappingEnd => match stack.pop() {
                Some(Frame::Map(entries, _, start)) => {
                    check_duplicates(&entries, origin, source)?;
                    Some(Node {
                        kind: Kind::Map(entries),
                        span: Span::new(start.start, span.end.max(start.end)),
                    })
                }
                _ => None,
            },
        };
        let Some(node) = complete else { continue };
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(PolicyError::at(
                codes::TOO_MANY_NODES,
                format!("the policy has more than {MAX_NODES} values"),
                origin,
                source,
                node.span,
            ));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq(items, _)) => items.push(node),
            Some(Frame::Map(entries, pending, _)) => {
                if let Some((key, key_span)) = pending.take() {
                    entries.push(Entry {
                        key,
                        key_span,
                        value: node,
                    });
                } else {
                    let key = match node.kind {
                        Kind::Str(text) => text,
                        Kind::Int(value) => value.to_string(),
                        Kind::Bool(value) => value.to_string(),
                        Kind::Null => "null".to_owned(),
                        Kind::Float(_) => source
                            .get(node.span.start..node.span.end)
                            .unwrap_or_default()
                            .to_owned(),
                        Kind::Seq(_) | Kind::Map(_) => {
                            return Err(PolicyError::at(
                                codes::WRONG_TYPE,
                                "a mapping key must be a plain string",
                                origin,
                                source,
                                node.span,
                            ));
                        }
                    };
                    *pending = Some((key, node.span));
                }
            }
        }
    }
    match root {
        None
        | Some(Node {
            kind: Kind::Null, ..
        }) => Err(empty(source, origin)),
        Some(node) => Ok(node),
    }
}

enum Frame {
    Seq(Vec<Node>, Span),
    Map(Vec<Entry>, Option<(String, Span)>, Span),
}

fn push(
    stack: &mut Vec<Frame>,
    frame: Frame,
    origin: &str,
    source: &str,
) -> Result<(), PolicyError> {
    if stack.len() >= MAX_DEPTH {
        let span = match &frame {
            Frame::Seq(_, span) | Frame::Map(_, _, span) => *span,
        };
        return Err(PolicyError::at(
            codes::TOO_DEEP,
            format!("the policy nests deeper than {MAX_DEPTH} levels"),
            origin,
            source,
            span,
        ));
    }
    stack.push(frame);
    Ok(())
}

fn check_size(source: &str, origin: &str) -> Result<(), PolicyError> {
    if source.len() > MAX_POLICY_BYTES {
        return Err(PolicyError::whole(
            codes::TOO_LARGE,
            format!(
                "the policy is {} bytes; the limit is {MAX_POLICY_BYTES}",
                source.len()
            ),
            origin,
        ));
    }
    Ok(())
}

fn empty(source: &str, origin: &str) -> PolicyError {
    PolicyError::at(
        codes::EMPTY,
        "the policy is empty",
        origin,
        source,
        Span::new(0, 0),
    )
    .with_help("write at least `default: DENY`; an empty policy denies every call")
}

fn check_duplicates(entries: &[Entry], origin: &str, source: &str) -> Result<(), PolicyError> {
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by(|&a, &b| entries[a].key.cmp(&entries[b].key).then(a.cmp(&b)));
    let duplicate = order
        .windows(2)
        .filter(|pair| entries[pair[0]].key == entries[pair[1]].key)
        .map(|pair| pair[1])
        .min();
    if let Some(index) = duplicate {
        let entry = &entries[index];
        return Err(PolicyError::at(
            codes::DUPLICATE_KEY,
            format!("key `{}` appears twice in the same mapping", entry.key),
            origin,
            source,
            entry.key_span,
        )
        .with_help("keep one of them; YAML would silently keep only the last"));
    }
    Ok(())
}

/// The YAML 1.2 core schema for plain scalars; quoted and block scalars are always strings.
fn resolve_scalar(text: &str, style: ScalarStyle) -> Kind {
    if style != ScalarStyle::Plain {
        return Kind::Str(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Kind::Null,
        "true" | "True" | "TRUE" => return Kind::Bool(true),
        "false" | "False" | "FALSE" => return Kind::Bool(false),
        _ => {}
    }
    if let Ok(value) = text.parse::<i64>() {
        return Kind::Int(value);
    }
    if let Some(Ok(value)) = text
        .strip_prefix("0x")
        .map(|hex| i64::from_str_radix(hex, 16))
    {
        return Kind::Int(value);
    }
    if let Some(Ok(value)) = text
        .strip_prefix("0o")
        .map(|octal| i64::from_str_radix(octal, 8))
    {
        return Kind::Int(value);
    }
    let looks_numeric = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && text.bytes().any(|b| b.is_ascii_digit());
    if let (true, Ok(value)) = (looks_numeric, text.parse::<f64>()) {
        return Kind::Float(value);
    }
    Kind::Str(text.to_owned())
}

/// Converts the parser's character indices to byte offsets.
struct CharOffsets {
    /// Byte offset of each character, plus the length; empty when the text is ASCII.
    starts: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(source: &str) -> Self {
        let starts = if source.is_ascii() {
            Vec::new()
        } else {
            source
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(source.len()))
                .collect()
        };
        CharOffsets {
            starts,
            len: source.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.starts.is_empty() {
            char_index.min(self.len)
        } else {
            self.starts.get(char_index).copied().unwrap_or(self.len)
        }
    }
}

/// Byte offset of `serde_json`'s 1-based line and column (the column counts bytes).
fn offset_of_line_column(source: &str, line: usize, column: usize) -> usize {
    let line_start: usize = source
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use agentsentinel_core::Diagnostic;

    use super::*;

    #[test]
    fn spans_point_at_keys_and_values() {
        let src = "a:\n  b: \"é\"\n  c: 3\n";
        let node = parse_yaml(src, "t").unwrap();
        let Kind::Map(entries) = node.kind else {
            panic!()
        };
        let Kind::Map(inner) = &entries[0].value.kind else {
            panic!()
        };
        assert_eq!(inner[1].key, "c");
        assert_eq!(&src[inner[1].key_span.start..inner[1].key_span.end], "c");
        assert!(matches!(inner[1].value.kind, Kind::Int(3)));
    }

    #[test]
    fn aliases_and_deep_nesting_are_refused() {
        let bomb = "a: &a [x, x]\nb: [*a, *a]\n";
        assert_eq!(
            parse_yaml(bomb, "t").unwrap_err().code(),
            codes::ALIAS_NOT_ALLOWED
        );
        let deep = format!("{}1{}", "[".repeat(100), "]".repeat(100));
        assert_eq!(parse_yaml(&deep, "t").unwrap_err().code(), codes::TOO_DEEP);
        assert_eq!(parse_json(&deep, "t").unwrap_err().code(), codes::TOO_DEEP);
    }

    #[test]
    fn json_errors_have_positions() {
        let err = parse_json("{\n  \"a\": ,\n}", "t").unwrap_err();
        assert_eq!(err.code(), codes::JSON_SYNTAX);
        assert_eq!(err.location().unwrap().line, 2);
    }
}
