//! Checks a parsed policy tree and compiles it into per-tool evaluation plans.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use agentsentinel_core::{Effects, Span, TaintGrant};
use serde_json::Value;

use crate::condition::{self, Cond};
use crate::error::{PolicyError, codes};
use crate::plan::{Approval, Breaker, Check, Inner, RateRule, ToolPlan};
use crate::source::{Entry, Kind, Node};
use crate::util::{FastMap, did_you_mean, parse_duration_ms};

/// Most tool classes a policy may define (a class set is one 64-bit mask per tool).
pub const MAX_CLASSES: usize = 64;
/// Longest history any rule may look back over, in calls.
pub const MAX_HISTORY: usize = 10_000;

const ACTIONS: &[&str] = &["ADD_TAINT", "REMOVE_TAINT", "CHECK_TAINT"];

const TOP_KEYS: &[&str] = &[
    "version",
    "description",
    "default",
    "classes",
    "staticRules",
    "taintRules",
    "logicRules",
    "sequenceRules",
    "rateLimits",
    "circuitBreaker",
    "requireApproval",
];

/// A tool or a class of tools, as a rule names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Tool(u32),
    Class(u8),
}

impl Target {
    #[inline]
    pub(crate) fn matches(self, tool: u32, class_mask: u64) -> bool {
        match self {
            Target::Tool(id) => id == tool,
            Target::Class(class) => class_mask & (1u64 << class) != 0,
        }
    }
}

/// `base.key`, or `key` at the top.
pub(crate) fn path_at(base: &str, key: &str) -> String {
    if base.is_empty() {
        key.to_owned()
    } else {
        format!("{base}.{key}")
    }
}

/// Compile-time context: the source for positions, and the interned names.
pub(crate) struct Cx<'s> {
    source: &'s str,
    origin: &'s str,
    tool_ids: FastMap<String, u32>,
    pub(crate) tool_names: Vec<String>,
    pub(crate) tool_masks: Vec<u64>,
    class_ids: FastMap<String, u8>,
    class_names: Vec<String>,
    taint_ids: FastMap<String, u32>,
    pub(crate) taint_names: Vec<String>,
    taint_added: Vec<bool>,
    taint_refs: Vec<(u32, Span, String)>,
    rule_ids: FastMap<String, Span>,
    pub(crate) rules: Vec<String>,
    history: usize,
    pub(crate) uses_ever: bool,
}

impl<'s> Cx<'s> {
    fn new(source: &'s str, origin: &'s str) -> Self {
        Cx {
            source,
            origin,
            tool_ids: FastMap::default(),
            tool_names: Vec::new(),
            tool_masks: Vec::new(),
            class_ids: FastMap::default(),
            class_names: Vec::new(),
            taint_ids: FastMap::default(),
            taint_names: Vec::new(),
            taint_added: Vec::new(),
            taint_refs: Vec::new(),
            rule_ids: FastMap::default(),
            rules: Vec::new(),
            history: 0,
            uses_ever: false,
        }
    }

    pub(crate) fn error(
        &self,
        code: &'static str,
        message: impl Into<String>,
        span: Span,
        path: &str,
    ) -> PolicyError {
        PolicyError::at(code, message, self.origin, self.source, span).with_path(path)
    }

    pub(crate) fn wrong_type(&self, node: &Node, expected: &str, path: &str) -> PolicyError {
        self.error(
            codes::WRONG_TYPE,
            format!("`{path}` must be {expected}, found {}", node.type_name()),
            node.span,
            path,
        )
    }

    pub(crate) fn missing(&self, span: Span, key: &str, path: &str) -> PolicyError {
        let at = if path.is_empty() {
            "the policy".to_owned()
        } else {
            format!("`{path}`")
        };
        self.error(
            codes::MISSING_KEY,
            format!("{at} needs the key `{key}`"),
            span,
            path,
        )
        .with_help(format!("add `{key}: ...`"))
    }

