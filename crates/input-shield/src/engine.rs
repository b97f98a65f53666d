//! The compiled form of a rule set: one trie over every term of every rule (see [`crate::trie`]),
//! and the proximity logic that turns term hits into rule matches.
//!
//! The trie is walked anchored from the positions where a term can start, and each walk dies
//! after a few bytes. Most terms must start on a word boundary, so they are tried only
//! at word starts (and inside spaced-out-letter runs, where boundaries are relaxed); the thousands
//! of short terms never match inside other words. The terms that may start anywhere
//! (punctuation, turn markers, scripts written without spaces) are tried wherever their first
//! byte occurs. The result is every occurrence an unanchored overlapping search would report
//! that passes the boundary checks.

use std::collections::HashMap;

use crate::disowned::term_negated;
use crate::normalize::{Normalized, normalize, skip_lowercase};
use crate::rule::{Detector, Matcher, Rule};
use crate::trie::{TooLarge, Trie};

/// Where a term sends its hits, while the engine is built (then packed into [`Terms`]).
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

/// Every term's boundary flags and targets, packed so a walk's hit reads one 8-byte entry per
/// term (its flags and where its targets are) and attribution reads the targets as one
/// contiguous slice (a `Vec<Term>` put each term 32 bytes apart and its targets behind a
/// pointer: cache misses on the hot path).
#[derive(Debug, Default)]
struct Terms {
    /// Per term, `(from, to | flags << FLAGS_SHIFT)`: its targets are `targets[from..to]`, its
    /// flags [`CHECK_START`], [`CHECK_END`] and [`EXTEND`].
    info: Vec<(u32, u32)>,
    /// Every term's `(rule index, group index)` pairs, term after term.
    targets: Vec<(u32, u8)>,
}

/// Where a term's flags start in the second half of its [`Terms::info`].
const FLAGS_SHIFT: u32 = 29;
/// [`Terms::info`] flag: [`Term::check_start`].
const CHECK_START: u32 = 1;
/// [`Terms::info`] flag: [`Term::check_end`].
const CHECK_END: u32 = 2;
/// [`Terms::info`] flag: [`Term::extend`].
const EXTEND: u32 = 4;

impl Terms {
    fn new(terms: &[Term]) -> Result<Terms, TooLarge> {
        let mut packed = Terms::default();
        for term in terms {
            let from = u32::try_from(packed.targets.len()).map_err(|_| TooLarge)?;
            packed.targets.extend_from_slice(&term.targets);
            let to = u32::try_from(packed.targets.len()).map_err(|_| TooLarge)?;
            if to >= 1 << FLAGS_SHIFT {
                return Err(TooLarge);
            }
            let flags = if term.check_start { CHECK_START } else { 0 }
                | if term.check_end { CHECK_END } else { 0 }
                | if term.extend { EXTEND } else { 0 };
            packed.info.push((from, to | flags << FLAGS_SHIFT));
        }
        Ok(packed)
    }

    /// The flags of `term`; 0 for an unknown term.
    #[inline]
    fn flags(&self, term: usize) -> u32 {
        self.info.get(term).map_or(0, |&(_, to)| to >> FLAGS_SHIFT)
    }

    /// The `(rule index, group index)` pairs of `term`; empty for an unknown term.
    #[inline]
    fn targets(&self, term: u32) -> &[(u32, u8)] {
        self.info
            .get(term as usize)
            .and_then(|&(from, to)| {
                self.targets
                    .get(from as usize..(to & ((1 << FLAGS_SHIFT) - 1)) as usize)
            })
            .unwrap_or(&[])
    }
}

/// One term occurrence in the normalised text, attributed to a rule group.
#[derive(Debug, Clone, Copy)]
struct Hit {
    rule: u32,
    group: u8,
    start: u32,
    end: u32,
}

