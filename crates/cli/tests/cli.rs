//! The `agentsentinel` binary, run the way a user runs it.
#![allow(clippy::unwrap_used, reason = "a panic here is a failed test")]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn agentsentinel(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_agentsentinel"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn version_names_the_package_version() {
    let out = agentsentinel(&["--version"], b"");
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.trim(),
        format!("agentsentinel {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn fingerprint_of_an_argument_and_of_stdin_agree() {
    let from_arg = agentsentinel(&["fingerprint", "hello"], b"");
    let from_stdin = agentsentinel(&["fingerprint"], b"hello");
    assert!(from_arg.status.success());
    assert_eq!(from_arg.stdout, from_stdin.stdout);
    assert_eq!(
        String::from_utf8(from_arg.stdout).unwrap().trim(),
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
    );
}

#[test]
fn invalid_utf8_on_stdin_is_replaced_and_reported_not_fatal() {
    let out = agentsentinel(&["fingerprint"], b"ab\xffcd");
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("not valid UTF-8 at byte 2"), "{stderr}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.trim(), agentsentinel::fingerprint("ab\u{FFFD}cd"));
}

#[test]
fn unknown_subcommand_fails_with_usage() {
    let out = agentsentinel(&["frobnicate"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("Usage"));
}
