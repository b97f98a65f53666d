//! Runnable Rust examples live in `examples/`; `cargo run -p agentsentinel-examples --example <name>`.
