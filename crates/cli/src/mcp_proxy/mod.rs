//! `agentsentinel mcp-proxy --policy FILE [options] -- <server command…>`: sits between an MCP
//! client (on this process's stdin/stdout) and an MCP server it spawns, both speaking
//! newline-delimited JSON-RPC (MCP stdio, both protocol generations).
//!
//! Threads: one reader and one writer per direction, joined by bounded channels, so each
//! direction keeps its order and a writer flushes after every line; the main thread supervises
//! (client EOF, SIGTERM/SIGINT/SIGHUP, parent death, server exit).

mod framing;
pub(crate) mod pins;
mod relay;
mod supervise;

use std::io::{self, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use agentsentinel::guard::{Guard, JsonlAuditSink, SpotlightScope};
use agentsentinel::input_shield::SpotlightMode;
use agentsentinel::permit::{KeyRing, PermitVerifier};
use agentsentinel::policy::Policy;
use agentsentinel::{Diagnostic as _, SessionId};
use anyhow::Context as _;
use parking_lot::Mutex;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use framing::{Frame, LineReader};
use relay::{DenyMode, Line, Relay};

/// Default `--max-line-bytes`: 16 MiB.
const DEFAULT_MAX_LINE: usize = 16 * 1024 * 1024;

/// Arguments of `agentsentinel mcp-proxy`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Policy file (YAML or JSON). When it is missing or invalid every call is denied, and the
    /// reason is written to stderr.
    #[arg(long)]
    policy: PathBuf,
    /// Session id for policy state and audit records.
    #[arg(long, default_value = "mcp")]
    session: String,
    /// HMAC key file (hex, as written by `agentsentinel permit keygen`) whose permits approve
    /// calls that need approval; without it such calls are refused.
    #[arg(long)]
    permit_key: Option<PathBuf>,
    /// Key id of `--permit-key`.
    #[arg(long, default_value = "approvals")]
    permit_key_id: String,
    /// Append one JSON record per decision to this file (JSON Lines).
    #[arg(long)]
    audit: Option<PathBuf>,
    /// Put call arguments into audit records (off: they often hold personal data).
    #[arg(long)]
    audit_arguments: bool,
    /// Spotlight flagged tool output (text content and the strings of structuredContent):
    /// `delimit`, `datamark` or `base64`.
    #[arg(long)]
    spotlight: Option<String>,
    /// Spotlight every tool output, not only flagged ones.
    #[arg(long, requires = "spotlight")]
    spotlight_all: bool,
    /// Taint a flagged tool output adds to the session.
    #[arg(long, default_value = "untrusted")]
    output_taint: String,
    /// Pin file: tools whose definition (or the server's instructions) differ from it are
    /// blocked until `agentsentinel mcp-pins approve --pins FILE`.
    #[arg(long)]
    pins: Option<PathBuf>,
    /// How a denied call is answered: a result with `isError` (default) or a JSON-RPC error
    /// with code -31001.
    #[arg(long, value_enum, default_value_t = DenyMode::Result)]
    deny_mode: DenyMode,
    /// Longest accepted line (one message), in bytes; longer ones are refused, never truncated.
    #[arg(long, default_value_t = DEFAULT_MAX_LINE)]
    max_line_bytes: usize,
    /// How long to wait for the server after closing its stdin, and again after SIGTERM.
    #[arg(long, default_value_t = 2000)]
    shutdown_grace_ms: u64,
    /// The server command and its arguments, after `--`.
    #[arg(last = true, required = true, num_args = 1..)]
    command: Vec<String>,
}

enum Event {
    ClientEof,
    UpstreamClosed,
    Signal(i32),
}

