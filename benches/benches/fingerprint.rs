//! Fingerprint (SHA-256 hex) of a 1 KiB prompt and a 1 MiB document.
#![allow(missing_docs, reason = "criterion macros generate undocumented items")]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn fingerprint(c: &mut Criterion) {
    let mut group = c.benchmark_group("fingerprint");
    for (name, len) in [("1KiB", 1024), ("1MiB", 1 << 20)] {
        let text = "The quick brown fox jumps over the lazy dog. ".repeat(len / 45 + 1);
        let text = &text[..len];
        group.throughput(Throughput::Bytes(len as u64));
        group.bench_function(name, |b| {
            b.iter(|| agentsentinel::fingerprint(black_box(text)));
        });
    }
    group.finish();
}

criterion_group!(benches, fingerprint);
criterion_main!(benches);
