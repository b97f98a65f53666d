//! `agentsentinel permit keygen|mint|verify`: HMAC-SHA256 permits from the shell.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use agentsentinel::Diagnostic as _;
use agentsentinel::permit::{
    KeyRing, Permit, PermitClaims, PermitSigner, PermitVerifier, Zeroizing,
};
use anyhow::{Context as _, bail};

use crate::canonicalize::{read_json_stdin, refuse};

/// Arguments of `agentsentinel permit`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Write a new random 32-byte HMAC key, as hex, to FILE (mode 0600; never overwrites).
    Keygen {
        /// Where to write the key.
        file: PathBuf,
    },
    /// Mint a permit for the action JSON on stdin; prints the token.
    Mint {
        /// Key file: at least 32 bytes, as hex or base64.
        #[arg(long)]
        key_file: PathBuf,
        /// Key id written into the permit (1–64 of `A-Z a-z 0-9 . _ -`).
        #[arg(long)]
        key_id: String,
        /// Lifetime in seconds.
        #[arg(long)]
        ttl: u64,
        /// Who may act: the agent id.
        #[arg(long)]
        subject: String,
        /// Optional scope, such as `payments`.
        #[arg(long)]
        scope: Option<String>,
        /// Optional approver, such as an email address.
        #[arg(long)]
        approver: Option<String>,
        /// Clock in seconds since the Unix epoch (default: the system clock).
        #[arg(long)]
        now: Option<u64>,
    },
    /// Verify TOKEN for the action JSON on stdin; prints the claims as JSON (exit 0) or the
    /// error code (exit 1). One process remembers no nonces: replays are caught by long-lived
    /// verifiers, not by this command.
    Verify {
        /// Key file: at least 32 bytes, as hex or base64.
        #[arg(long)]
        key_file: PathBuf,
        /// Key id the key file holds (default: the key id named in the token).
        #[arg(long)]
        key_id: Option<String>,
        /// The permit token.
        token: String,
        /// Clock leeway in seconds (at most 300).
        #[arg(long, default_value_t = PermitVerifier::DEFAULT_LEEWAY)]
        leeway: u64,
        /// Longest lifetime accepted, in seconds.
        #[arg(long, default_value_t = PermitVerifier::DEFAULT_MAX_LIFETIME)]
        max_lifetime: u64,
        /// Clock in seconds since the Unix epoch (default: the system clock).
        #[arg(long)]
        now: Option<u64>,
    },
}

/// Runs one `permit` subcommand.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    match &args.command {
        Command::Keygen { file } => keygen(file),
        Command::Mint {
            key_file,
            key_id,
            ttl,
            subject,
            scope,
            approver,
            now,
        } => {
            let secret = read_key_file(key_file)?;
            let signer = match PermitSigner::hmac(key_id, &secret) {
                Ok(signer) => signer,
                Err(err) => return Ok(report(&err)),
            };
            let mut claims = PermitClaims::new(subject.clone(), *ttl);
            if let Some(scope) = scope {
                claims = claims.scope(scope.clone());
            }
            if let Some(approver) = approver {
                claims = claims.approver(approver.clone());
            }
            let json = read_json_stdin()?;
            match signer.mint(&json, &claims, clock(*now)?) {
                Ok(token) => {
                    println!("{token}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) if err.span().is_some() => Ok(refuse(&err, &json)),
                Err(err) => Ok(report(&err)),
            }
        }
        Command::Verify {
            key_file,
            key_id,
            token,
            leeway,
            max_lifetime,
            now,
        } => {
            let secret = read_key_file(key_file)?;
            let key_id = match key_id {
                Some(id) => id.clone(),
                None => match Permit::decode_unverified(token) {
                    Ok(permit) => permit.key_id().to_owned(),
                    Err(err) => return Ok(report(&err)),
                },
            };
            let ring = match KeyRing::new().with_hmac(&key_id, &secret) {
                Ok(ring) => ring,
                Err(err) => return Ok(report(&err)),
            };
            let verifier = PermitVerifier::new(ring)
                .with_leeway(*leeway)
                .with_max_lifetime(*max_lifetime);
            let json = read_json_stdin()?;
            match verifier.verify(token, &json, clock(*now)?) {
                Ok(permit) => {
                    println!("{}", serde_json::to_string_pretty(&claims_json(&permit))?);
                    Ok(ExitCode::SUCCESS)
                }
                Err(err) if err.span().is_some() => Ok(refuse(&err, &json)),
                Err(err) => Ok(report(&err)),
            }
        }
    }
}

