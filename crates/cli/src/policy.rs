//! `agentsentinel policy check FILE`: load a policy and report every problem with its position.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use agentsentinel::policy::{Policy, PolicyError, read_source};

/// Arguments of `agentsentinel policy`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: PolicyCommand,
}

#[derive(Debug, clap::Subcommand)]
enum PolicyCommand {
    /// Check FILE (YAML, or JSON for `.json`): exit 0 when it loads, else print the diagnostics
    /// (source line and caret) and exit 2.
    Check {
        /// The policy file.
        file: PathBuf,
    },
}

/// Runs the subcommand.
#[expect(
    clippy::unnecessary_wraps,
    reason = "every subcommand has the signature main dispatches on"
)]
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    match &args.command {
        PolicyCommand::Check { file } => match load(file) {
            Ok(policy) => {
                println!(
                    "{}: ok ({} tools, {} rules)",
                    file.display(),
                    policy.tools().len(),
                    policy.rule_ids().len()
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(failure) => {
                eprintln!("{}", failure.rendered);
                Ok(ExitCode::from(2))
            }
        },
    }
}

/// Why a policy did not load: the diagnostics for a person, and the one-line error.
pub struct LoadFailure {
    /// Source line, caret and help, as `agentsentinel::render` draws them.
    pub rendered: String,
    /// `code: origin:line:column: message`.
    pub summary: String,
}

/// Loads the policy at `path`, or says why it did not load.
pub fn load(path: &Path) -> Result<Policy, LoadFailure> {
    let failure = |err: &PolicyError, text: &str| LoadFailure {
        rendered: agentsentinel::render(err, text),
        summary: format!("{}: {err}", agentsentinel::Diagnostic::code(err)),
    };
    let text = read_source(path).map_err(|err| failure(&err, ""))?;
    Policy::from_text(&text, &path.display().to_string()).map_err(|err| failure(&err, &text))
}
