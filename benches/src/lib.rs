//! Criterion benchmarks of AgentSentinel live in `benches/`; `cargo bench -p agentsentinel-benches`.