/// The verified claims as JSON (the shape of `test-vectors/permit/verify-*.json`).
fn claims_json(permit: &Permit) -> serde_json::Value {
    serde_json::json!({
        "algorithm": permit.algorithm().tag(),
        "key_id": permit.key_id(),
        "action_hash": permit.action_hash().to_string(),
        "subject": permit.subject(),
        "issued_at": permit.issued_at(),
        "expires_at": permit.expires_at(),
        "nonce_hex": permit.nonce_hex(),
        "scope": permit.scope(),
        "approver": permit.approver(),
    })
}

/// Prints `error[code]: message` (and help) and returns exit code 1.
fn report(err: &agentsentinel::permit::PermitError) -> ExitCode {
    eprintln!("{}", agentsentinel::render(err, ""));
    ExitCode::from(1)
}

fn clock(now: Option<u64>) -> anyhow::Result<u64> {
    if let Some(now) = now {
        return Ok(now);
    }
    Ok(std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("the system clock is before 1970")?
        .as_secs())
}

fn keygen(file: &Path) -> anyhow::Result<ExitCode> {
    use std::io::Write as _;
    let secret = agentsentinel::permit::generate_secret()?;
    let mut text = Zeroizing::new(String::with_capacity(65));
    for byte in secret.iter() {
        text.push(char::from(HEX[usize::from(byte >> 4)]));
        text.push(char::from(HEX[usize::from(byte & 15)]));
    }
    text.push('\n');
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut out = options.open(file).with_context(|| {
        format!(
            "could not create `{}` (it must not exist yet)",
            file.display()
        )
    })?;
    out.write_all(text.as_bytes())?;
    out.sync_all()?;
    Ok(ExitCode::SUCCESS)
}

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Reads a key file: hex (any case) or base64 (standard or URL-safe, padding optional),
/// surrounding whitespace ignored, at least 32 bytes.
#[expect(
    clippy::disallowed_methods,
    reason = "the CLI reads the key file the user named"
)]
fn read_key_file(path: &Path) -> anyhow::Result<Zeroizing<Vec<u8>>> {
    let text = Zeroizing::new(
        std::fs::read_to_string(path)
            .with_context(|| format!("could not read key file `{}`", path.display()))?,
    );
    let trimmed = text.trim();
    let key = decode_hex(trimmed)
        .or_else(|| decode_base64(trimmed))
        .with_context(|| format!("key file `{}` is neither hex nor base64", path.display()))?;
    if key.len() < 32 {
        bail!(
            "key file `{}` holds {} bytes; at least 32 are required (try `agentsentinel permit keygen`)",
            path.display(),
            key.len()
        );
    }
    Ok(key)
}

fn decode_hex(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    if text.is_empty()
        || !text.len().is_multiple_of(2)
        || !text.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return None;
    }
    let mut out = Zeroizing::new(Vec::with_capacity(text.len() / 2));
    for pair in text.as_bytes().chunks_exact(2) {
        let digits = std::str::from_utf8(pair).ok()?;
        out.push(u8::from_str_radix(digits, 16).ok()?);
    }
    Some(out)
}

fn decode_base64(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    let mut out = Zeroizing::new(Vec::with_capacity(text.len() * 3 / 4));
    let mut acc = 0u32;
    let mut bits = 0;
    for b in text.trim_end_matches('=').bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits).to_be_bytes()[3]);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}
