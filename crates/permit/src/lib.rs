//! agentsentinel-permit (being built).
#![forbid(unsafe_code)]