/// One term occurrence in the normalised text, before attribution to rules.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    term: u32,
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
    /// Every term, as a trie walked anchored; string id == term id.
    automaton: Trie,
    /// Per byte: [`WORD`] when it is a word byte, [`FLOATING`] when some term without a
    /// start-boundary check begins with it.
    start_class: [u8; 256],
    terms: Terms,
    /// Per rule, the bits of every group it has (see [`group_bit`]); 0 for built-in detectors.
    full_masks: Vec<u64>,
    /// The normalised term texts, by term id.
    patterns: Vec<String>,
    detectors: Vec<(Detector, usize)>,
}

/// [`Engine::start_class`] bit: a word byte (see [`is_word_byte`]).
const WORD: u8 = 1;
/// [`Engine::start_class`] bit: some term that may start inside a word begins with this byte.
const FLOATING: u8 = 2;

/// [`WORD`] for every word byte, nothing else.
const WORD_CLASS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b: u8 = 0;
    loop {
        if is_word_byte(b) {
            table[b as usize] = WORD;
        }
        if b == u8::MAX {
            break table;
        }
        b += 1;
    }
};

/// At most this many matches of one rule are reported (the score counts a rule once anyway).
const MAX_MATCHES_PER_RULE: usize = 4;

impl Engine {
    /// Compiles `rules`. Terms that normalise to nothing are skipped; callers validate them.
    pub fn new(rules: Vec<Rule>) -> Result<Self, TooLarge> {
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
        let full_masks = rules
            .iter()
            .map(|rule| {
                let groups = match &rule.matcher {
                    Matcher::Any(_) | Matcher::Count { .. } => 1,
                    Matcher::Near { groups, .. } | Matcher::Together { groups, .. } => groups.len(),
                    Matcher::Builtin(_) => 0,
                };
                #[expect(clippy::cast_possible_truncation, reason = "saturated by group_bit")]
                (0..groups).fold(0, |mask, g| mask | group_bit(g.min(255) as u8))
            })
            .collect();
        let mut start_class = WORD_CLASS;
        for (term, pattern) in terms.iter().zip(&patterns) {
            if !term.check_start
                && let Some(&first) = pattern.as_bytes().first()
            {
                start_class[usize::from(first)] |= FLOATING;
            }
        }
        let automaton = Trie::new(&patterns)?;
        let terms = Terms::new(&terms)?;
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
            start_class,
            terms,
            full_masks,
            patterns,
            detectors,
        })
    }

    /// An engine with no rules.
    pub fn empty() -> Self {
        Engine {
            rules: Vec::new(),
            automaton: Trie::default(),
            start_class: WORD_CLASS,
            terms: Terms::default(),
            full_masks: Vec::new(),
            patterns: Vec::new(),
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

    /// The normalised term texts the automata search for (for benchmarks).
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Every rule match in `norm`, for enabled rules only.
    pub fn find(&self, norm: &Normalized, enabled: &[bool]) -> Vec<RuleMatch> {
        let occurrences = self.occurrences(norm);
        if occurrences.is_empty() {
            return Vec::new();
        }
        let mut hits = self.attribute(&occurrences, enabled);
        if hits.is_empty() {
            return Vec::new();
        }
        sort_hits(&mut hits, self.rules.len());
        let mut out = Vec::with_capacity(hits.len().min(64));
        let mut scratch = Scratch::default();
        let mut affirmed: Vec<Hit> = Vec::new();
        for rule_hits in hits.chunk_by(|a, b| a.rule == b.rule) {
            let rule_index = rule_hits[0].rule as usize;
            let before = out.len();
            self.match_rule(rule_index, rule_hits, &mut scratch, &mut out);
            // A negatable rule's term right after a negation is not said ("AI agents: do not
            // transfer funds"): only the match's start is checked later, and a rule whose match
            // starts with who is addressed has its order in the middle. Its matches are made
            // again without such terms; only for a rule that matched, since the check costs more
            // than the proximity logic and most rules with hits in a text never match.
            let rule = &self.rules[rule_index];
            if out.len() > before && rule.unless_negated {
                // The first group of an ordered rule starts its match, which is checked anyway;
                // a one-group rule's term is its match.
                let first_checked = match rule.matcher {
                    Matcher::Near { .. } => 1,
                    Matcher::Together { .. } => 0,
                    _ => u8::MAX,
                };
                affirmed.clear();
                affirmed.extend(rule_hits.iter().filter(|h| {
                    h.group < first_checked || !term_negated(&norm.text, h.start as usize)
                }));
                if affirmed.len() < rule_hits.len() {
                    out.truncate(before);
                    self.match_rule(rule_index, &affirmed, &mut scratch, &mut out);
                }
            }
        }
        out
    }
}

impl Engine {
    /// Appends the matches of rule `rule_index` made of its `rule_hits` (sorted by start).
    fn match_rule(
        &self,
        rule_index: usize,
        rule_hits: &[Hit],
        scratch: &mut Scratch,
        out: &mut Vec<RuleMatch>,
    ) {
        let Some(&first) = rule_hits.first() else {
            return;
        };
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
                    (groups.len(), u32::from(*window)),
                    scratch,
                    out,
                );
            }
            Matcher::Together { groups, window } => {
                together(
                    rule_index,
                    rule_hits,
                    (groups.len(), u32::from(*window)),
                    scratch,
                    out,
                );
            }
            Matcher::Count { min, .. } => {
                if rule_hits.len() >= usize::from(*min) {
                    let last = rule_hits[rule_hits.len() - 1];
                    out.push(found(rule_index, first.start, last.end));
                }
            }
            Matcher::Builtin(_) => {}
        }
    }
}

