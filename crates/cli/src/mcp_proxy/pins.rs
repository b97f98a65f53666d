//! Tool pinning: the canonical hash (RFC 8785 via `agentsentinel::permit`) of each tool's
//! definition and of the server's instructions, kept in a JSON pin file. A tool whose hash is not
//! in the file (new or changed), or every tool when the instructions changed, is blocked; what
//! the proxy saw is written next to the pin file (`FILE.pending`) so that
//! `agentsentinel mcp-pins approve --pins FILE` can show the diff and approve it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use agentsentinel::permit::action_hash_value;
use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The members of a tool definition that are pinned.
const PINNED_FIELDS: [&str; 5] = [
    "name",
    "description",
    "inputSchema",
    "outputSchema",
    "annotations",
];

/// A pin file (and a pending file, which has the same shape).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PinFile {
    /// Format version, 1.
    #[serde(default = "one")]
    version: u32,
    /// The server's instructions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    instructions: Option<Pinned>,
    /// Tool name → pinned definition.
    #[serde(default)]
    tools: BTreeMap<String, Pinned>,
}

fn one() -> u32 {
    1
}

/// One pinned item: its hash and what was hashed (to show diffs).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Pinned {
    hash: String,
    value: Value,
}

impl Pinned {
    fn of(value: Value) -> Self {
        let hash =
            action_hash_value(&value).map_or_else(|err| format!("error:{err}"), |h| h.to_string());
        Pinned { hash, value }
    }
}

/// The pinned part of a tool definition from `tools/list`.
pub(crate) fn tool_definition(tool: &Value) -> Value {
    let mut out = serde_json::Map::new();
    if let Some(object) = tool.as_object() {
        for field in PINNED_FIELDS {
            if let Some(value) = object.get(field) {
                out.insert(field.to_owned(), value.clone());
            }
        }
    }
    Value::Object(out)
}

/// The pins the proxy enforces, and where it reports what it saw.
#[derive(Debug)]
pub(crate) struct Pins {
    path: PathBuf,
    approved: PinFile,
}

/// Whether a tool may be used as listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PinStatus {
    /// Its definition (and the instructions) match the pin file.
    Approved,
    /// A new tool, a changed definition, or changed instructions.
    Blocked,
}

impl Pins {
    /// Loads the pin file at `path`; a missing file pins nothing (every tool is new).
    pub(crate) fn load(path: &Path) -> anyhow::Result<Self> {
        let approved = read(path)?.unwrap_or_default();
        Ok(Pins {
            path: path.to_owned(),
            approved,
        })
    }

    /// Checks the server's instructions (`None`: the server gave none); records a change.
    pub(crate) fn check_instructions(&self, instructions: Option<&str>) -> PinStatus {
        let seen = Pinned::of(json!({ "instructions": instructions }));
        if self.approved.instructions.as_ref() == Some(&seen) {
            return PinStatus::Approved;
        }
        self.record(|pending| pending.instructions = Some(seen));
        PinStatus::Blocked
    }

    /// Checks one tool definition; records a new or changed one.
    pub(crate) fn check_tool(&self, tool: &Value) -> PinStatus {
        let definition = tool_definition(tool);
        let Some(name) = definition
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_owned)
        else {
            return PinStatus::Blocked;
        };
        let seen = Pinned::of(definition);
        if self
            .approved
            .tools
            .get(&name)
            .is_some_and(|p| p.hash == seen.hash)
        {
            return PinStatus::Approved;
        }
        self.record(|pending| {
            pending.tools.insert(name, seen);
        });
        PinStatus::Blocked
    }

    fn record(&self, change: impl FnOnce(&mut PinFile)) {
        let path = pending_path(&self.path);
        let mut pending = read(&path).ok().flatten().unwrap_or_default();
        change(&mut pending);
        if let Err(err) = write(&path, &pending) {
            eprintln!(
                "agentsentinel mcp-proxy: could not write `{}`: {err:#}",
                path.display()
            );
        }
    }
}

/// Arguments of `agentsentinel mcp-pins`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Show what `mcp-proxy` saw that differs from the pin file (FILE.pending), and approve it.
    Approve {
        /// The pin file given to `mcp-proxy --pins`.
        #[arg(long)]
        pins: PathBuf,
        /// Approve only these tools (repeatable); default: everything pending.
        #[arg(long = "tool")]
        tools: Vec<String>,
        /// Only show the diff.
        #[arg(long)]
        dry_run: bool,
    },
}

