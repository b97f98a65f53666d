#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![deny(clippy::disallowed_methods)]

mod compile;
mod condition;
mod error;
mod plan;
mod policy;
mod session;
mod source;
mod trace;
mod util;

pub use agentsentinel_core::{Decision, Effects, SessionId, TaintGrant, ToolCall};
pub use compile::{MAX_CLASSES, MAX_HISTORY};
pub use error::PolicyError;
pub use policy::{Policy, read_source};
pub use session::{SessionLimits, SessionState, SessionStore, Sessions};
pub use source::{MAX_DEPTH, MAX_NODES, MAX_POLICY_BYTES};
pub use trace::{Explanation, TraceStep};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compiled_objects_are_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Policy>();
        assert_send_sync::<Sessions>();
        assert_send_sync::<SessionState>();
        assert_send_sync::<PolicyError>();
    }
}
