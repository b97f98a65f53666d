//! The compiled form of a rule set: one Aho-Corasick automaton over every term of every rule,
//! and the proximity logic that turns term hits into rule matches.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::normalize::{Normalized, normalize};
use crate::rule::{Detector, Matcher, Rule};

/// Where a term sends its hits.
#[derive(Debug, Clone)]
struct Term {
    check_start: bool,
    check_end: bool,
    /// A prefix term in a spaced script: the match is extended to the end of the word, so the
    /// span covers `instructions`, not just `instruct`.
    extend: bool,
    /// `(rule index, group index)` pairs this term belongs to.
    targets: Vec<(u32, u8)>,
}

/// One term occurrence in the normalised text, attributed to a rule group.
#[derive(Debug, Clone, Copy)]
struct Hit {
    rule: u32,
    group: u8,
    start: u32,
    end: u32,
}

/// A rule match in normalised byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RuleMatch {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
}

/// Rules compiled into one automaton.
#[derive(Debug)]
pub(crate) struct Engine {
    pub rules: Vec<Rule>,
    automaton: Option<AhoCorasick>,
    terms: Vec<Term>,
    detectors: Vec<(Detector, usize)>,
}

/// At most this many matches of one rule are reported (the score counts a rule once anyway).
const MAX_MATCHES_PER_RULE: usize = 4;

impl Engine {
    /// Compiles `rules`. Terms that normalise to nothing are skipped; callers validate them.
    pub fn new(rules: Vec<Rule>) -> Result<Self, aho_corasick::BuildError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut index: HashMap<(String, bool), usize> = HashMap::new();
        for (rule_index, rule) in rules.iter().enumerate() {
            let groups: Vec<&Vec<String>> = match &rule.matcher {
                Matcher::Any(terms) | Matcher::Count { terms, .. } => vec![terms],
                Matcher::Near { groups, .. } | Matcher::Together { groups, .. } => {
                    groups.iter().collect()
                }
                Matcher::Builtin(_) => Vec::new(),
            };
            for (group_index, group) in groups.into_iter().enumerate() {
                for raw in group {
                    let Some((text, prefix)) = compile_term(raw) else {
                        continue;
                    };
                    let id = *index.entry((text.clone(), prefix)).or_insert_with(|| {
                        let first = text.chars().next().unwrap_or(' ');
                        let last = text.chars().last().unwrap_or(' ');
                        terms.push(Term {
                            check_start: needs_boundary(first),
                            check_end: !prefix && needs_boundary(last),
                            extend: prefix && needs_boundary(last),
                            targets: Vec::new(),
                        });
                        patterns.push(text);
                        terms.len() - 1
                    });
                    #[expect(clippy::cast_possible_truncation, reason = "rule sets are small")]
                    let target = (rule_index as u32, group_index as u8);
                    if !terms[id].targets.contains(&target) {
                        terms[id].targets.push(target);
                    }
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&patterns)?,
            )
        };
        let detectors = rules
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| match rule.matcher {
                Matcher::Builtin(detector) => Some((detector, i)),
                _ => None,
            })
            .collect();
        Ok(Engine {
            rules,
            automaton,
            terms,
            detectors,
        })
    }

    /// An engine with no rules.
    pub fn empty() -> Self {
        Engine {
            rules: Vec::new(),
            automaton: None,
            terms: Vec::new(),
            detectors: Vec::new(),
        }
    }

    /// Index of the rule implementing a built-in detector.
    pub fn detector_rule(&self, detector: Detector) -> Option<usize> {
        self.detectors
            .iter()
            .find(|(d, _)| *d == detector)
            .map(|&(_, i)| i)
    }

    /// Every rule match in `norm`, for enabled rules only.
    pub fn find(&self, norm: &Normalized, enabled: &[bool]) -> Vec<RuleMatch> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let bytes = norm.text.as_bytes();
        let mut hits: Vec<Hit> = Vec::new();
        for m in automaton.find_overlapping_iter(bytes) {
            let term = &self.terms[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if term.check_start
                && start > 0
                && is_word_byte(bytes[start - 1])
                && !norm.is_relaxed(start)
            {
                continue;
            }
            if term.check_end
                && end < bytes.len()
                && is_word_byte(bytes[end])
                && !norm.is_relaxed(end)
            {
                continue;
            }
            if term.extend {
                while end < bytes.len() && is_word_byte(bytes[end]) {
                    end += 1;
                }
            }
            for &(rule, group) in &term.targets {
                if enabled.get(rule as usize).copied().unwrap_or(false) {
                    #[expect(
                        clippy::cast_possible_truncation,
                        reason = "inputs are cut below 4 GiB"
                    )]
                    hits.push(Hit {
                        rule,
                        group,
                        start: start as u32,
                        end: end as u32,
                    });
                }
            }
        }
        if hits.is_empty() {
            return Vec::new();
        }
        hits.sort_unstable_by_key(|h| (h.rule, h.start, h.end));
        let mut out = Vec::new();
        for rule_hits in hits.chunk_by(|a, b| a.rule == b.rule) {
            let rule_index = rule_hits[0].rule as usize;
            let before = out.len();
            match &self.rules[rule_index].matcher {
                Matcher::Any(_) => {
                    let mut last_end = 0;
                    for h in rule_hits {
                        if h.start >= last_end {
                            out.push(found(rule_index, h.start, h.end));
                            last_end = h.end;
                        }
                        if out.len() - before >= MAX_MATCHES_PER_RULE {
                            break;
                        }
                    }
                }
                Matcher::Near { groups, window } => {
                    near(
                        rule_index,
                        rule_hits,
                        groups.len(),
                        u32::from(*window),
                        &mut out,
                    );
                }
                Matcher::Together { groups, window } => {
                    together(
                        rule_index,
                        rule_hits,
                        groups.len(),
                        u32::from(*window),
                        &mut out,
                    );
                }
                Matcher::Count { min, .. } => {
                    if rule_hits.len() >= usize::from(*min) {
                        let first = rule_hits[0];
                        let last = rule_hits[rule_hits.len() - 1];
                        out.push(found(rule_index, first.start, last.end));
                    }
                }
                Matcher::Builtin(_) => {}
            }
        }
        out
    }
}

