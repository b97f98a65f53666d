//! `agentsentinel hash`: the action hash (`sha256:<hex>`) of the JSON on stdin.

use std::process::ExitCode;

use crate::canonicalize::{read_json_stdin, refuse};

/// Arguments of `agentsentinel hash` (none: JSON is read from stdin).
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Prints `sha256:<64 hex>` and a newline; exit 1 when the JSON is refused.
pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    let json = read_json_stdin()?;
    match agentsentinel::permit::action_hash(&json) {
        Ok(hash) => {
            println!("{hash}");
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Ok(refuse(&err, &json)),
    }
}
