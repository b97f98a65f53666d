//! agentsentinel-policy (being built).
#![forbid(unsafe_code)]
