//! The condition language shared by `allow_if`, `deny_if`, `when` and the pattern rules.

use std::sync::Arc;

use regex::{Regex, RegexBuilder};
use serde_json::Value;

use crate::compile::{Cx, Target, path_at};
use crate::error::{PolicyError, codes};
use crate::session::SessionState;
use crate::source::{Entry, Kind, Node};
use crate::util::glob_match;

/// Largest compiled regex accepted (bytes of program), so a policy cannot exhaust memory.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

const OPERATORS: &[&str] = &["all", "any", "not", "arg", "has_taint", "called"];
const PREDICATES: &[&str] = &[
    "eq", "ne", "in", "not_in", "prefix", "suffix", "contains", "glob", "regex", "lt", "le", "gt",
    "ge", "exists", "type",
];
const TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "null", "array", "object",
];

#[derive(Debug, Clone)]
pub(crate) enum Cond {
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
    Arg {
        path: Arc<[Segment]>,
        preds: Vec<Pred>,
    },
    HasTaint(u32),
    Called {
        target: Target,
        within: Option<u32>,
    },
}

#[derive(Debug, Clone)]
pub(crate) enum Segment {
    Key(Box<str>),
    Index(usize),
}

#[derive(Debug, Clone)]
pub(crate) enum Pred {
    Eq(Value),
    Ne(Value),
    In(Vec<Value>),
    NotIn(Vec<Value>),
    Prefix(Box<str>),
    Suffix(Box<str>),
    Contains(Value),
    Glob(Box<str>),
    Regex(Regex),
    Lt(f64),
    Le(f64),
    Gt(f64),
    Ge(f64),
    Exists(bool),
    Type(&'static str),
}

/// What a condition can look at.
pub(crate) struct EvalCx<'a> {
    pub args: &'a Value,
    pub state: &'a SessionState,
    pub class_masks: &'a [u64],
    pub now_ms: u64,
}

impl Cond {
    pub(crate) fn eval(&self, cx: &EvalCx<'_>) -> bool {
        match self {
            Cond::All(items) => items.iter().all(|c| c.eval(cx)),
            Cond::Any(items) => items.iter().any(|c| c.eval(cx)),
            Cond::Not(inner) => !inner.eval(cx),
            Cond::Arg { path, preds } => {
                let value = lookup(cx.args, path);
                preds.iter().all(|p| p.eval(value))
            }
            Cond::HasTaint(tag) => cx.state.has_taint(*tag, cx.now_ms),
            Cond::Called { target, within } => match within {
                Some(n) => cx
                    .state
                    .recent()
                    .take(*n as usize)
                    .any(|tool| target.matches(tool, mask_of(cx.class_masks, tool))),
                None => cx.state.ever_called(*target),
            },
        }
    }
}

pub(crate) fn mask_of(masks: &[u64], tool: u32) -> u64 {
    masks.get(tool as usize).copied().unwrap_or(0)
}

fn lookup<'v>(mut value: &'v Value, path: &[Segment]) -> Option<&'v Value> {
    for segment in path {
        value = match (segment, value) {
            (Segment::Key(key), Value::Object(map)) => map.get(&**key)?,
            (Segment::Index(i), Value::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(value)
}

fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if let (Some(x), Some(y)) = (x.as_i64(), y.as_i64()) {
                x == y
            } else {
                x.as_f64() == y.as_f64()
            }
        }
        _ => a == b,
    }
}

impl Pred {
    /// Every predicate except `exists: false` is false on a missing argument (fail closed).
    fn eval(&self, value: Option<&Value>) -> bool {
        let Some(value) = value else {
            return matches!(self, Pred::Exists(false));
        };
        match self {
            Pred::Eq(expected) => json_eq(value, expected),
            Pred::Ne(expected) => !json_eq(value, expected),
            Pred::In(items) => items.iter().any(|item| json_eq(value, item)),
            Pred::NotIn(items) => !items.iter().any(|item| json_eq(value, item)),
            Pred::Prefix(p) => value.as_str().is_some_and(|s| s.starts_with(&**p)),
            Pred::Suffix(p) => value.as_str().is_some_and(|s| s.ends_with(&**p)),
            Pred::Contains(needle) => match (value, needle) {
                (Value::String(s), Value::String(n)) => s.contains(n.as_str()),
                (Value::Array(items), needle) => items.iter().any(|item| json_eq(item, needle)),
                _ => false,
            },
            Pred::Glob(p) => value.as_str().is_some_and(|s| glob_match(p, s)),
            Pred::Regex(re) => value.as_str().is_some_and(|s| re.is_match(s)),
            Pred::Lt(n) => value.as_f64().is_some_and(|v| v < *n),
            Pred::Le(n) => value.as_f64().is_some_and(|v| v <= *n),
            Pred::Gt(n) => value.as_f64().is_some_and(|v| v > *n),
            Pred::Ge(n) => value.as_f64().is_some_and(|v| v >= *n),
            Pred::Exists(expected) => *expected,
            Pred::Type(name) => match *name {
                "string" => value.is_string(),
                "number" => value.is_number(),
                "integer" => value.is_i64() || value.is_u64(),
                "boolean" => value.is_boolean(),
                "null" => value.is_null(),
                "array" => value.is_array(),
                _ => value.is_object(),
            },
        }
    }
}

