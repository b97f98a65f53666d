//! agentsentinel-input-shield (being built).
#![forbid(unsafe_code)]
