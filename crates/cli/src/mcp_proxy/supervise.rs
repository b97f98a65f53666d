//! The upstream server's life: spawned in its own process group, killed with its parent, and
//! shut down as clients do it (close stdin, wait, SIGTERM, wait, SIGKILL) but to the whole group.

use std::io;
use std::os::unix::process::CommandExt as _;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use rustix::process::{
    Pid, Signal, WaitId, WaitIdOptions, getpid, getppid, kill_process_group,
    set_parent_process_death_signal, waitid,
};

/// Spawns `argv` with piped stdin/stdout, inherited stderr, in a new process group whose id is
/// its pid, and with SIGKILL as its parent-death signal (so a proxy killed by SIGKILL
/// leaves no upstream behind).
pub(crate) fn spawn(argv: &[String]) -> io::Result<Child> {
    let (program, rest) = argv
        .split_first()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no server command"))?;
    let mut command = Command::new(program);
    command
        .args(rest)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .process_group(0);
    die_with_parent(&mut command);
    command.spawn()
}

/// Makes the child get SIGKILL when this process dies, even by SIGKILL.
///
/// Linux delivers the parent-death signal when the thread that forked the child exits: callers
/// spawn from the main thread, which lives as long as the process.
#[expect(
    unsafe_code,
    reason = "PR_SET_PDEATHSIG must be set in the child between fork and exec; std offers only \
              the unsafe `pre_exec` hook for that"
)]
fn die_with_parent(command: &mut Command) {
    let parent = getpid();
    let hook = move || -> io::Result<()> {
        set_parent_process_death_signal(Some(Signal::KILL))?;
        // The parent may have died before the prctl took effect: then nobody would signal us.
        if getppid() != Some(parent) {
            return Err(io::Error::from(rustix::io::Errno::SRCH));
        }
        Ok(())
    };
    // SAFETY: the hook runs in the forked child before exec. It only makes two raw system calls
    // through rustix (prctl, getppid), which are async-signal-safe, takes no locks and does not
    // allocate (the error is built from a raw errno).
    unsafe {
        command.pre_exec(hook);
    }
}

/// Whether the child has exited, without reaping it: while it is an unreaped zombie its pid, and
/// so its process group id, cannot be reused, which keeps group kills safe.
pub(crate) fn has_exited(child: &Child) -> bool {
    let pid = Pid::from_child(child);
    matches!(
        waitid(
            WaitId::Pid(pid),
            WaitIdOptions::EXITED | WaitIdOptions::NOHANG | WaitIdOptions::NOWAIT
        ),
        Ok(Some(_)) | Err(_)
    )
}

/// Waits up to `timeout` for the child to exit (without reaping it).
pub(crate) fn wait_exit(child: &Child, timeout: Duration) -> bool {
    let deadline = Instant::now() + timeout;
    loop {
        if has_exited(child) {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        thread::sleep(Duration::from_millis(10));
    }
}

/// Sends `signal` to the child's whole process group (errors ignored: the group may be gone).
pub(crate) fn signal_group(child: &Child, signal: Signal) {
    let _ = kill_process_group(Pid::from_child(child), signal);
}

/// After the child's stdin was closed: waits `grace`, then SIGTERMs the group, waits `grace`,
/// then SIGKILLs the group (always, to reach grandchildren), and reaps the child.
pub(crate) fn shut_down(child: &mut Child, grace: Duration) -> Option<i32> {
    if !wait_exit(child, grace) {
        signal_group(child, Signal::TERM);
        wait_exit(child, grace);
    }
    signal_group(child, Signal::KILL);
    child.wait().ok().and_then(|status| status.code())
}

/// Whether this process was orphaned: its parent is no longer `original`.
pub(crate) fn parent_died(original: Option<Pid>) -> bool {
    getppid() != original
}

/// The current parent.
pub(crate) fn parent() -> Option<Pid> {
    getppid()
}