impl Engine {
    /// Every term occurrence in `norm` that passes its boundary checks, in start order.
    fn occurrences(&self, norm: &Normalized) -> Vec<Occurrence> {
        let bytes = norm.text.as_bytes();
        // About one per eight bytes in plain prose, a few more in an attack: a kilobyte of
        // either never grows the vector (a copy and a second block). Not more for a long text:
        // a higher peak made glibc give the heap back and fault it in again on every call (a
        // megabyte of prose took half as long again).
        let mut occurrences: Vec<Occurrence> = Vec::with_capacity(bytes.len() / 8 + 16);
        // Relaxed ranges are sorted and disjoint: follow them with a cursor.
        let mut relaxed = 0;
        let mut prev_word = false;
        let mut start = 0;
        while let Some(&first) = bytes.get(start) {
            let class = self.start_class[usize::from(first)];
            let word = class & WORD != 0;
            let word_start = word && !prev_word;
            prev_word = word;
            if !word_start && class & FLOATING == 0 {
                start += 1;
                if norm.relaxed.is_empty() {
                    continue;
                }
                let at = start - 1;
                while relaxed < norm.relaxed.len() && norm.relaxed[relaxed].1 < at {
                    relaxed += 1;
                }
                if norm.relaxed.get(relaxed).is_none_or(|&(s, _)| s > at) {
                    continue;
                }
                start = at;
            }
            self.automaton.walk(bytes, start, |term, end| {
                self.occurrence(norm, term as usize, start, end, &mut occurrences);
            });
            start += 1;
            if word && norm.relaxed.is_empty() {
                // The rest of an ASCII word: word bytes that start no term (a term that begins
                // with an ASCII letter always needs a word boundary).
                start = skip_lowercase(bytes, start);
            }
        }
        occurrences
    }

    /// The hits of the enabled rules that can match: those with an occurrence in every group.
    fn attribute(&self, occurrences: &[Occurrence], enabled: &[bool]) -> Vec<Hit> {
        // Which groups of each enabled rule occurred at all: only rules with every group present
        // can match, and only their hits are sorted and examined (common words like `you` belong
        // to many rules).
        let mut seen = vec![0u64; self.rules.len()];
        for o in occurrences {
            for &(rule, group) in self.terms.targets(o.term) {
                if let Some(mask) = seen.get_mut(rule as usize) {
                    *mask |= group_bit(group);
                }
            }
        }
        // Decided per target rather than for every rule up front: far fewer rules occur than
        // exist.
        let complete = |rule: usize| {
            let full = self.full_masks.get(rule).copied().unwrap_or(0);
            full != 0 && seen[rule] == full && enabled.get(rule).copied().unwrap_or(false)
        };
        // Room for a few more hits than occurrences, which most kilobytes need (an attack
        // kilobyte: 158 from 134), without raising the peak for a long text.
        let mut hits: Vec<Hit> = Vec::with_capacity(occurrences.len() + 32);
        for o in occurrences {
            for &(rule, group) in self.terms.targets(o.term) {
                if complete(rule as usize) {
                    hits.push(Hit {
                        rule,
                        group,
                        start: o.start,
                        end: o.end,
                    });
                }
            }
        }
        hits
    }

