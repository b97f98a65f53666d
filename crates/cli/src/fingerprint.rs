//! `agentsentinel fingerprint`: SHA-256 of a text.

use std::process::ExitCode;

use crate::input;

/// Arguments of `agentsentinel fingerprint`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text; stdin is read when absent. Stdin is hashed byte for byte as UTF-8 (invalid
    /// sequences are replaced by U+FFFD first, with a warning).
    text: Option<String>,
}

/// Prints the fingerprint followed by a newline.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let input = input::text_or_stdin(args.text.as_deref())?;
    if let Some(offset) = input.first_invalid_utf8 {
        eprintln!(
            "agentsentinel: warning: stdin is not valid UTF-8 at byte {offset}; invalid bytes were replaced by U+FFFD"
        );
    }
    println!("{}", agentsentinel::fingerprint(&input.text));
    Ok(ExitCode::SUCCESS)
}