/// Runs the proxy until the client or the server goes away.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let guard = build_guard(args)?;
    let pins = match &args.pins {
        None => None,
        Some(path) => Some(pins::Pins::load(path)?),
    };
    let max = args.max_line_bytes.max(1024);
    let grace = Duration::from_millis(args.shutdown_grace_ms);
    let parent = supervise::parent();
    let (events, event_rx) = mpsc::channel::<Event>();
    let mut signals =
        Signals::new([SIGTERM, SIGINT, SIGHUP]).context("could not install signal handlers")?;

    let mut child = supervise::spawn(&args.command)
        .with_context(|| format!("could not start `{}`", args.command.join(" ")))?;
    let (Some(child_in), Some(child_out)) = (child.stdin.take(), child.stdout.take()) else {
        anyhow::bail!("the server's stdin/stdout are not pipes");
    };

    let (to_client, client_rx) = mpsc::sync_channel::<Line>(256);
    let (to_upstream, upstream_rx) = mpsc::sync_channel::<Option<Line>>(256);
    let (flushed, flushed_rx) = mpsc::channel::<()>();
    let relay = Arc::new(Relay {
        guard,
        session: SessionId::new(args.session.clone()),
        deny_mode: args.deny_mode,
        pins,
        to_client: to_client.clone(),
        to_upstream: to_upstream.clone(),
        state: Mutex::default(),
    });

    // Client writer: an empty line is a flush barrier for the supervisor.
    thread::spawn(move || {
        let mut out = io::stdout().lock();
        for line in client_rx {
            if line.is_empty() {
                let _ = flushed.send(());
                continue;
            }
            if out.write_all(&line).and_then(|()| out.flush()).is_err() {
                break;
            }
        }
    });
    // Upstream writer: `None` closes the server's stdin.
    thread::spawn(move || {
        let mut input = child_in;
        for line in upstream_rx {
            let Some(line) = line else { break };
            if input.write_all(&line).and_then(|()| input.flush()).is_err() {
                break;
            }
        }
    });
    spawn_reader(io::stdin(), max, relay.clone(), true, events.clone());
    let upstream_reader = spawn_reader(child_out, max, relay.clone(), false, events.clone());
    {
        let events = events.clone();
        thread::spawn(move || {
            for signal in signals.forever() {
                if events.send(Event::Signal(signal)).is_err() {
                    break;
                }
            }
        });
    }
    drop(events);

    let (reason, mut code) = loop {
        match event_rx.recv_timeout(Duration::from_millis(200)) {
            Ok(Event::ClientEof) => break ("the client closed stdin", 0u8),
            Ok(Event::UpstreamClosed) => break ("the server closed its output", 1),
            Ok(Event::Signal(signal)) => {
                break (
                    "a signal",
                    128u8.saturating_add(u8::try_from(signal).unwrap_or(0)),
                );
            }
            Err(RecvTimeoutError::Timeout) if supervise::parent_died(parent) => {
                break ("the parent process died", 1);
            }
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => break ("all threads ended", 1),
        }
    };
    eprintln!("agentsentinel mcp-proxy: shutting down: {reason}");
    // Close the server's stdin (unless its writer is stuck on a full pipe), then wait, SIGTERM
    // and SIGKILL the server's whole process group.
    let _ = to_upstream.try_send(None);
    let status = supervise::shut_down(&mut child, grace);
    if code == 0 && status.is_some_and(|s| s != 0) {
        code = 1;
    }
    // The server's output is closed now: let the reader answer what is still pending, then
    // make sure the client writer has written everything before exiting.
    let _ = upstream_reader.join();
    let _ = to_client.send(Vec::new());
    let _ = flushed_rx.recv_timeout(Duration::from_secs(2));
    Ok(ExitCode::from(code))
}

/// Reads frames from the client (`from_client`) or the server and hands them to the relay;
/// reports the end of input.
fn spawn_reader(
    input: impl io::Read + Send + 'static,
    max: usize,
    relay: Arc<Relay>,
    from_client: bool,
    events: mpsc::Sender<Event>,
) -> thread::JoinHandle<()> {
    thread::spawn(move || {
        let mut reader = LineReader::new(BufReader::with_capacity(64 * 1024, input), max);
        let mut buf = Vec::new();
        loop {
            match reader.next_frame(&mut buf) {
                Ok(Frame::Line(line)) if line.iter().all(u8::is_ascii_whitespace) => {}
                Ok(Frame::Line(line)) if from_client => relay.handle_client(line),
                Ok(Frame::Line(line)) => relay.handle_upstream(line),
                Ok(Frame::TooLong { id, len }) => relay.too_long(from_client, id, len, max),
                Ok(Frame::Eof) | Err(_) => break,
            }
        }
        if from_client {
            let _ = events.send(Event::ClientEof);
        } else {
            relay.upstream_closed();
            let _ = events.send(Event::UpstreamClosed);
        }
    })
}

fn build_guard(args: &Args) -> anyhow::Result<Guard> {
    let policy = Policy::from_path(&args.policy).unwrap_or_else(|err| {
        eprintln!(
            "agentsentinel mcp-proxy: error[{}]: {err}; every tool call will be denied",
            err.code()
        );
        Policy::deny_all(format!(
            "the policy `{}` could not be loaded ({})",
            args.policy.display(),
            err.code()
        ))
    });
    let mut builder = Guard::builder(policy)
        .audit_arguments(args.audit_arguments)
        .output_taint(Some(&args.output_taint));
    if let Some(path) = &args.permit_key {
        let secret = read_hex_key(path)?;
        let keys = KeyRing::new().with_hmac(&args.permit_key_id, &secret)?;
        builder = builder.permit_verifier(PermitVerifier::new(keys));
    }
    if let Some(path) = &args.audit {
        let sink = JsonlAuditSink::create(path)
            .with_context(|| format!("could not open the audit file `{}`", path.display()))?;
        builder = builder.audit(Arc::new(sink));
    }
    if let Some(mode) = &args.spotlight {
        let mode: SpotlightMode = mode.parse()?;
        let scope = if args.spotlight_all {
            SpotlightScope::All
        } else {
            SpotlightScope::Flagged
        };
        builder = builder.spotlight(mode, scope);
    }
    Ok(builder.build())
}

#[expect(
    clippy::disallowed_methods,
    reason = "the CLI reads the key file the user named"
)]
fn read_hex_key(path: &Path) -> anyhow::Result<Vec<u8>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("could not read key file `{}`", path.display()))?;
    let text = text.trim();
    let bytes: Option<Vec<u8>> = (text.len() % 2 == 0)
        .then(|| {
            (0..text.len())
                .step_by(2)
                .map(|i| {
                    text.get(i..i + 2)
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                })
                .collect()
        })
        .flatten();
    bytes.with_context(|| format!("key file `{}` is not hex", path.display()))
}
