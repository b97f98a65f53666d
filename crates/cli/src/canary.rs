//! `agentsentinel canary`: issue a canary token, or check model output for a leak of one.

use std::process::ExitCode;

use agentsentinel::input_shield::{CanaryManager, CanaryToken};
use anyhow::Context as _;
use serde_json::json;

use crate::input;

/// Arguments of `agentsentinel canary`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print a fresh canary token and the instruction to embed in a system prompt, as JSON.
    New,
    /// Check TEXT (or stdin) for a leak of TOKEN; print the leaks as JSON, exit 1 when leaked.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// The canary token, as printed by `agentsentinel canary new`.
    #[arg(long)]
    token: String,
    /// The model output; stdin is read when absent.
    text: Option<String>,
}

/// Runs the subcommand: exit 0, or 1 when `check` found a leak.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let canaries = CanaryManager::new();
    match &args.command {
        Command::New => {
            let token = canaries.issue()?;
            let out = json!({ "token": token, "instruction": token.instruction() });
            println!("{}", serde_json::to_string_pretty(&out)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Check(check) => {
            let token = CanaryToken::parse(&check.token).context("bad `--token`")?;
            canaries.register(token)?;
            let input = input::text_or_stdin(check.text.as_deref())?;
            input.warn_if_replaced();
            let leaks = canaries.check(&input.text);
            let out = json!({ "leaked": !leaks.is_empty(), "leaks": leaks });
            println!("{}", serde_json::to_string_pretty(&out)?);
            Ok(if leaks.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
