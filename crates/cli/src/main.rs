//! `agentsentinel`: the command-line face of AgentSentinel.
//!
//! Each subcommand lives in its own module and returns the process exit code; `main` only parses
//! arguments and reports errors (exit 2).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod fingerprint;
mod input;

/// AgentSentinel: the in-process security layer for AI agents.
#[derive(Debug, Parser)]
#[command(name = "agentsentinel", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the SHA-256 fingerprint of TEXT (or of stdin when TEXT is absent).
    Fingerprint(fingerprint::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Fingerprint(args) => fingerprint::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("agentsentinel: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
