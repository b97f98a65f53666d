//! `agentsentinel`: the command-line face of AgentSentinel.
//!
//! Each subcommand lives in its own module and returns the process exit code; `main` only parses
//! arguments and reports errors (exit 2).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod analyze;
mod canary;
mod canonicalize;
mod evaluate;
mod fingerprint;
mod hash;
mod input;
mod mcp_proxy;
mod permit;
mod policy;
mod spotlight;

/// AgentSentinel: the in-process security layer for AI agents.
#[derive(Debug, Parser)]
#[command(name = "agentsentinel", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Analyse TEXT (or stdin) for prompt injection and jailbreaks; exit 1 when it should be
    /// blocked. `--jsonl` streams JSON Lines from stdin.
    Analyze(analyze::Args),
    /// Print the SHA-256 fingerprint of TEXT (or of stdin when TEXT is absent).
    Fingerprint(fingerprint::Args),
    /// Issue a canary token for a system prompt, or check model output for a leak of one.
    Canary(canary::Args),
    /// Mark untrusted content (delimit, datamark or base64) before it goes into a prompt.
    Spotlight(spotlight::Args),
    /// Work with policy files (`policy check FILE`).
    Policy(policy::Args),
    /// Decide JSON Lines tool calls from stdin against a policy, one JSON decision per line.
    Evaluate(evaluate::Args),
    /// Print the RFC 8785 canonical bytes of the JSON on stdin (no trailing newline).
    Canonicalize(canonicalize::Args),
    /// Print the action hash (`sha256:<hex>`) of the JSON on stdin.
    Hash(hash::Args),
    /// Generate keys, mint and verify permits bound to one exact action (`permit --help`).
    Permit(permit::Args),
    /// Run an MCP server behind AgentSentinel: `mcp-proxy --policy FILE -- <server command…>`.
    McpProxy(mcp_proxy::Args),
    /// Review and approve pinned MCP tool definitions (`mcp-pins approve --pins FILE`).
    McpPins(mcp_proxy::pins::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze::run(&args),
        Command::Fingerprint(args) => fingerprint::run(&args),
        Command::Canary(args) => canary::run(&args),
        Command::Spotlight(args) => spotlight::run(&args),
        Command::Policy(args) => policy::run(&args),
        Command::Evaluate(args) => evaluate::run(&args),
        Command::Canonicalize(args) => canonicalize::run(&args),
        Command::Hash(args) => hash::run(&args),
        Command::Permit(args) => permit::run(&args),
        Command::McpProxy(args) => mcp_proxy::run(&args),
        Command::McpPins(args) => mcp_proxy::pins::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("agentsentinel: error: {err:#}");
            ExitCode::from(2)
        }
    }
}
