//! `agentsentinel canonicalize`: RFC 8785 canonical bytes of the JSON on stdin.

use std::io::Write as _;
use std::process::ExitCode;

/// Arguments of `agentsentinel canonicalize` (none: JSON is read from stdin).
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Writes exactly the canonical bytes, with no trailing newline, so that
/// `agentsentinel canonicalize | sha256sum` matches `agentsentinel hash`. Exit 1 when the JSON is
/// refused.
pub fn run(_args: &Args) -> anyhow::Result<ExitCode> {
    let json = read_json_stdin()?;
    match agentsentinel::permit::canonicalize(&json) {
        Ok(bytes) => {
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => Ok(refuse(&err, &json)),
    }
}

/// Reads stdin as UTF-8; unlike free text, JSON with invalid UTF-8 is refused, never repaired.
pub fn read_json_stdin() -> anyhow::Result<String> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    String::from_utf8(bytes).map_err(|err| {
        anyhow::anyhow!(
            "stdin is not valid UTF-8 at byte {}",
            err.utf8_error().valid_up_to()
        )
    })
}

/// Prints a refused input as a rendered diagnostic and returns exit code 1.
pub fn refuse(err: &agentsentinel::permit::PermitError, json: &str) -> ExitCode {
    eprintln!("{}", agentsentinel::render(err, json));
    ExitCode::from(1)
}