    /// Records a term occurrence at `start..end` unless a word-boundary check fails.
    fn occurrence(
        &self,
        norm: &Normalized,
        term: usize,
        start: usize,
        mut end: usize,
        out: &mut Vec<Occurrence>,
    ) {
        let bytes = norm.text.as_bytes();
        if term >= self.terms.info.len() {
            return;
        }
        let flags = self.terms.flags(term);
        if flags & CHECK_START != 0
            && start > 0
            && is_word_byte(bytes[start - 1])
            && !norm.is_relaxed(start)
        {
            return;
        }
        if flags & CHECK_END != 0
            && end < bytes.len()
            && is_word_byte(bytes[end])
            && !norm.is_relaxed(end)
        {
            return;
        }
        if flags & EXTEND != 0 {
            while end < bytes.len() && is_word_byte(bytes[end]) {
                end += 1;
            }
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "inputs are cut below 4 GiB and rule sets are small"
        )]
        out.push(Occurrence {
            term: term as u32,
            start: start as u32,
            end: end as u32,
        });
    }
}

/// Sorts `hits` by (rule, start, end, group). Hits arrive in start order, so a stable bucket
/// pass by rule leaves each rule's hits nearly sorted, which the adaptive stable sort finishes
/// in about linear time (one general sort of all hits cost more than the walks that made them).
fn sort_hits(hits: &mut Vec<Hit>, rules: usize) {
    // A few hits (most texts) sort faster in place than the buckets can be set up for every rule.
    // Hits with equal keys are equal, so any sort leaves the same order.
    if hits.len() <= 32 {
        crate::sort::unstable_by_key(hits, |h| (h.rule, h.start, h.end, h.group));
        return;
    }
    let mut next = vec![0u32; rules + 1];
    for h in hits.iter() {
        if let Some(count) = next.get_mut(h.rule as usize + 1) {
            *count += 1;
        }
    }
    for i in 1..next.len() {
        next[i] += next[i - 1];
    }
    let mut sorted = vec![
        Hit {
            rule: 0,
            group: 0,
            start: 0,
            end: 0,
        };
        hits.len()
    ];
    for h in hits.iter() {
        if let Some(slot) = next.get_mut(h.rule as usize)
            && let Some(place) = sorted.get_mut(*slot as usize)
        {
            *place = *h;
            *slot += 1;
        }
    }
    for rule_hits in sorted.chunk_by_mut(|a, b| a.rule == b.rule) {
        crate::sort::by_key(rule_hits, |h| (h.start, h.end, h.group));
    }
    *hits = sorted;
}

/// The bit of a group in a rule's group mask. Groups past 63 share the last bit, so the mask only
/// ever says "maybe complete" too often, never too rarely.
fn group_bit(group: u8) -> u64 {
    1 << group.min(63)
}

fn found(rule: usize, start: u32, end: u32) -> RuleMatch {
    RuleMatch {
        rule,
        start: start as usize,
        end: end as usize,
    }
}

/// Up to this many recent chains per group are kept by [`near`], so an overlapping later hit
/// (`execute` inside `execute command`) does not hide an earlier chain that the next group can
/// extend.
const CHAIN_HISTORY: usize = 4;

/// The most recent chains ending in one group, newest last, as a ring of [`CHAIN_HISTORY`].
#[derive(Debug, Clone, Copy, Default)]
struct Chains {
    ring: [(u32, u32); CHAIN_HISTORY],
    /// Chains pushed so far (only the last [`CHAIN_HISTORY`] are kept).
    pushed: usize,
}

impl Chains {
    fn push(&mut self, chain: (u32, u32)) {
        self.ring[self.pushed % CHAIN_HISTORY] = chain;
        self.pushed += 1;
    }