/// Compiles a condition node found at `path`.
pub(crate) fn compile(cx: &mut Cx<'_>, node: &Node, path: &str) -> Result<Cond, PolicyError> {
    let entries = cx.map(node, path)?;
    let operator = entries
        .iter()
        .find(|e| OPERATORS.contains(&e.key.as_str()))
        .map(|e| e.key.as_str());
    match operator {
        None => compile_shorthand(cx, entries, path),
        Some("all" | "any") => {
            let op = operator.unwrap_or_default();
            cx.check_keys(entries, &[op], path)?;
            let entry = &entries[0];
            let sub = path_at(path, op);
            let Kind::Seq(items) = &entry.value.kind else {
                return Err(cx.wrong_type(&entry.value, "a list of conditions", &sub));
            };
            let mut conds = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                conds.push(compile(cx, item, &format!("{sub}[{i}]"))?);
            }
            Ok(if op == "all" {
                Cond::All(conds)
            } else {
                Cond::Any(conds)
            })
        }
        Some("not") => {
            cx.check_keys(entries, &["not"], path)?;
            let inner = compile(cx, &entries[0].value, &path_at(path, "not"))?;
            Ok(Cond::Not(Box::new(inner)))
        }
        Some("has_taint") => {
            cx.check_keys(entries, &["has_taint"], path)?;
            let sub = path_at(path, "has_taint");
            let tag = cx.string(&entries[0].value, &sub)?.to_owned();
            Ok(Cond::HasTaint(cx.refer_taint(
                &tag,
                entries[0].value.span,
                &sub,
            )))
        }
        Some("called") => {
            cx.check_keys(entries, &["called", "within"], path)?;
            let called = Cx::get(entries, "called").map(|e| &e.value);
            let sub = path_at(path, "called");
            let (text, span) = match called {
                Some(node) => (cx.string(node, &sub)?.to_owned(), node.span),
                None => return Err(cx.missing(node.span, "called", path)),
            };
            let target = cx.target_text(&text, span, &sub)?;
            let within = if let Some(e) = Cx::get(entries, "within") {
                let n = cx.uint(&e.value, &path_at(path, "within"), 1, 10_000)?;
                cx.need_history(n);
                Some(u32::try_from(n).unwrap_or(u32::MAX))
            } else {
                cx.uses_ever = true;
                None
            };
            Ok(Cond::Called { target, within })
        }
        Some(_) => compile_arg(cx, node, entries, path),
    }
}

/// `{region: "eu-west-1", user.role: admin}`: every key is an argument path, every value must
/// equal it.
fn compile_shorthand(cx: &mut Cx<'_>, entries: &[Entry], path: &str) -> Result<Cond, PolicyError> {
    let mut conds = Vec::with_capacity(entries.len());
    for entry in entries {
        let sub = path_at(path, &entry.key);
        if matches!(entry.value.kind, Kind::Seq(_) | Kind::Map(_)) {
            let mut err = cx.wrong_type(
                &entry.value,
                "a plain value to compare the argument with",
                &sub,
            );
            if let Some(op) = crate::util::did_you_mean(&entry.key, OPERATORS.iter().copied()) {
                err = err.with_help(format!("did you mean the operator `{op}`?"));
            } else {
                err = err.with_help(format!(
                    "use `{{arg: {}, in: [...]}}` to compare with a list",
                    entry.key
                ));
            }
            return Err(err);
        }
        let arg_path = parse_path(cx, &entry.key, entry.key_span, &sub)?;
        conds.push(Cond::Arg {
            path: arg_path,
            preds: vec![Pred::Eq(cx.scalar_value(&entry.value, &sub)?)],
        });
    }
    Ok(if conds.len() == 1 {
        conds.pop().unwrap_or(Cond::All(Vec::new()))
    } else {
        Cond::All(conds)
    })
}

