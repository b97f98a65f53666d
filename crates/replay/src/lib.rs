//! agentsentinel-replay (being built).
#![forbid(unsafe_code)]