fn found(rule: usize, start: u32, end: u32) -> RuleMatch {
    RuleMatch {
        rule,
        start: start as usize,
        end: end as usize,
    }
}

/// Ordered chains: group 0, then group 1 within `window` bytes after it, and so on. For each
/// group we remember the best (latest-starting) chain ending in that group, so this is linear.
fn near(rule: usize, hits: &[Hit], groups: usize, window: u32, out: &mut Vec<RuleMatch>) {
    // Up to CHAIN_HISTORY recent chains per group, so an overlapping later hit (`execute` inside
    // `execute command`) does not hide an earlier chain that the next group can extend.
    const CHAIN_HISTORY: usize = 4;
    let mut chains: Vec<Vec<(u32, u32)>> = vec![Vec::new(); groups];
    let mut emitted = 0;
    let mut last_end = 0;
    for h in hits {
        let g = usize::from(h.group);
        if g >= groups {
            continue;
        }
        let extended = if g == 0 {
            Some((h.start, h.end))
        } else {
            chains[g - 1]
                .iter()
                .rev()
                .find(|&&(_, end)| h.start >= end && h.start - end <= window)
                .map(|&(start, _)| (start, h.end))
        };
        let Some(chain) = extended else { continue };
        if g + 1 == groups {
            if chain.0 >= last_end {
                out.push(found(rule, chain.0, chain.1));
                last_end = chain.1;
                emitted += 1;
                if emitted >= MAX_MATCHES_PER_RULE {
                    return;
                }
            }
        } else {
            if chains[g].len() == CHAIN_HISTORY {
                chains[g].remove(0);
            }
            chains[g].push(chain);
        }
    }
}

/// Unordered: every group seen within `window` bytes.
fn together(rule: usize, hits: &[Hit], groups: usize, window: u32, out: &mut Vec<RuleMatch>) {
    let mut last: Vec<Option<(u32, u32)>> = vec![None; groups];
    let mut emitted = 0;
    let mut last_end = 0;
    for h in hits {
        let g = usize::from(h.group);
        if g >= groups {
            continue;
        }
        last[g] = Some((h.start, h.end));
        let mut first_start = u32::MAX;
        let mut all = true;
        for slot in &last {
            match slot {
                Some((start, _)) => first_start = first_start.min(*start),
                None => all = false,
            }
        }
        if all && h.end - first_start <= window && first_start >= last_end {
            out.push(found(rule, first_start, h.end));
            last_end = h.end;
            last.fill(None);
            emitted += 1;
            if emitted >= MAX_MATCHES_PER_RULE {
                return;
            }
        }
    }
}

/// Normalises a rule term. Returns the pattern and whether it is a prefix term.
pub(crate) fn compile_term(raw: &str) -> Option<(String, bool)> {
    let (body, prefix) = match raw.strip_suffix('*') {
        Some(body) if !body.is_empty() => (body, true),
        _ => (raw, false),
    };
    let text = normalize(body).text;
    let mut text = text.trim_matches(' ').to_owned();
    // A leading newline anchors a term (such as a turn marker) to the start of a line.
    if body.starts_with('\n') && !text.starts_with('\n') && !text.is_empty() {
        text.insert(0, '\n');
    }
    if text.is_empty() {
        None
    } else {
        Some((text, prefix))
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Word-boundary checks apply to letters and digits of scripts written with spaces.
fn needs_boundary(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}
