//! `agentsentinel analyze`: prompt-injection and jailbreak verdicts for one text or a stream.

use std::collections::BTreeMap;
use std::io::{BufRead, BufWriter, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;

use agentsentinel::Assessment;
use agentsentinel::input_shield::InputShield;
use anyhow::Context as _;
use serde_json::{Map, Value};

use crate::input;

/// Output formats for a single text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// The assessment as one JSON object.
    Json,
    /// A summary for people, with the matched spans highlighted.
    Text,
}

/// Arguments of `agentsentinel analyze`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to analyse; stdin is read when absent (invalid UTF-8 is replaced and flagged).
    text: Option<String>,
    /// Output format for a single text.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Read JSON Lines from stdin (objects with a "text" field) and write one JSON object per
    /// line, in order, with `should_block`, `risk_score`, `threat_level` and `rule_ids` added.
    #[arg(long, conflicts_with = "text")]
    jsonl: bool,
    /// Risk score (1-100) at and above which a text should be blocked.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=100))]
    threshold: Option<u8>,
    /// Worker threads for --jsonl (default: all cores).
    #[arg(long, value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

/// Exit 0 when the text is clean, 1 when it should be blocked. With `--jsonl`, exit 0 once every
/// line has been answered (verdicts are in the output).
pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let shield = match args.threshold {
        Some(t) => InputShield::builder().block_threshold(t).build()?,
        None => InputShield::default(),
    };
    if args.jsonl {
        let threads = args.threads.map_or_else(
            || thread::available_parallelism().map_or(1, std::num::NonZero::get),
            usize::from,
        );
        stream(&shield, threads)?;
        return Ok(ExitCode::SUCCESS);
    }
    let input = input::text_or_stdin(args.text.as_deref())?;
    if let Some(offset) = input.first_invalid_utf8 {
        eprintln!(
            "agentsentinel: warning: stdin is not valid UTF-8 at byte {offset}; invalid bytes were replaced by U+FFFD"
        );
    }
    let assessment = shield.analyze(&input.text);
    let mut out = std::io::stdout().lock();
    match args.format {
        Format::Json => {
            let mut value = serde_json::to_value(&assessment)?;
            if let (Some(offset), Value::Object(map)) = (input.first_invalid_utf8, &mut value) {
                map.insert("invalid_utf8_at".to_owned(), Value::from(offset));
            }
            serde_json::to_writer(&mut out, &value)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &input.text, &assessment)?,
    }
    Ok(if assessment.should_block {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_text(out: &mut impl Write, text: &str, assessment: &Assessment) -> std::io::Result<()> {
    use std::io::IsTerminal as _;
    let color = std::io::stdout().is_terminal();
    let verdict = if assessment.should_block {
        "BLOCK"
    } else {
        "allow"
    };
    writeln!(
        out,
        "{verdict}: risk {} ({}), {} finding(s)",
        assessment.risk_score,
        assessment.threat_level,
        assessment.findings.len()
    )?;
    for finding in &assessment.findings {
        let location = agentsentinel::Location::of_offset(text, finding.span.start);
        writeln!(
            out,
            "  {}:{}  {}  [{}, weight {}]  {}",
            location.line,
            location.column,
            finding.rule_id,
            finding.category,
            finding.weight,
            finding.description
        )?;
    }
    if assessment.findings.is_empty() {
        return Ok(());
    }
    // Highlight the union of the spans: reverse video on a terminal, [[ ]] otherwise.
    let mut spans: Vec<(usize, usize)> = assessment
        .findings
        .iter()
        .map(|f| (f.span.start, f.span.end))
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let (open, close) = if color {
        ("\x1b[7m", "\x1b[0m")
    } else {
        ("[[", "]]")
    };
    let mut shown = String::with_capacity(text.len() + merged.len() * 8);
    let mut at = 0;
    for (start, end) in merged {
        shown.push_str(text.get(at..start).unwrap_or(""));
        shown.push_str(open);
        shown.push_str(text.get(start..end).unwrap_or(""));
        shown.push_str(close);
        at = end;
    }
    shown.push_str(text.get(at..).unwrap_or(""));
    writeln!(out, "\n{shown}")
}

/// Lines per batch handed to a worker: large enough to amortise channel costs, small enough to
/// keep memory constant.
const BATCH: usize = 64;

/// Streams JSON Lines from stdin to stdout: a reader, `threads` workers and an ordered writer,
/// joined by bounded channels, so memory stays constant however long the input is.
fn stream(shield: &InputShield, threads: usize) -> anyhow::Result<()> {
    let threads = threads.max(1);
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Vec<u8>>)>(threads * 2);
    let job_rx = std::sync::Arc::new(std::sync::Mutex::new(job_rx));
    let (done_tx, done_rx) = mpsc::sync_channel::<(usize, Vec<String>)>(threads * 2);
    thread::scope(|scope| -> anyhow::Result<()> {
        for _ in 0..threads {
            let job_rx = std::sync::Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || {
                loop {
                    let job = match job_rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, lines)) = job else { return };
                    let out = lines.iter().map(|line| answer(shield, line)).collect();
                    if done_tx.send((seq, out)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        let writer = scope.spawn(move || -> std::io::Result<()> {
            let mut out = BufWriter::new(std::io::stdout().lock());
            let mut pending: BTreeMap<usize, Vec<String>> = BTreeMap::new();
            let mut next = 0;
            for (seq, lines) in done_rx {
                pending.insert(seq, lines);
                while let Some(lines) = pending.remove(&next) {
                    for line in lines {
                        out.write_all(line.as_bytes())?;
                        out.write_all(b"\n")?;
                    }
                    next += 1;
                }
            }
            out.flush()
        });
        let read = read_batches(&job_tx);
        drop(job_tx);
        let written = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the output thread stopped unexpectedly"))?;
        read?;
        written.context("could not write to stdout")
    })
}

fn read_batches(job_tx: &mpsc::SyncSender<(usize, Vec<Vec<u8>>)>) -> anyhow::Result<()> {
    let mut stdin = std::io::stdin().lock();
    let mut seq = 0;
    let mut batch = Vec::with_capacity(BATCH);
    loop {
        let mut line = Vec::new();
        let read = stdin
            .read_until(b'\n', &mut line)
            .context("could not read stdin")?;
        if read == 0 {
            break;
        }
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        batch.push(line);
        if batch.len() == BATCH {
            if job_tx.send((seq, std::mem::take(&mut batch))).is_err() {
                return Ok(());
            }
            seq += 1;
        }
    }
    if !batch.is_empty() {
        let _ = job_tx.send((seq, batch));
    }
    Ok(())
}

/// The output line for one input line; never fails (problems become an `error` field).
fn answer(shield: &InputShield, line: &[u8]) -> String {
    let decoded = input::from_bytes(line.to_vec());
    let mut object = match serde_json::from_str::<Value>(&decoded.text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return error_line("line is not a JSON object", None),
        Err(err) => return error_line(&format!("line is not valid JSON: {err}"), None),
    };
    if let Some(offset) = decoded.first_invalid_utf8 {
        object.insert("invalid_utf8_at".to_owned(), Value::from(offset));
    }
    let Some(text) = object.get("text").and_then(Value::as_str) else {
        return error_line("object has no string field `text`", Some(object));
    };
    let assessment = shield.analyze(text);
    object.insert(
        "should_block".to_owned(),
        Value::Bool(assessment.should_block),
    );
    object.insert("risk_score".to_owned(), Value::from(assessment.risk_score));
    object.insert(
        "threat_level".to_owned(),
        Value::from(assessment.threat_level.as_str()),
    );
    let ids: Vec<Value> = assessment.rule_ids().into_iter().map(Value::from).collect();
    object.insert("rule_ids".to_owned(), Value::Array(ids));
    Value::Object(object).to_string()
}

fn error_line(message: &str, object: Option<Map<String, Value>>) -> String {
    let mut object = object.unwrap_or_default();
    object.insert("error".to_owned(), Value::from(message));
    Value::Object(object).to_string()
}