/// Runs `agentsentinel mcp-pins`.
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let Command::Approve {
        pins,
        tools,
        dry_run,
    } = &args.command;
    let pending_file = pending_path(pins);
    let Some(pending) = read(&pending_file)? else {
        println!(
            "nothing to approve: `{}` does not exist",
            pending_file.display()
        );
        return Ok(ExitCode::SUCCESS);
    };
    let mut approved = read(pins)?.unwrap_or_default();
    let mut left = pending.clone();
    let mut changes = 0;
    if tools.is_empty()
        && let Some(seen) = &pending.instructions
    {
        print_diff("server instructions", approved.instructions.as_ref(), seen);
        approved.instructions = Some(seen.clone());
        left.instructions = None;
        changes += 1;
    }
    for (name, seen) in &pending.tools {
        if !tools.is_empty() && !tools.contains(name) {
            continue;
        }
        print_diff(&format!("tool `{name}`"), approved.tools.get(name), seen);
        approved.tools.insert(name.clone(), seen.clone());
        left.tools.remove(name);
        changes += 1;
    }
    if *dry_run {
        println!("{changes} change(s) pending; nothing written (--dry-run)");
        return Ok(ExitCode::SUCCESS);
    }
    write(pins, &approved)?;
    if left.tools.is_empty() && left.instructions.is_none() {
        std::fs::remove_file(&pending_file)
            .with_context(|| format!("could not remove `{}`", pending_file.display()))?;
    } else {
        write(&pending_file, &left)?;
    }
    println!("approved {changes} change(s) into `{}`", pins.display());
    Ok(ExitCode::SUCCESS)
}

fn print_diff(what: &str, old: Option<&Pinned>, new: &Pinned) {
    let Some(old) = old else {
        println!("+ new {what} ({})", new.hash);
        for (key, value) in new.value.as_object().into_iter().flatten() {
            println!("+   {key}: {value}");
        }
        return;
    };
    println!("~ changed {what} ({} -> {})", old.hash, new.hash);
    let empty = serde_json::Map::new();
    let before = old.value.as_object().unwrap_or(&empty);
    let after = new.value.as_object().unwrap_or(&empty);
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    for key in keys {
        match (before.get(key), after.get(key)) {
            (Some(a), Some(b)) if a == b => {}
            (a, b) => {
                if let Some(a) = a {
                    println!("-   {key}: {a}");
                }
                if let Some(b) = b {
                    println!("+   {key}: {b}");
                }
            }
        }
    }
}

fn pending_path(pins: &Path) -> PathBuf {
    let mut name = pins.as_os_str().to_owned();
    name.push(".pending");
    PathBuf::from(name)
}

#[expect(
    clippy::disallowed_methods,
    reason = "the CLI reads the pin file the user named"
)]
fn read(path: &Path) -> anyhow::Result<Option<PinFile>> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .with_context(|| format!("`{}` is not a valid pin file", path.display())),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(err).with_context(|| format!("could not read `{}`", path.display())),
    }
}

#[expect(
    clippy::disallowed_methods,
    reason = "the CLI writes the pin file the user named"
)]
fn write(path: &Path, pins: &PinFile) -> anyhow::Result<()> {
    let mut text = serde_json::to_string_pretty(pins)?;
    text.push('\n');
    let tmp = {
        let mut name = path.as_os_str().to_owned();
        name.push(".tmp");
        PathBuf::from(name)
    };
    std::fs::write(&tmp, text).with_context(|| format!("could not write `{}`", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("could not write `{}`", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_covers_the_pinned_fields_only() {
        let a = json!({"name": "t", "description": "d", "inputSchema": {"type": "object"}, "icons": [1]});
        let b = json!({"inputSchema": {"type": "object"}, "description": "d", "name": "t"});
        assert_eq!(
            Pinned::of(tool_definition(&a)).hash,
            Pinned::of(tool_definition(&b)).hash
        );
        let c = json!({"name": "t", "description": "d!", "inputSchema": {"type": "object"}});
        assert_ne!(
            Pinned::of(tool_definition(&a)).hash,
            Pinned::of(tool_definition(&c)).hash
        );
    }
}
