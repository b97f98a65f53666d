//! `InputShield::analyze` on a 1 KiB benign prompt, a 1 KiB attack and a 1 MiB document, next to
//! a plain `aho-corasick` search with the engine's own patterns (the normalised rule terms) and the
//! engine's match semantics (every overlapping occurrence, `MatchKind::Standard`) over the same
//! text, lowercased beforehand. The plain search uses the library's fastest automaton (a DFA); the
//! shield instead walks a double-array trie of the same terms anchored from word starts only, which
//! is why it can beat the plain search even though it also normalises, checks boundaries and
//! scores.
#![allow(missing_docs, reason = "criterion macros generate undocumented items")]
#![allow(clippy::unwrap_used, reason = "a panic here is a failed bench")]

use std::hint::black_box;

use agentsentinel_input_shield::InputShield;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// The 1 KiB texts every binding's benchmark times too (`benches/texts/`), so the figures
/// compare the same bytes.
const BENIGN_1KIB: &str = include_str!("../texts/benign-1KiB.txt");
const ATTACK_1KIB: &str = include_str!("../texts/attack-1KiB.txt");

fn sized(text: &str, len: usize) -> String {
    let mut out = text.repeat(len / text.len() + 1);
    let mut end = len;
    while !out.is_char_boundary(end) {
        end -= 1;
    }
    out.truncate(end);
    out
}

/// The shield's normalised rule terms as one plain automaton: what matching alone costs.
fn raw_automaton(shield: &InputShield) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(shield.term_patterns())
        .unwrap()
}

fn analyze(c: &mut Criterion) {
    let shield = InputShield::default();
    let raw = raw_automaton(&shield);
    let mut group = c.benchmark_group("analyze");
    let inputs = [
        ("benign_1KiB", BENIGN_1KIB.to_owned()),
        ("attack_1KiB", ATTACK_1KIB.to_owned()),
        ("doc_1MiB", sized(BENIGN_1KIB, 1 << 20)),
    ];
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("shield/{name}"), |b| {
            b.iter(|| shield.analyze(black_box(text)));
        });
        let lowered = text.to_lowercase();
        group.bench_function(format!("raw_aho_corasick/{name}"), |b| {
            b.iter(|| {
                raw.find_overlapping_iter(black_box(lowered.as_bytes()))
                    .count()
            });
        });
    }
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