    /// The kept chains, newest first.
    fn newest_first(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        (0..self.pushed.min(CHAIN_HISTORY))
            .map(move |back| self.ring[(self.pushed - 1 - back) % CHAIN_HISTORY])
    }
}

/// Per-call scratch for [`near`] and [`together`], reused from rule to rule.
#[derive(Debug, Default)]
struct Scratch {
    chains: Vec<Chains>,
    last: Vec<Option<(u32, u32)>>,
}

/// Ordered chains: group 0, then group 1 within `window` bytes after it, and so on. For each
/// group we remember the best (latest-starting) chain ending in that group, so this is linear.
fn near(
    rule: usize,
    hits: &[Hit],
    (groups, window): (usize, u32),
    scratch: &mut Scratch,
    out: &mut Vec<RuleMatch>,
) {
    let chains = &mut scratch.chains;
    chains.clear();
    chains.resize(groups, Chains::default());
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
                .newest_first()
                .find(|&(_, end)| h.start >= end && h.start - end <= window)
                .map(|(start, _)| (start, h.end))
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
            chains[g].push(chain);
        }
    }
}

/// Unordered: every group seen within `window` bytes.
fn together(
    rule: usize,
    hits: &[Hit],
    (groups, window): (usize, u32),
    scratch: &mut Scratch,
    out: &mut Vec<RuleMatch>,
) {
    let last = &mut scratch.last;
    last.clear();
    last.resize(groups, None);
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
        for slot in last.iter() {
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

const fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Word-boundary checks apply to letters and digits of scripts written with spaces.
fn needs_boundary(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c as u32, 0x0E00..=0x0EFF | 0x1000..=0x109F | 0x1780..=0x17FF | 0x3040..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Both ways of sorting hits (in place when few, by rule buckets when many) order them
        /// by rule, start, end and group.
        #[test]
        fn hits_sort_by_rule_start_end_group(
            raw in proptest::collection::vec((0u32..12, 0u8..3, 0u32..40, 0u32..8), 0..90)
        ) {
            let mut hits: Vec<Hit> = raw
                .iter()
                .map(|&(rule, group, start, len)| Hit { rule, group, start, end: start + len })
                .collect();
            let key = |h: &Hit| (h.rule, h.start, h.end, h.group);
            let mut expected: Vec<_> = hits.iter().map(key).collect();
            expected.sort_unstable();
            sort_hits(&mut hits, 12);
            proptest::prop_assert_eq!(hits.iter().map(key).collect::<Vec<_>>(), expected);
        }

        /// The chain ring keeps what a list that drops its oldest entry past
        /// [`CHAIN_HISTORY`] keeps, newest first.
        #[test]
        fn chain_ring_is_a_bounded_list(pushes in proptest::collection::vec((0u32..50, 0u32..50), 0..12)) {
            let mut ring = Chains::default();
            let mut list: Vec<(u32, u32)> = Vec::new();
            for chain in pushes {
                ring.push(chain);
                if list.len() == CHAIN_HISTORY {
                    list.remove(0);
                }
                list.push(chain);
                let newest_first: Vec<_> = list.iter().rev().copied().collect();
                proptest::prop_assert_eq!(ring.newest_first().collect::<Vec<_>>(), newest_first);
            }
        }
    }

    /// Every term of the built-in library, walked from its own first byte, is found: the trie
    /// lost none of them while packing thousands of terms into one double array.
    #[test]
    fn the_trie_finds_every_built_in_term() {
        let engine = Engine::new(crate::library::builtin_rules()).expect("library compiles");
        let mut lost = Vec::new();
        for (id, pattern) in engine.patterns().iter().enumerate() {
            let mut found = false;
            engine.automaton.walk(pattern.as_bytes(), 0, |term, end| {
                found |= term as usize == id && end == pattern.len();
            });
            if !found {
                lost.push(pattern.clone());
            }
        }
        assert!(
            lost.is_empty(),
            "{} terms lost, such as {:?}",
            lost.len(),
            &lost[..lost.len().min(10)]
        );
    }
}
