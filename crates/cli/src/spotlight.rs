//! `agentsentinel spotlight`: mark untrusted content before it goes into a prompt.

use std::process::ExitCode;

use agentsentinel::input_shield::{SpotlightMode, spotlight};
use serde_json::json;

use crate::input;

/// Arguments of `agentsentinel spotlight`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How to mark the content.
    #[arg(long, value_enum, default_value_t = Mode::Delimit)]
    mode: Mode,
    /// Print only the wrapped text, not JSON with the instruction.
    #[arg(long)]
    raw: bool,
    /// The untrusted content; stdin is read when absent.
    text: Option<String>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Mode {
    /// Wrap in tags carrying a random boundary.
    Delimit,
    /// Interleave a random marker with the words.
    Datamark,
    /// Encode as base64.
    Base64,
}

impl From<Mode> for SpotlightMode {
    fn from(mode: Mode) -> Self {
        match mode {
            Mode::Delimit => SpotlightMode::Delimit,
            Mode::Datamark => SpotlightMode::Datamark,
            Mode::Base64 => SpotlightMode::Base64,
        }
    }
}

/// Prints `{"text", "instruction", "mode"}` as JSON, or the wrapped text alone with `--raw`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let input = input::text_or_stdin(args.text.as_deref())?;
    input.warn_if_replaced();
    let wrapped = spotlight(&input.text, args.mode.into())?;
    if args.raw {
        println!("{}", wrapped.text());
    } else {
        println!("{}", serde_json::to_string_pretty(&json!(wrapped))?);
    }
    Ok(ExitCode::SUCCESS)
}
