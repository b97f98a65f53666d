//! `agentsentinel evaluate --policy FILE`: JSON Lines calls in, JSON Lines decisions out.

use std::io::{BufRead as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use agentsentinel::policy::{Policy, SessionStore as _, Sessions};
use agentsentinel::{Decision, SessionId, ToolCall};
use anyhow::Context as _;
use serde::Deserialize;
use serde_json::{Value, json};

/// Arguments of `agentsentinel evaluate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The policy file. When it is missing, empty or corrupt, its diagnostics go to stderr,
    /// every call is denied (code `policy.unavailable`) and the exit code is 2.
    #[arg(long)]
    policy: PathBuf,
}

/// One input line: `{"session": "...", "tool": "...", "args": {...}, "now_ms": 0}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    session: String,
    tool: String,
    #[serde(default = "empty_object")]
    args: Value,
    /// Milliseconds on the caller's clock; the wall clock when absent.
    now_ms: Option<u64>,
}

fn empty_object() -> Value {
    Value::Object(serde_json::Map::new())
}

/// Evaluates every line of stdin in order, with per-session state, writing one line each.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let (policy, loaded) = match crate::policy::load(&args.policy) {
        Ok(policy) => (policy, true),
        Err(failure) => {
            eprintln!("{}", failure.rendered);
            let reason = format!(
                "the policy could not be loaded ({}); every call is denied",
                failure.summary
            );
            (Policy::deny_all(reason), false)
        }
    };
    let sessions = Sessions::new(policy);
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (number, line) in stdin.lock().lines().enumerate() {
        let line = line.context("could not read stdin")?;
        if line.trim().is_empty() {
            continue;
        }
        let reply = match serde_json::from_str::<Line>(&line) {
            Ok(input) => {
                let now_ms = input.now_ms.unwrap_or_else(wall_clock_ms);
                let session = SessionId::new(input.session);
                let call = ToolCall::new(input.tool, input.args);
                let decision = sessions.check(&session, &call, now_ms);
                let mut reply = serde_json::to_value(&decision)?;
                if let Value::Object(map) = &mut reply {
                    map.insert("session".to_owned(), json!(session.as_str()));
                    map.insert(
                        "taints".to_owned(),
                        json!(sessions.taints(&session, now_ms)),
                    );
                }
                reply
            }
            Err(err) => {
                let decision = Decision::deny_error(
                    "policy.malformed_call",
                    format!("line {} is not a valid call: {err}", number + 1),
                );
                let mut reply = serde_json::to_value(&decision)?;
                if let Value::Object(map) = &mut reply {
                    map.insert("error".to_owned(), json!(decision.reason()));
                    map.insert("taints".to_owned(), json!([]));
                }
                reply
            }
        };
        serde_json::to_writer(&mut out, &reply)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(if loaded {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn wall_clock_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}