    pub(crate) fn unknown_value(
        &self,
        found: &str,
        expected: &[&str],
        span: Span,
        path: &str,
    ) -> PolicyError {
        let list = expected
            .iter()
            .map(|e| format!("`{e}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let err = self.error(
            codes::UNKNOWN_VALUE,
            format!("`{path}` must be one of {list}, found `{found}`"),
            span,
            path,
        );
        match did_you_mean(found, expected.iter().copied()) {
            Some(best) => err.with_help(format!("did you mean `{best}`?")),
            None => err,
        }
    }

    pub(crate) fn map<'n>(&self, node: &'n Node, path: &str) -> Result<&'n [Entry], PolicyError> {
        match &node.kind {
            Kind::Map(entries) => Ok(entries),
            _ => Err(self.wrong_type(node, "a mapping", path)),
        }
    }

    fn seq<'n>(&self, node: &'n Node, path: &str) -> Result<&'n [Node], PolicyError> {
        match &node.kind {
            Kind::Seq(items) => Ok(items),
            _ => Err(self.wrong_type(node, "a list", path)),
        }
    }

    pub(crate) fn get<'n>(entries: &'n [Entry], key: &str) -> Option<&'n Entry> {
        entries.iter().find(|e| e.key == key)
    }

    pub(crate) fn check_keys(
        &self,
        entries: &[Entry],
        allowed: &[&str],
        path: &str,
    ) -> Result<(), PolicyError> {
        for entry in entries {
            if !allowed.contains(&entry.key.as_str()) {
                let at = if path.is_empty() {
                    String::new()
                } else {
                    format!(" in `{path}`")
                };
                let err = self.error(
                    codes::UNKNOWN_KEY,
                    format!("unknown key `{}`{at}", entry.key),
                    entry.key_span,
                    &path_at(path, &entry.key),
                );
                return Err(match did_you_mean(&entry.key, allowed.iter().copied()) {
                    Some(best) => err.with_help(format!("did you mean `{best}`?")),
                    None => err.with_help(format!(
                        "expected one of {}",
                        allowed
                            .iter()
                            .map(|k| format!("`{k}`"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                });
            }
        }
        Ok(())
    }

    pub(crate) fn string<'n>(&self, node: &'n Node, path: &str) -> Result<&'n str, PolicyError> {
        match &node.kind {
            Kind::Str(text) if !text.is_empty() => Ok(text),
            _ => Err(self.wrong_type(node, "a non-empty string", path)),
        }
    }

    pub(crate) fn uint(
        &self,
        node: &Node,
        path: &str,
        min: u64,
        max: u64,
    ) -> Result<u64, PolicyError> {
        match node.kind {
            Kind::Int(n) => match u64::try_from(n) {
                Ok(n) if (min..=max).contains(&n) => Ok(n),
                _ => Err(self.error(
                    codes::OUT_OF_RANGE,
                    format!("`{path}` must be between {min} and {max}, found {n}"),
                    node.span,
                    path,
                )),
            },
            _ => Err(self.wrong_type(node, "a whole number", path)),
        }
    }

    pub(crate) fn number(&self, node: &Node, path: &str) -> Result<f64, PolicyError> {
        match node.kind {
            #[expect(
                clippy::cast_precision_loss,
                reason = "thresholds beyond 2^53 compare approximately, like JSON numbers"
            )]
            Kind::Int(n) => Ok(n as f64),
            Kind::Float(f) if f.is_finite() => Ok(f),
            _ => Err(self.wrong_type(node, "a number", path)),
        }
    }

    fn duration(&self, node: &Node, path: &str) -> Result<u64, PolicyError> {
        let parsed = match &node.kind {
            Kind::Int(n) => u64::try_from(*n).ok().and_then(|n| n.checked_mul(1_000)),
            Kind::Str(text) => parse_duration_ms(text),
            _ => None,
        };
        match parsed {
            Some(ms) if ms > 0 => Ok(ms),
            _ => Err(self
                .error(
                    codes::INVALID_DURATION,
                    format!("`{path}` must be a positive duration"),
                    node.span,
                    path,
                )
                .with_help("write seconds as a number (`60`) or a number with a unit: `500ms`, `30s`, `5m`, `2h`, `1d`")),
        }
    }

    pub(crate) fn scalar_value(&self, node: &Node, path: &str) -> Result<Value, PolicyError> {
        Ok(match &node.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Int(n) => Value::from(*n),
            Kind::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
            Kind::Str(s) => Value::String(s.clone()),
            Kind::Seq(_) | Kind::Map(_) => {
                return Err(self.wrong_type(node, "a plain value", path));
            }
        })
    }

    pub(crate) fn tool(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.tool_ids.get(name) {
            return id;
        }
        let id = u32::try_from(self.tool_names.len()).unwrap_or(u32::MAX);
        self.tool_ids.insert(name.to_owned(), id);
        self.tool_names.push(name.to_owned());
        self.tool_masks.push(0);
        id
    }

    fn class(&self, name: &str, span: Span, path: &str) -> Result<u8, PolicyError> {
        if let Some(&id) = self.class_ids.get(name) {
            return Ok(id);
        }
        let err = self.error(
            codes::UNKNOWN_CLASS,
            format!("unknown class `{name}`"),
            span,
            path,
        );
        Err(
            match did_you_mean(name, self.class_names.iter().map(String::as_str)) {
                Some(best) => err.with_help(format!("did you mean `{best}`?")),
                None => err.with_help("define it under `classes:` first"),
            },
        )
    }

    /// `class:NAME` names a class; anything else names a tool.
    pub(crate) fn target_text(
        &mut self,
        text: &str,
        span: Span,
        path: &str,
    ) -> Result<Target, PolicyError> {
        match text.strip_prefix("class:") {
            Some(class) => Ok(Target::Class(self.class(class.trim(), span, path)?)),
            None => Ok(Target::Tool(self.tool(text))),
        }
    }

    /// The `tool:` or `class:` key of a rule.
    fn rule_target(
        &mut self,
        node: &Node,
        entries: &[Entry],
        path: &str,
    ) -> Result<Target, PolicyError> {
        match (Self::get(entries, "tool"), Self::get(entries, "class")) {
            (Some(_), Some(class)) => Err(self
                .error(
                    codes::CONFLICTING_KEYS,
                    format!("`{path}` names both a `tool` and a `class`"),
                    class.key_span,
                    path,
                )
                .with_help("write one rule per target")),
            (Some(tool), None) => {
                let name = self.string(&tool.value, &path_at(path, "tool"))?.to_owned();
                Ok(Target::Tool(self.tool(&name)))
            }
            (None, Some(class)) => {
                let sub = path_at(path, "class");
                let name = self.string(&class.value, &sub)?.to_owned();
                Ok(Target::Class(self.class(&name, class.value.span, &sub)?))
            }
            (None, None) => Err(self.missing(node.span, "tool", path)),
        }
    }

    fn taint(&mut self, tag: &str) -> u32 {
        if let Some(&id) = self.taint_ids.get(tag) {
            return id;
        }
        let id = u32::try_from(self.taint_names.len()).unwrap_or(u32::MAX);
        self.taint_ids.insert(tag.to_owned(), id);
        self.taint_names.push(tag.to_owned());
        self.taint_added.push(false);
        id
    }

    /// A tag a rule checks for; it must be added by some rule, or the check could never fire.
    pub(crate) fn refer_taint(&mut self, tag: &str, span: Span, path: &str) -> u32 {
        let id = self.taint(tag);
        self.taint_refs.push((id, span, path.to_owned()));
        id
    }

    pub(crate) fn need_history(&mut self, calls: u64) {
        self.history = self
            .history
            .max(usize::try_from(calls).unwrap_or(MAX_HISTORY));
    }

    /// Registers a rule id; `id:` when given, else `default`.
    fn rule_id(
        &mut self,
        entries: Option<&[Entry]>,
        default: String,
        span: Span,
        path: &str,
    ) -> Result<u32, PolicyError> {
        let (id, span) = match entries.and_then(|e| Self::get(e, "id")) {
            Some(entry) => (
                self.string(&entry.value, &path_at(path, "id"))?.to_owned(),
                entry.value.span,
            ),
            None => (default, span),
        };
        if let Some(first) = self.rule_ids.get(&id) {
            let first = agentsentinel_core::Location::of_offset(self.source, first.start);
            return Err(self
                .error(
                    codes::DUPLICATE_ID,
                    format!("rule id `{id}` is already used at line {}", first.line),
                    span,
                    &path_at(path, "id"),
                )
                .with_help("give every rule a unique `id`"));
        }
        self.rule_ids.insert(id.clone(), span);
        self.rules.push(id);
        Ok(u32::try_from(self.rules.len() - 1).unwrap_or(u32::MAX))
    }

    fn custom_reason(&self, entries: &[Entry], path: &str) -> Result<Option<String>, PolicyError> {
        Self::get(entries, "reason")
            .map(|e| {
                self.string(&e.value, &path_at(path, "reason"))
                    .map(str::to_owned)
            })
            .transpose()
    }
}

