//! Canary leak check of a 4 KiB model output (1 and 100 live tokens, clean and leaking), and
//! spotlighting of a 4 KiB document in each mode.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed bench")]
#![allow(missing_docs, reason = "criterion macros generate undocumented items")]

use std::hint::black_box;

use agentsentinel::input_shield::{CanaryManager, SpotlightMode, spotlight};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const LEN: usize = 4096;

fn text() -> String {
    let text = "The quick brown fox jumps over the lazy dog, 42 times. ".repeat(LEN / 55 + 1);
    text[..LEN].to_owned()
}

fn canary(c: &mut Criterion) {
    let mut group = c.benchmark_group("canary_check_4KiB");
    group.throughput(Throughput::Bytes(LEN as u64));
    for tokens in [1, 100] {
        let canaries = CanaryManager::new();
        let issued: Vec<_> = (0..tokens).map(|_| canaries.issue().unwrap()).collect();
        let clean = text();
        let mut leaking = text();
        leaking.replace_range(2000..2000 + issued[0].as_str().len(), issued[0].as_str());
        let _ = canaries.check(""); // compile the automata outside the measurement
        group.bench_function(format!("{tokens}_tokens_clean"), |b| {
            b.iter(|| canaries.check(black_box(&clean)));
        });
        group.bench_function(format!("{tokens}_tokens_leak"), |b| {
            b.iter(|| canaries.check(black_box(&leaking)));
        });
    }
    group.finish();
}

fn spotlighting(c: &mut Criterion) {
    let mut group = c.benchmark_group("spotlight_4KiB");
    group.throughput(Throughput::Bytes(LEN as u64));
    let document = text();
    for mode in SpotlightMode::ALL {
        group.bench_function(mode.as_str(), |b| {
            b.iter(|| spotlight(black_box(&document), mode).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, canary, spotlighting);
criterion_main!(benches);