fn compile_arg(
    cx: &mut Cx<'_>,
    node: &Node,
    entries: &[Entry],
    path: &str,
) -> Result<Cond, PolicyError> {
    let mut allowed = vec!["arg"];
    allowed.extend_from_slice(PREDICATES);
    cx.check_keys(entries, &allowed, path)?;
    let arg = Cx::get(entries, "arg").ok_or_else(|| cx.missing(node.span, "arg", path))?;
    let arg_text = cx.string(&arg.value, &path_at(path, "arg"))?.to_owned();
    let arg_path = parse_path(cx, &arg_text, arg.value.span, &path_at(path, "arg"))?;
    let mut preds = Vec::new();
    for entry in entries.iter().filter(|e| e.key != "arg") {
        let sub = path_at(path, &entry.key);
        let value = &entry.value;
        let pred = match entry.key.as_str() {
            "eq" => Pred::Eq(cx.scalar_value(value, &sub)?),
            "ne" => Pred::Ne(cx.scalar_value(value, &sub)?),
            "in" | "not_in" => {
                let Kind::Seq(items) = &value.kind else {
                    return Err(cx.wrong_type(value, "a list of values", &sub));
                };
                let mut values = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    values.push(cx.scalar_value(item, &format!("{sub}[{i}]"))?);
                }
                if entry.key == "in" {
                    Pred::In(values)
                } else {
                    Pred::NotIn(values)
                }
            }
            "prefix" => Pred::Prefix(cx.string(value, &sub)?.into()),
            "suffix" => Pred::Suffix(cx.string(value, &sub)?.into()),
            "glob" => Pred::Glob(cx.string(value, &sub)?.into()),
            "contains" => Pred::Contains(cx.scalar_value(value, &sub)?),
            "regex" => {
                let pattern = cx.string(value, &sub)?;
                let regex = RegexBuilder::new(pattern)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .dfa_size_limit(REGEX_SIZE_LIMIT)
                    .build()
                    .map_err(|err| {
                        let text = err.to_string();
                        let last = text
                            .lines()
                            .rev()
                            .find(|l| !l.trim().is_empty())
                            .unwrap_or("invalid")
                            .trim()
                            .trim_start_matches("error: ")
                            .to_owned();
                        cx.error(
                            codes::INVALID_REGEX,
                            format!("`{sub}` is not a valid regex: {last}"),
                            value.span,
                            &sub,
                        )
                        .with_help("the syntax is that of the Rust `regex` crate; escape literal metacharacters with `\\`")
                    })?;
                Pred::Regex(regex)
            }
            "lt" | "le" | "gt" | "ge" => {
                let n = cx.number(value, &sub)?;
                match entry.key.as_str() {
                    "lt" => Pred::Lt(n),
                    "le" => Pred::Le(n),
                    "gt" => Pred::Gt(n),
                    _ => Pred::Ge(n),
                }
            }
            "exists" => match value.kind {
                Kind::Bool(b) => Pred::Exists(b),
                _ => return Err(cx.wrong_type(value, "`true` or `false`", &sub)),
            },
            _ => {
                let name = cx.string(value, &sub)?;
                let Some(&known) = TYPES.iter().find(|t| **t == name) else {
                    return Err(cx.unknown_value(name, TYPES, value.span, &sub));
                };
                Pred::Type(known)
            }
        };
        preds.push(pred);
    }
    if preds.is_empty() {
        return Err(cx
            .error(
                codes::MISSING_KEY,
                format!("`{path}` names an argument but no test for it"),
                node.span,
                path,
            )
            .with_help("add a test such as `eq: value`, `in: [...]` or `exists: true`"));
    }
    Ok(Cond::Arg {
        path: arg_path,
        preds,
    })
}

/// `user.emails.0` or `user.emails[0]`: keys separated by dots, numbers index lists.
fn parse_path(
    cx: &Cx<'_>,
    text: &str,
    span: agentsentinel_core::Span,
    path: &str,
) -> Result<Arc<[Segment]>, PolicyError> {
    let normalized = text.replace('[', ".").replace(']', "");
    let mut segments = Vec::new();
    for part in normalized.split('.') {
        if part.is_empty() {
            return Err(cx
                .error(
                    codes::INVALID_PATH,
                    format!("`{text}` is not a valid argument path"),
                    span,
                    path,
                )
                .with_help("write keys separated by dots, such as `user.emails.0`"));
        }
        segments.push(match part.parse::<usize>() {
            Ok(index) => Segment::Index(index),
            Err(_) => Segment::Key(part.into()),
        });
    }
    Ok(segments.into())
}