/// What a rule list compiles to, before it is spread over the tools it names.
struct StaticRule {
    rule: u32,
    target: Target,
    allow: bool,
    span: Span,
    key: String,
}

enum TaintAction {
    Add(Vec<(u32, Option<u64>)>),
    Remove(Vec<u32>),
    Check(Vec<u32>),
}

struct TaintRule {
    rule: u32,
    target: Target,
    action: TaintAction,
    reason: Option<String>,
}

struct LogicRule {
    rule: u32,
    target: Target,
    allow_if: Option<Arc<Cond>>,
    deny_if: Option<Arc<Cond>>,
    reason: Option<String>,
}

struct SequenceRule {
    rule: u32,
    steps: Arc<[Target]>,
    last: Target,
    max_distance: u32,
    approval: bool,
    reason: Option<String>,
}

struct RateSpec {
    rule: u32,
    target: Target,
    reason: Option<String>,
}

struct ApprovalRule {
    rule: u32,
    target: Target,
    when: Option<Arc<Cond>>,
    reason: Option<String>,
}

static NEXT_POLICY_ID: AtomicU64 = AtomicU64::new(1);

/// Checks `root` and builds the evaluation plans.
#[expect(
    clippy::too_many_lines,
    reason = "one linear pass over the sections, in evaluation order"
)]
pub(crate) fn compile(root: &Node, source: &str, origin: &str) -> Result<Inner, PolicyError> {
    let mut cx = Cx::new(source, origin);
    let top = cx.map(root, "")?;
    cx.check_keys(top, TOP_KEYS, "")?;

    if let Some(entry) = Cx::get(top, "version") {
        cx.uint(&entry.value, "version", 1, 1)?;
    }
    if let Some(entry) = Cx::get(top, "description") {
        cx.string(&entry.value, "description")?;
    }
    let default_allow = match Cx::get(top, "default") {
        None => false,
        Some(entry) => match &entry.value.kind {
            Kind::Str(s) if s == "DENY" => false,
            Kind::Str(s) if s == "ALLOW" => true,
            Kind::Str(s) => {
                return Err(cx.unknown_value(s, &["DENY", "ALLOW"], entry.value.span, "default"));
            }
            _ => return Err(cx.wrong_type(&entry.value, "`DENY` or `ALLOW`", "default")),
        },
    };

    // Classes first: every other section may name them.
    if let Some(entry) = Cx::get(top, "classes") {
        let classes = cx.map(&entry.value, "classes")?;
        if classes.len() > MAX_CLASSES {
            return Err(cx.error(
                codes::OUT_OF_RANGE,
                format!(
                    "a policy may define at most {MAX_CLASSES} classes, found {}",
                    classes.len()
                ),
                entry.key_span,
                "classes",
            ));
        }
        for (bit, class) in classes.iter().enumerate() {
            let path = path_at("classes", &class.key);
            let bit = u8::try_from(bit).unwrap_or(u8::MAX);
            cx.class_ids.insert(class.key.clone(), bit);
            cx.class_names.push(class.key.clone());
            for (i, tool) in cx.seq(&class.value, &path)?.iter().enumerate() {
                let name = cx.string(tool, &format!("{path}[{i}]"))?.to_owned();
                let id = cx.tool(&name);
                cx.tool_masks[id as usize] |= 1u64 << bit;
            }
        }
    }

    let mut statics = Vec::new();
    if let Some(entry) = Cx::get(top, "staticRules") {
        for rule in cx.map(&entry.value, "staticRules")? {
            let path = path_at("staticRules", &rule.key);
            let allow = match &rule.value.kind {
                Kind::Str(s) if s == "ALLOW" => true,
                Kind::Str(s) if s == "DENY" => false,
                Kind::Str(s) => {
                    return Err(cx.unknown_value(s, &["ALLOW", "DENY"], rule.value.span, &path));
                }
                _ => return Err(cx.wrong_type(&rule.value, "`ALLOW` or `DENY`", &path)),
            };
            let target = cx.target_text(&rule.key, rule.key_span, &path)?;
            let id = cx.rule_id(None, path.clone(), rule.key_span, &path)?;
            statics.push(StaticRule {
                rule: id,
                target,
                allow,
                span: rule.value.span,
                key: rule.key.clone(),
            });
        }
    }

    let mut taints = Vec::new();
    for_each_rule(&mut cx, top, "taintRules", |cx, node, entries, path| {
        cx.check_keys(
            entries,
            &[
                "id",
                "tool",
                "class",
                "action",
                "tag",
                "tags",
                "ttl",
                "forbiddenTags",
                "reason",
            ],
            path,
        )?;
        let target = cx.rule_target(node, entries, path)?;
        let action_entry =
            Cx::get(entries, "action").ok_or_else(|| cx.missing(node.span, "action", path))?;
        let action_path = path_at(path, "action");
        let action_name = cx.string(&action_entry.value, &action_path)?.to_owned();
        if !ACTIONS.contains(&action_name.as_str()) {
            return Err(cx.unknown_value(
                &action_name,
                ACTIONS,
                action_entry.value.span,
                &action_path,
            ));
        }
        let only = |cx: &Cx<'_>, key: &str, allowed_for: &str| -> Result<(), PolicyError> {
            match Cx::get(entries, key) {
                Some(e) => Err(cx
                    .error(
                        codes::CONFLICTING_KEYS,
                        format!("`{key}` only applies to {allowed_for}, not to `{action_name}`"),
                        e.key_span,
                        &path_at(path, key),
                    )
                    .with_help(format!("remove `{key}`"))),
                None => Ok(()),
            }
        };
        let action = if action_name == "CHECK_TAINT" {
            only(cx, "tag", "`ADD_TAINT` and `REMOVE_TAINT`")?;
            only(cx, "tags", "`ADD_TAINT` and `REMOVE_TAINT`")?;
            only(cx, "ttl", "`ADD_TAINT`")?;
            let entry = Cx::get(entries, "forbiddenTags")
                .ok_or_else(|| cx.missing(node.span, "forbiddenTags", path))?;
            let sub = path_at(path, "forbiddenTags");
            let mut ids = Vec::new();
            for (i, tag) in cx.seq(&entry.value, &sub)?.iter().enumerate() {
                let tag_path = format!("{sub}[{i}]");
                let name = cx.string(tag, &tag_path)?.to_owned();
                ids.push(cx.refer_taint(&name, tag.span, &tag_path));
            }
            if ids.is_empty() {
                return Err(cx.error(
                    codes::MISSING_KEY,
                    format!("`{sub}` lists no tags"),
                    entry.value.span,
                    &sub,
                ));
            }
            TaintAction::Check(ids)
        } else {
            only(cx, "forbiddenTags", "`CHECK_TAINT`")?;
            let ttl = match Cx::get(entries, "ttl") {
                Some(e) if action_name == "ADD_TAINT" => {
                    Some(cx.duration(&e.value, &path_at(path, "ttl"))?)
                }
                Some(_) => return only(cx, "ttl", "`ADD_TAINT`"),
                None => None,
            };
            let mut tags = Vec::new();
            match (Cx::get(entries, "tag"), Cx::get(entries, "tags")) {
                (Some(_), Some(both)) => {
                    return Err(cx
                        .error(
                            codes::CONFLICTING_KEYS,
                            format!("`{path}` has both `tag` and `tags`"),
                            both.key_span,
                            path,
                        )
                        .with_help("list every tag under `tags`"));
                }
                (Some(tag), None) => tags.push((
                    cx.string(&tag.value, &path_at(path, "tag"))?.to_owned(),
                    tag.value.span,
                )),
                (None, Some(list)) => {
                    let sub = path_at(path, "tags");
                    for (i, tag) in cx.seq(&list.value, &sub)?.iter().enumerate() {
                        tags.push((cx.string(tag, &format!("{sub}[{i}]"))?.to_owned(), tag.span));
                    }
                }
                (None, None) => return Err(cx.missing(node.span, "tag", path)),
            }
            let ids: Vec<u32> = tags.iter().map(|(name, _)| cx.taint(name)).collect();
            if action_name == "ADD_TAINT" {
                for &id in &ids {
                    cx.taint_added[id as usize] = true;
                }
                TaintAction::Add(ids.into_iter().map(|id| (id, ttl)).collect())
            } else {
                TaintAction::Remove(ids)
            }
        };
        let rule = cx.rule_id(Some(entries), path.to_owned(), node.span, path)?;
        let reason = cx.custom_reason(entries, path)?;
        taints.push(TaintRule {
            rule,
            target,
            action,
            reason,
        });
        Ok(())
    })?;

    let mut logic = Vec::new();
    for_each_rule(&mut cx, top, "logicRules", |cx, node, entries, path| {
        cx.check_keys(
            entries,
            &["id", "tool", "class", "allow_if", "deny_if", "reason"],
            path,
        )?;
        let target = cx.rule_target(node, entries, path)?;
        let allow_if = Cx::get(entries, "allow_if")
            .map(|e| condition::compile(cx, &e.value, &path_at(path, "allow_if")).map(Arc::new))
            .transpose()?;
        let deny_if = Cx::get(entries, "deny_if")
            .map(|e| condition::compile(cx, &e.value, &path_at(path, "deny_if")).map(Arc::new))
            .transpose()?;
        if allow_if.is_none() && deny_if.is_none() {
            return Err(cx
                .missing(node.span, "allow_if", path)
                .with_help("add `allow_if:` or `deny_if:`"));
        }
        let rule = cx.rule_id(Some(entries), path.to_owned(), node.span, path)?;
        let reason = cx.custom_reason(entries, path)?;
        logic.push(LogicRule {
            rule,
            target,
            allow_if,
            deny_if,
            reason,
        });
        Ok(())
    })?;

    let mut sequences = Vec::new();
    for_each_rule(&mut cx, top, "sequenceRules", |cx, node, entries, path| {
        cx.check_keys(
            entries,
            &["id", "sequence", "max_distance", "action", "reason"],
            path,
        )?;
        let entry =
            Cx::get(entries, "sequence").ok_or_else(|| cx.missing(node.span, "sequence", path))?;
        let sub = path_at(path, "sequence");
        let items = cx.seq(&entry.value, &sub)?;
        if !(2..=8).contains(&items.len()) {
            return Err(cx.error(
                codes::OUT_OF_RANGE,
                format!(
                    "`{sub}` must list 2 to 8 tools or classes, found {}",
                    items.len()
                ),
                entry.value.span,
                &sub,
            ));
        }
        let mut steps = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let item_path = format!("{sub}[{i}]");
            let text = cx.string(item, &item_path)?.to_owned();
            steps.push(cx.target_text(&text, item.span, &item_path)?);
        }
        let max_distance = match Cx::get(entries, "max_distance") {
            Some(e) => cx.uint(&e.value, &path_at(path, "max_distance"), 1, 1_000)?,
            None => 1,
        };
        let window = max_distance * (steps.len() as u64 - 1);
        if window > MAX_HISTORY as u64 {
            return Err(cx.error(
                codes::OUT_OF_RANGE,
                format!("`{path}` looks back {window} calls; the limit is {MAX_HISTORY}"),
                node.span,
                path,
            ));
        }
        cx.need_history(window);
        let approval = match Cx::get(entries, "action") {
            None => false,
            Some(e) => {
                let action_path = path_at(path, "action");
                match cx.string(&e.value, &action_path)? {
                    "DENY" => false,
                    "REQUIRE_APPROVAL" => true,
                    other => {
                        return Err(cx.unknown_value(
                            other,
                            &["DENY", "REQUIRE_APPROVAL"],
                            e.value.span,
                            &action_path,
                        ));
                    }
                }
            }
        };
        let last = steps.pop().unwrap_or(Target::Tool(u32::MAX));
        let rule = cx.rule_id(Some(entries), path.to_owned(), node.span, path)?;
        let reason = cx.custom_reason(entries, path)?;
        sequences.push(SequenceRule {
            rule,
            steps: steps.into(),
            last,
            max_distance: u32::try_from(max_distance).unwrap_or(u32::MAX),
            approval,
            reason,
        });
        Ok(())
    })?;

    let mut rate_rules = Vec::new();
    let mut rate_specs = Vec::new();
    for_each_rule(&mut cx, top, "rateLimits", |cx, node, entries, path| {
        cx.check_keys(
            entries,
            &["id", "tool", "class", "max", "window", "cooldown", "reason"],
            path,
        )?;
        let target = cx.rule_target(node, entries, path)?;
        let max = Cx::get(entries, "max")
            .map(|e| cx.uint(&e.value, &path_at(path, "max"), 1, 10_000))
            .transpose()?;
        let window = Cx::get(entries, "window")
            .map(|e| cx.duration(&e.value, &path_at(path, "window")))
            .transpose()?;
        let cooldown = Cx::get(entries, "cooldown")
            .map(|e| cx.duration(&e.value, &path_at(path, "cooldown")))
            .transpose()?;
        match (max, window) {
            (Some(_), None) => return Err(cx.missing(node.span, "window", path)),
            (None, Some(_)) => return Err(cx.missing(node.span, "max", path)),
            (None, None) if cooldown.is_none() => {
                return Err(cx
                    .missing(node.span, "max", path)
                    .with_help("add `max:` and `window:`, or `cooldown:`"));
            }
            _ => {}
        }
        let rule = cx.rule_id(Some(entries), path.to_owned(), node.span, path)?;
        let reason = cx.custom_reason(entries, path)?;
        rate_rules.push(RateRule {
            max: max.map_or(0, |m| u32::try_from(m).unwrap_or(u32::MAX)),
            window_ms: window.unwrap_or(0),
            cooldown_ms: cooldown.unwrap_or(0),
        });
        rate_specs.push(RateSpec {
            rule,
            target,
            reason,
        });
        Ok(())
    })?;

    let breaker = match Cx::get(top, "circuitBreaker") {
        None => None,
        Some(entry) => {
            let path = "circuitBreaker";
            let entries = cx.map(&entry.value, path)?;
            cx.check_keys(
                entries,
                &["id", "max_denials", "window", "reset_after", "reason"],
                path,
            )?;
            let max = Cx::get(entries, "max_denials")
                .ok_or_else(|| cx.missing(entry.value.span, "max_denials", path))?;
            let max = cx.uint(&max.value, "circuitBreaker.max_denials", 1, 10_000)?;
            let window = Cx::get(entries, "window")
                .ok_or_else(|| cx.missing(entry.value.span, "window", path))?;
            let window_ms = cx.duration(&window.value, "circuitBreaker.window")?;
            let reset_after_ms = Cx::get(entries, "reset_after")
                .map(|e| cx.duration(&e.value, "circuitBreaker.reset_after"))
                .transpose()?;
            let rule = cx.rule_id(Some(entries), path.to_owned(), entry.key_span, path)?;
            let reason = cx.custom_reason(entries, path)?.unwrap_or_else(|| {
                format!(
                    "the session's circuit breaker is open after {max} denials; reset the session"
                )
            });
            Some(Breaker {
                rule,
                max_denials: u32::try_from(max).unwrap_or(u32::MAX),
                window_ms,
                reset_after_ms,
                reason,
            })
        }
    };

    let mut approvals = Vec::new();
    for_each_rule(
        &mut cx,
        top,
        "requireApproval",
        |cx, node, entries, path| {
            cx.check_keys(entries, &["id", "tool", "class", "when", "reason"], path)?;
            let target = cx.rule_target(node, entries, path)?;
            let when = Cx::get(entries, "when")
                .map(|e| condition::compile(cx, &e.value, &path_at(path, "when")).map(Arc::new))
                .transpose()?;
            let rule = cx.rule_id(Some(entries), path.to_owned(), node.span, path)?;
            let reason = cx.custom_reason(entries, path)?;
            approvals.push(ApprovalRule {
                rule,
                target,
                when,
                reason,
            });
            Ok(())
        },
    )?;

    // A checked tag that no rule adds is a typo: the check could never fire.
    for (id, span, path) in &cx.taint_refs {
        if !cx.taint_added[*id as usize] {
            let name = &cx.taint_names[*id as usize];
            let added = cx
                .taint_names
                .iter()
                .zip(&cx.taint_added)
                .filter(|(_, added)| **added)
                .map(|(n, _)| n.as_str());
            let err = cx.error(
                codes::UNKNOWN_TAG,
                format!("no rule adds the taint `{name}`, so this check can never match"),
                *span,
                path,
            );
            return Err(match did_you_mean(name, added) {
                Some(best) => err.with_help(format!("did you mean `{best}`?")),
                None => err.with_help(format!(
                    "add a taint rule with `action: ADD_TAINT` and `tag: {name}`"
                )),
            });
        }
    }

    // Spread the rules over the tools they name, in evaluation order.
    let mut plans = Vec::with_capacity(cx.tool_names.len());
    for tool in 0..cx.tool_names.len() {
        let tool_id = u32::try_from(tool).unwrap_or(u32::MAX);
        let mask = cx.tool_masks[tool];
        let name = cx.tool_names[tool].clone();
        let hits = |target: Target| target.matches(tool_id, mask);
        let mut plan = ToolPlan::empty(tool_id, mask);

        let direct_allow = statics
            .iter()
            .find(|s| s.allow && matches!(s.target, Target::Tool(_)) && hits(s.target));
        let class_allow = statics
            .iter()
            .find(|s| s.allow && matches!(s.target, Target::Class(_)) && hits(s.target));
        let direct_deny = statics
            .iter()
            .find(|s| !s.allow && matches!(s.target, Target::Tool(_)) && hits(s.target));
        let class_deny = statics
            .iter()
            .find(|s| !s.allow && matches!(s.target, Target::Class(_)) && hits(s.target));
        // Class ALLOW with a tool DENY is a deliberate exception; anything else is ambiguous.
        let conflict = match (direct_allow, class_allow, direct_deny, class_deny) {
            (Some(allow), _, Some(deny), _)
            | (Some(allow), _, None, Some(deny))
            | (None, Some(allow), None, Some(deny)) => Some((allow, deny)),
            _ => None,
        };
        if let Some((allow, deny)) = conflict {
            let deny_at = agentsentinel_core::Location::of_offset(source, deny.span.start);
            return Err(cx
                .error(
                    codes::ALLOWED_AND_DENIED,
                    format!(
                        "`{name}` is both allowed here and denied by `staticRules.{}` at line {}",
                        deny.key, deny_at.line
                    ),
                    allow.span,
                    &path_at("staticRules", &allow.key),
                )
                .with_help("remove one of the two rules; a DENY would win"));
        }
        if let Some(deny) = direct_deny.or(class_deny) {
            plan.deny = Some((deny.rule, format!("`{name}` is denied by a static rule")));
        }
        if let Some(allow) = direct_allow.or(class_allow) {
            plan.allow = Some((allow.rule, format!("`{name}` is allowed by a static rule")));
        }

        for rule in taints.iter().filter(|r| hits(r.target)) {
            match &rule.action {
                TaintAction::Check(forbidden) => plan.checks.push(Check::Taint {
                    rule: rule.rule,
                    reasons: forbidden
                        .iter()
                        .map(|&t| {
                            rule.reason.clone().unwrap_or_else(|| {
                                format!(
                                    "the session carries `{}`, which `{name}` refuses",
                                    cx.taint_names[t as usize]
                                )
                            })
                        })
                        .collect(),
                    forbidden: forbidden.clone().into(),
                }),
                TaintAction::Add(tags) => {
                    for &(tag, ttl) in tags {
                        plan.effects
                            .add_taints
                            .retain(|g| g.tag != cx.taint_names[tag as usize]);
                        plan.effects.add_taints.push(TaintGrant {
                            tag: cx.taint_names[tag as usize].clone(),
                            ttl_seconds: ttl.map(|ms| ms.div_ceil(1_000)),
                        });
                    }
                }
                TaintAction::Remove(tags) => {
                    for &tag in tags {
                        let tag = cx.taint_names[tag as usize].clone();
                        if !plan.effects.remove_taints.contains(&tag) {
                            plan.effects.remove_taints.push(tag);
                        }
                    }
                }
            }
            if plan.allow.is_none() {
                plan.allow = Some((
                    rule.rule,
                    format!("`{name}` passed every check of its rules"),
                ));
            }
        }
        for rule in logic.iter().filter(|r| hits(r.target)) {
            let id = &cx.rules[rule.rule as usize];
            if let Some(cond) = &rule.deny_if {
                plan.checks.push(Check::DenyIf {
                    rule: rule.rule,
                    cond: cond.clone(),
                    reason: rule
                        .reason
                        .clone()
                        .unwrap_or_else(|| format!("`{name}` matched `deny_if` of rule `{id}`")),
                });
            }
            if let Some(cond) = &rule.allow_if {
                plan.checks.push(Check::AllowIf {
                    rule: rule.rule,
                    cond: cond.clone(),
                    reason: rule.reason.clone().unwrap_or_else(|| {
                        format!("`{name}` does not satisfy `allow_if` of rule `{id}`")
                    }),
                });
            }
            // `deny_if` alone only restricts: it never makes a tool allowed.
            if plan.allow.is_none() && rule.allow_if.is_some() {
                plan.allow = Some((
                    rule.rule,
                    format!("`{name}` passed every check of its rules"),
                ));
            }
        }
        for rule in sequences.iter().filter(|r| hits(r.last)) {
            plan.checks.push(Check::Sequence {
                rule: rule.rule,
                steps: rule.steps.clone(),
                max_distance: rule.max_distance,
                approval: rule.approval,
                reason: rule.reason.clone().unwrap_or_else(|| {
                    format!(
                        "`{name}` completes the sequence of rule `{}` within {} calls",
                        cx.rules[rule.rule as usize], rule.max_distance
                    )
                }),
            });
        }
        for (slot, rule) in rate_specs
            .iter()
            .enumerate()
            .filter(|(_, r)| hits(r.target))
        {
            let spec = &rate_rules[slot];
            let slot = u32::try_from(slot).unwrap_or(u32::MAX);
            plan.checks.push(Check::Rate {
                rule: rule.rule,
                slot,
                reason_limit: rule.reason.clone().unwrap_or_else(|| {
                    format!(
                        "`{name}` reached its limit of {} calls per {} ms",
                        spec.max, spec.window_ms
                    )
                }),
                reason_cooldown: rule.reason.clone().unwrap_or_else(|| {
                    format!(
                        "`{name}` is cooling down ({} ms between calls)",
                        spec.cooldown_ms
                    )
                }),
            });
            plan.rate_slots.push(slot);
        }
        for rule in approvals.iter().filter(|r| hits(r.target)) {
            plan.approvals.push(Approval {
                rule: rule.rule,
                when: rule.when.clone(),
                reason: rule
                    .reason
                    .clone()
                    .unwrap_or_else(|| format!("`{name}` requires approval")),
            });
        }
        plan.no_checks = plan.checks.is_empty() && plan.approvals.is_empty();
        plans.push(plan);
    }

    let mut index = FastMap::default();
    for (id, name) in cx.tool_names.iter().enumerate() {
        index.insert(
            name.clone().into_boxed_str(),
            u32::try_from(id).unwrap_or(u32::MAX),
        );
    }
    let taint_index = cx
        .taint_names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            (
                n.clone().into_boxed_str(),
                u32::try_from(i).unwrap_or(u32::MAX),
            )
        })
        .collect();
    let history = cx.history;
    let tracks_ever = cx.uses_ever;
    Ok(Inner {
        id: NEXT_POLICY_ID.fetch_add(1, Ordering::Relaxed),
        origin: origin.to_owned(),
        unavailable: None,
        default_allow,
        index,
        plans,
        tool_masks: cx.tool_masks,
        tool_names: cx.tool_names,
        taint_index,
        taint_names: cx.taint_names,
        rules: cx.rules,
        rate_rules,
        breaker,
        history,
        tracks_ever,
        empty_effects: Effects::default(),
    })
}

/// Runs `f` on each mapping of the list under `key`, with its path such as `taintRules[1]`.
fn for_each_rule<'s>(
    cx: &mut Cx<'s>,
    top: &[Entry],
    key: &str,
    mut f: impl FnMut(&mut Cx<'s>, &Node, &[Entry], &str) -> Result<(), PolicyError>,
) -> Result<(), PolicyError> {
    let Some(entry) = Cx::get(top, key) else {
        return Ok(());
    };
    let items = cx.seq(&entry.value, key)?;
    for (i, item) in items.iter().enumerate() {
        let path = format!("{key}[{i}]");
        let entries = cx.map(item, &path)?;
        f(cx, item, entries, &path)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_schema_lists_exactly_the_top_level_keys() {
        let schema: Value = serde_json::from_str(include_str!("../policy.schema.json")).unwrap();
        let mut keys: Vec<&str> = schema["properties"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = TOP_KEYS.to_vec();
        keys.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys, expected);
    }
}
